/**
 * activity.hours.confirm and activity.rate.
 *
 * Hours (民政部令第67号: true, complete, timely): after the end the organiser confirms each volunteer's minutes
 * (those the check-in and check-out measured, corrected down or up within the activity's window where they
 * forgot to scan). The first confirmation of a sign-up writes a `service` record `svc-<signupId>`; a later
 * different figure writes a NEW record naming the first (`correctsRecordId`) with the difference, never an
 * edit; an unchanged figure writes nothing. In the same transaction the volunteer's profile (total, count,
 * the year's minutes, star level), the organising team's and the party member's service totals move by the
 * same difference. A retry with the same clientRequestId replays the first answer (the command runner), and
 * a second confirmation with the same figures changes nothing, so hours are never credited twice.
 *
 * Ratings: a resident who checked in rates the activity once, after its end; the text goes through content
 * security (held for a person's look: shown to nobody else meanwhile).
 */
import { authorize } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import type { TransactionPort } from '../kernel/database.port';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { PartyMember, VolunteerTeam } from '../model/party.model';
import type {
  ActivitySignup,
  VolunteerActivity,
  VolunteerProfile,
  VolunteerRecord,
} from '../model/volunteer.model';
import { parseCommand } from '../schemas/command.parser';
import {
  activityHoursConfirmSchema,
  activityRateSchema,
  type ActivityHoursConfirmCommand,
} from '../schemas/volunteer-activity.schema';
import { loadActivity, loadManagedActivity, screenTexts } from './activity-access';
import { maxCreditMinutes, shanghaiYear, signupIdOf, starLevelFor } from './activity.rules';
import { ensureVolunteerProfile } from './activity-signup.usecase';
import { volunteerError } from './volunteer.errors';
import type { ActivityRateResult, HoursConfirmResult } from './volunteer.replies';

interface Crediting {
  readonly tx: TransactionPort;
  readonly now: number;
  readonly confirmedBy: string;
  readonly activity: VolunteerActivity;
  readonly config: PlatformConfig;
}

type Entry = ActivityHoursConfirmCommand['entries'][number];

/** The signed-up volunteer who checked in, or the refusal; the figure within the window. */
async function creditableSignup(c: Crediting, entry: Entry): Promise<ActivitySignup> {
  const signup = await c.tx.get<ActivitySignup>(COLLECTIONS.activitySignups, entry.signupId);
  if (signup === null || signup.activityId !== c.activity._id || signup.status !== 'signed') {
    throw volunteerError('ACTIVITY_NOT_SIGNED', { signupId: entry.signupId });
  }
  if (signup.kind !== 'volunteer') throw volunteerError('HOURS_NOT_VOLUNTEER', { signupId: signup._id });
  if (signup.checkInAt === null) throw volunteerError('HOURS_NOT_ATTENDED', { signupId: signup._id });
  const max = maxCreditMinutes(c.activity, c.config.volunteers);
  if (entry.minutes > max) {
    throw volunteerError('HOURS_OUTSIDE_WINDOW', { signupId: signup._id, maxMinutes: max });
  }
  return signup;
}

/**
 * Credit one entry: the record (first, or a correction with the difference), the sign-up's figure, the
 * volunteer's profile and their party-member record. Answers the difference credited and whether it was the
 * first confirmation; null when the figure is unchanged (nothing written).
 */
async function creditEntry(c: Crediting, entry: Entry): Promise<{ delta: number; first: boolean } | null> {
  const { tx, now, activity } = c;
  const signup = await creditableSignup(c, entry);
  const first = signup.confirmedMinutes === null;
  const delta = first ? entry.minutes : entry.minutes - signup.confirmedMinutes!;
  if (!first && delta === 0) return null;
  const year = shanghaiYear(activity.startAt);
  const recordId = first ? `svc-${signup._id}` : `svc-${signup._id}-c${signup.corrections + 1}`;
  const record: VolunteerRecord = {
    _id: recordId,
    openid: signup.openid,
    orgPath: activity.orgPath,
    kind: 'service',
    title: activity.title,
    activityId: activity._id,
    signupId: signup._id,
    minutes: delta,
    correctsRecordId: first ? null : signup.recordId,
    year,
    serviceAt: activity.startAt,
    note: entry.note,
    confirmedBy: c.confirmedBy,
    createdAt: now,
  };
  await tx.insert(COLLECTIONS.volunteerRecords, record);
  await tx.update(COLLECTIONS.activitySignups, signup._id, {
    confirmedMinutes: entry.minutes,
    ...(first ? { recordId } : { corrections: signup.corrections + 1 }),
    updatedAt: now,
  });
  const profile: VolunteerProfile = await ensureVolunteerProfile(
    tx,
    { openid: signup.openid, name: '志愿者', communityPath: activity.communityPath, teamIds: [] },
    now,
  );
  const total = profile.totalMinutes + delta;
  await tx.update(COLLECTIONS.volunteers, profile._id, {
    totalMinutes: total,
    serviceCount: profile.serviceCount + (first ? 1 : 0),
    [`minutesByYear.${year}`]: (profile.minutesByYear[String(year)] ?? 0) + delta,
    starLevel: starLevelFor(total, c.config.volunteers.starHours),
    updatedAt: now,
  });
  if (signup.partyMemberId !== null) {
    const member = await tx.get<PartyMember>(COLLECTIONS.partyMembers, signup.partyMemberId);
    if (member !== null) {
      await tx.update(COLLECTIONS.partyMembers, member._id, {
        serviceMinutes: member.serviceMinutes + delta,
        serviceCount: member.serviceCount + (first ? 1 : 0),
        updatedAt: now,
      });
    }
  }
  return { delta, first };
}

