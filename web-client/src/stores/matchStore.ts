import { create } from 'zustand';
import { api } from '../lib/api';
import { burst, shake } from '../lib/juice';
import { socket } from '../lib/socket';
import { sounds } from '../lib/sound';
import type {
  ChatMessage, LiveMatchView, LivePlayer, MatchEndPayload, MatchSabotagePayload, MatchTick, MatchVerdictPayload,
  SabotageCode, SubmissionKind, TestVerdict,
} from '../lib/types';
import { merge as mergeChat } from './chatStore';
import { useUserStore } from './userStore';

export interface FeedItem { at: number; text: string; kind: 'lock' | 'stolen' | 'elim' | 'info' | 'phase' }
export interface MySubmission { submissionId: string; problemId: string; language: string; at: number; kind: SubmissionKind; verdict?: MatchVerdictPayload; refusal?: string }
/** One of my sabotages: validating, or refused with the reason (accepted shows in the view). */
export interface SabotageAttempt { submissionId: string; at: number; changedLines: number; status: 'SUBMITTED' | 'REFUSED'; reason: string | null }

interface MatchState {
  matchId: string | null;
  role: 'player' | 'spectator' | null;
  view: LiveMatchView | null;
  end: MatchEndPayload | null;
  endsAtLocal: number | null;
  tests: Record<string, TestVerdict[]>;
  mine: MySubmission[];
  verdicts: MatchVerdictPayload[];
  feed: FeedItem[];
  chat: ChatMessage[];
  passStreak: number;
  /** Sabotage: my reference and, in phase 2, the code I repair (asked with match:code; players only). */
  sabotageCode: SabotageCode | null;
  sabotages: SabotageAttempt[];
  enter: (matchId: string, role: 'player' | 'spectator') => void;
  exit: () => void;
  submit: (problemId: string, language: string, code: string, kind?: SubmissionKind) => Promise<string>;
  loadSabotageCode: () => Promise<void>;
  sendChat: (text: string) => Promise<void>;
}

const me = () => useUserStore.getState().player?.playerId;
const handleOf = (view: LiveMatchView | null, id: string | null | undefined) =>
  view?.players.find((p) => p.playerId === id)?.handle ?? 'someone';

export const useMatchStore = create<MatchState>()((set, get) => ({
  matchId: null,
  role: null,
  view: null,
  end: null,
  endsAtLocal: null,
  tests: {},
  mine: [],
  verdicts: [],
  feed: [],
  chat: [],
  passStreak: 0,
  sabotageCode: null,
  sabotages: [],
  enter(matchId, role) {
    if (get().matchId === matchId && get().role === role) return;
    get().exit();
    set({ matchId, role, view: null, end: null, endsAtLocal: null, tests: {}, mine: [], verdicts: [], feed: [], chat: [], sabotageCode: null, sabotages: [] });
    // Re-sent on every reconnect: the gateway answers with match:state, then streams again.
    void socket.remember('match', role === 'player' ? 'match:join' : 'spectate:join', { matchId });
  },
  exit() {
    const { matchId, role } = get();
    if (!matchId) return;
    socket.forget('match');
    socket.request(role === 'player' ? 'match:leave' : 'spectate:leave', { matchId }).catch(() => undefined);
    set({ matchId: null, role: null, view: null });
  },
  async submit(problemId, language, code, kind = 'SOLUTION') {
    const { matchId } = get();
    try {
      const accepted = await socket.request<{ submissionId: string }>('match:submit', { matchId, problemId, language, code, kind });
      set((s) => ({ mine: [{ submissionId: accepted.submissionId, problemId, language, at: Date.now(), kind }, ...s.mine] }));
      if (kind === 'SABOTAGE_VALIDATION') {
        set((s) => ({ sabotages: upsert(s.sabotages, { submissionId: accepted.submissionId, at: Date.now(), changedLines: 0, status: 'SUBMITTED', reason: null }) }));
      }
      return accepted.submissionId;
    } catch (e: any) {
      // Refused at once (over the edit budget, no change, …): the reply says why now, and the
      // room's match:sabotage REFUSED puts it in the sabotage log.
      throw e;
    }
  },
  async loadSabotageCode() {
    const { matchId, role } = get();
    if (!matchId || role !== 'player') return;
    try {
      const code = await socket.request<SabotageCode>('match:code', { matchId });
      if (get().matchId === matchId) set({ sabotageCode: code });
    } catch { /* retried on the next state or phase */ }
  },
  async sendChat(text) {
    const { matchId, role } = get();
    await socket.request('chat:send', { channel: role === 'player' ? 'MATCH' : 'SPECTATORS', matchId, text });
  },
}));

