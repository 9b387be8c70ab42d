/**
 * activity.list, activity.detail and activity.attendance.
 * - upcoming: the scheduled activities of the caller's communities (their bound grid's or community's, their
 *   volunteer or party-member grant's), latest start first (index communityPath_1_status_1_startAt_-1);
 * - mine: the caller's sign-ups, newest first (openid_1_signedAt_-1);
 * - organised: those the caller organises: their teams' (as leader) and their units' (as worker or leader).
 * The detail says what the caller may do (`actions`), decided here. The attendance is for the organisers:
 * every sign-up with its check-in, check-out and minutes; phones in full only to those the matrix lets see
 * them (volunteer.phone.view), masked for the others.
 */
import { authorize, can } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { orThrow } from '../kernel/outcome';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import { residentNameOf, type User } from '../model/user.model';
import {
  SIGNUP_KIND_LABELS,
  type ActivitySignup,
  type SignupKind,
  type VolunteerActivity,
  type VolunteerProfile,
} from '../model/volunteer.model';
import { maskPhone } from '../privacy/phone-masking.policy';
import { parseCommand } from '../schemas/command.parser';
import {
  activityAttendanceSchema,
  activityDetailSchema,
  activityListSchema,
} from '../schemas/volunteer-activity.schema';
import {
  activitySummary,
  activityTarget,
  canManage,
  loadActivity,
  loadManagedActivity,
  mySignupView,
  placesLeft,
} from './activity-access';
import {
  checkinOpen,
  communitiesOf,
  maxCreditMinutes,
  servesAsVolunteer,
  signupIdOf,
} from './activity.rules';
import { volunteerError } from './volunteer.errors';
import type {
  ActivityAction,
  ActivityDetail,
  ActivityListItem,
  ActivityListResult,
  AttendanceResult,
} from './volunteer.replies';

const NEWEST_START: readonly (readonly [string, 'asc' | 'desc'])[] = [
  ['startAt', 'desc'],
  ['_id', 'desc'],
];

/**
 * The activities the actor organises, latest start first, at least the first `want` of them: their teams'
 * (as leader) and those within their units (as worker or leader); PERMISSION_DENIED when neither.
 */
async function organisedActivities(
  db: UseCaseInput['ports']['db'],
  actor: Actor,
  want: number,
): Promise<VolunteerActivity[]> {
  const teamIds = actor.grants.flatMap((g) =>
    g.role === 'volunteer' && g.position === 'leader' && g.teamId !== undefined ? [g.teamId] : [],
  );
  const scope = listScope(actor, 'activity.manage');
  if (!scope.ok && teamIds.length === 0) orThrow(scope);
  const limit = Math.min(want, 1000);
  const batches: VolunteerActivity[][] = [];
  if (teamIds.length > 0) {
    batches.push(
      await db.find<VolunteerActivity>(
        COLLECTIONS.volunteerActivities,
        { teamId: db.command.in(teamIds) },
        { orderBy: NEWEST_START, limit },
      ),
    );
  }
  if (scope.ok) {
    const paths = scope.value.all ? ['/'] : scope.value.paths;
    for (const path of paths) {
      batches.push(
        await db.find<VolunteerActivity>(
          COLLECTIONS.volunteerActivities,
          path === '/' ? {} : { orgPath: db.command.prefix(path) },
          { orderBy: NEWEST_START, limit },
        ),
      );
    }
  }
  const merged = new Map<string, VolunteerActivity>();
  for (const a of batches.flat()) merged.set(a._id, a);
  return [...merged.values()].sort((a, b) => b.startAt - a.startAt || (a._id < b._id ? 1 : -1));
}

export async function listActivities(input: UseCaseInput): Promise<ActivityListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(activityListSchema, input.command);
  authorize(actor, 'activity.view', {});
  const { db } = ports;
  const skip = (query.page - 1) * query.pageSize;
  let items: ActivityListItem[];
  let hasMore: boolean;
  if (query.view === 'upcoming') {
    const communities = communitiesOf(actor);
    if (communities.length === 0) throw volunteerError('ACTIVITY_COMMUNITY_REQUIRED');
    const found = await db.find<VolunteerActivity>(
      COLLECTIONS.volunteerActivities,
      { communityPath: db.command.in(communities), status: 'scheduled' },
      { orderBy: NEWEST_START, skip, limit: query.pageSize + 1 },
    );
    hasMore = found.length > query.pageSize;
    items = found.slice(0, query.pageSize).map((a) => ({ ...activitySummary(a), mySignup: null }));
  } else if (query.view === 'mine') {
    const signups = await db.find<ActivitySignup>(
      COLLECTIONS.activitySignups,
      { openid: actor.openid },
      {
        orderBy: [
          ['signedAt', 'desc'],
          ['_id', 'desc'],
        ],
        skip,
        limit: query.pageSize + 1,
      },
    );
    hasMore = signups.length > query.pageSize;
    const page = signups.slice(0, query.pageSize);
    const activities =
      page.length === 0
        ? []
        : await db.find<VolunteerActivity>(
            COLLECTIONS.volunteerActivities,
            { _id: db.command.in(page.map((s) => s.activityId)) },
            { limit: page.length },
          );
    const byId = new Map(activities.map((a) => [a._id, a]));
    items = page.flatMap((s) => {
      const a = byId.get(s.activityId);
      return a === undefined ? [] : [{ ...activitySummary(a), mySignup: mySignupView(s) }];
    });
  } else {
    const sorted = await organisedActivities(ports.db, actor, skip + query.pageSize + 1);
    hasMore = sorted.length > skip + query.pageSize;
    items = sorted.slice(skip, skip + query.pageSize).map((a) => ({ ...activitySummary(a), mySignup: null }));
  }
  return { items, page: query.page, pageSize: query.pageSize, hasMore };
}

