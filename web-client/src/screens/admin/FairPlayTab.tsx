import { useCallback, useEffect, useState } from 'react';
import { api, post } from '../../lib/api';
import type { ResultPage } from '../../lib/types';

/** The query side's fair-play contract (events-api dev.codearena.api.fairplay; docs/fair-play.md). */
type FlagKind = 'PLAGIARISM' | 'BOT_SPEED' | 'BOT_REGULARITY' | 'COLLUSION';
type FlagStatus = 'OPEN' | 'DISMISSED' | 'CONFIRMED';
interface FairPlayFlag {
  flagId: string; kind: FlagKind; status: FlagStatus; players: { playerId: string; handle: string }[]; matchIds: string[];
  score: number; summary: string; createdAt: string; updatedAt: string; reviewer: string | null; note: string | null; reviewedAt: string | null;
}
interface FlagSubmission {
  submissionId: string; matchId: string; playerId: string; problemId: string | null; language: string; sourceBytes: number;
  receivedAt: string; verdict: string | null; source: string;
}
interface FlagReview { decision: FlagStatus; reviewer: string; note: string | null; reviewedAt: string }
interface FairPlayFlagDetail { flag: FairPlayFlag; evidence: Record<string, unknown>; submissions: FlagSubmission[]; reviews: FlagReview[] }

const KIND_LABELS: Record<FlagKind, string> = {
  PLAGIARISM: 'Plagiarism', BOT_SPEED: 'Bot: speed', BOT_REGULARITY: 'Bot: regularity', COLLUSION: 'Collusion',
};
const PAGE_SIZE = 20;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

/** Evidence values as text; player ids are shown as the handles the flag names. */
function EvidenceValue({ value, handles }: { value: unknown; handles: Record<string, string> }) {
  if (value === null || value === undefined) return <span className="muted">–</span>;
  if (typeof value === 'object') {
    const text = JSON.stringify(value, (key, v) => (key === 'playerId' && typeof v === 'string' && handles[v] ? handles[v] : v));
    return <code className="fp-json" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</code>;
  }
  return <>{String(value)}</>;
}

function FlagDetail({ flagId, onReviewed, onClose }: { flagId: string; onReviewed: () => void; onClose: () => void }) {
  const [detail, setDetail] = useState<FairPlayFlagDetail | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => api<FairPlayFlagDetail>(`/api/admin/fair-play/flags/${encodeURIComponent(flagId)}`)
    .then((d) => { setDetail(d); setError(null); }).catch((e) => setError(e.message)), [flagId]);
  useEffect(() => { void load(); }, [load]);

  async function review(decision: FlagStatus) {
    setBusy(true);
    try {
      await post(`/api/admin/fair-play/flags/${encodeURIComponent(flagId)}/review`, { decision, note });
      setNote('');
      await load();
      onReviewed();
    } catch (e: any) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  }

  if (!detail) return <div className="panel">{error ? <p className="error" role="alert">{error}</p> : <p className="muted">Loading…</p>}</div>;
  const { flag, evidence, submissions, reviews } = detail;
  const handles = Object.fromEntries(flag.players.map((p) => [p.playerId, p.handle]));
  return (
    <div className="panel fp-detail" data-testid="fair-play-detail">
      <div className="row">
        <h3>{KIND_LABELS[flag.kind]} · {flag.players.map((p) => p.handle).join(' & ')}</h3>
        <span className={`fp-status fp-${flag.status.toLowerCase()}`} data-testid="fair-play-status">{flag.status.toLowerCase()}</span>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      <p>{flag.summary}</p>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="table fp-evidence">
        <tbody>
          {Object.entries(evidence).map(([key, value]) => (
            <tr key={key}><th scope="row">{key}</th><td><EvidenceValue value={value} handles={handles} /></td></tr>
          ))}
          <tr><th scope="row">matches</th><td>{flag.matchIds.join(', ')}</td></tr>
        </tbody>
      </table>
      {submissions.length > 0 && (
        <div className="fp-code" style={{ display: 'grid', gridTemplateColumns: `repeat(${Math.min(2, submissions.length)}, minmax(0, 1fr))`, gap: '.75rem' }}>
          {submissions.map((s) => (
            <figure key={s.submissionId} style={{ margin: 0, minWidth: 0 }}>
              <figcaption className="muted">
                <strong>{handles[s.playerId] ?? s.playerId}</strong> · {s.language} · {s.sourceBytes} B · {s.verdict ?? 'pending'} · {when(s.receivedAt)}
                <br /><small>{s.submissionId} in {s.matchId}</small>
              </figcaption>
              <pre style={{ maxHeight: '28rem', overflow: 'auto', background: '#0d131e', padding: '.5rem', borderRadius: 8, fontSize: '.8rem' }}>
                <code>{s.source}</code>
              </pre>
            </figure>
          ))}
        </div>
      )}
      {reviews.length > 0 && (
        <ul className="fp-reviews">
          {reviews.map((r, i) => <li key={i}>{when(r.reviewedAt)} · <strong>{r.decision.toLowerCase()}</strong> by {r.reviewer}{r.note ? `: ${r.note}` : ''}</li>)}
        </ul>
      )}
      <form className="row" onSubmit={(e) => e.preventDefault()}>
        <label style={{ flex: 1 }}>Note
          <textarea value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} data-testid="fair-play-note" style={{ width: '100%' }} />
        </label>
        <button type="button" disabled={busy} onClick={() => void review('DISMISSED')} data-testid="fair-play-dismiss">Dismiss</button>
        <button type="button" disabled={busy} onClick={() => void review('CONFIRMED')} data-testid="fair-play-confirm">Confirm cheating</button>
        {flag.status !== 'OPEN' && <button type="button" disabled={busy} onClick={() => void review('OPEN')}>Reopen</button>}
      </form>
    </div>
  );
}

