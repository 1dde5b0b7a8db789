import Editor from '@monaco-editor/react';
import { useCallback, useMemo, useState } from 'react';
import { changedLines } from '../lib/editBudget';
import { classEditorOptions, LANGUAGES } from '../lib/monaco';
import type { LiveMatchView, PlayerClass } from '../lib/types';
import { useSubmitShortcut } from '../lib/useSubmitShortcut';
import { useEditorStore } from '../stores/editorStore';
import { useMatchStore } from '../stores/matchStore';

/** Why a sabotage was refused, in words a player understands at a glance. */
export const SABOTAGE_REFUSALS: Record<string, string> = {
  SABOTAGE_DOES_NOT_COMPILE: 'it does not parse / compile',
  SABOTAGE_PASSES_ALL_TESTS: 'it still passes all tests — the bug must break at least one',
  SABOTAGE_EDIT_BUDGET_EXCEEDED: 'it is over the edit budget',
  SABOTAGE_NO_CHANGE: 'it is the unchanged reference',
  SABOTAGE_JUDGE_ERROR: 'the judge failed; try again',
  SABOTAGE_PENDING: 'your previous sabotage is still being validated',
  SABOTAGE_ALREADY_ACCEPTED: 'you already have an accepted sabotage',
  WRONG_PHASE: 'phase 1 is over',
};