export async function activityDetail(input: UseCaseInput): Promise<ActivityDetail> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const query = parseCommand(activityDetailSchema, input.command);
  authorize(actor, 'activity.view', {});
  const signup = await ports.db.get<ActivitySignup>(
    COLLECTIONS.activitySignups,
    signupIdOf(query.activityId, actor.openid),
  );
  const activity = await loadActivity(ports.db, actor, query.activityId, signup);
  const now = ports.clock.now();
  const left = placesLeft(activity);
  const signed = signup !== null && signup.status === 'signed';
  const actions: ActivityAction[] = [];
  const open = activity.status === 'scheduled' && now < activity.signupDeadline && now < activity.startAt;
  const signupAs: SignupKind[] = [];
  if (open && !signed && communitiesOf(actor).includes(activity.communityPath)) {
    if (left.resident > 0) signupAs.push('resident');
    if (servesAsVolunteer(actor) && left.volunteer > 0) signupAs.push('volunteer');
  }
  if (signupAs.length > 0) actions.push('signup');
  if (signed && activity.status === 'scheduled' && now < activity.startAt) actions.push('cancel_signup');
  if (
    signed &&
    activity.status !== 'cancelled' &&
    signup.checkOutAt === null &&
    checkinOpen(activity, config.volunteers, now)
  ) {
    actions.push('checkin');
  }
  if (
    signed &&
    signup.kind === 'resident' &&
    signup.checkInAt !== null &&
    signup.ratedAt === null &&
    activity.status !== 'cancelled' &&
    now >= activity.endAt
  ) {
    actions.push('rate');
  }
  if (canManage(actor, activity)) actions.push('manage');
  return {
    ...activitySummary(activity),
    content: activity.content,
    orgUnitId: activity.orgUnitId,
    signupDeadline: activity.signupDeadline,
    capacity: activity.capacity,
    volunteerPlaces: activity.volunteerPlaces,
    residentCount: activity.residentCount,
    volunteerCount: activity.volunteerCount,
    cancelReason: activity.cancelReason,
    hoursConfirmed: activity.hoursConfirmedAt !== null,
    ratingCount: activity.ratingCount,
    ratingAverage:
      activity.ratingCount === 0
        ? null
        : Math.round((activity.ratingStarsTotal / activity.ratingCount) * 10) / 10,
    mySignup: mySignupView(signup),
    actions,
    signupAs,
  };
}

export async function activityAttendance(input: UseCaseInput): Promise<AttendanceResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const query = parseCommand(activityAttendanceSchema, input.command);
  const { db } = ports;
  const activity = await loadManagedActivity(db, actor, query.activityId);
  const signups = await db.find<ActivitySignup>(
    COLLECTIONS.activitySignups,
    { activityId: activity._id, status: 'signed' },
    {
      orderBy: [
        ['signedAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: 1000,
    },
  );
  const openids = signups.map((s) => s.openid);
  const users =
    openids.length === 0
      ? []
      : await db.find<User>(COLLECTIONS.users, { openid: db.command.in(openids) }, { limit: 1000 });
  const volunteerIds = signups.filter((s) => s.kind === 'volunteer').map((s) => s.openid);
  const profiles =
    volunteerIds.length === 0
      ? []
      : await db.find<VolunteerProfile>(
          COLLECTIONS.volunteers,
          { _id: db.command.in(volunteerIds) },
          { limit: 1000, fields: ['volunteerNo'] },
        );
  const userById = new Map(users.map((u) => [u.openid, u]));
  const noById = new Map(profiles.map((p) => [p._id, p.volunteerNo]));
  const seesPhones = can(actor, 'volunteer.phone.view', activityTarget(activity));
  return {
    activityId: activity._id,
    title: activity.title,
    hoursConfirmed: activity.hoursConfirmedAt !== null,
    maxMinutes: maxCreditMinutes(activity, config.volunteers),
    rows: signups.map((s) => {
      const user = userById.get(s.openid) ?? null;
      const phone = user?.phone ?? '';
      return {
        signupId: s._id,
        kind: s.kind,
        kindLabel: SIGNUP_KIND_LABELS[s.kind],
        name: residentNameOf(user),
        phone: seesPhones || phone === '' ? phone : maskPhone(phone),
        phoneMasked: !seesPhones && phone !== '',
        volunteerNo: noById.get(s.openid) ?? null,
        checkInAt: s.checkInAt,
        checkOutAt: s.checkOutAt,
        minutes: s.minutes,
        confirmedMinutes: s.confirmedMinutes,
      };
    }),
  };
}
