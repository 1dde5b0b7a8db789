import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { ClanStanding } from '../../lib/clanTypes';
import type { ResultPage } from '../../lib/types';

/** Clans ranked by their members' mean rating on a board; the Leaderboards screen's "Clans" tab and the clan list. */
export function ClanStandings({ board = 'OVERALL', search = '', size = 25, highlight }: { board?: string; search?: string; size?: number; highlight?: string | null }) {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<ResultPage<ClanStanding> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setPage(0); }, [board, search]);
  useEffect(() => {
    let live = true;
    setError(null);
    api<ResultPage<ClanStanding>>(`/api/clans?board=${board}&search=${encodeURIComponent(search)}&page=${page}&size=${size}`)
      .then((d) => { if (live) setData(d); })
      .catch((e) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, [board, search, page, size]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.size)) : 1;
  return (
    <>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="table" data-testid="clan-standings">
        <thead><tr><th>#</th><th>Clan</th><th>Members</th><th>Mean rating</th></tr></thead>
        <tbody>
          {data?.items.map((c) => (
            <tr key={c.clanId} className={highlight === c.clanId ? 'mine' : undefined}>
              <td>{c.rank}</td>
              <td><a href={`#/clan/${c.clanId}`}>[{c.tag}] {c.name}</a></td>
              <td>{c.members}</td>
              <td>{c.rating ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
          {data?.items.length === 0 && <tr><td colSpan={4} className="muted">{search ? 'No clan matches.' : 'No clans yet.'}</td></tr>}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="row">
          <button disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
          <span>Page {page + 1} of {pages}</span>
          <button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next</button>
        </div>
      )}
    </>
  );
}
