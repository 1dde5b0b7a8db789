import { useEffect, useState } from 'react';
import { RatingChart } from '../components/RatingChart';
import { api } from '../lib/api';
import { MODE_NAMES, MODES, type MatchSummary, type PlayerProfile, type RatingHistory, type ResultPage } from '../lib/types';

export function ProfileScreen({ playerId }: { playerId?: string }) {
  const [profile, setProfile] = useState<PlayerProfile | null>(null);
  const [board, setBoard] = useState('OVERALL');
  const [history, setHistory] = useState<RatingHistory | null>(null);
  const [matches, setMatches] = useState<MatchSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!playerId) return;
    api<PlayerProfile>(`/api/players/${playerId}`).then(setProfile).catch((e) => setError(e.message));
    api<ResultPage<MatchSummary>>(`/api/players/${playerId}/matches?size=20`).then((p) => setMatches(p.items)).catch(() => undefined);
  }, [playerId]);
  useEffect(() => {
    if (playerId) api<RatingHistory>(`/api/players/${playerId}/ratings/${board}`).then(setHistory).catch(() => setHistory(null));
  }, [playerId, board]);
  if (!playerId) return <p className="muted">No player.</p>;
  if (error) return <p className="error" role="alert">{error}</p>;
  return (
    <div className="page profile">
      <h1>{profile?.handle ?? '…'} <small className="badge">{profile?.playerClass.toLowerCase()}</small></h1>
      {profile?.clanId && <p><a href={`#/clan/${profile.clanId}`} data-testid="profile-clan">Clan page</a></p>}
      <div className="ratings">
        {profile?.ratings.map((r) => (
          <div key={r.board} className="panel stat"><small>{r.board === 'OVERALL' ? 'Overall' : MODE_NAMES[r.board as keyof typeof MODE_NAMES] ?? r.board}</small><b>{r.rating}</b><small>{r.games} games</small></div>
        ))}
      </div>
      <section className="panel">
        <div className="row"><h2>Rating history</h2>
          <select value={board} onChange={(e) => setBoard(e.target.value)} aria-label="Rating board">
            {['OVERALL', ...MODES].map((b) => <option key={b} value={b}>{b === 'OVERALL' ? 'Overall' : MODE_NAMES[b as keyof typeof MODE_NAMES]}</option>)}
          </select>
        </div>
        <RatingChart points={history?.points ?? []} />
      </section>
      <section className="panel">
        <h2>Match history</h2>
        <table className="table" data-testid="match-history">
          <thead><tr><th>When</th><th>Mode</th><th>Place</th><th>Score</th><th>Rating</th><th></th></tr></thead>
          <tbody>
            {matches.map((m) => (
              <tr key={m.matchId}>
                <td>{new Date(m.createdAt).toLocaleString()}</td><td>{MODE_NAMES[m.mode]}</td><td>{m.place ?? '–'}</td><td>{m.score ?? '–'}</td>
                <td className={m.ratingDelta && m.ratingDelta > 0 ? 'up' : 'down'}>{m.ratingDelta == null ? '–' : (m.ratingDelta > 0 ? '+' : '') + m.ratingDelta}</td>
                <td>{m.endedAt ? <a href={`#/replay/${m.matchId}`}>Replay</a> : <a href={`#/spectate/${m.matchId}`}>Live</a>}</td>
              </tr>
            ))}
            {matches.length === 0 && <tr><td colSpan={6} className="muted">No matches yet.</td></tr>}
          </tbody>
        </table>
      </section>
    </div>
  );
}
