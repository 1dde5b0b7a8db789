import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { MODE_NAMES, MODES, type LeaderboardEntry, type ResultPage } from '../lib/types';
import { ClanStandings } from './clans/ClanStandings';

const BOARDS = ['OVERALL', ...MODES];

export function LeaderboardsScreen() {
  const [board, setBoard] = useState('OVERALL');
  const [page, setPage] = useState(0);
  const [data, setData] = useState<ResultPage<LeaderboardEntry> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (board === 'CLANS') return;
    api<ResultPage<LeaderboardEntry>>(`/api/leaderboards/${board}?page=${page}&size=25`).then(setData).catch((e) => setError(e.message));
  }, [board, page]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.size)) : 1;
  return (
    <div className="page">
      <h1>Leaderboards</h1>
      <div className="tabs" role="tablist" aria-label="Board">
        {BOARDS.map((b) => (
          <button key={b} role="tab" aria-selected={board === b} onClick={() => { setBoard(b); setPage(0); }}>
            {b === 'OVERALL' ? 'Overall' : MODE_NAMES[b as keyof typeof MODE_NAMES]}
          </button>
        ))}
        <button role="tab" aria-selected={board === 'CLANS'} onClick={() => setBoard('CLANS')} data-testid="board-clans">Clans</button>
      </div>
      {board === 'CLANS' ? <ClanStandings /> : <>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="table" data-testid="leaderboard">
        <thead><tr><th>#</th><th>Player</th><th>Rating</th><th>Games</th></tr></thead>
        <tbody>
          {data?.items.map((e) => (
            <tr key={e.playerId}><td>{e.rank}</td><td><a href={`#/profile/${e.playerId}`}>{e.handle}</a></td><td>{e.rating}</td><td>{e.games}</td></tr>
          ))}
          {data?.items.length === 0 && <tr><td colSpan={4} className="muted">No rated players yet.</td></tr>}
        </tbody>
      </table>
      <div className="row">
        <button disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
        <span>Page {page + 1} of {pages}</span>
        <button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next</button>
      </div>
      </>}
    </div>
  );
}
