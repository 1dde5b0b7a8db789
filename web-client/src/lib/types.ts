// Wire shapes of the gateway (docs/protocol.md) and the query side (docs/query-side.md).
// Ids travel as plain strings; instants as ISO-8601 strings.

export type Mode = 'BLITZ' | 'GOLF' | 'BATTLE_ROYALE' | 'SABOTAGE';
export const MODES: Mode[] = ['BLITZ', 'GOLF', 'BATTLE_ROYALE', 'SABOTAGE'];
export const MODE_NAMES: Record<Mode, string> = {
  BLITZ: 'Blitz', GOLF: 'Code Golf', BATTLE_ROYALE: 'Battle Royale', SABOTAGE: 'Sabotage',
};
export type PlayerClass = 'HACKER' | 'ARCHITECT' | 'SPEEDRUNNER' | 'GOLFER' | 'SABOTEUR';
export const PLAYER_CLASSES: { id: PlayerClass; blurb: string }[] = [
  { id: 'HACKER', blurb: 'Dark terminal, fast cursor, no frills.' },
  { id: 'ARCHITECT', blurb: 'Guides, folding and a minimap for the big picture.' },
  { id: 'SPEEDRUNNER', blurb: 'Big font, instant cursor, fewer distractions.' },
  { id: 'GOLFER', blurb: 'Byte counter front and centre, whitespace visible.' },
  { id: 'SABOTEUR', blurb: 'Diff-friendly: line highlights and changed-line markers.' },
];
export type Phase = 'SCHEDULED' | 'RUNNING' | 'ROUND' | 'SABOTAGE' | 'REPAIR' | 'CLOSING' | 'ENDED' | 'CANCELLED';
export type Verdict = 'AC' | 'WA' | 'OLE' | 'MLE' | 'TLE' | 'RE' | 'CE' | 'IE';
export type LanguageId = 'cpp17' | 'c11' | 'python3' | 'java17' | 'javascript';

export interface SessionPlayer { playerId: string; handle: string; playerClass: PlayerClass; roles: string[] }
export interface Session { accessToken: string; tokenType: string; expiresIn: number; player: SessionPlayer }

export interface LiveProblemStatus { problemId: string; attempts: number; pending: number; lastVerdict: Verdict | null; solved: boolean }
export interface LivePlayer {
  playerId: string; handle: string; rating: number; score: number; golfBestBytes: number; golfReachedAt: string | null;
  eliminated: boolean; eliminatedRound: number; forfeited: boolean; sabotageAccepted: boolean; repaired: boolean;
  place: number; ratingDelta: number; problems: LiveProblemStatus[];
}
export interface LiveProblem { problemId: string; title: string; difficulty: number; points: number; lockedBy: string | null; lockedAt: string | null }
export interface LiveMatchView {
  matchId: string; mode: Mode; phase: Phase; round: number; roundProblem: string | null;
  createdAt: string; startsAt: string | null; startedAt: string | null; periodStartedAt: string | null;
  periodEndsAt: string | null; endedAt: string | null; endReason: string | null;
  players: LivePlayer[]; problems: LiveProblem[]; spectators: number; version: number;
}

export interface Standing { playerId: string; place: number; score: number; decisiveAt: string | null; forfeited: boolean }
export interface RatingChange { playerId: string; mode: Mode; before: number; after: number; overallBefore: number; overallAfter: number; provisional: boolean }
export interface MatchEndPayload { matchId: string; reason: string; cancelled: boolean; standings: Standing[]; ratingChanges: RatingChange[]; endedAt: string; version: number }
export interface MatchVerdictPayload { matchId: string; submissionId: string; playerId: string; problemId: string; verdict: Verdict; testsPassed: number; testCount: number; sourceBytes: number; judgedAt: string; version: number }
export interface TestVerdict { stage: 'test'; submissionId: string; matchId: string; testIndex: number; testCount: number; verdict: Verdict; cpuMs: number; wallMs: number; memoryKb: number }
export interface MatchTick { matchId: string; endsAt: string | null; remainingMs: number; serverTime: string }
export interface ChatMessage { messageId: string; channel: 'MATCH' | 'SPECTATORS' | 'GLOBAL'; matchId: string | null; playerId: string; handle: string; text: string; sentAt: string }
export interface QueueStatus { mode: Mode; queued: boolean; rating: number; since: string | null; queueSize: number }
export interface MatchFound { matchId: string; mode: Mode; players: { playerId: string; handle: string; rating: number }[]; lobbyCode: string | null }
export interface LobbyState { code: string; hostId: string; mode: Mode; settings: LobbySettings | null; members: { playerId: string; handle: string }[]; status: 'open' | 'started' | 'closed' }