/** Admin screen tab: fair-play flags (plagiarism, bot and collusion signals) to review. */
export function FairPlayTab() {
  const [status, setStatus] = useState<FlagStatus | ''>('OPEN');
  const [kind, setKind] = useState<FlagKind | ''>('');
  const [page, setPage] = useState(0);
  const [flags, setFlags] = useState<ResultPage<FairPlayFlag> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    if (status) query.set('status', status);
    if (kind) query.set('kind', kind);
    return api<ResultPage<FairPlayFlag>>(`/api/admin/fair-play/flags?${query}`)
      .then((f) => { setFlags(f); setError(null); }).catch((e) => setError(e.message));
  }, [status, kind, page]);
  useEffect(() => { void load(); }, [load]);

  const pages = flags ? Math.max(1, Math.ceil(flags.total / PAGE_SIZE)) : 1;
  return (
    <section className="panel fair-play" aria-label="Anti-cheat" data-testid="fair-play-tab">
      <div className="row">
        <h2>Anti-cheat</h2>
        <label>Status
          <select value={status} onChange={(e) => { setStatus(e.target.value as FlagStatus | ''); setPage(0); }} data-testid="fair-play-status-filter">
            <option value="">all</option><option value="OPEN">open</option><option value="CONFIRMED">confirmed</option><option value="DISMISSED">dismissed</option>
          </select>
        </label>
        <label>Kind
          <select value={kind} onChange={(e) => { setKind(e.target.value as FlagKind | ''); setPage(0); }}>
            <option value="">all</option>
            {(Object.keys(KIND_LABELS) as FlagKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void load()}>Refresh</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {flags && flags.items.length === 0 && <p className="muted" data-testid="fair-play-empty">No flags{status ? ` with status ${status.toLowerCase()}` : ''}.</p>}
      {flags && flags.items.length > 0 && (
        <table className="table">
          <thead><tr><th>Kind</th><th>Players</th><th>What</th><th>Score</th><th>Status</th><th>Last evidence</th><th></th></tr></thead>
          <tbody>
            {flags.items.map((f) => (
              <tr key={f.flagId} data-testid="fair-play-flag-row" data-kind={f.kind} className={selected === f.flagId ? 'me' : ''}>
                <td>{KIND_LABELS[f.kind]}</td>
                <td>{f.players.map((p) => p.handle).join(', ')}</td>
                <td>{f.summary}</td>
                <td>{Math.round(f.score * 100)}%</td>
                <td>{f.status.toLowerCase()}{f.reviewer ? <small className="muted"> ({f.reviewer})</small> : null}</td>
                <td>{when(f.updatedAt)}</td>
                <td><button type="button" onClick={() => setSelected(f.flagId)} data-testid="fair-play-open">Open</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {flags && pages > 1 && (
        <div className="row">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
          <span className="muted">page {page + 1} of {pages} · {flags.total} flags</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next</button>
        </div>
      )}
      {selected && <FlagDetail key={selected} flagId={selected} onReviewed={() => void load()} onClose={() => setSelected(null)} />}
    </section>
  );
}
