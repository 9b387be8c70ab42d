/**
 * The pure rules of volunteer activities (docs/volunteers.md), each taking `now` where time matters:
 * - the minutes a volunteer served: check-out minus check-in, clamped to the activity's window
 *   [start - windowBeforeMinutes, end + windowAfterMinutes] (30 min before, 60 after by default): arriving
 *   early to set up counts from half an hour before, staying late to clear up until an hour after; a
 *   forgotten check-out scanned the next morning cannot credit a night;
 * - when check-in is open (from 60 min before the start to 60 min after the end) and a code's state;
 * - the star level by confirmed hours (config.volunteers.starHours);
 * - the numbers (YL + year + six digits; YLZYZ- + year + six digits) and the service year (Asia/Shanghai);
 * - the communities a person belongs to, as their grants say.
 */
import type { Actor } from '../auth/roles';
import { communityPathOf } from '../auth/concern-access';
import type { VolunteersConfig } from '../kernel/platform.config';
import type { CheckinCode, VolunteerActivity } from '../model/volunteer.model';
import { isOrgPath, levelOfPath } from '../org/org-path';

const MINUTE_MS = 60_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

type Window = Pick<VolunteerActivity, 'startAt' | 'endAt'>;
type WindowConfig = Pick<VolunteersConfig, 'windowBeforeMinutes' | 'windowAfterMinutes'>;

/** The span whose minutes can be credited: [start - before, end + after]. */
export function creditWindow(activity: Window, config: WindowConfig): { from: number; to: number } {
  return {
    from: activity.startAt - config.windowBeforeMinutes * MINUTE_MS,
    to: activity.endAt + config.windowAfterMinutes * MINUTE_MS,
  };
}

/** The most minutes one person can be credited for the activity (the window's length). */
export function maxCreditMinutes(activity: Window, config: WindowConfig): number {
  const { from, to } = creditWindow(activity, config);
  return Math.floor((to - from) / MINUTE_MS);
}

/** Whole minutes between check-in and check-out, both clamped to the window; never negative. */
export function servedMinutes(
  checkInAt: number,
  checkOutAt: number,
  activity: Window,
  config: WindowConfig,
): number {
  const { from, to } = creditWindow(activity, config);
  const start = Math.min(Math.max(checkInAt, from), to);
  const end = Math.min(Math.max(checkOutAt, from), to);
  return Math.max(0, Math.floor((end - start) / MINUTE_MS));
}

/** Check-in and check-out are open from `checkinOpensMinutesBefore` the start to `checkinClosesMinutesAfter` the end. */
export function checkinOpen(
  activity: Window,
  config: Pick<VolunteersConfig, 'checkinOpensMinutesBefore' | 'checkinClosesMinutesAfter'>,
  now: number,
): boolean {
  return (
    now >= activity.startAt - config.checkinOpensMinutesBefore * MINUTE_MS &&
    now <= activity.endAt + config.checkinClosesMinutesAfter * MINUTE_MS
  );
}

export type CodeState = 'valid' | 'expired' | 'used';

/** A code's state at `now`: expired from `expiresAt` on (whether used or not), used once anyone scanned it. */
export function codeState(code: Pick<CheckinCode, 'expiresAt' | 'usedBy'>, now: number): CodeState {
  if (now >= code.expiresAt) return 'expired';
  if (code.usedBy !== null) return 'used';
  return 'valid';
}

/** Star level 0-5: the number of thresholds (hours, ascending) the confirmed minutes reach. */
export function starLevelFor(totalMinutes: number, starHours: readonly number[]): number {
  return starHours.filter((h) => totalMinutes >= h * 60).length;
}

/** The calendar year in Asia/Shanghai. */
export function shanghaiYear(millis: number): number {
  return new Date(millis + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

/** 'YL2025000001': the volunteer number (identity numbers are never stored). */
export function volunteerNumber(year: number, seq: number): string {
  return `YL${year}${String(seq).padStart(6, '0')}`;
}

/** 'YLZYZ-2025000001': the service certificate's number. */
export function certificateNumber(year: number, seq: number): string {
  return `YLZYZ-${year}${String(seq).padStart(6, '0')}`;
}

/**
 * The community paths a person belongs to: the bound grid or community of their resident grant, the
 * community of their volunteer or party-member grant, and the grid or community a worker or leader serves.
 */
export function communitiesOf(actor: Actor): string[] {
  const out = new Set<string>();
  for (const g of actor.grants) {
    if (!isOrgPath(g.orgPath)) continue;
    const level = levelOfPath(g.orgPath);
    if (level !== 'community' && level !== 'grid') continue;
    if (['resident', 'volunteer', 'party_member', 'worker', 'leader'].includes(g.role)) {
      out.add(communityPathOf(g.orgPath));
    }
  }
  return [...out].sort();
}

/** Whether the actor holds a grant that lets them serve as a volunteer (志愿者 or 党员). */
export function servesAsVolunteer(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'volunteer' || g.role === 'party_member');
}

/** The id of a person's sign-up for an activity. */
export function signupIdOf(activityId: string, openid: string): string {
  return `${activityId}_${openid}`;
}