export interface ResultPage<T> { items: T[]; page: number; size: number; total: number }
export interface LeaderboardEntry { rank: number; playerId: string; handle: string; rating: number; games: number }
export interface BoardRating { board: string; rating: number; games: number }
export interface PlayerProfile { playerId: string; handle: string; playerClass: PlayerClass; registeredAt: string; ratings: BoardRating[]; clanId: string | null }
export interface RatingPoint { matchId: string; before: number; after: number; games: number; at: string }
export interface RatingHistory { playerId: string; board: string; points: RatingPoint[] }
export interface MatchSummary { matchId: string; mode: Mode; phase: Phase; playerCount: number; createdAt: string; startedAt: string | null; periodEndsAt: string | null; endedAt: string | null; endReason: string | null; place: number | null; score: number | null; ratingDelta: number | null }
export interface ProblemView { problemId: string; version: number; title: string; difficulty: number; tags: string[]; modes: string[]; timeLimitMs: number; memoryMb: number; testCount: number; statementMarkdown: string; retired: boolean }
export interface ProblemSummary { problemId: string; version: number; title: string; difficulty: number; tags: string[]; modes: string[]; retired: boolean }
export interface SubmissionView { submissionId: string; playerId: string; problemId: string; kind: string; language: string; status: string; verdict: string | null; testsPassed: number | null; testCount: number | null; message: string | null; sourceBytes: number | null; receivedAt: string; judgedAt: string | null; refusal: string | null; source: string | null }
export interface MatchPlayerResult { playerId: string; handle: string; seat: number; ratingAtStart: number; forfeited: boolean; eliminatedRound: number | null; place: number | null; score: number | null; ratingBefore: number | null; ratingAfter: number | null }
export interface MatchDetail { matchId: string; mode: Mode; phase: Phase; endedAt: string | null; codeVisible: boolean; players: MatchPlayerResult[]; problems: { problemId: string; title: string; points: number; lockedBy: string | null }[]; submissions: SubmissionView[] }
export interface AuditEvent { globalIndex: number; sequence: number; type: string; timestamp: string; payload: Record<string, unknown> }
export interface EventStreamPage { matchId: string; fromSequence: number; size: number; totalEvents: number; events: AuditEvent[]; nextSequence: number | null }
export interface ReplayPlayerState { playerId: string; score: number; solved: string[]; locked: string[]; golfBestBytes: number; eliminated: boolean; forfeited: boolean }
export interface ReplayResult { matchId: string; mode: Mode; eventsApplied: number; totalEvents: number; phase: Phase; round: number; players: ReplayPlayerState[]; agrees: boolean | null; differences: string[] }
export interface RebuildStatus { readModel: string; state: 'IDLE' | 'REBUILDING' | 'DONE' | 'FAILED'; processedEvents: number; totalEvents: number; eventsPerSecond: number; etaSeconds: number | null; error: string | null }
export type SubmissionKind = 'SOLUTION' | 'SABOTAGE_VALIDATION';
/** Reply to `match:code`: what this Sabotage player edits (never shown to others). */
export interface SabotageCode { matchId: string; problemId: string; language: LanguageId; referenceSource: string; editBudgetLines: number; repairSource: string | null; saboteurId: string | null }
export interface MatchSabotagePayload { matchId: string; submissionId: string; playerId: string; status: 'SUBMITTED' | 'REFUSED'; changedLines: number; reason: string | null; at: string; version: number }
export interface LobbySettings { durationSeconds: number | null; problemCount: number | null; difficulty: number | null; maxPlayers: number | null }
