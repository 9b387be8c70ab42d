/**
 * Loading a team for an action of the matrix: PERMISSION_DENIED for a caller who may not take the action at
 * all, and TEAM_NOT_FOUND both for a missing team and for one out of the caller's scope (another community's,
 * another team's leader): out of scope answers like not found. Texts of a team (its name, its description) go
 * through content security.
 */
import { checkAccess } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import type { ContentSecurity } from '../kernel/content-security.port';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import { refusalError } from '../kernel/outcome';
import { COLLECTIONS } from '../model/collections.model';
import type { VolunteerTeam } from '../model/party.model';
import { teamTarget } from './team.rules';
import { volunteerError } from './volunteer.errors';

type Reader = Pick<DatabasePort, 'get'> | Pick<TransactionPort, 'get'>;

export type TeamAuthority = 'team.manage' | 'team.supervise' | 'team.lead';

export async function loadTeamFor(
  db: Reader,
  actor: Actor,
  teamId: string,
  action: TeamAuthority,
): Promise<VolunteerTeam> {
  const team = await db.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, teamId);
  const access = checkAccess(actor, action, team === null ? {} : teamTarget(team));
  if (!access.ok && access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
  if (team === null || !access.ok) throw volunteerError('TEAM_NOT_FOUND', { teamId });
  return team;
}

/** The team read again in the transaction, still active (TEAM_NOT_FOUND, TEAM_INACTIVE). */
export async function activeTeamIn(tx: TransactionPort, teamId: string): Promise<VolunteerTeam> {
  const team = await tx.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, teamId);
  if (team === null) throw volunteerError('TEAM_NOT_FOUND', { teamId });
  if (!team.active) throw volunteerError('TEAM_INACTIVE', { teamId });
  return team;
}

/**
 * A team's name and description are shown on public lists: a text WeChat refuses, or wants a person to look
 * at, is refused with TEAM_TEXT_RISKY (decision 0044). Called after authorization, outside the transaction.
 */
export async function screenTeamTexts(
  contentSecurity: ContentSecurity,
  openid: string,
  texts: readonly string[],
): Promise<void> {
  for (const text of texts) {
    if (text.trim().length === 0) continue;
    const verdict = await contentSecurity.check(text, openid, 'forum');
    if (verdict !== 'pass') throw volunteerError('TEAM_TEXT_RISKY');
  }
}

export function teamAudit(team: Pick<VolunteerTeam, '_id' | 'orgPath'>, summary: string) {
  return { entityType: 'volunteer_team', entityId: team._id, orgPath: team.orgPath, summary };
}