/** Whether a submission is a sabotage being validated (mine by kind; anyone's during phase 1). */
function isValidation(submissionId: string) {
  return get().view?.phase === 'SABOTAGE' || get().mine.some((m) => m.submissionId === submissionId && m.kind === 'SABOTAGE_VALIDATION');
}

function upsert(list: SabotageAttempt[], attempt: SabotageAttempt) {
  const existing = list.find((a) => a.submissionId === attempt.submissionId);
  if (!existing) return [attempt, ...list];
  return list.map((a) => (a.submissionId === attempt.submissionId
    ? { ...a, status: attempt.status === 'REFUSED' ? 'REFUSED' : a.status, reason: attempt.reason ?? a.reason, changedLines: attempt.changedLines || a.changedLines } : a));
}

const set = useMatchStore.setState;
const get = useMatchStore.getState;
const feed = (text: string, kind: FeedItem['kind']) =>
  set((s) => ({ feed: [{ at: Date.now(), text, kind }, ...s.feed].slice(0, 50) }));

function updatePlayer(playerId: string, change: (p: LivePlayer) => LivePlayer) {
  const view = get().view;
  if (!view) return;
  set({ view: { ...view, players: view.players.map((p) => (p.playerId === playerId ? change(p) : p)) } });
}

/** Stream messages at or below the view's version are already in it (protocol §7). */
function fresh(payload: { matchId?: string; version?: number }) {
  const { view, matchId } = get();
  if (payload.matchId !== matchId) return false;
  return !view || payload.version === undefined || payload.version > view.version;
}
function bump(version?: number) {
  const view = get().view;
  if (view && version !== undefined && version > view.version) set({ view: { ...get().view!, version } });
}

// The deltas above are applied at once for feel; the spectator view is the truth, so it is
// re-read shortly after a burst of events (scores, places) and replaces ours if newer.
let refetchTimer: number | undefined;
function refetchSoon() {
  window.clearTimeout(refetchTimer);
  refetchTimer = window.setTimeout(async () => {
    const id = get().matchId;
    if (!id) return;
    try {
      const view = await api<LiveMatchView>(`/api/live/matches/${id}`);
      if (get().matchId === id && (!get().view || view.version >= get().view!.version)) set({ view });
    } catch { /* the stream carries on */ }
  }, 400);
}

socket.on('match:state', (view: LiveMatchView) => {
  if (view.matchId !== get().matchId) return;
  const before = get().view;
  if (before && view.version < before.version) return; // an older copy around a re-join
  set({ view });
  if (view.periodEndsAt) set({ endsAtLocal: Date.parse(view.periodEndsAt) });
  if (before) reportMissed(before, view);
  if (view.mode === 'SABOTAGE' && get().role === 'player') {
    const code = get().sabotageCode;
    if (!code || (view.phase === 'REPAIR' && !code.repairSource)) void get().loadSabotageCode();
  }
});

/**
 * A state that arrives after a reconnect may hold what happened while we were away: say so in
 * the feed, as if it had been seen live (locks, phases, forfeits, eliminations, sabotage steps).
 */
export function reportMissed(before: LiveMatchView, after: LiveMatchView) {
  const player = me();
  after.problems.forEach((p) => {
    const was = before.problems.find((b) => b.problemId === p.problemId);
    if (p.lockedBy && !was?.lockedBy) {
      const who = p.lockedBy === player ? 'You' : handleOf(after, p.lockedBy);
      feed(`${who} locked ${p.title} (+${p.points})`, p.lockedBy === player ? 'lock' : get().role === 'player' ? 'stolen' : 'lock');
    }
  });
  after.players.forEach((p) => {
    const was = before.players.find((b) => b.playerId === p.playerId);
    if (!was) return;
    if (p.forfeited && !was.forfeited) feed(`${p.handle} forfeited`, 'info');
    if (p.eliminated && !was.eliminated) feed(`${p.handle} eliminated in round ${p.eliminatedRound}`, 'elim');
    if (p.sabotageAccepted && !was.sabotageAccepted) feed(`${p.playerId === player ? 'Your' : p.handle + '\u2019s'} sabotage was accepted`, 'info');
    if (p.repaired && !was.repaired) feed(`${p.playerId === player ? 'You' : p.handle} repaired the sabotage`, 'lock');
  });
  if (after.phase !== before.phase) feed(`Phase: ${after.phase.toLowerCase()}`, 'phase');
}

