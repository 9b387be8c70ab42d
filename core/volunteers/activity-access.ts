/**
 * Who may do what with an activity, and the shared views of it: the organiser's rights (`activity.manage` on
 * the activity's unit and team), who sees it (its community's people, those who manage it, those signed up),
 * the places left, the text check, and the reminder message (TPL_ACTIVITY_REMINDER).
 */
import { can, checkAccess, type AccessTarget } from '../auth/authorize';
import { refusalError } from '../kernel/outcome';
import type { Actor } from '../auth/roles';
import type { ContentSecurity } from '../kernel/content-security.port';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { fitThing } from '../messaging/template-values';
import { COLLECTIONS } from '../model/collections.model';
import {
  ACTIVITY_STATUS_LABELS,
  type ActivitySignup,
  type VolunteerActivity,
} from '../model/volunteer.model';
import { communitiesOf } from './activity.rules';
import { volunteerError, type VolunteerErrorCode } from './volunteer.errors';
import type { ActivitySummary, MySignupView } from './volunteer.replies';

/** What the matrix checks an activity against: its unit and its organising team. */
export function activityTarget(activity: Pick<VolunteerActivity, 'orgPath' | 'teamId'>): AccessTarget {
  return activity.teamId === null
    ? { orgPath: activity.orgPath }
    : { orgPath: activity.orgPath, teamId: activity.teamId };
}

/** The organising team's leader, or a worker or leader of the activity's unit. */
export function canManage(actor: Actor, activity: Pick<VolunteerActivity, 'orgPath' | 'teamId'>): boolean {
  return can(actor, 'activity.manage', activityTarget(activity));
}

/** Its community's people, those who manage it, and anyone signed up for it (e.g. before moving house). */
export function canSee(
  actor: Actor,
  activity: VolunteerActivity,
  signup: Pick<ActivitySignup, 'openid'> | null,
): boolean {
  return (
    communitiesOf(actor).includes(activity.communityPath) ||
    canManage(actor, activity) ||
    (signup !== null && signup.openid === actor.openid)
  );
}

type Reader = Pick<DatabasePort, 'get'> | Pick<TransactionPort, 'get'>;

/** The activity, or ACTIVITY_NOT_FOUND (missing, or not the caller's to see). */
export async function loadActivity(
  db: Reader,
  actor: Actor,
  activityId: string,
  signup: Pick<ActivitySignup, 'openid'> | null = null,
): Promise<VolunteerActivity> {
  const activity = await db.get<VolunteerActivity>(COLLECTIONS.volunteerActivities, activityId);
  if (activity === null || !canSee(actor, activity, signup))
    throw volunteerError('ACTIVITY_NOT_FOUND', { activityId });
  return activity;
}

/**
 * The activity for those who organise it (`activity.manage`, or another organiser's action such as
 * `volunteer.hours.confirm`): PERMISSION_DENIED for a caller who organises nothing (the matrix's answer), and
 * ACTIVITY_NOT_FOUND both for a missing activity and for one out of the caller's scope (another team's,
 * another unit's): out of scope answers like not found.
 */
export async function loadManagedActivity(
  db: Reader,
  actor: Actor,
  activityId: string,
  action: 'activity.manage' | 'volunteer.hours.confirm' = 'activity.manage',
): Promise<VolunteerActivity> {
  const activity = await db.get<VolunteerActivity>(COLLECTIONS.volunteerActivities, activityId);
  const access = checkAccess(actor, action, activity === null ? {} : activityTarget(activity));
  if (!access.ok && access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
  if (activity === null || !access.ok) throw volunteerError('ACTIVITY_NOT_FOUND', { activityId });
  return activity;
}

export function placesLeft(activity: VolunteerActivity): { resident: number; volunteer: number } {
  return {
    resident: Math.max(0, activity.capacity - activity.residentCount),
    volunteer: Math.max(0, activity.volunteerPlaces - activity.volunteerCount),
  };
}

export function activitySummary(activity: VolunteerActivity): ActivitySummary {
  const left = placesLeft(activity);
  return {
    activityId: activity._id,
    title: activity.title,
    place: activity.place,
    startAt: activity.startAt,
    endAt: activity.endAt,
    startText: formatShanghaiMinute(activity.startAt),
    status: activity.status,
    statusLabel: ACTIVITY_STATUS_LABELS[activity.status],
    teamId: activity.teamId,
    placesLeft: left.resident,
    volunteerPlacesLeft: left.volunteer,
  };
}

export function mySignupView(signup: ActivitySignup | null): MySignupView | null {
  if (signup === null) return null;
  return {
    kind: signup.kind,
    status: signup.status,
    checkInAt: signup.checkInAt,
    checkOutAt: signup.checkOutAt,
    minutes: signup.minutes,
    confirmedMinutes: signup.confirmedMinutes,
    ratedAt: signup.ratedAt,
  };
}

export interface ScreenedText {
  readonly text: string;
  readonly riskyCode: VolunteerErrorCode;
}

/**
 * Check each non-empty text as its author wrote it (msgSecCheck, scene 'forum': others read it), the path the
 * concerns take: `risky` refuses the command with the text's code; answers whether any was sent to a
 * person's review. Called after authorization, outside the transaction.
 */
export async function screenTexts(
  contentSecurity: ContentSecurity,
  openid: string,
  texts: readonly ScreenedText[],
): Promise<boolean> {
  let flagged = false;
  for (const { text, riskyCode } of texts) {
    if (text.trim().length === 0) continue;
    const verdict = await contentSecurity.check(text, openid, 'forum');
    if (verdict === 'risky') throw volunteerError(riskyCode);
    if (verdict === 'review') flagged = true;
  }
  return flagged;
}

/** The short words of TPL_ACTIVITY_REMINDER's `phrase2` (at most five characters). */
export const ACTIVITY_REMINDER_PHRASES = {
  startsSoon: '即将开始',
  cancelled: '活动取消',
  confirmHours: '待确认时长',
} as const;
export type ActivityReminderPhrase =
  (typeof ACTIVITY_REMINDER_PHRASES)[keyof typeof ACTIVITY_REMINDER_PHRASES];

/** TPL_ACTIVITY_REMINDER to each recipient, opening the activity's page. */
export function activityMessages(
  config: PlatformConfig,
  recipients: readonly string[],
  activity: Pick<VolunteerActivity, '_id' | 'title' | 'startAt' | 'place'>,
  phrase: ActivityReminderPhrase,
): SubscribeMessage[] {
  return [...new Set(recipients)].map((touser) => ({
    touser,
    templateId: config.templates.activityReminder,
    page: `${config.volunteers.activityPage}?activityId=${encodeURIComponent(activity._id)}`,
    data: {
      thing1: { value: fitThing(activity.title) },
      phrase2: { value: phrase },
      time3: { value: formatShanghaiMinute(activity.startAt) },
      thing4: { value: fitThing(activity.place) },
    },
  }));
}

/** The openids of everyone signed up (at most 1000: capacity 500 + 200 volunteer places). */
export async function signedUpOpenids(db: DatabasePort, activityId: string): Promise<string[]> {
  const signups = await db.find<Pick<ActivitySignup, '_id' | 'openid'>>(
    COLLECTIONS.activitySignups,
    { activityId, status: 'signed' },
    { fields: ['openid'], orderBy: [['_id', 'asc']], limit: 1000 },
  );
  return signups.map((s) => s.openid);
}
