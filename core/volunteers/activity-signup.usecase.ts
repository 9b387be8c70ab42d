/**
 * activity.signup and activity.signup.cancel. A sign-up is one transaction over the activity, the sign-up
 * `${activityId}_${openid}` and one numbered place of the activity (`activity_places`, 1..capacity per kind):
 * it takes a free place or is refused ACTIVITY_FULL, so of any number of concurrent sign-ups exactly as many
 * commit as there are places; the sign-up's fixed id makes a second one ACTIVITY_ALREADY_SIGNED. Why places
 * rather than one counter written by every sign-up: docs/decisions/0038-activity-places.md. The activity's
 * counters (shown as places left) follow each commit. A volunteer's first sign-up creates their volunteer profile with its number
 * (`ensureVolunteerProfile`). Cancelling frees the place, before the start.
 */
import { authorize } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import type { TransactionPort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { PartyMember } from '../model/party.model';
import { residentNameOf, type User } from '../model/user.model';
import type {
  ActivityPlace,
  ActivitySignup,
  SignupKind,
  VolunteerActivity,
  VolunteerCounter,
  VolunteerProfile,
} from '../model/volunteer.model';
import { cyrb53 } from '../idempotency/request.fingerprint';
import { unitIdOfPath } from '../org/org-path';
import { parseCommand } from '../schemas/command.parser';
import { activitySignupCancelSchema, activitySignupSchema } from '../schemas/volunteer-activity.schema';
import { loadActivity, placesLeft } from './activity-access';
import {
  communitiesOf,
  servesAsVolunteer,
  shanghaiYear,
  signupIdOf,
  volunteerNumber,
} from './activity.rules';
import { volunteerError } from './volunteer.errors';
import type { ActivitySignupResult } from './volunteer.replies';

export interface NewVolunteer {
  readonly openid: string;
  readonly name: string;
  /** The community they volunteer in (their grant's, or the activity's). */
  readonly communityPath: string;
  readonly teamIds: readonly string[];
}

/**
 * The volunteer's profile, made on their first volunteer sign-up or team join: the number is the next of the
 * year's counter (`volunteer_counters/volunteerNo-<year>`), read and written in the caller's transaction, so
 * two volunteers never get one number. An existing profile keeps its number; the teams named that it does not
 * list yet are added to its `teamIds` (a team join).
 */
export async function ensureVolunteerProfile(
  tx: TransactionPort,
  who: NewVolunteer,
  now: number,
): Promise<VolunteerProfile> {
  const existing = await tx.get<VolunteerProfile>(COLLECTIONS.volunteers, who.openid);
  if (existing !== null) {
    const added = who.teamIds.filter((id) => !existing.teamIds.includes(id));
    if (added.length === 0) return existing;
    const teamIds = [...existing.teamIds, ...added];
    await tx.update(COLLECTIONS.volunteers, existing._id, { teamIds, updatedAt: now });
    return { ...existing, teamIds, updatedAt: now };
  }
  const year = shanghaiYear(now);
  const counterId = `volunteerNo-${year}`;
  const counter = await tx.get<VolunteerCounter>(COLLECTIONS.volunteerCounters, counterId);
  const seq = (counter?.seq ?? 0) + 1;
  if (counter === null)
    await tx.insert(COLLECTIONS.volunteerCounters, { _id: counterId, seq } as VolunteerCounter);
  else await tx.update(COLLECTIONS.volunteerCounters, counterId, { seq });
  const profile: VolunteerProfile = {
    _id: who.openid,
    openid: who.openid,
    name: who.name,
    volunteerNo: volunteerNumber(year, seq),
    communityId: unitIdOfPath(who.communityPath),
    orgPath: who.communityPath,
    teamIds: [...who.teamIds],
    totalMinutes: 0,
    serviceCount: 0,
    minutesByYear: {},
    starLevel: 0,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(COLLECTIONS.volunteers, profile);
  return profile;
}

/** The community a volunteer serves in by their grants (volunteer, then party member), if any. */
function volunteerCommunity(actor: Actor): string | null {
  const grant =
    actor.grants.find((g) => g.role === 'volunteer' && g.orgPath !== undefined) ??
    actor.grants.find((g) => g.role === 'party_member' && g.orgPath !== undefined);
  return grant?.orgPath ?? null;
}

type SignupState = Pick<
  ActivitySignup,
  'kind' | 'status' | 'signedAt' | 'cancelledAt' | 'placeId' | 'partyMemberId' | 'updatedAt'
>;

/** A first sign-up of this person for the activity: nothing attended, confirmed or rated yet. */
function newSignup(
  id: string,
  activity: VolunteerActivity,
  openid: string,
  state: SignupState,
  now: number,
): ActivitySignup {
  return {
    _id: id,
    activityId: activity._id,
    openid,
    orgPath: activity.orgPath,
    ...state,
    checkInAt: null,
    checkOutAt: null,
    minutes: null,
    confirmedMinutes: null,
    recordId: null,
    corrections: 0,
    ratedAt: null,
    stars: null,
    ratingText: '',
    ratingTextHeld: false,
    createdAt: now,
  };
}

/** How many places of a kind an activity has. */
function placesOf(activity: VolunteerActivity, kind: SignupKind): number {
  return kind === 'resident' ? activity.capacity : activity.volunteerPlaces;
}

/** A place as the transaction found it: `holder` undefined when the document does not exist yet. */
type FoundPlace = Omit<ActivityPlace, 'holder'> & { readonly holder: string | null | undefined };

/**
 * A free place of the kind, read in the transaction: the places are numbered 1..N and each person starts
 * looking at their own spot (a hash of their openid), going round, so concurrent sign-ups mostly reach for
 * different places and do not conflict; two that take the same place conflict, and the retry finds it taken
 * and looks on. Null when every place is held.
 */
async function freePlace(
  tx: TransactionPort,
  activity: VolunteerActivity,
  kind: SignupKind,
  openid: string,
): Promise<FoundPlace | null> {
  const places = placesOf(activity, kind);
  if (places <= 0) return null;
  const start = cyrb53(openid, 0) % places;
  for (let i = 0; i < places; i += 1) {
    const n = ((start + i) % places) + 1;
    const id = `${activity._id}-${kind}-${n}`;
    const place = await tx.get<ActivityPlace>(COLLECTIONS.activityPlaces, id);
    if (place === null) {
      return {
        _id: id,
        activityId: activity._id,
        orgPath: activity.orgPath,
        kind,
        n,
        holder: undefined,
        updatedAt: 0,
      };
    }
    if (place.holder === null) return place;
  }
  return null;
}

/** The activity's shown counter of the kind moved by `by` (places taken). */
function withCount(activity: VolunteerActivity, kind: SignupKind, by: number): VolunteerActivity {
  return kind === 'resident'
    ? { ...activity, residentCount: Math.max(0, activity.residentCount + by) }
    : { ...activity, volunteerCount: Math.max(0, activity.volunteerCount + by) };
}

/**
 * After the commit: the activity's counter of places taken, moved by an atomic increment (outside the
 * transaction, so sign-ups do not all write one document; the places hold the capacity).
 */
async function countTaken(
  ports: UseCaseInput['ports'],
  activityId: string,
  kind: SignupKind,
  by: number,
  now: number,
): Promise<void> {
  const field = kind === 'resident' ? 'residentCount' : 'volunteerCount';
  await ports.db.update(COLLECTIONS.volunteerActivities, activityId, {
    [field]: ports.db.command.inc(by),
    updatedAt: now,
  });
}

/** The activity is open to the actor for sign-up, and has no place left of the kind (by its counter). */
function fullBeforeTransaction(actor: Actor, activity: VolunteerActivity, kind: SignupKind, now: number) {
  const left = placesLeft(activity);
  return (
    activity.status === 'scheduled' &&
    now < activity.signupDeadline &&
    now < activity.startAt &&
    communitiesOf(actor).includes(activity.communityPath) &&
    (kind === 'resident' ? left.resident : left.volunteer) <= 0
  );
}

/**
 * A full activity is refused before the transaction too, with the answer the transaction would give (it
 * checks again): once the places are gone, the rush of late sign-ups no longer reads every place.
 */
async function refuseWhenFull(
  ports: UseCaseInput['ports'],
  actor: Actor,
  activityId: string,
  kind: SignupKind,
  signupId: string,
): Promise<void> {
  const seen = await ports.db.get<VolunteerActivity>(COLLECTIONS.volunteerActivities, activityId);
  if (seen === null || !fullBeforeTransaction(actor, seen, kind, ports.clock.now())) return;
  const mine = await ports.db.get<ActivitySignup>(COLLECTIONS.activitySignups, signupId);
  if (mine?.status !== 'signed') throw volunteerError('ACTIVITY_FULL');
}

export async function signupActivity(input: UseCaseInput): Promise<ActivitySignupResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(activitySignupSchema, input.command);
  const kind = command.as;
  if (kind === 'volunteer' && !servesAsVolunteer(actor)) throw volunteerError('ACTIVITY_VOLUNTEER_REQUIRED');
  authorize(
    actor,
    'activity.signup',
    { ownerOpenid: actor.openid },
    { roles: kind === 'resident' ? ['resident'] : ['volunteer', 'party_member'] },
  );
  // Read before the transaction (queries never take part in one): the name shown to the organiser, and the
  // party-member record whose service a volunteer's hours also count for.
  const user = kind === 'volunteer' ? await ports.db.get<User>(COLLECTIONS.users, actor.openid) : null;
  const partyMember =
    kind === 'volunteer' && actor.grants.some((g) => g.role === 'party_member')
      ? await ports.db.findOne<PartyMember>(COLLECTIONS.partyMembers, { openid: actor.openid })
      : null;
  const signupId = signupIdOf(command.activityId, actor.openid);
  await refuseWhenFull(ports, actor, command.activityId, kind, signupId);

  return runCommand(ports, actor, 'activity.signup', command, async ({ tx, now, afterCommit }) => {
    const existing = await tx.get<ActivitySignup>(COLLECTIONS.activitySignups, signupId);
    const activity = await loadActivity(tx, actor, command.activityId, existing);
    if (existing !== null && existing.status === 'signed') throw volunteerError('ACTIVITY_ALREADY_SIGNED');
    if (!communitiesOf(actor).includes(activity.communityPath)) {
      throw volunteerError('ACTIVITY_NOT_FOUND', { activityId: activity._id });
    }
    if (activity.status !== 'scheduled' || now >= activity.signupDeadline || now >= activity.startAt) {
      throw volunteerError('ACTIVITY_SIGNUP_CLOSED');
    }
    const place = await freePlace(tx, activity, kind, actor.openid);
    if (place === null) throw volunteerError('ACTIVITY_FULL');

    let volunteerNo: string | null = null;
    if (kind === 'volunteer') {
      const teamIds = actor.grants.flatMap((g) =>
        g.role === 'volunteer' && g.teamId !== undefined ? [g.teamId] : [],
      );
      const profile = await ensureVolunteerProfile(
        tx,
        {
          openid: actor.openid,
          name: residentNameOf(user),
          communityPath: volunteerCommunity(actor) ?? activity.communityPath,
          teamIds,
        },
        now,
      );
      volunteerNo = profile.volunteerNo;
    }
    const fresh = {
      kind,
      status: 'signed' as const,
      signedAt: now,
      cancelledAt: null,
      placeId: place._id,
      partyMemberId: partyMember?._id ?? null,
      updatedAt: now,
    };
    if (existing === null) {
      await tx.insert(COLLECTIONS.activitySignups, newSignup(signupId, activity, actor.openid, fresh, now));
    } else {
      await tx.update(COLLECTIONS.activitySignups, signupId, fresh);
    }
    const held: ActivityPlace = { ...place, holder: actor.openid, updatedAt: now };
    if (place.holder === undefined) await tx.insert(COLLECTIONS.activityPlaces, held);
    else await tx.update(COLLECTIONS.activityPlaces, place._id, { holder: actor.openid, updatedAt: now });
    afterCommit(() => countTaken(ports, activity._id, kind, 1, now));
    const after = placesLeft(withCount(activity, kind, 1));
    return {
      activityId: activity._id,
      kind,
      status: 'signed' as const,
      placesLeft: after.resident,
      volunteerPlacesLeft: after.volunteer,
      volunteerNo,
    };
  });
}

/** activity.signup.cancel: the caller's own sign-up, before the start; the place is free again. */
export async function cancelSignup(input: UseCaseInput): Promise<ActivitySignupResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(activitySignupCancelSchema, input.command);
  const signupId = signupIdOf(command.activityId, actor.openid);
  return runCommand(ports, actor, 'activity.signup.cancel', command, async ({ tx, now, afterCommit }) => {
    const signup = await tx.get<ActivitySignup>(COLLECTIONS.activitySignups, signupId);
    const activity = await loadActivity(tx, actor, command.activityId, signup);
    if (signup === null || signup.status !== 'signed') throw volunteerError('ACTIVITY_NOT_SIGNED');
    authorize(actor, 'activity.signup', { ownerOpenid: signup.openid });
    if (activity.status !== 'scheduled' || now >= activity.startAt) throw volunteerError('ACTIVITY_STARTED');
    await tx.update(COLLECTIONS.activitySignups, signupId, {
      status: 'cancelled',
      cancelledAt: now,
      placeId: null,
      updatedAt: now,
    });
    if (signup.placeId !== null) {
      await tx.update(COLLECTIONS.activityPlaces, signup.placeId, { holder: null, updatedAt: now });
    }
    afterCommit(() => countTaken(ports, activity._id, signup.kind, -1, now));
    const after = placesLeft(withCount(activity, signup.kind, -1));
    return {
      activityId: activity._id,
      kind: signup.kind,
      status: 'cancelled' as const,
      placesLeft: after.resident,
      volunteerPlacesLeft: after.volunteer,
      volunteerNo: null,
    };
  });
}
