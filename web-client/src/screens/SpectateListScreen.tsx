import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { MODE_NAMES, type MatchSummary, type ResultPage } from '../lib/types';

export function SpectateListScreen() {
  const [matches, setMatches] = useState<MatchSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => api<ResultPage<MatchSummary>>('/api/matches/live?size=50')
      .then((page) => { if (alive) { setMatches(page.items); setError(null); } })
      .catch((e) => alive && setError(e.message));
    void load();
    const id = window.setInterval(load, 3000);
    return () => { alive = false; window.clearInterval(id); };
  }, []);
  return (
    <div className="page">
      <h1>Live matches</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {matches?.length === 0 && <p className="muted">Nobody is fighting right now.</p>}
      <ul className="live-list">
        {matches?.map((m) => (
          <li key={m.matchId} className="panel">
            <b>{MODE_NAMES[m.mode]}</b> · {m.playerCount} players · {m.phase.toLowerCase()}
            <a className="button" href={`#/spectate/${m.matchId}`}>Watch</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
