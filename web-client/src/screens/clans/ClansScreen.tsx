import { useCallback, useEffect, useState } from 'react';
import { api, post } from '../../lib/api';
import type { MyClan } from '../../lib/clanTypes';
import { go } from '../../lib/router';
import { ClanStandings } from './ClanStandings';

/** #/clans: your clan or invitations, founding a clan, and every clan (searchable, ranked). */
export function ClansScreen() {
  const [mine, setMine] = useState<MyClan | null>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadMine = useCallback(() => api<MyClan>('/api/me/clan').then(setMine).catch((e) => setError(e.message)), []);
  useEffect(() => { void loadMine(); }, [loadMine]);
  useEffect(() => {
    const id = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(id);
  }, [search]);

  async function found(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { clanId } = await post<{ clanId: string }>('/api/clans', { name: name.trim(), tag: tag.trim() });
      go(`clan/${clanId}`);
    } catch (er: any) {
      setError(er.message);
    } finally {
      setBusy(false);
    }
  }

  async function join(clanId: string) {
    setError(null);
    try {
      await post(`/api/clans/${clanId}/join`);
      go(`clan/${clanId}`);
    } catch (er: any) {
      setError(er.message);
    }
  }

  return (
    <div className="page clans">
      <h1>Clans</h1>
      {error && <p className="error" role="alert" data-testid="clans-error">{error}</p>}
      {mine?.clanId ? (
        <section className="panel" data-testid="my-clan">
          <h2>Your clan</h2>
          <p><a href={`#/clan/${mine.clanId}`}>[{mine.tag}] {mine.name}</a> · you are {mine.role?.toLowerCase()}</p>
        </section>
      ) : (
        <section className="panel">
          <h2>Found a clan</h2>
          <form className="row" onSubmit={found}>
            <label>Name <input value={name} onChange={(e) => setName(e.target.value)} minLength={3} maxLength={32} required data-testid="clan-name" /></label>
            <label>Tag <input value={tag} onChange={(e) => setTag(e.target.value.toUpperCase())} pattern="[A-Za-z0-9]{2,5}" title="2-5 letters or digits" required size={6} data-testid="clan-tag" /></label>
            <button type="submit" disabled={busy} data-testid="clan-create">Found clan</button>
          </form>
          <small className="muted">You lead the clan you found. A player is in one clan at a time.</small>
        </section>
      )}
      {mine && mine.invitations.length > 0 && (
        <section className="panel" data-testid="invitations">
          <h2>Invitations</h2>
          <ul className="plain">
            {mine.invitations.map((i) => (
              <li key={i.clanId} className="row">
                <a href={`#/clan/${i.clanId}`}>[{i.tag}] {i.name}</a>
                <button onClick={() => void join(i.clanId)} data-testid={`accept-${i.tag}`}>Join</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel">
        <div className="row">
          <h2>All clans</h2>
          <label>Search <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="name or tag" data-testid="clan-search" /></label>
        </div>
        <ClanStandings search={query} highlight={mine?.clanId} />
      </section>
    </div>
  );
}
