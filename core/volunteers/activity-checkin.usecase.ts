/**
 * Check-in on site (docs/decisions/0039-checkin-codes.md). The organiser's phone shows a code the server
 * issued (`activity.checkin.code`): a random token stored in `checkin_codes`, valid for
 * `codeValidSeconds` (60 s) and for one scan. The person signed up scans it (`activity.checkin`); in one
 * transaction the code is checked (unknown: CHECKIN_CODE_INVALID; expired: CHECKIN_CODE_EXPIRED; used by
 * anyone: CHECKIN_CODE_USED), marked used, and the sign-up's check-in (phase in) or check-out (phase out,
 * after a check-in) written, with the minutes served clamped to the activity's window. A screenshot sent to a
 * friend fails: the code is used, or expired, by the time it arrives.
 *
 * The token is made of two ids from the IdGenerator port (the functions' is crypto.randomBytes(12), hex):
 * 192 random bits, url-safe, as the core may not read randomness itself.
 */
import { authorize } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { ActivitySignup, CheckinCode, VolunteerActivity } from '../model/volunteer.model';
import { parseCommand } from '../schemas/command.parser';
import { activityCheckinCodeSchema, activityCheckinSchema } from '../schemas/volunteer-activity.schema';
import { loadManagedActivity } from './activity-access';
import { checkinOpen, codeState, servedMinutes, signupIdOf } from './activity.rules';
import { volunteerError } from './volunteer.errors';
import type { CheckinCodeResult, CheckinResult } from './volunteer.replies';

/** A fresh token: two ids of the IdGenerator, letters, digits, '_' and '-' only. */
function newToken(next: () => string): string {
  return `${next()}${next()}`.replace(/[^A-Za-z0-9_-]/g, '');
}

/** activity.checkin.code: the organiser's current code for check-in or check-out, while check-in is open. */
export async function issueCheckinCode(input: UseCaseInput): Promise<CheckinCodeResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(activityCheckinCodeSchema, input.command);
  return runCommand(ports, actor, 'activity.checkin.code', command, async ({ tx, now }) => {
    const activity = await loadManagedActivity(tx, actor, command.activityId);
    if (activity.status === 'cancelled' || !checkinOpen(activity, config.volunteers, now)) {
      throw volunteerError('ACTIVITY_CHECKIN_NOT_OPEN');
    }
    const code: CheckinCode = {
      _id: newToken(() => ports.ids.next()),
      activityId: activity._id,
      orgPath: activity.orgPath,
      phase: command.phase,
      issuedBy: actor.openid,
      createdAt: now,
      expiresAt: now + config.volunteers.codeValidSeconds * 1000,
      usedBy: null,
      usedAt: null,
    };
    await tx.insert(COLLECTIONS.checkinCodes, code);
    return { code: code._id, phase: code.phase, expiresAt: code.expiresAt };
  });
}

/** activity.checkin: the person signed up scans the organiser's code. */
export async function checkIn(input: UseCaseInput): Promise<CheckinResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(activityCheckinSchema, input.command);
  authorize(actor, 'activity.checkin', { ownerOpenid: actor.openid });
  return runCommand(ports, actor, 'activity.checkin', command, async ({ tx, now }) => {
    const code = await tx.get<CheckinCode>(COLLECTIONS.checkinCodes, command.code);
    if (code === null) throw volunteerError('CHECKIN_CODE_INVALID');
    const state = codeState(code, now);
    if (state === 'expired') throw volunteerError('CHECKIN_CODE_EXPIRED');
    if (state === 'used') throw volunteerError('CHECKIN_CODE_USED');
    const signupId = signupIdOf(code.activityId, actor.openid);
    const signup = await tx.get<ActivitySignup>(COLLECTIONS.activitySignups, signupId);
    if (signup === null || signup.status !== 'signed') throw volunteerError('ACTIVITY_NOT_SIGNED');
    const activity = await tx.get<VolunteerActivity>(COLLECTIONS.volunteerActivities, code.activityId);
    if (
      activity === null ||
      activity.status === 'cancelled' ||
      !checkinOpen(activity, config.volunteers, now)
    ) {
      throw volunteerError('ACTIVITY_CHECKIN_NOT_OPEN');
    }
    let minutes: number | null = null;
    if (code.phase === 'in') {
      if (signup.checkInAt !== null) throw volunteerError('ACTIVITY_ALREADY_CHECKED_IN');
      await tx.update(COLLECTIONS.activitySignups, signupId, { checkInAt: now, updatedAt: now });
    } else {
      if (signup.checkInAt === null) throw volunteerError('ACTIVITY_NOT_CHECKED_IN');
      if (signup.checkOutAt !== null) throw volunteerError('ACTIVITY_ALREADY_CHECKED_OUT');
      minutes = servedMinutes(signup.checkInAt, now, activity, config.volunteers);
      await tx.update(COLLECTIONS.activitySignups, signupId, { checkOutAt: now, minutes, updatedAt: now });
    }
    await tx.update(COLLECTIONS.checkinCodes, code._id, { usedBy: actor.openid, usedAt: now });
    return { activityId: activity._id, title: activity.title, phase: code.phase, at: now, minutes };
  });
}