/** The organising team's service totals, moved by the confirmation's differences. */
async function creditTeam(c: Crediting, minutes: number, count: number): Promise<void> {
  if (c.activity.teamId === null || (minutes === 0 && count === 0)) return;
  const team = await c.tx.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, c.activity.teamId);
  if (team === null) return;
  await c.tx.update(COLLECTIONS.volunteerTeams, team._id, {
    serviceMinutes: team.serviceMinutes + minutes,
    serviceCount: team.serviceCount + count,
    updatedAt: c.now,
  });
}

export async function confirmHours(input: UseCaseInput): Promise<HoursConfirmResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(activityHoursConfirmSchema, input.command);
  return runCommand(ports, actor, 'activity.hours.confirm', command, async ({ tx, now, audit }) => {
    const activity = await loadManagedActivity(tx, actor, command.activityId, 'volunteer.hours.confirm');
    if (activity.status === 'cancelled') throw volunteerError('ACTIVITY_NOT_EDITABLE');
    if (now < activity.endAt) throw volunteerError('HOURS_NOT_YET');
    const c: Crediting = { tx, now, confirmedBy: actor.openid, activity, config };
    const tally = { credited: 0, corrections: 0, unchanged: 0, minutes: 0 };
    for (const entry of command.entries) {
      const done = await creditEntry(c, entry);
      if (done === null) tally.unchanged += 1;
      else {
        tally.minutes += done.delta;
        if (done.first) tally.credited += 1;
        else tally.corrections += 1;
      }
    }
    await creditTeam(c, tally.minutes, tally.credited);
    await tx.update(COLLECTIONS.volunteerActivities, activity._id, {
      hoursConfirmedAt: now,
      hoursRemindAt: null,
      updatedAt: now,
    });
    audit({
      entityType: 'volunteer_activity',
      entityId: activity._id,
      orgPath: activity.orgPath,
      summary: `确认志愿服务时长：${activity.title}（${tally.credited} 人，更正 ${tally.corrections} 条）`,
    });
    return {
      activityId: activity._id,
      credited: tally.credited,
      corrections: tally.corrections,
      unchanged: tally.unchanged,
      totalMinutes: command.entries.reduce((sum, e) => sum + e.minutes, 0),
    };
  });
}

/** Whether this sign-up may rate the activity now (a resident who checked in, after the end, not yet rated). */
function rateRefusal(signup: ActivitySignup | null, activity: VolunteerActivity, now: number) {
  if (
    signup === null ||
    signup.status !== 'signed' ||
    signup.kind !== 'resident' ||
    signup.checkInAt === null
  ) {
    return 'ACTIVITY_RATE_NOT_ALLOWED' as const;
  }
  if (activity.status === 'cancelled' || now < activity.endAt) return 'ACTIVITY_RATE_NOT_ALLOWED' as const;
  if (signup.ratedAt !== null) return 'ACTIVITY_ALREADY_RATED' as const;
  return null;
}

export async function rateActivity(input: UseCaseInput): Promise<ActivityRateResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(activityRateSchema, input.command);
  authorize(actor, 'activity.rate', { ownerOpenid: actor.openid }, { roles: ['resident'] });
  const signupId = signupIdOf(command.activityId, actor.openid);
  // Content security only for a rating that would be accepted (a stranger must not spend the quota).
  const signupNow = await ports.db.get<ActivitySignup>(COLLECTIONS.activitySignups, signupId);
  const activityNow = await loadActivity(ports.db, actor, command.activityId, signupNow);
  let held = false;
  if (rateRefusal(signupNow, activityNow, ports.clock.now()) === null) {
    held = await screenTexts(ports.contentSecurity, actor.openid, [
      { text: command.text, riskyCode: 'ACTIVITY_RATING_RISKY' },
    ]);
  }
  return runCommand(ports, actor, 'activity.rate', command, async ({ tx, now }) => {
    const signup = await tx.get<ActivitySignup>(COLLECTIONS.activitySignups, signupId);
    const activity = await loadActivity(tx, actor, command.activityId, signup);
    const refusal = rateRefusal(signup, activity, now);
    if (refusal !== null) throw volunteerError(refusal);
    await tx.update(COLLECTIONS.activitySignups, signupId, {
      ratedAt: now,
      stars: command.stars,
      ratingText: command.text,
      ratingTextHeld: held,
      updatedAt: now,
    });
    await tx.update(COLLECTIONS.volunteerActivities, activity._id, {
      ratingCount: activity.ratingCount + 1,
      ratingStarsTotal: activity.ratingStarsTotal + command.stars,
      updatedAt: now,
    });
    return { activityId: activity._id, stars: command.stars, ratingCount: activity.ratingCount + 1 };
  });
}
