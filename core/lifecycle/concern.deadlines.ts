/**
 * The concern's clocks, for the timer functions: unclaimed past its deadline a concern is pushed one
 * level up (the deadline restarts at each level); resolved but never confirmed it is closed; confirmed
 * it is closed. Decisions look only at the current status and times, so repeating them is harmless.
 */
import { ORG_LEVEL_LABELS } from '../org/org-levels';
import { nextConcernLevel, type ConcernLevel, type ConcernStatus } from './concern.lifecycle';

const HOUR_MS = 3_600_000;

export interface ConcernDeadlinePolicy {
  /** Hours a published concern may wait for a claimer at each level before it is pushed up. */
  readonly claimWithinHours: Readonly<Record<ConcernLevel, number>>;
  /** Hours the resident has to confirm a resolved concern before the system closes it. */
  readonly confirmWithinHours: number;
}

export const DEFAULT_CONCERN_DEADLINES: ConcernDeadlinePolicy = {
  claimWithinHours: { community: 72, street: 72, county: 120, city: 168 },
  confirmWithinHours: 168,
};

/** The concern fields the timers read. `statusChangedAt` is written by every transition. */
export interface ConcernTiming {
  readonly status: ConcernStatus;
  readonly level: ConcernLevel;
  readonly statusChangedAt: number;
}

export type ConcernTimerDecision =
  | { readonly kind: 'escalate'; readonly toLevel: ConcernLevel; readonly reason: string }
  | { readonly kind: 'close'; readonly reason: string | null };

/** When the concern must be claimed (or taken by the joint meeting) at its current level; null if not waiting. */
export function claimDeadline(concern: ConcernTiming, policy = DEFAULT_CONCERN_DEADLINES): number | null {
  if (concern.status !== 'published' && concern.status !== 'escalated' && concern.status !== 'referred')
    return null;
  return concern.statusChangedAt + policy.claimWithinHours[concern.level] * HOUR_MS;
}

/**
 * What the system timer should do with this concern now, or null. At city level an unclaimed concern
 * stays where it is (nothing is above the city); the dashboard lists it as overdue.
 */
export function dueConcernTransition(
  concern: ConcernTiming,
  now: number,
  policy = DEFAULT_CONCERN_DEADLINES,
): ConcernTimerDecision | null {
  const deadline = claimDeadline(concern, policy);
  if (deadline !== null) {
    const toLevel = nextConcernLevel(concern.level);
    if (now < deadline || toLevel === null) return null;
    const hours = policy.claimWithinHours[concern.level];
    const what = concern.status === 'referred' ? '联席会议未承接' : '无人认领';
    return {
      kind: 'escalate',
      toLevel,
      reason: `${ORG_LEVEL_LABELS[concern.level]}级 ${hours} 小时内${what}，推送至${ORG_LEVEL_LABELS[toLevel]}级`,
    };
  }
  if (concern.status === 'confirmed') return { kind: 'close', reason: null };
  if (concern.status === 'resolved' && now >= concern.statusChangedAt + policy.confirmWithinHours * HOUR_MS) {
    return { kind: 'close', reason: `办结后 ${policy.confirmWithinHours / 24} 天内居民未确认，系统关闭` };
  }
  return null;
}
