import { beforeEach, describe, expect, it, vi } from 'vitest';

// The store talks to the socket and to the sound/juice helpers: sounds and juice are real
// modules that need browser APIs, so they are replaced by spies; the socket is the real one,
// fed envelopes through its dispatch().
vi.mock('../lib/sound', () => ({ sounds: { testPass: vi.fn(), solve: vi.fn(), lockout: vi.fn(), stolen: vi.fn(), elimination: vi.fn(), error: vi.fn() } }));
vi.mock('../lib/juice', () => ({ shake: vi.fn(), burst: vi.fn() }));
vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
vi.stubGlobal('window', { setTimeout: () => 0, clearTimeout: () => undefined });

const { socket } = await import('../lib/socket');
const { useMatchStore } = await import('./matchStore');
const { useUserStore } = await import('./userStore');
const { sounds } = await import('../lib/sound');

const view = (version: number) => ({
  matchId: 'm1', mode: 'BLITZ', phase: 'RUNNING', round: 0, roundProblem: null, createdAt: '', startsAt: null, startedAt: null,
  periodStartedAt: null, periodEndsAt: null, endedAt: null, endReason: null, spectators: 0, version,
  problems: [{ problemId: 'p1', title: 'One', difficulty: 1, points: 100, lockedBy: null as string | null, lockedAt: null as string | null }],
  players: ['me', 'rival'].map((id) => ({
    playerId: id, handle: id, rating: 1500, score: 0, golfBestBytes: 0, golfReachedAt: null, eliminated: false, eliminatedRound: 0,
    forfeited: false, sabotageAccepted: false, repaired: false, place: 0, ratingDelta: 0,
    problems: [{ problemId: 'p1', attempts: 0, pending: 0, lastVerdict: null, solved: false }],
  })),
});

