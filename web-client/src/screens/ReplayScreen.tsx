import { useEffect, useMemo, useState } from 'react';
import { api } from '../lib/api';
import { MODE_NAMES, type AuditEvent, type EventStreamPage, type MatchDetail, type ReplayResult } from '../lib/types';

const shortType = (type: string) => type.split('.').pop() ?? type;

/** Describes one stored event in words, with the handles of the match. */
function describe(e: AuditEvent, handle: (id: unknown) => string) {
  const p = e.payload as Record<string, any>;
  switch (shortType(e.type)) {
    case 'MatchCreated': return 'Match created';
    case 'MatchStarted': return 'Match started';
    case 'SubmissionReceived': return `${handle(p.playerId)} submitted ${p.problemId} (${p.language ?? ''})`;
    case 'SubmissionRefused': return `${handle(p.playerId)}'s submission refused: ${p.reason ?? ''}`;
    case 'SubmissionJudged': return `${handle(p.playerId)}: ${p.verdict} ${p.testsPassed}/${p.testCount} on ${p.problemId}`;
    case 'ProblemSolved': return `${handle(p.playerId)} solved ${p.problemId}`;
    case 'ProblemLocked': return `${handle(p.playerId)} locked ${p.problemId} (+${p.points ?? ''})`;
    case 'PlayerEliminated': return `${handle(p.playerId)} eliminated`;
    case 'MatchEnded': return `Match ended (${String(p.reason ?? '').toLowerCase().replace(/_/g, ' ')})`;
    default: return shortType(e.type);
  }
}

export function ReplayScreen({ matchId }: { matchId: string }) {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [detail, setDetail] = useState<MatchDetail | null>(null);
  const [step, setStep] = useState(0);
  const [state, setState] = useState<ReplayResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    (async () => {
      try {
        const all: AuditEvent[] = [];
        let from: number | null = 0;
        while (from !== null) {
          const page: EventStreamPage = await api<EventStreamPage>(`/api/audit/matches/${matchId}/events?fromSequence=${from}&size=1000`);
          all.push(...page.events);
          from = page.nextSequence;
        }
        setEvents(all);
        setStep(all.length ? 1 : 0);
        setDetail(await api<MatchDetail>(`/api/matches/${matchId}`));
      } catch (e: any) {
        setError(e.message);
      }
    })();
  }, [matchId]);

  useEffect(() => {
    if (!events.length) return;
    const t = window.setTimeout(() => {
      api<ReplayResult>(`/api/audit/matches/${matchId}/replay?upTo=${step}`).then(setState).catch((e) => setError(e.message));
    }, 120);
    return () => window.clearTimeout(t);
  }, [matchId, step, events.length]);

  useEffect(() => {
    if (!playing) return;
    if (step >= events.length) { setPlaying(false); return; }
    const t = window.setTimeout(() => setStep(step + 1), 700);
    return () => window.clearTimeout(t);
  }, [playing, step, events.length]);

  const handle = useMemo(() => (id: unknown) => detail?.players.find((p) => p.playerId === id)?.handle ?? String(id ?? ''), [detail]);
  const event = events[step - 1];
  const submissionId = (event?.payload as any)?.submissionId;
  const submission = detail?.submissions.find((s) => s.submissionId === submissionId);
  // Never show code before the match is over, even if the stored event carries it.
  const code = detail?.codeVisible ? submission?.source ?? (event?.payload as any)?.source ?? null : null;

  if (error) return <p className="error" role="alert">{error}</p>;
  return (
    <div className="page replay" data-testid="replay">
      <h1>Replay {detail && <small>{MODE_NAMES[detail.mode]} · {detail.players.map((p) => p.handle).join(' vs ')}</small>}</h1>
      <div className="panel timeline">
        <button onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0} aria-label="Previous event">◀</button>
        <button onClick={() => setPlaying(!playing)}>{playing ? 'Pause' : 'Play'}</button>
        <button onClick={() => setStep(Math.min(events.length, step + 1))} disabled={step >= events.length} aria-label="Next event" data-testid="replay-next">▶</button>
        <input type="range" min={0} max={events.length} value={step} onChange={(e) => setStep(Number(e.target.value))}
          aria-label="Event timeline" data-testid="replay-slider" />
        <span data-testid="replay-step" title="events applied / events in the match">{step} / {events.length}</span>
      </div>
      <div className="replay-grid">
        <section className="panel">
          <h3>Events</h3>
          <ol className="events">
            {events.map((e, i) => (
              <li key={e.sequence} className={i === step - 1 ? 'current' : i >= step ? 'future' : ''}>
                <button className="link" onClick={() => setStep(i + 1)}>#{e.sequence} {describe(e, handle)}</button>
              </li>
            ))}
          </ol>
        </section>
        <section className="panel">
          <h3 data-testid="replay-position">{event ? `State after event #${event.sequence}` : 'State before the first event'}</h3>
          {state && (
            <>
              <p>Phase <b data-testid="replay-phase">{state.phase.toLowerCase()}</b>{state.round ? ` · round ${state.round}` : ''}
                {state.agrees !== null && <> · recomputed result {state.agrees ? <span className="ok">agrees</span> : <span className="bad">differs</span>} with the recorded one</>}</p>
              <table className="table">
                <thead><tr><th>Player</th><th>Score</th><th>Solved</th><th>Locked</th></tr></thead>
                <tbody>
                  {state.players.map((p) => (
                    <tr key={p.playerId}><td>{handle(p.playerId)}{p.eliminated ? ' ✖' : ''}</td><td>{p.score}</td><td>{p.solved.join(', ')}</td><td>{p.locked.join(', ')}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {submission && (
            <div className="code-view">
              <h4>{handle(submission.playerId)} · {submission.problemId} · {submission.language} · {submission.verdict ?? submission.status}</h4>
              {code != null ? <pre data-testid="replay-code"><code>{code}</code></pre> : <p className="muted">Code is shown once the match has ended.</p>}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
