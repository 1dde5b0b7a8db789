import { useCallback, useEffect, useRef, useState } from 'react';
import Markdown from 'react-markdown';
import { api, post } from '../../lib/api';
import { MODE_NAMES, MODES, type ProblemSummary, type ResultPage } from '../../lib/types';

/** The command side's /api/admin/problems contract (events-api ProblemDraftRequest / ProblemDraftView ...). */
export interface ProblemDraft {
  slug: string; title: string; difficulty: number; tags: string[]; timeLimitMs: number; memoryMb: number;
  checker: string; customChecker: string | null; modes: string[]; statementMarkdown: string;
  referenceCpp: string; referencePython: string; sabotageReference: 'cpp' | 'python' | null;
}
export interface ProblemDraftView { draft: ProblemDraft; tests: string[]; publishedVersion: number | null; publishedContentHash: string | null; publishedAt: string | null; unpublishedChanges: boolean }
interface TestArchiveReport { testCount: number; tests: string[]; totalBytes: number }
interface ProblemPublication { problemId: string; version: number; contentHash: string; testCount: number; unchanged: boolean }

const EMPTY: ProblemDraft = {
  slug: '', title: '', difficulty: 1, tags: [], timeLimitMs: 1000, memoryMb: 256, checker: 'tokens', customChecker: null,
  modes: ['BLITZ'], statementMarkdown: '# Title\n\nA short story.\n\n## Input\n\n## Output\n\n## Constraints\n\n## Examples\n',
  referenceCpp: '', referencePython: '', sabotageReference: null,
};

/** Admin panel "Problems" tab: the catalogue and the admins' drafts; create/edit, upload tests, publish a version. */
export function ProblemsAdmin() {
  const [catalogue, setCatalogue] = useState<ProblemSummary[]>([]);
  const [drafts, setDrafts] = useState<ProblemDraftView[]>([]);
  // key: one editor session; saving a new draft keeps it, so the editor (and its messages) stays mounted
  const [editing, setEditing] = useState<{ key: string; view: ProblemDraftView | null; draft: ProblemDraft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timers = useRef<number[]>([]);

  const load = useCallback(() => {
    api<ResultPage<ProblemSummary> | ProblemSummary[]>('/api/problems').then((p) => setCatalogue(Array.isArray(p) ? p : p.items)).catch(() => undefined);
    return api<ProblemDraftView[]>('/api/admin/problems').then((d) => { setDrafts(d); return d; }).catch((e) => { setError(e.message); return []; });
  }, []);
  useEffect(() => { void load(); return () => timers.current.forEach((t) => window.clearTimeout(t)); }, [load]);
  // the catalogue is a read model: it shows a published version a moment after the command
  const reloadSoon = () => { [300, 1200, 3000].forEach((ms) => timers.current.push(window.setTimeout(() => void load(), ms))); };

  async function edit(problemId: string) {
    setError(null);
    try {
      const view = drafts.find((d) => d.draft.slug === problemId) ?? await post<ProblemDraftView>(`/api/admin/problems/${problemId}/adopt`);
      setEditing({ key: `edit-${problemId}-${Date.now()}`, view, draft: view.draft });
    } catch (e: any) {
      setError(e.message);
    }
  }

  /** After tests or a publication changed the draft: its view (test list, published version) read again. */
  const refreshEditing = (slug: string) => {
    api<ProblemDraftView>(`/api/admin/problems/${slug}`)
      .then((view) => setEditing((e) => (e && e.view?.draft.slug === slug ? { ...e, view } : e)))
      .catch(() => undefined);
    void load();
  };

  const draftSlugs = new Set(drafts.map((d) => d.draft.slug));
  const rows = [
    ...drafts.map((d) => ({ id: d.draft.slug, title: d.draft.title, catalogue: catalogue.find((c) => c.problemId === d.draft.slug), draft: d })),
    ...catalogue.filter((c) => !draftSlugs.has(c.problemId)).map((c) => ({ id: c.problemId, title: c.title, catalogue: c, draft: null as ProblemDraftView | null })),
  ];

  return (
    <section className="panel problems-admin" data-testid="problems-admin">
      <div className="row">
        <h2>Problems</h2>
        <button onClick={() => { setError(null); setEditing({ key: `new-${Date.now()}`, view: null, draft: { ...EMPTY } }); }} data-testid="problem-new">New problem</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {editing && (
        <ProblemEditor key={editing.key} initial={editing.draft} view={editing.view}
          onSaved={(view) => { setEditing({ key: editing.key, view, draft: view.draft }); void load(); }}
          onTestsChanged={refreshEditing}
          onPublished={(p) => { refreshEditing(p.problemId); reloadSoon(); }}
          onClose={() => setEditing(null)} />
      )}
      <table className="table" data-testid="problem-catalogue">
        <thead><tr><th>Problem</th><th>Catalogue version</th><th>Draft</th><th>Modes</th><th></th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`problem-row-${r.id}`} className={r.catalogue?.retired ? 'muted' : undefined}>
              <td>{r.title} <small className="muted">{r.id}</small></td>
              <td data-testid={`catalogue-version-${r.id}`}>{r.catalogue ? `v${r.catalogue.version}` : <span className="muted">not published</span>}</td>
              <td>{r.draft ? <>{r.draft.tests.length} tests{r.draft.unpublishedChanges ? <> · <strong>unpublished changes</strong></> : ' · published'}</> : <span className="muted">—</span>}</td>
              <td>{(r.catalogue?.modes ?? r.draft?.draft.modes ?? []).join(', ')}</td>
              <td><button className="small" onClick={() => void edit(r.id)} data-testid={`problem-edit-${r.id}`}>Edit</button></td>
            </tr>
          ))}
          {rows.length === 0 && <tr><td colSpan={5} className="muted">No problems yet.</td></tr>}
        </tbody>
      </table>
      <p className="muted">Problems from the repository's <code>problems/</code> load at start-up; editing one here makes it an admin draft, and the
        start-up loader leaves it to the admins from then on. Publishing makes a new version; running matches keep judging the version they started with.</p>
    </section>
  );
}