describe('match store', () => {
  beforeEach(() => {
    useUserStore.setState({ player: { playerId: 'me', handle: 'me', playerClass: 'HACKER', roles: ['PLAYER'] } });
    useMatchStore.setState({ matchId: 'm1', role: 'player', view: null, end: null, feed: [], verdicts: [], tests: {}, mine: [] });
    socket.dispatch({ type: 'match:state', payload: view(5) });
  });

  it('drops stream messages already contained in the state it joined with', () => {
    socket.dispatch({ type: 'match:lockout', payload: { matchId: 'm1', problemId: 'p1', playerId: 'rival', points: 100, version: 5 } });
    expect(useMatchStore.getState().view!.problems[0].lockedBy).toBeNull();
  });

  it('locks a problem, scores it and plays the stolen sound for the opponent', () => {
    socket.dispatch({ type: 'match:lockout', payload: { matchId: 'm1', problemId: 'p1', playerId: 'rival', points: 100, version: 6 } });
    const v = useMatchStore.getState().view!;
    expect(v.problems[0].lockedBy).toBe('rival');
    expect(v.players.find((p) => p.playerId === 'rival')!.score).toBe(100);
    expect(v.version).toBe(6);
    expect(sounds.stolen).toHaveBeenCalled();
  });

  it('keeps per-test verdicts per submission and final verdicts in the history', () => {
    socket.dispatch({ type: 'match:verdict', payload: { stage: 'test', matchId: 'm1', submissionId: 's1', testIndex: 0, testCount: 2, verdict: 'AC', cpuMs: 1, wallMs: 1, memoryKb: 1 } });
    socket.dispatch({ type: 'match:verdict', payload: { stage: 'test', matchId: 'm1', submissionId: 's1', testIndex: 1, testCount: 2, verdict: 'WA', cpuMs: 1, wallMs: 1, memoryKb: 1 } });
    socket.dispatch({ type: 'match:verdict', payload: { matchId: 'm1', submissionId: 's1', playerId: 'me', problemId: 'p1', verdict: 'WA', testsPassed: 1, testCount: 2, sourceBytes: 10, judgedAt: '', version: 7 } });
    const s = useMatchStore.getState();
    expect(s.tests.s1.map((t) => t.verdict)).toEqual(['AC', 'WA']);
    expect(s.verdicts[0].verdict).toBe('WA');
    expect(s.view!.players.find((p) => p.playerId === 'me')!.problems[0].lastVerdict).toBe('WA');
  });

  it('ignores messages of another match', () => {
    socket.dispatch({ type: 'match:eliminate', payload: { matchId: 'other', playerId: 'me', round: 1, version: 99 } });
    expect(useMatchStore.getState().view!.players[0].eliminated).toBe(false);
  });

  it('reports what happened while offline when the re-join state is newer', () => {
    const later = view(9);
    later.problems[0] = { ...later.problems[0], lockedBy: 'rival', lockedAt: '2026-11-26T00:00:00Z' };
    socket.dispatch({ type: 'match:state', payload: later });
    const s = useMatchStore.getState();
    expect(s.view!.version).toBe(9);
    expect(s.feed[0]).toMatchObject({ text: 'rival locked One (+100)', kind: 'stolen' });
  });

  it('keeps its view when an older state arrives around a re-join', () => {
    socket.dispatch({ type: 'match:lockout', payload: { matchId: 'm1', problemId: 'p1', playerId: 'rival', points: 100, version: 6 } });
    socket.dispatch({ type: 'match:state', payload: view(5) });
    expect(useMatchStore.getState().view!.problems[0].lockedBy).toBe('rival');
  });

  it('records my refused sabotage with its reason, and only the fact for the opponent\'s', () => {
    useMatchStore.setState({ sabotages: [] });
    socket.dispatch({ type: 'match:sabotage', payload: { matchId: 'm1', submissionId: 'sab1', playerId: 'me', status: 'SUBMITTED', changedLines: 1, reason: null, at: '2026-11-26T00:00:00Z', version: 6 } });
    socket.dispatch({ type: 'match:sabotage', payload: { matchId: 'm1', submissionId: 'sab1', playerId: 'me', status: 'REFUSED', changedLines: 0, reason: 'SABOTAGE_PASSES_ALL_TESTS', at: '2026-11-26T00:00:01Z', version: 7 } });
    socket.dispatch({ type: 'match:sabotage', payload: { matchId: 'm1', submissionId: 'sab2', playerId: 'rival', status: 'SUBMITTED', changedLines: 2, reason: null, at: '2026-11-26T00:00:02Z', version: 8 } });
    const s = useMatchStore.getState();
    expect(s.sabotages).toHaveLength(1);
    expect(s.sabotages[0]).toMatchObject({ submissionId: 'sab1', status: 'REFUSED', reason: 'SABOTAGE_PASSES_ALL_TESTS', changedLines: 1 });
    expect(s.feed[0].text).toBe('rival submitted a sabotage');
    expect(sounds.error).toHaveBeenCalled();
  });

  it('merges the chat history pushed after a re-join with live messages, once each, in order', () => {
    useMatchStore.setState({ chat: [] });
    const msg = (id: string, at: string) => ({ messageId: id, channel: 'MATCH', matchId: 'm1', playerId: 'rival', handle: 'rival', text: id, sentAt: at });
    socket.dispatch({ type: 'chat:message', payload: msg('b', '2026-11-26T00:00:02Z') });
    socket.dispatch({ type: 'chat:history', payload: { channel: 'MATCH', matchId: 'm1', messages: [msg('a', '2026-11-26T00:00:01Z'), msg('b', '2026-11-26T00:00:02Z')] } });
    socket.dispatch({ type: 'chat:history', payload: { channel: 'MATCH', matchId: 'other', messages: [msg('x', '2026-11-26T00:00:03Z')] } });
    expect(useMatchStore.getState().chat.map((m) => m.messageId)).toEqual(['a', 'b']);
  });
});
