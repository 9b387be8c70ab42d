/**
 * Volunteer activities for the function tests, made through the real `volunteers` function: an activity the
 * demo team's leader (or a worker) schedules in the demo community, sign-ups, and the organiser's check-in
 * codes. Ids come back from the replies; nothing is written behind the function's back.
 */
import type {
  ActivitySaveResult,
  ActivitySignupResult,
  CheckinCodeResult,
} from '../../../core/volunteers/volunteer.replies';
import { DEMO_GRID_ID } from '../../../demo/demo.constants';
import { DEMO_PATHS, DEMO_REFS } from '../../../demo/demo-identities';
import { HOUR_MS, type FunctionCloud, type Reply } from './function-cloud';
import { ok } from './order-loop';
import { writeUser } from './role-actors';

/** The demo team's leader (team-0001, 东门社区) and a member of the team. */
export const TEAM_LEADER = 'demo-volunteer-leader-1';
export const TEAM_MEMBER = 'demo-volunteer-member-1';
export const COMMUNITY_WORKER = 'demo-community-worker-1';

export function volunteersCall<T>(
  cloud: FunctionCloud,
  openid: string | null,
  command: string,
  input: unknown = {},
): Promise<Reply<T>> {
  return cloud.as(openid).call<T>('volunteers', command, input);
}

export function volunteersWrite<T>(
  cloud: FunctionCloud,
  openid: string,
  command: string,
  input: Record<string, unknown>,
): Promise<Reply<T>> {
  return volunteersCall<T>(cloud, openid, command, {
    ...input,
    clientRequestId: cloud.requestId(command.replace(/\W/g, '')),
  });
}

/** A valid activity.save input: in the demo grid, by the demo team, starting `startsIn` from now, two hours long. */
export function activityInput(
  cloud: FunctionCloud,
  extra: Record<string, unknown> = {},
  startsIn = 24 * HOUR_MS,
) {
  const startAt = cloud.now() + startsIn;
  return {
    orgUnitId: DEMO_GRID_ID,
    teamId: DEMO_REFS.teamId,
    title: '义务理发进小区',
    content: '为小区老人免费理发，请自带毛巾。',
    place: '金港花园活动室',
    startAt,
    endAt: startAt + 2 * HOUR_MS,
    capacity: 30,
    volunteerPlaces: 5,
    ...extra,
  };
}

/** Schedule an activity as `by` (the team's leader by default); answers its id. */
export async function scheduleActivity(
  cloud: FunctionCloud,
  extra: Record<string, unknown> = {},
  startsIn = 24 * HOUR_MS,
  by = TEAM_LEADER,
): Promise<string> {
  const input = activityInput(cloud, extra, startsIn);
  return ok(await volunteersWrite<ActivitySaveResult>(cloud, by, 'activity.save', input)).activityId;
}

export async function signUp(
  cloud: FunctionCloud,
  openid: string,
  activityId: string,
  as: 'resident' | 'volunteer' = 'resident',
): Promise<ActivitySignupResult> {
  return ok(
    await volunteersWrite<ActivitySignupResult>(cloud, openid, 'activity.signup', { activityId, as }),
  );
}

/** The organiser's current check-in (or check-out) code. */
export async function checkinCode(
  cloud: FunctionCloud,
  activityId: string,
  phase: 'in' | 'out',
  by = TEAM_LEADER,
): Promise<string> {
  return ok(
    await volunteersWrite<CheckinCodeResult>(cloud, by, 'activity.checkin.code', { activityId, phase }),
  ).code;
}

/**
 * An activity as the permission-matrix rows use it: scheduled by the demo team's leader in the demo grid for
 * tomorrow, checked by the matrix against its unit and team.
 */
export async function activityMatrixRecord(cloud: FunctionCloud) {
  const activityId = await scheduleActivity(cloud);
  return {
    target: { orgPath: DEMO_PATHS.grid, teamId: DEMO_REFS.teamId },
    place: DEMO_PATHS.grid,
    providerId: DEMO_REFS.providerId,
    ids: { activityId },
  };
}

/**
 * A volunteer as the permission-matrix rows use it: a fresh member of the demo team who signed up as a
 * volunteer for `activityId` (so they have a profile and a number), checked by the matrix against their
 * community and team.
 */
export async function volunteerMatrixRecord(cloud: FunctionCloud, openid: string, activityId: string) {
  await writeUser(cloud, openid, [
    { role: 'volunteer', orgPath: DEMO_PATHS.community, teamId: DEMO_REFS.teamId, position: 'member' },
  ]);
  const { volunteerNo } = await signUp(cloud, openid, activityId, 'volunteer');
  return {
    target: { orgPath: DEMO_PATHS.community, teamId: DEMO_REFS.teamId },
    place: DEMO_PATHS.community,
    providerId: DEMO_REFS.providerId,
    ids: { volunteerNo: volunteerNo! },
  };
}
