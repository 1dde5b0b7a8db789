import { useCallback, useEffect, useState } from 'react';
import { api, post } from '../lib/api';
import type { RebuildStatus } from '../lib/types';
import { FairPlayTab } from './admin/FairPlayTab';
import { ProblemsAdmin } from './admin/ProblemsAdmin';

const READ_MODEL_NAMES: Record<string, string> = {
  players: 'Players & leaderboards', matches: 'Matches & history', clans: 'Clans', problems: 'Problem catalogue', 'live-views': 'Live spectator views',
};

function Progress({ status }: { status: RebuildStatus }) {
  const pct = status.totalEvents > 0 ? Math.min(100, (100 * status.processedEvents) / status.totalEvents) : status.state === 'DONE' ? 100 : 0;
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}
      aria-label={`Rebuild of ${status.readModel}`} data-testid={`progress-${status.readModel}`} data-state={status.state}>
      <div className="bar" style={{ width: `${pct}%` }} />
      <span>{status.state.toLowerCase()} · {status.processedEvents}/{status.totalEvents} events
        {status.state === 'REBUILDING' && status.eventsPerSecond > 0 ? ` · ${Math.round(status.eventsPerSecond)}/s` : ''}
        {status.etaSeconds ? ` · ${status.etaSeconds}s left` : ''}</span>
    </div>
  );
}

export function AdminScreen() {
  const [statuses, setStatuses] = useState<RebuildStatus[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => api<RebuildStatus[]>('/api/admin/read-models').then((s) => { setStatuses(s); setError(null); return s; }), []);
  useEffect(() => {
    load().catch((e) => setError(e.message));
  }, [load]);
  const rebuilding = statuses.some((s) => s.state === 'REBUILDING');
  useEffect(() => {
    if (!rebuilding) return;
    const id = window.setInterval(() => load().catch(() => undefined), 300);
    return () => window.clearInterval(id);
  }, [rebuilding, load]);

  async function rebuild(name?: string) {
    try {
      await post(name ? `/api/admin/read-models/${name}/rebuild` : '/api/admin/read-models/rebuild');
      await load();
    } catch (e: any) {
      setError(e.message);
    }
  }

  return (
    <div className="page admin">
      <h1>Admin</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <p className="muted" data-testid="admin-auth-note">Admin requests are authorised by your sign-in: only accounts with the admin role may see and rebuild read models.</p>
      <section className="panel">
        <div className="row"><h2>Read models</h2><button onClick={() => void rebuild()} disabled={rebuilding}>Rebuild all</button></div>
        <table className="table">
          <thead><tr><th>Read model</th><th>Progress</th><th></th></tr></thead>
          <tbody>
            {statuses.map((s) => (
              <tr key={s.readModel}>
                <td>{READ_MODEL_NAMES[s.readModel] ?? s.readModel}<br /><small className="muted">{s.readModel}</small></td>
                <td><Progress status={s} />{s.error && <small className="error">{s.error}</small>}</td>
                <td><button onClick={() => void rebuild(s.readModel)} disabled={s.state === 'REBUILDING'} data-testid={`rebuild-${s.readModel}`}>Rebuild</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ProblemsAdmin />
      <FairPlayTab />
    </div>
  );
}
