import { useCallback, useEffect, useRef, useState } from 'react';
import { api, post } from '../../lib/api';
import { ROLE_RANK, type ClanRole, type ClanView, type MyClan } from '../../lib/clanTypes';
import { go } from '../../lib/router';
import { MODE_NAMES, MODES, type LeaderboardEntry, type ResultPage } from '../../lib/types';
import { useUserStore } from '../../stores/userStore';

const BOARDS = ['OVERALL', ...MODES];
const ROLE_LABEL: Record<ClanRole, string> = { LEADER: 'Leader', OFFICER: 'Officer', MEMBER: 'Member' };

/**
 * #/clan/ID: members with roles, the clan's own ranking per board, and what your role allows
 * (join when invited, leave; officers invite and remove lower ranks; the leader promotes, hands
 * over and disbands). Commands answer at once; the page re-reads the read model a few times after
 * each, since the query side catches up a moment later.
 */
export function ClanScreen({ clanId }: { clanId: string }) {
  const me = useUserStore((s) => s.player);
  const [clan, setClan] = useState<ClanView | null>(null);
  const [mine, setMine] = useState<MyClan | null>(null);
  const [board, setBoard] = useState('OVERALL');
  const [ranking, setRanking] = useState<ResultPage<LeaderboardEntry> | null>(null);
  const [invitee, setInvitee] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const timers = useRef<number[]>([]);

  const missing = useRef(0);
  const load = useCallback(() => {
    api<ClanView>(`/api/clans/${clanId}`).then((c) => { missing.current = 0; setClan(c); }).catch((e) => {
      // a clan founded a moment ago may not be in the read model yet: look again for a few seconds
      if (e.code === 'CLAN_NOT_FOUND' && missing.current++ < 10) timers.current.push(window.setTimeout(load, 500));
      else setError(e.message);
    });
    api<ResultPage<LeaderboardEntry>>(`/api/clans/${clanId}/leaderboard?board=${board}&size=50`).then(setRanking).catch(() => undefined);
    if (me) api<MyClan>('/api/me/clan').then(setMine).catch(() => undefined);
  }, [clanId, board, me]);
  useEffect(() => { load(); }, [load]);
  useEffect(() => () => timers.current.forEach((t) => window.clearTimeout(t)), []);
  const refreshSoon = () => { [250, 1000, 2500].forEach((ms) => timers.current.push(window.setTimeout(load, ms))); };

  async function act(label: string, request: () => Promise<unknown>, after?: () => void) {
    setError(null);
    setNotice(null);
    try {
      await request();
      setNotice(label);
      refreshSoon();
      after?.();
    } catch (e: any) {
      setError(e.message);
    }
  }

  if (!clan) return <div className="page">{error ? <p className="error" role="alert">{error}</p> : <p className="muted">Loading…</p>}</div>;
  const myRole: ClanRole | null = mine?.clanId === clanId ? mine.role : null;
  const invited = mine?.invitations.some((i) => i.clanId === clanId) ?? false;
  const canRemove = (role: ClanRole) => myRole !== null && myRole !== 'MEMBER' && ROLE_RANK[myRole] > ROLE_RANK[role];

  return (
    <div className="page clan">
      <h1><span className="tag">[{clan.tag}]</span> {clan.name}</h1>
      <p className="muted">Founded {new Date(clan.createdAt).toLocaleDateString()} · {clan.members.length} members
        {clan.disbandedAt && <> · <strong>disbanded</strong></>}</p>
      {error && <p className="error" role="alert" data-testid="clan-error">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      {me && !clan.disbandedAt && (
        <div className="row">
          {!myRole && <button onClick={() => void act('You joined the clan.', () => post(`/api/clans/${clanId}/join`))} data-testid="clan-join"
            title={invited ? 'You are invited' : 'Joining needs an invitation from a leader or officer'}>Join{invited ? ' (invited)' : ''}</button>}
          {myRole && <button className="ghost" onClick={() => void act('You left the clan.', () => post(`/api/clans/${clanId}/leave`))} data-testid="clan-leave">Leave</button>}
          {myRole === 'LEADER' && <button className="danger" data-testid="clan-disband" onClick={() => {
            if (confirm(`Disband ${clan.name}? Every member leaves.`)) void act('The clan was disbanded.', () => api(`/api/clans/${clanId}`, { method: 'DELETE' }), () => go('clans'));
          }}>Disband</button>}
        </div>
      )}
      <div className="clan-grid">
        <section className="panel">
          <h2>Members</h2>
          <table className="table" data-testid="clan-members">
            <thead><tr><th>Player</th><th>Role</th><th>Rating</th><th>Joined</th>{myRole && myRole !== 'MEMBER' && <th></th>}</tr></thead>
            <tbody>
              {clan.members.map((m) => (
                <tr key={m.playerId} data-testid={`member-${m.handle}`}>
                  <td><a href={`#/profile/${m.playerId}`}>{m.handle}</a></td>
                  <td><span className={`role role-${m.role.toLowerCase()}`}>{ROLE_LABEL[m.role]}</span></td>
                  <td>{m.overallRating ?? '—'}</td>
                  <td>{new Date(m.joinedAt).toLocaleDateString()}</td>
                  {myRole && myRole !== 'MEMBER' && (
                    <td className="actions">
                      {myRole === 'LEADER' && m.role === 'MEMBER' && <button className="small" onClick={() => void act(`${m.handle} is now an officer.`, () => api(`/api/clans/${clanId}/members/${m.playerId}/role`, { method: 'PUT', body: JSON.stringify({ role: 'OFFICER' }) }))}>Promote</button>}
                      {myRole === 'LEADER' && m.role === 'OFFICER' && <button className="small" onClick={() => void act(`${m.handle} is now a member.`, () => api(`/api/clans/${clanId}/members/${m.playerId}/role`, { method: 'PUT', body: JSON.stringify({ role: 'MEMBER' }) }))}>Demote</button>}
                      {myRole === 'LEADER' && m.role !== 'LEADER' && <button className="small" onClick={() => {
                        if (confirm(`Hand leadership to ${m.handle}? You become an officer.`)) void act(`${m.handle} now leads the clan.`, () => api(`/api/clans/${clanId}/members/${m.playerId}/role`, { method: 'PUT', body: JSON.stringify({ role: 'LEADER' }) }));
                      }}>Make leader</button>}
                      {canRemove(m.role) && <button className="small danger" onClick={() => void act(`${m.handle} was removed.`, () => api(`/api/clans/${clanId}/members/${m.playerId}`, { method: 'DELETE' }))}>Remove</button>}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {myRole && myRole !== 'MEMBER' && !clan.disbandedAt && (
            <form className="row" onSubmit={(e) => { e.preventDefault(); void act(`${invitee} is invited.`, () => post(`/api/clans/${clanId}/invitations`, { handle: invitee.trim() }), () => setInvitee('')); }}>
              <label>Invite a player <input value={invitee} onChange={(e) => setInvitee(e.target.value)} placeholder="handle" required minLength={3} maxLength={20} data-testid="clan-invite-handle" /></label>
              <button type="submit" data-testid="clan-invite">Invite</button>
            </form>
          )}
        </section>
        <section className="panel">
          <h2>Clan ranking</h2>
          <div className="tabs" role="tablist" aria-label="Board">
            {BOARDS.map((b) => (
              <button key={b} role="tab" aria-selected={board === b} onClick={() => setBoard(b)}>
                {b === 'OVERALL' ? 'Overall' : MODE_NAMES[b as keyof typeof MODE_NAMES]}
              </button>
            ))}
          </div>
          <table className="table" data-testid="clan-ranking">
            <thead><tr><th>#</th><th>Player</th><th>Rating</th><th>Games</th></tr></thead>
            <tbody>
              {ranking?.items.map((e) => (
                <tr key={e.playerId}><td>{e.rank}</td><td><a href={`#/profile/${e.playerId}`}>{e.handle}</a></td><td>{e.rating}</td><td>{e.games}</td></tr>
              ))}
              {ranking?.items.length === 0 && <tr><td colSpan={4} className="muted">No member is rated on this board yet.</td></tr>}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
