import { useEffect, useState } from 'react';
import { Chat } from '../components/Chat';
import { go } from '../lib/router';
import { MODE_NAMES, MODES, type LobbySettings, type LobbyState, type Mode } from '../lib/types';
import { useGlobalChatStore } from '../stores/chatStore';
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

const SETTING_FIELDS: { key: keyof LobbySettings; label: string; min: number; max: number; hint: string }[] = [
  { key: 'durationSeconds', label: 'Duration (minutes)', min: 1, max: 240, hint: 'Blitz and Golf' },
  { key: 'problemCount', label: 'Problems', min: 1, max: 10, hint: 'Blitz problems or Battle Royale rounds' },
  { key: 'difficulty', label: 'Hardest difficulty', min: 1, max: 10, hint: '1 easiest' },
  { key: 'maxPlayers', label: 'Max players', min: 2, max: 100, hint: 'room size' },
];

/** Shown in minutes, sent in seconds. */
const toForm = (key: keyof LobbySettings, v: number | null | undefined) => (v == null ? '' : key === 'durationSeconds' ? String(Math.round(v / 60)) : String(v));
const fromForm = (key: keyof LobbySettings, v: string) => (v.trim() === '' ? null : key === 'durationSeconds' ? Number(v) * 60 : Number(v));

/** The private lobby's mode and settings: editable by the host, read-only for everyone else. */
function LobbySettingsForm({ lobby, isHost }: { lobby: LobbyState; isHost: boolean }) {
  const configureLobby = useLobbyStore((s) => s.configureLobby);
  const [mode, setMode] = useState<Mode>(lobby.mode);
  const [form, setForm] = useState<Record<string, string>>({});
  useEffect(() => {
    setMode(lobby.mode);
    setForm(Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, toForm(f.key, lobby.settings?.[f.key])])));
  }, [lobby]);
  const settings = Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, fromForm(f.key, form[f.key] ?? '')])) as unknown as LobbySettings;
  return (
    <form aria-label="Lobby settings" data-testid="lobby-settings" onSubmit={(e) => { e.preventDefault(); if (isHost) void configureLobby(mode, settings); }}>
      <fieldset disabled={!isHost} className="lobby-settings">
        <legend className="muted">{isHost ? 'Settings (you are the host; empty = the mode’s default)' : 'Settings (set by the host)'}</legend>
        <label>Mode
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)} data-testid="lobby-mode">
            {MODES.map((m) => <option key={m} value={m}>{MODE_NAMES[m]}</option>)}
          </select>
        </label>
        {SETTING_FIELDS.map((f) => (
          <label key={f.key} title={f.hint}>{f.label}
            <input type="number" min={f.min} max={f.max} value={form[f.key] ?? ''} placeholder="default" data-testid={`lobby-${f.key}`}
              onChange={(e) => setForm({ ...form, [f.key]: e.target.value })} readOnly={!isHost} />
          </label>
        ))}
      </fieldset>
      {isHost && <button type="submit" data-testid="lobby-apply">Apply settings</button>}
    </form>
  );
}

function GlobalChat() {
  const { messages, send } = useGlobalChatStore();
  return <div className="global-chat" data-testid="global-chat"><Chat messages={messages} onSend={send} title="Global chat" /></div>;
}

export function LobbyScreen() {
  const { queues, found, lobby, error, queue, leave, createLobby, joinLobby, exitLobby, startLobby, clearFound } = useLobbyStore();
  const player = useUserStore((s) => s.player);
  const isHost = !!lobby && lobby.hostId === player?.playerId;
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
    <div className="lobby-layout">
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
            <p>Code <b className="lobby-code" data-testid="lobby-code">{lobby.code}</b> · <span data-testid="lobby-mode-name">{MODE_NAMES[lobby.mode]}</span> · {lobby.status}
              {!isHost && <span className="muted"> · the host sets the match up</span>}</p>
            <p className="muted">Friends join with this code from their lobby.</p>
            <ul aria-label="Members" data-testid="lobby-members">{lobby.members.map((m) => <li key={m.playerId}>{m.handle}{m.playerId === lobby.hostId ? ' (host)' : ''}</li>)}</ul>
            <LobbySettingsForm lobby={lobby} isHost={isHost} />
            <div className="row">
              {isHost && <button className="primary" onClick={() => void startLobby()} disabled={lobby.members.length < 2} data-testid="lobby-start">Start match</button>}
              <button onClick={() => void exitLobby()}>Leave lobby</button>
            </div>
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
              <label>Code<input value={code} onChange={(e) => setCode(e.target.value)} maxLength={6} placeholder="K7P2QX" data-testid="join-code" /></label>
              <button type="submit" disabled={code.trim().length < 6}>Join</button>
            </form>
          </div>
        )}
      </section>
    </div>
    <GlobalChat />
    </div>
  );
}
