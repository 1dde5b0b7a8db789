/** Clans: the command side's /api/clans routes and /api/me/clan, the query side's clan pages and boards. */
export type ClanRole = 'MEMBER' | 'OFFICER' | 'LEADER';
export const ROLE_RANK: Record<ClanRole, number> = { MEMBER: 0, OFFICER: 1, LEADER: 2 };

export interface ClanMember { playerId: string; handle: string; role: ClanRole; joinedAt: string; overallRating: number | null }
export interface ClanView { clanId: string; name: string; tag: string; leaderId: string; createdAt: string; disbandedAt: string | null; members: ClanMember[] }
export interface ClanStanding { rank: number; clanId: string; name: string; tag: string; members: number; rating: number | null }
export interface ClanInvitation { clanId: string; name: string; tag: string; invitedBy: string; invitedAt: string }
export interface MyClan { clanId: string | null; name: string | null; tag: string | null; role: ClanRole | null; invitations: ClanInvitation[] }