function ProblemEditor({ initial, view, onSaved, onTestsChanged, onPublished, onClose }: {
  initial: ProblemDraft; view: ProblemDraftView | null;
  onSaved: (view: ProblemDraftView) => void; onTestsChanged: (slug: string) => void; onPublished: (p: ProblemPublication) => void; onClose: () => void;
}) {
  const [draft, setDraft] = useState<ProblemDraft>(initial);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; testid: string } | null>(null);
  const [upload, setUpload] = useState<{ kind: 'ok' | 'error'; text: string; tests?: string[] } | null>(null);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const isNew = view === null;
  const set = <K extends keyof ProblemDraft>(key: K, value: ProblemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const checkerKind = draft.checker.startsWith('float') ? 'float' : draft.checker;
  const epsilon = draft.checker.startsWith('float:') ? draft.checker.slice(6) : '1e-6';

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    setMessage(null);
    try {
      const body = { ...draft, customChecker: checkerKind === 'custom' ? draft.customChecker : null, sabotageReference: draft.modes.includes('SABOTAGE') ? draft.sabotageReference ?? 'cpp' : null };
      const saved = isNew ? await post<ProblemDraftView>('/api/admin/problems', body)
        : await api<ProblemDraftView>(`/api/admin/problems/${draft.slug}`, { method: 'PUT', body: JSON.stringify(body) });
      setMessage({ kind: 'ok', text: 'Draft saved.', testid: 'draft-saved' });
      onSaved(saved);
    } catch (er: any) {
      setMessage({ kind: 'error', text: `${er.code}: ${er.message}`, testid: 'draft-error' });
    } finally {
      setSaving(false);
    }
  }

  async function uploadTests(file: File) {
    setUpload(null);
    try {
      const report = await api<TestArchiveReport>(`/api/admin/problems/${draft.slug}/tests`, { method: 'PUT', body: file, headers: { 'Content-Type': 'application/zip' } });
      setUpload({ kind: 'ok', text: `${report.testCount} tests accepted (${Math.ceil(report.totalBytes / 1024)} KiB).`, tests: report.tests });
      onTestsChanged(draft.slug);
    } catch (er: any) {
      setUpload({ kind: 'error', text: `${er.code}: ${er.message}` });
    }
  }

  async function publish() {
    setMessage(null);
    try {
      const p = await post<ProblemPublication>(`/api/admin/problems/${draft.slug}/publish`);
      setMessage({ kind: 'ok', text: p.unchanged ? `Nothing changed: version ${p.version} stays current.` : `Published version ${p.version} (${p.testCount} tests).`, testid: 'published' });
      onPublished(p);
    } catch (er: any) {
      setMessage({ kind: 'error', text: `${er.code}: ${er.message}`, testid: 'publish-error' });
    }
  }

  return (
    <form className="problem-editor" onSubmit={save} data-testid="problem-editor">
      <div className="row">
        <h3>{isNew ? 'New problem' : `Edit ${draft.slug}`}{view?.publishedVersion ? <small className="muted"> · last published v{view.publishedVersion}</small> : null}</h3>
        <button type="button" className="ghost" onClick={onClose}>Close</button>
      </div>
      <div className="grid-2">
        <label>Slug <input value={draft.slug} onChange={(e) => set('slug', e.target.value.toLowerCase())} readOnly={!isNew} required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={64} data-testid="problem-slug" /></label>
        <label>Title <input value={draft.title} onChange={(e) => set('title', e.target.value)} required maxLength={200} data-testid="problem-title" /></label>
        <label>Difficulty <select value={draft.difficulty} onChange={(e) => set('difficulty', Number(e.target.value))}>{[1, 2, 3, 4, 5].map((d) => <option key={d}>{d}</option>)}</select></label>
        <label>Tags <input value={draft.tags.join(', ')} onChange={(e) => set('tags', e.target.value.split(',').map((t) => t.trim()).filter(Boolean))} placeholder="math, greedy" /></label>
        <label>Time limit (ms) <input type="number" min={100} max={20000} value={draft.timeLimitMs} onChange={(e) => set('timeLimitMs', Number(e.target.value))} data-testid="problem-time-limit" /></label>
        <label>Memory (MB) <input type="number" min={16} max={2048} value={draft.memoryMb} onChange={(e) => set('memoryMb', Number(e.target.value))} /></label>
        <label>Checker <select value={checkerKind} onChange={(e) => set('checker', e.target.value === 'float' ? `float:${epsilon}` : e.target.value)} data-testid="problem-checker">
          <option value="tokens">tokens (whitespace-separated tokens equal)</option>
          <option value="exact">exact (bytes identical)</option>
          <option value="float">float (numbers within a tolerance)</option>
          <option value="custom">custom (C++ checker)</option>
        </select></label>
        {checkerKind === 'float' && <label>Tolerance <input value={epsilon} onChange={(e) => set('checker', `float:${e.target.value}`)} /></label>}
      </div>
      <fieldset className="row">
        <legend>Modes</legend>
        {MODES.map((m) => (
          <label key={m} className="check"><input type="checkbox" checked={draft.modes.includes(m)}
            onChange={(e) => set('modes', e.target.checked ? [...draft.modes, m] : draft.modes.filter((x) => x !== m))} /> {MODE_NAMES[m]}</label>
        ))}
        {draft.modes.includes('SABOTAGE') && <label>Sabotage reference <select value={draft.sabotageReference ?? 'cpp'} onChange={(e) => set('sabotageReference', e.target.value as 'cpp' | 'python')}>
          <option value="cpp">C++</option><option value="python">Python</option></select></label>}
      </fieldset>
      {checkerKind === 'custom' && <label>Checker source (C++17: <code>checker INPUT EXPECTED ACTUAL</code>, exit 0 = accepted, 1 = wrong)
        <textarea rows={8} value={draft.customChecker ?? ''} onChange={(e) => set('customChecker', e.target.value)} className="code" /></label>}
      <div className="tabs" role="tablist" aria-label="Statement">
        <button type="button" role="tab" aria-selected={tab === 'write'} onClick={() => setTab('write')}>Statement</button>
        <button type="button" role="tab" aria-selected={tab === 'preview'} onClick={() => setTab('preview')} data-testid="statement-preview-tab">Preview</button>
      </div>
      <div className="statement-edit">
        {tab === 'write'
          ? <textarea rows={14} value={draft.statementMarkdown} onChange={(e) => set('statementMarkdown', e.target.value)} required data-testid="problem-statement" />
          : <div className="statement-preview" data-testid="statement-preview"><Markdown>{draft.statementMarkdown}</Markdown></div>}
      </div>
      <div className="grid-2">
        <label>Reference solution (C++17) <textarea rows={8} className="code" value={draft.referenceCpp} onChange={(e) => set('referenceCpp', e.target.value)} required data-testid="problem-ref-cpp" /></label>
        <label>Reference solution (Python 3) <textarea rows={8} className="code" value={draft.referencePython} onChange={(e) => set('referencePython', e.target.value)} required data-testid="problem-ref-python" /></label>
      </div>
      <div className="row">
        <button type="submit" disabled={saving} data-testid="draft-save">{isNew ? 'Create draft' : 'Save draft'}</button>
        {!isNew && <button type="button" onClick={() => void publish()} data-testid="problem-publish">Publish new version</button>}
      </div>
      {message && <p className={message.kind === 'ok' ? 'notice' : 'error'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid={message.testid}>{message.text}</p>}
      {!isNew && (
        <fieldset className="tests-upload">
          <legend>Tests</legend>
          <p className="muted">A zip of <code>NAME.in</code> / <code>NAME.out</code> pairs (at the root or in one folder), at most 16 MiB; it replaces the draft's tests.
            {view && view.tests.length > 0 && <> Now: {view.tests.length} tests ({view.tests.slice(0, 6).join(', ')}{view.tests.length > 6 ? ', …' : ''}).</>}</p>
          <input type="file" accept=".zip,application/zip" onChange={(e) => { const f = e.target.files?.[0]; if (f) void uploadTests(f); e.target.value = ''; }} data-testid="tests-file" />
          {upload && <p className={upload.kind === 'ok' ? 'notice' : 'error'} role={upload.kind === 'ok' ? 'status' : 'alert'} data-testid={upload.kind === 'ok' ? 'tests-accepted' : 'tests-error'}>
            {upload.text}{upload.tests && <small className="muted"> {upload.tests.join(', ')}</small>}</p>}
        </fieldset>
      )}
    </form>
  );
}