/** FNV-1a of the draft: lets a test (or a curious player) tell which code the editor holds. */
export function fingerprint(text: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

/** Phase banner of a Sabotage match, for players and spectators. */
export function SabotageBanner({ view, me }: { view: LiveMatchView; me?: string }) {
  const opponent = view.players.find((p) => p.playerId !== me);
  const text = view.phase === 'SABOTAGE'
    ? ['Phase 1 of 2 · Sabotage', 'Plant a bug in the reference: it must still compile and fail at least one hidden test, within the edit budget.']
    : view.phase === 'REPAIR'
      ? ['Phase 2 of 2 · Repair', me ? `Fix ${opponent?.handle ?? 'your rival'}\u2019s sabotaged code: the first Accepted repair scores, faster scores more.` : 'Each player repairs the other\u2019s sabotage.']
      : view.phase === 'SCHEDULED' ? ['Sabotage', 'Phase 1 starts soon: you will get the reference solution to sabotage.'] : null;
  if (!text) return null;
  return (
    <div className={`phase-banner phase-${view.phase.toLowerCase()}`} role="status" data-testid="phase-banner">
      <b>{text[0]}</b> <span>{text[1]}</span>
    </div>
  );
}

/**
 * A Sabotage player's editor: phase 1 edits the reference (live changed-line count against the
 * budget) and submits it for validation; phase 2 edits the opponent's sabotage and submits the repair.
 */
export function SabotageWorkbench({ view, me, playerClass }: { view: LiveMatchView; me: string; playerClass?: PlayerClass }) {
  const { sabotageCode, sabotages, mine, tests, submit } = useMatchStore();
  const { drafts, setCode } = useEditorStore();
  const [status, setStatus] = useState<string | null>(null);
  const meView = view.players.find((p) => p.playerId === me);
  const ended = view.phase === 'ENDED' || view.phase === 'CLOSING' || view.phase === 'CANCELLED';
  // The last repair and the end of the match arrive together: after phase 2 the workbench keeps showing it.
  const repairing = view.phase === 'REPAIR' || (ended && !!sabotageCode?.repairSource);
  const key = `sabotage:${view.matchId}:${repairing ? 'repair' : 'plant'}`;
  const initial = repairing ? sabotageCode?.repairSource : sabotageCode?.referenceSource;
  const source = drafts[key] ?? initial ?? '';
  const changed = sabotageCode ? changedLines(sabotageCode.referenceSource, source) : 0;
  const budget = sabotageCode?.editBudgetLines ?? 0;
  const pending = sabotages.some((s) => s.status === 'SUBMITTED');
  const canSubmit = !!sabotageCode && !ended && !meView?.forfeited && (
    (view.phase === 'SABOTAGE' && !meView?.sabotageAccepted && !pending) || (repairing && !meView?.repaired));

  const doSubmit = useCallback(async () => {
    if (!sabotageCode || !canSubmit) return;
    const source = useEditorStore.getState().drafts[key] ?? initial ?? ''; // what is in the editor now
    setStatus(repairing ? 'Submitting repair…' : 'Validating sabotage…');
    try {
      await submit(sabotageCode.problemId, sabotageCode.language, source, repairing ? 'SOLUTION' : 'SABOTAGE_VALIDATION');
      setStatus(repairing ? 'Judging repair…' : 'Validating sabotage…');
    } catch (e: any) {
      setStatus(e.code && SABOTAGE_REFUSALS[e.code] ? `Refused: ${SABOTAGE_REFUSALS[e.code]}. ${e.message ?? ''}` : e.message);
    }
  }, [sabotageCode, canSubmit, repairing, submit, key, initial]);
  useSubmitShortcut(() => void doSubmit());

  const editorOptions = useMemo(() => ({
    fontSize: 14, minimap: { enabled: false }, scrollBeyondLastLine: false, automaticLayout: true,
    ...classEditorOptions(playerClass), readOnly: !canSubmit,
  }), [playerClass, canSubmit]);

  if (view.phase === 'SCHEDULED') return <section className="panel"><p className="muted">The reference arrives when phase 1 starts.</p></section>;
  if (!sabotageCode) return <section className="panel"><p className="muted" role="status">Loading your code…</p></section>;
  const latestRepair = mine.find((m) => m.kind === 'SOLUTION');
  const repairTests = latestRepair ? [...(tests[latestRepair.submissionId] ?? [])].sort((a, b) => a.testIndex - b.testIndex) : [];
  const saboteur = view.players.find((p) => p.playerId === sabotageCode.saboteurId)?.handle;
  const lastRefusal = sabotages.find((s) => s.status === 'REFUSED');
  return (
    <>
      <div className="editor-bar">
        <span>{LANGUAGES.find((l) => l.id === sabotageCode.language)?.label ?? sabotageCode.language}</span>
        {repairing
          ? <span data-testid="repair-source">Repairing {saboteur ?? 'the reference'}{sabotageCode.saboteurId ? '\u2019s sabotage' : ''}</span>
          : <span className={`budget ${changed > budget ? 'over' : ''}`} data-testid="edit-budget" aria-live="polite">{changed} / {budget} lines changed</span>}
        <label className="button file">Load file…
          <input type="file" data-testid="load-file" disabled={!canSubmit} onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setCode(key, await file.text());
            e.target.value = '';
          }} />
        </label>
        <button type="button" onClick={() => setCode(key, initial ?? '')} disabled={!canSubmit}>
          {repairing ? 'Reset to their code' : 'Reset to reference'}
        </button>
        <button className="primary submit" onClick={() => void doSubmit()} disabled={!canSubmit} data-testid="submit"
          title={repairing ? 'Submit repair (Ctrl+Enter)' : 'Submit sabotage (Ctrl+Enter)'}>
          {repairing ? 'Submit repair' : 'Submit sabotage'} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
      <div className="editor" data-testid="editor" data-draft={fingerprint(source)}>
        <Editor key={key} language={LANGUAGES.find((l) => l.id === sabotageCode.language)?.monaco} value={source} theme="vs-dark"
          onChange={(v) => setCode(key, v ?? '')} options={editorOptions} loading={<p className="muted">Loading editor…</p>} />
      </div>
      <section className="panel tests" aria-label={repairing ? 'Repair' : 'Sabotage'} aria-live="polite" data-testid="sabotage-status">
        <h3>{repairing ? 'Repair' : 'Your sabotage'} {status && (repairing || pending || status.startsWith('Refused')) && <small className="muted">{status}</small>}</h3>
        {!repairing && meView?.sabotageAccepted && <p className="ok" data-testid="sabotage-accepted">Sabotage accepted: it compiles and fails a hidden test. Waiting for your rival…</p>}
        {!repairing && !meView?.sabotageAccepted && pending && <p className="muted" data-testid="sabotage-pending">Validating your sabotage with the hidden tests…</p>}
        {!repairing && !meView?.sabotageAccepted && !pending && lastRefusal && (
          <p className="error" data-testid="sabotage-refused" data-reason={lastRefusal.reason ?? ''}>
            Sabotage refused: {SABOTAGE_REFUSALS[lastRefusal.reason ?? ''] ?? lastRefusal.reason}. Fix it and submit again.
          </p>
        )}
        {meView?.repaired && <p className="ok" data-testid="repair-succeeded">Repair succeeded! Score {meView.score}.</p>}
        {repairing && !meView?.repaired && (
          <div className="test-row">
            {repairTests.map((t) => <span key={t.testIndex} className={`test ${t.verdict === 'AC' ? 'ok' : 'bad'}`}>{t.testIndex + 1}:{t.verdict}</span>)}
            {latestRepair?.verdict && <b className={`verdict ${latestRepair.verdict.verdict === 'AC' ? 'ok' : 'bad'}`} data-testid="final-verdict">{latestRepair.verdict.verdict} {latestRepair.verdict.testsPassed}/{latestRepair.verdict.testCount}</b>}
          </div>
        )}
        {!repairing && sabotages.length > 0 && (
          <ol className="attempts" aria-label="Sabotage attempts">
            {sabotages.map((s) => (
              <li key={s.submissionId}>{new Date(s.at).toLocaleTimeString()} · {s.status === 'SUBMITTED' ? (meView?.sabotageAccepted ? 'accepted' : 'validating') : `refused: ${SABOTAGE_REFUSALS[s.reason ?? ''] ?? s.reason}`}</li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