socket.on('match:sabotage', (p: MatchSabotagePayload) => {
  if (!fresh(p)) return;
  bump(p.version);
  if (p.playerId === me()) {
    set((s) => ({ sabotages: upsert(s.sabotages, { submissionId: p.submissionId, at: Date.parse(p.at), changedLines: p.changedLines, status: p.status, reason: p.reason }) }));
    if (p.status === 'REFUSED') sounds.error();
  } else {
    feed(p.status === 'SUBMITTED' ? `${handleOf(get().view, p.playerId)} submitted a sabotage` : `${handleOf(get().view, p.playerId)}\u2019s sabotage was refused`, 'info');
  }
});

socket.on('match:tick', (tick: MatchTick) => {
  if (tick.matchId !== get().matchId) return;
  // The server's remaining time, anchored to our clock: immune to client clock skew.
  set({ endsAtLocal: Date.now() + tick.remainingMs });
});

socket.on('match:phase', (p: { matchId: string; phase: LiveMatchView['phase']; round: number; periodEndsAt: string | null; version: number }) => {
  if (!fresh(p) || !get().view) return;
  set({ view: { ...get().view!, phase: p.phase, round: p.round, periodEndsAt: p.periodEndsAt, version: p.version } });
  if (p.periodEndsAt) set({ endsAtLocal: Date.parse(p.periodEndsAt) });
  feed(`Phase: ${p.phase.toLowerCase()}`, 'phase');
  if (p.phase === 'REPAIR') void get().loadSabotageCode();
  refetchSoon();
});

socket.on('match:round', (p: { matchId: string; round: number; ended: boolean; problemId: string | null; eliminated: string[] | null; version: number }) => {
  if (!fresh(p) || !get().view) return;
  set({ view: { ...get().view!, round: p.round, roundProblem: p.problemId ?? get().view!.roundProblem, version: p.version } });
  feed(p.ended ? `Round ${p.round} over` : `Round ${p.round} begins`, 'phase');
  refetchSoon();
});

socket.on('match:submission', (p: { matchId: string; submissionId: string; playerId: string; problemId: string; refusal: string | null; version: number }) => {
  if (!fresh(p)) return;
  bump(p.version);
  if (p.refusal) {
    if (p.playerId === me()) set((s) => ({ mine: s.mine.map((m) => (m.submissionId === p.submissionId ? { ...m, refusal: p.refusal! } : m)) }));
  } else {
    updatePlayer(p.playerId, (pl) => ({
      ...pl,
      problems: pl.problems.map((ps) => (ps.problemId === p.problemId ? { ...ps, attempts: ps.attempts + 1, pending: ps.pending + 1 } : ps)),
    }));
  }
});

socket.on('match:verdict', (p: MatchVerdictPayload | TestVerdict) => {
  if ('stage' in p && p.stage === 'test') {
    if (p.matchId !== get().matchId) return;
    set((s) => ({ tests: { ...s.tests, [p.submissionId]: [...(s.tests[p.submissionId] ?? []).filter((t) => t.testIndex !== p.testIndex), p] } }));
    if (isValidation(p.submissionId)) return; // a sabotage passing a test is no cause for celebration
    if (p.verdict === 'AC') {
      sounds.testPass(get().passStreak);
      set((s) => ({ passStreak: s.passStreak + 1 }));
      shake(2);
      burst(false);
    } else {
      set({ passStreak: 0 });
    }
    return;
  }
  const v = p as MatchVerdictPayload;
  if (!fresh(v)) return;
  bump(v.version);
  if (isValidation(v.submissionId)) {
    // Sabotage phase 1: the judge validating a sabotage, not a solution; the outcome comes as match:sabotage / match:state.
    updatePlayer(v.playerId, (pl) => ({
      ...pl, problems: pl.problems.map((ps) => (ps.problemId === v.problemId ? { ...ps, pending: Math.max(0, ps.pending - 1) } : ps)),
    }));
    return;
  }
  set((s) => ({ verdicts: [v, ...s.verdicts].slice(0, 200), mine: s.mine.map((m) => (m.submissionId === v.submissionId ? { ...m, verdict: v } : m)) }));
  updatePlayer(v.playerId, (pl) => ({
    ...pl,
    problems: pl.problems.map((ps) => (ps.problemId === v.problemId
      ? { ...ps, pending: Math.max(0, ps.pending - 1), lastVerdict: v.verdict, solved: ps.solved || v.verdict === 'AC' } : ps)),
  }));
  if (v.playerId === me() && v.verdict === 'AC') {
    const index = get().view?.problems.findIndex((pr) => pr.problemId === v.problemId) ?? 0;
    const count = Math.max(1, (get().view?.problems.length ?? 1) - 1);
    sounds.solve(count > 0 ? (index / count) * 1.6 - 0.8 : 0);
    shake(6);
    burst(true, 0.3 + (0.4 * index) / count);
  }
  refetchSoon();
});

