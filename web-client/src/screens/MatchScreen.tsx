import Editor from '@monaco-editor/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import Markdown from 'react-markdown';
import { Chat } from '../components/Chat';
import { LockIcon } from '../components/LockIcon';
import { SabotageBanner, SabotageWorkbench } from '../components/SabotageWorkbench';
import { SpringNumber } from '../components/SpringNumber';
import { Timer } from '../components/Timer';
import { api } from '../lib/api';
import { classEditorOptions, FILE_EXTENSIONS, LANGUAGES } from '../lib/monaco';
import { go } from '../lib/router';
import { socket } from '../lib/socket';
import { MODE_NAMES, type LanguageId, type LiveMatchView, type ProblemView } from '../lib/types';
import { useSubmitShortcut } from '../lib/useSubmitShortcut';
import { draftKey, useEditorStore } from '../stores/editorStore';
import { useMatchStore } from '../stores/matchStore';
import { useUserStore } from '../stores/userStore';

const PHASE_TEXT: Record<string, string> = {
  SCHEDULED: 'Starting soon', RUNNING: 'Fight!', ROUND: 'Round', SABOTAGE: 'Phase 1 · plant your bug',
  REPAIR: 'Phase 2 · repair their code', CLOSING: 'Time up · last verdicts', ENDED: 'Match over', CANCELLED: 'Cancelled',
};

function Statement({ problemId }: { problemId: string }) {
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setProblem(null);
    api<ProblemView>(`/api/problems/${problemId}`).then(setProblem).catch((e) => setError(e.message));
  }, [problemId]);
  if (error) return <p className="error">{error}</p>;
  if (!problem) return <p className="muted">Loading statement…</p>;
  return (
    <article className="statement" data-testid="statement">
      <h2>{problem.title}</h2>
      <p className="muted">{problem.timeLimitMs} ms · {problem.memoryMb} MB · {problem.testCount} tests · {problem.tags.join(', ')}</p>
      <Markdown>{problem.statementMarkdown}</Markdown>
    </article>
  );
}

