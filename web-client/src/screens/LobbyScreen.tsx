import { useEffect, useState } from 'react';
import { go } from '../lib/router';
import { MODE_NAMES, MODES, type Mode } from '../lib/types';
import { useLobbyStore } from '../stores/lobbyStore';
import { useUserStore } from '../stores/userStore';

const MODE_BLURBS: Record<Mode, string> = {
  BLITZ: '1v1 lockout · 5 problems · 30 min. First AC locks the problem.',
  GOLF: '2–8 players · shortest accepted source wins.',
  BATTLE_ROYALE: '4–16 players · shrinking rounds · unsolved are eliminated.',
  SABOTAGE: '1v1 · plant a bug, then repair your rival\u2019s.',
};

function since(iso: string | null | undefined, now: number) {
  if (!iso) return '0:00';
  const s = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function LobbyScreen() {
  const { queues, found, lobby, error, queue, leave, createLobby, joinLobby, exitLobby, startLobby, clearFound } = useLobbyStore();
  const player = useUserStore((s) => s.player);
  const [now, setNow] = useState(Date.now());
  const [code, setCode] = useState('');
  const [lobbyMode, setLobbyMode] = useState<Mode>('BLITZ');
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, []);
  useEffect(() => {
    if (!found) return;
    const t = window.setTimeout(() => { clearFound(); go(`match/${found.matchId}`); }, 1500);
    return () => window.clearTimeout(t);
  }, [found, clearFound]);

  return (
    <div className="lobby">
      {found && (
        <div className="match-found" role="alertdialog" aria-label="Match found" data-testid="match-found">
          <h2>Match found!</h2>
          <p>{found.players.map((p) => `${p.handle} (${p.rating})`).join(' vs ')}</p>
          <button className="primary" autoFocus onClick={() => { clearFound(); go(`match/${found.matchId}`); }}>Enter the arena</button>
        </div>
      )}
      <h1>Choose your battle</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="mode-grid">
        {MODES.map((mode) => {
          const q = queues[mode];
          return (
            <section key={mode} className={`panel mode-card ${q?.queued ? 'queued' : ''}`} aria-label={MODE_NAMES[mode]} data-mode={mode}>
              <h2>{MODE_NAMES[mode]}</h2>
              <p>{MODE_BLURBS[mode]}</p>
              {q?.queued ? (
                <>
                  <p className="queue-status" role="status">In queue <b>{since(q.since, now)}</b> · {q.queueSize} waiting · rating {q.rating}</p>
                  <button onClick={() => void leave(mode)}>Leave queue</button>
                </>
              ) : (
                <button className="primary" onClick={() => void queue(mode)}>Queue</button>
              )}
            </section>
          );
        })}
      </div>
      <section className="panel private-lobby" aria-label="Private lobby">
        <h2>Private lobby</h2>
        {lobby ? (
          <>
            <p>Code <b className="lobby-code" data-testid="lobby-code">{lobby.code}</b> · {MODE_NAMES[lobby.mode]} · {lobby.status}</p>
            <ul>{lobby.members.map((m) => <li key={m.playerId}>{m.handle}{m.playerId === lobby.hostId ? ' (host)' : ''}</li>)}</ul>
            {lobby.hostId === player?.playerId && <button className="primary" onClick={() => void startLobby()} disabled={lobby.members.length < 2}>Start match</button>}
            <button onClick={() => void exitLobby()}>Leave lobby</button>
          </>
        ) : (
          <div className="row">
            <label>Mode
              <select value={lobbyMode} onChange={(e) => setLobbyMode(e.target.value as Mode)}>
                {MODES.map((m) => <option key={m} value={m}>{MODE_NAMES[m]}</option>)}
              </select>
            </label>
            <button onClick={() => void createLobby(lobbyMode)}>Create lobby</button>
            <form className="row" onSubmit={(e) => { e.preventDefault(); void joinLobby(code); }}>
              <label>Code<input value={code} onChange={(e) => setCode(e.target.value)} maxLength={6} placeholder="K7P2QX" /></label>
              <button type="submit" disabled={code.trim().length < 6}>Join</button>
            </form>
          </div>
        )}
      </section>
    </div>
  );
}