socket.on('match:lockout', (p: { matchId: string; problemId: string; playerId: string; points: number; version: number }) => {
  if (!fresh(p) || !get().view) return;
  const view = get().view!;
  set({
    view: {
      ...view,
      version: p.version,
      problems: view.problems.map((pr) => (pr.problemId === p.problemId ? { ...pr, lockedBy: p.playerId, lockedAt: new Date().toISOString() } : pr)),
      players: view.players.map((pl) => (pl.playerId === p.playerId ? { ...pl, score: pl.score + p.points } : pl)),
    },
  });
  const title = view.problems.find((pr) => pr.problemId === p.problemId)?.title ?? p.problemId;
  if (p.playerId === me()) {
    sounds.lockout();
    feed(`You locked ${title} (+${p.points})`, 'lock');
  } else {
    if (get().role === 'player') sounds.stolen(); else sounds.lockout();
    feed(`${handleOf(view, p.playerId)} locked ${title} (+${p.points})`, get().role === 'player' ? 'stolen' : 'lock');
  }
  refetchSoon();
});

socket.on('match:golf', (p: { matchId: string; playerId: string; bytes: number; version: number }) => {
  if (!fresh(p)) return;
  bump(p.version);
  updatePlayer(p.playerId, (pl) => ({ ...pl, golfBestBytes: p.bytes }));
  feed(`${handleOf(get().view, p.playerId)}: ${p.bytes} bytes`, 'info');
});

socket.on('match:eliminate', (p: { matchId: string; playerId: string; round: number; version: number }) => {
  if (!fresh(p)) return;
  bump(p.version);
  updatePlayer(p.playerId, (pl) => ({ ...pl, eliminated: true, eliminatedRound: p.round }));
  feed(`${handleOf(get().view, p.playerId)} eliminated in round ${p.round}`, 'elim');
  if (p.playerId === me()) { sounds.elimination(); shake(10); }
});

socket.on('match:forfeit', (p: { matchId: string; playerId: string; version: number }) => {
  if (!fresh(p)) return;
  bump(p.version);
  updatePlayer(p.playerId, (pl) => ({ ...pl, forfeited: true }));
  feed(`${handleOf(get().view, p.playerId)} forfeited`, 'info');
});

socket.on('match:end', (p: MatchEndPayload) => {
  if (p.matchId !== get().matchId) return;
  const view = get().view;
  set({
    end: p,
    view: view ? {
      ...view, phase: p.cancelled ? 'CANCELLED' : 'ENDED', endedAt: p.endedAt, version: Math.max(view.version, p.version),
      players: view.players.map((pl) => {
        const st = p.standings.find((s) => s.playerId === pl.playerId);
        const rc = p.ratingChanges.find((r) => r.playerId === pl.playerId);
        return { ...pl, place: st?.place ?? pl.place, score: st?.score ?? pl.score, ratingDelta: rc ? rc.after - rc.before : pl.ratingDelta };
      }),
    } : view,
  });
  const mine = p.standings.find((s) => s.playerId === me());
  if (mine?.place === 1) { sounds.solve(0); burst(true); }
});

socket.on('chat:message', (m: ChatMessage) => {
  if (m.matchId && m.matchId === get().matchId) set((s) => ({ chat: mergeChat(s.chat, [m]) }));
});
// Recent messages of the match's chat, pushed after each (re)join; merged by id, so a message
// said around the join shows once.
socket.on('chat:history', (h: { channel: string; matchId: string | null; messages: ChatMessage[] }) => {
  if (h.channel !== 'GLOBAL' && h.matchId && h.matchId === get().matchId) set((s) => ({ chat: mergeChat(s.chat, h.messages ?? []) }));
});
socket.on('chat:removed', (m: { messageId: string }) => {
  set((s) => ({ chat: s.chat.filter((c) => c.messageId !== m.messageId) }));
});