function Scoreboard({ view, me }: { view: LiveMatchView; me?: string }) {
  const players = [...view.players].sort((a, b) =>
    view.mode === 'GOLF' ? (a.golfBestBytes || 1e9) - (b.golfBestBytes || 1e9) : b.score - a.score);
  return (
    <section className="panel scoreboard" aria-label="Players">
      <h3>Players</h3>
      <ol>
        {players.map((p) => (
          <li key={p.playerId} className={`${p.playerId === me ? 'me' : ''} ${p.eliminated ? 'eliminated' : ''}`} data-testid={`player-${p.handle}`}>
            <span className="handle">{p.handle}{p.forfeited ? ' (forfeit)' : ''}{p.eliminated ? ` ✖ r${p.eliminatedRound}` : ''}</span>
            {view.mode === 'SABOTAGE' && (
              <span className="sabotage-marks" data-testid={`sabotage-marks-${p.handle}`}>
                {p.sabotageAccepted ? <span className="badge">bug planted</span> : null}
                {p.repaired ? <span className="badge ok">repaired</span> : null}
              </span>
            )}
            {view.mode === 'GOLF'
              ? <span className="score">{p.golfBestBytes > 0 ? <><SpringNumber value={p.golfBestBytes} /> B</> : '—'}</span>
              : <SpringNumber className="score" value={p.score} />}
            <span className="pips" role="img"
              aria-label={`Problem progress: ${p.problems.filter((s) => s.solved).length} of ${p.problems.length} solved`}>
              {p.problems.map((s) => (
                <i key={s.problemId} title={`${s.problemId}: ${s.solved ? 'solved' : s.pending ? 'judging' : s.lastVerdict ?? 'no attempt'}`}
                  className={s.solved ? 'ok' : s.pending ? 'pending' : s.lastVerdict ? 'bad' : ''} />
              ))}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function EndScreen({ view, onClose }: { view: LiveMatchView; onClose: () => void }) {
  const end = useMatchStore((s) => s.end);
  const me = useUserStore((s) => s.player?.playerId);
  const standings = end?.standings ?? view.players.map((p) => ({ playerId: p.playerId, place: p.place, score: p.score }));
  return (
    <div className="end-screen" role="dialog" aria-label="Match result" data-testid="end-screen">
      <div className="panel">
        <h2>{end?.cancelled ? 'Match cancelled' : standings.find((s) => s.playerId === me)?.place === 1 ? 'Victory!' : 'Match over'}</h2>
        <table className="table">
          <thead><tr><th>Place</th><th>Player</th><th>Score</th><th>Rating</th></tr></thead>
          <tbody>
            {[...standings].sort((a, b) => a.place - b.place).map((s) => {
              const rc = end?.ratingChanges.find((r) => r.playerId === s.playerId);
              const handle = view.players.find((p) => p.playerId === s.playerId)?.handle ?? s.playerId;
              const delta = rc ? rc.after - rc.before : view.players.find((p) => p.playerId === s.playerId)?.ratingDelta ?? 0;
              return (
                <tr key={s.playerId} className={s.playerId === me ? 'me' : ''}>
                  <td>{s.place}</td><td>{handle}</td><td><SpringNumber value={s.score} /></td>
                  <td className={delta >= 0 ? 'up' : 'down'} data-testid="rating-change">
                    {rc ? <>{rc.before} → <SpringNumber value={rc.after} /> </> : null}({delta >= 0 ? '+' : ''}{delta})
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="row">
          <button className="primary" onClick={() => go('lobby')}>Back to lobby</button>
          <a className="button" href={`#/replay/${view.matchId}`}>Watch replay</a>
          <button onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}

export function MatchScreen({ matchId, role }: { matchId: string; role: 'player' | 'spectator' }) {
  const { view, endsAtLocal, tests, mine, verdicts, feed, chat, enter, exit, submit, sendChat } = useMatchStore();
  const player = useUserStore((s) => s.player);
  const { language, setLanguage, code, setCode } = useEditorStore();
  const [problemId, setProblemId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [endClosed, setEndClosed] = useState(false);

  useEffect(() => { enter(matchId, role); }, [matchId, role, enter]);
  useEffect(() => () => exit(), [exit]);

  const problems = view?.problems ?? [];
  const current = view?.mode === 'BATTLE_ROYALE' && view.roundProblem ? view.roundProblem : problemId ?? problems[0]?.problemId ?? null;
  const key = current ? draftKey(matchId, current, language) : '';
  const source = key ? code(key) : '';
  const ended = view?.phase === 'ENDED' || view?.phase === 'CANCELLED';
  const meView = view?.players.find((p) => p.playerId === player?.playerId);
  const sabotageMode = view?.mode === 'SABOTAGE';
  // Sabotage players submit from their workbench (sabotage, then repair), never a plain solution.
  const canSubmit = role === 'player' && !sabotageMode && !ended && !meView?.eliminated && view?.phase !== 'SCHEDULED';
  const lockedByOther = problems.find((p) => p.problemId === current)?.lockedBy;

  const doSubmit = useCallback(async () => {
    if (!current || !canSubmit) return;
    setStatus('Submitting…');
    try {
      await submit(current, language, useEditorStore.getState().code(key));
      setStatus('Judging…');
    } catch (e: any) {
      setStatus(e.message);
    }
  }, [current, canSubmit, submit, language, key]);
  useSubmitShortcut(() => void doSubmit());

  const latest = mine[0];
  const latestTests = latest ? [...(tests[latest.submissionId] ?? [])].sort((a, b) => a.testIndex - b.testIndex) : [];
  const editorOptions = useMemo(() => ({
    fontSize: 14, minimap: { enabled: false }, scrollBeyondLastLine: false, automaticLayout: true,
    ...classEditorOptions(player?.playerClass), readOnly: !canSubmit,
  }), [player?.playerClass, canSubmit]);

  if (!view) return <p className="muted center" role="status">Joining match…</p>;
  const handle = (id: string | null) => view.players.find((p) => p.playerId === id)?.handle ?? '';

  return (
    <div className={`match mode-${view.mode.toLowerCase()} ${role}`} data-testid="match" data-phase={view.phase}>
      <div className="match-bar">
        <b>{MODE_NAMES[view.mode]}</b>
        <span className="phase" data-testid="phase">{PHASE_TEXT[view.phase] ?? view.phase}{view.mode === 'BATTLE_ROYALE' && view.round > 0 ? ` ${view.round}` : ''}</span>
        <Timer endsAt={ended ? null : endsAtLocal} active={role === 'player' && !ended} />
        <span className="muted">{view.spectators} watching</span>
        {role === 'spectator' && <span className="badge">spectating · read only</span>}
        {role === 'player' && !ended && !meView?.forfeited && (
          <button className="ghost" onClick={() => {
            if (window.confirm('Forfeit this match? It counts as a loss.')) void socket.request('match:forfeit', { matchId }).catch((e) => setStatus(e.message));
          }}>Forfeit</button>
        )}
      </div>

      {view.mode === 'SABOTAGE' && <SabotageBanner view={view} me={role === 'player' ? player?.playerId : undefined} />}
      <div className="match-grid">
        <div className="left">
          <section className="panel lockout-board" aria-label="Problems">
            <h3>{view.mode === 'BLITZ' ? 'Lockout board' : 'Problems'}</h3>
            <div role="tablist">
              {problems.map((p, i) => (
                <button key={p.problemId} role="tab" aria-selected={p.problemId === current}
                  className={`problem-tab ${p.lockedBy ? (role === 'spectator' ? 'locked' : p.lockedBy === player?.playerId ? 'mine' : 'theirs') : ''}`}
                  onClick={() => setProblemId(p.problemId)} data-testid={`problem-${p.problemId}`} data-locked-by={handle(p.lockedBy)}>
                  <span>{String.fromCharCode(65 + i)}. {p.title}</span>
                  <span className="pts">{p.points}</span>
                  {p.lockedBy && <span className="lock"><LockIcon />{handle(p.lockedBy)}</span>}
                </button>
              ))}
            </div>
          </section>
          {current && <section className="panel"><Statement problemId={current} /></section>}
        </div>

        <div className="center">
          {role === 'player' && sabotageMode && player ? (
            <SabotageWorkbench view={view} me={player.playerId} playerClass={player.playerClass} />
          ) : role === 'player' ? (
            <>
              <div className="editor-bar">
                <label>Language
                  <select value={language} onChange={(e) => setLanguage(e.target.value as LanguageId)} data-testid="language">
                    {LANGUAGES.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
                  </select>
                </label>
                <label className="button file">Load file…
                  <input type="file" data-testid="load-file" accept=".py,.cpp,.cc,.c,.java,.js" onChange={async (e) => {
                    const file = e.target.files?.[0];
                    if (!file || !current) return;
                    const lang = FILE_EXTENSIONS[file.name.split('.').pop() ?? ''] ?? language;
                    setLanguage(lang);
                    setCode(draftKey(matchId, current, lang), await file.text());
                    e.target.value = '';
                  }} />
                </label>
                {view.mode === 'GOLF' && <span className="bytes">{new TextEncoder().encode(source).length} bytes</span>}
                <button className="primary submit" onClick={() => void doSubmit()} disabled={!canSubmit} data-testid="submit"
                  title="Submit (Ctrl+Enter)">Submit <kbd>Ctrl+Enter</kbd></button>
              </div>
              {lockedByOther && lockedByOther !== player?.playerId && <p className="warn">Locked by {handle(lockedByOther)}: submissions here are refused.</p>}
              <div className="editor" data-testid="editor">
                <Editor key={key} language={LANGUAGES.find((l) => l.id === language)?.monaco} value={source} theme="vs-dark"
                  onChange={(v) => key && setCode(key, v ?? '')} options={editorOptions}
                  loading={<p className="muted">Loading editor…</p>} />
              </div>
              <section className="panel tests" aria-label="Test results" aria-live="polite" data-testid="test-results">
                <h3>Tests {status && <small className="muted">{latest?.verdict ? '' : status}</small>}</h3>
                {latest?.refusal && <p className="error">Refused: {latest.refusal}</p>}
                <div className="test-row">
                  {latestTests.map((t) => (
                    <span key={t.testIndex} className={`test ${t.verdict === 'AC' ? 'ok' : 'bad'}`} title={`${t.cpuMs} ms · ${Math.round(t.memoryKb / 1024)} MB`}>
                      {t.testIndex + 1}:{t.verdict}
                    </span>
                  ))}
                  {latest?.verdict && <b className={`verdict ${latest.verdict.verdict === 'AC' ? 'ok' : 'bad'}`} data-testid="final-verdict">{latest.verdict.verdict} {latest.verdict.testsPassed}/{latest.verdict.testCount}</b>}
                </div>
              </section>
            </>
          ) : (
            <section className="panel">
              <h3>Spectating</h3>
              <p className="muted">You see progress, verdicts, locks and eliminations live. Code is shown only in the replay, once the match is over.</p>
            </section>
          )}
          <section className="panel history" aria-label="Verdict history">
            <h3>Verdicts</h3>
            <ol data-testid="verdict-history">
              {verdicts.map((v) => (
                <li key={v.submissionId}><b>{handle(v.playerId)}</b> {view.problems.find((p) => p.problemId === v.problemId)?.title ?? v.problemId}:
                  <span className={v.verdict === 'AC' ? 'ok' : 'bad'}> {v.verdict}</span> {v.testsPassed}/{v.testCount}{view.mode === 'GOLF' && v.verdict === 'AC' ? ` · ${v.sourceBytes} B` : ''}</li>
              ))}
            </ol>
          </section>
        </div>

        <div className="right">
          <Scoreboard view={view} me={player?.playerId} />
          <section className="panel feed" aria-label="Match events" aria-live="polite">
            <h3>Events</h3>
            <ol data-testid="feed">{feed.map((f, i) => <li key={f.at + '-' + i} className={f.kind}>{f.text}</li>)}</ol>
          </section>
          <Chat messages={chat} onSend={sendChat} title={role === 'player' ? 'Match chat' : 'Spectator chat'} />
        </div>
      </div>
      {ended && !endClosed && <EndScreen view={view} onClose={() => setEndClosed(true)} />}
    </div>
  );
}
