/**
 * The role × scope matrix through the real functions (docs/testing.md "The fuzz test and the permission
 * matrix"). For every command a function routes (support/function-routes.ts), the action it asks the matrix
 * for (support/command-permissions.ts) gives one row per role of core/auth/permissions.matrix.ts:
 *
 * - a role the matrix allows: a caller holding it **in scope** (the record's owner, its provider's staff, a
 *   worker of a unit above it, anyone for `any`) is not refused for who they are (PERMISSION_DENIED,
 *   OUT_OF_SCOPE, or the not-found answer that hides a record: ORDER_NOT_FOUND, MATCH_NOT_FOUND,
 *   MODERATION_ITEM_NOT_FOUND, CONCERN_NOT_FOUND for a concern not on the wall); it may still fail for a domain reason. A caller holding it **out of scope**
 *   (another resident, another provider, another county) is refused with the platform's code for that; a
 *   caller in scope with a position the cell does not name (a member where a manager is needed) too; for
 *   the `industry` scope (decision 0026) an in-scope regulator holds the record's industry (or none, for a
 *   record of no industry: a unit), an out-of-scope one the same industry in another county, and a third
 *   row holds another industry in the record's own unit (refused like out of scope);
 * - a role the matrix does not allow: refused (PERMISSION_DENIED, or the not-found answer where existence is
 *   hidden), unless the resident grant every WeChat user holds allows it (then the row says so);
 * - and every refusal writes nothing to the platform's collections and sends no message.
 *
 * Callers are users written with grants (core/auth/roles.ts, support/role-actors.ts); records are made
 * through the functions (support/order-loop.ts). The exact code a row expects is the matrix's own answer for
 * that caller and record (`checkAccess`, and `can` of the action that hides the record), held against the
 * meaning above. A list answers scope by what it lists: in scope the record is there, out of scope it is
 * not. Commands acting on the caller's own record by identity (profile.*, match.request, a resident's
 * concern.submit) cannot name another person's record: their out-of-scope row names one in the input and
 * finds it untouched. Provider governance records (applications at each stage of their review, objections,
 * providers signed, evaluated, under rectification, removed with their regulators' report, new offerings,
 * 差评 tickets, ratings, appeals, complaints) are made through `providers` and `orders` by
 * support/governance-records.ts. Concerns are taken to the stage a row needs through the real `concerns` function; a
 * volunteer's or party member's `assigned` rows act on one their team or party organisation claimed.
 */
import { ACTIONS, type Action } from '../../core/auth/actions';
import { can, checkAccess, type AccessTarget } from '../../core/auth/authorize';
import { PERMISSION_MATRIX, type PermissionRule } from '../../core/auth/permissions.matrix';
import { ROLES, type Actor, type Position, type Role, type RoleGrant } from '../../core/auth/roles';
import { INDUSTRIES, type Industry } from '../../core/model/industry.model';
import { COMMANDS, type CommandName } from '../../core/schemas/commands.registry';
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import { DEMO_COUNTY_ID, DEMO_GRID_ID } from '../../demo/demo.constants';
import { DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import { isWithin } from '../../core/org/org-path';
import { DAY_MS, MINUTE_MS, functionCloud, type Reply } from './support/function-cloud';
import { functionRoutes, routedCommands } from './support/function-routes';
import {
  ACTIONS_NOT_ROUTED,
  COMMAND_PERMISSIONS,
  ROWS_IN_THEIR_OWN_TEST,
  type CommandPermission,
} from './support/command-permissions';
import {
  APPLIANCE_REPAIR,
  FOLLOW_UP_INPUT,
  matchFor,
  ok,
  orderThrough,
  placeOrder,
} from './support/order-loop';
import {
  governanceCrew,
  governanceRecords,
  type ApplicationStage,
  type GovernanceCrew,
  type GovernanceRecord,
  type GovernanceRecords,
} from './support/governance-records';
import { platformMark } from './support/platform-writes';
import {
  activityInput,
  activityMatrixRecord,
  scheduleActivity,
  volunteerMatrixRecord,
} from './support/activity-records';
import { GOVERNANCE_ITEM } from './support/governance-records';
import { actorAsLoaded, writeUser, type WrittenUser } from './support/role-actors';

const cloud = functionCloud();

const ROUTED = routedCommands();
const OTHER_COUNTY = DEMO_PATHS.secondCommunity;
const HELD_NOTE = '加微信领红包，下午在家';
/** The refusals that say "not you" (or "not for you to see"), as opposed to a domain reason. */
const AUTHORIZATION_REFUSALS = ['UNAUTHENTICATED', 'PERMISSION_DENIED', 'OUT_OF_SCOPE'];

// ---- records: what a command acts on ---------------------------------------------------------------------

type SubjectKind =
  | 'self'
  | 'public'
  | 'provider'
  | 'invite'
  | 'match'
  | 'order'
  | 'moderation-item'
  | 'privacy-request'
  | 'concern-intake'
  | 'concern'
  // provider governance (support/governance-records.ts)
  | 'application-intake'
  | 'application'
  | 'objection'
  | 'gov-provider'
  | 'pending-offering'
  | 'campaign-unit'
  | 'evaluation'
  | 'rectifying'
  | 'removable'
  | 'report'
  | 'standing'
  | 'ticket'
  | 'rating'
  | 'rerate'
  | 'appeal'
  | 'finished-order'
  | 'complaint'
  // a volunteer activity (support/activity-records.ts), and the unit and team one is scheduled for
  | 'activity'
  | 'activity-intake'
  // a volunteer of the demo team with a profile (support/activity-records.ts)
  | 'volunteer';

type OrderStage = 'created' | 'accepted' | 'done' | 'followed_up';
/**
 * A concern's stage for a row: claimed by a volunteer team or a party organisation (so that a volunteer's or a
 * party member's `assigned` scope has a claimer to be), taken by the joint meeting with one task.
 */
type ConcernStage =
  'submitted' | 'approved' | 'published' | 'claimed_team' | 'claimed_po' | 'resolved' | 'referred' | 'taken';
/** A 差评 ticket's stage: as opened, or after the provider contacted the resident. */
type TicketStage = 'opened' | 'contacted';
type Stage = OrderStage | ConcernStage | ApplicationStage | TicketStage;

/** A record as the rows use it: what the matrix checks, and where it lies (to give grants around it). */
interface SubjectRecord {
  readonly target: AccessTarget;
  /** The org path the record lies in. */
  readonly place: string;
  /** The provider it concerns (the demo provider where it concerns none). */
  readonly providerId: string;
  /** Its owner (a resident), for `own` scopes. */
  readonly owner?: WrittenUser;
  readonly ids: Readonly<Record<string, string>>;
  readonly stage?: Stage;
  /** The caller's own record (profile, matching): whoever calls is its owner. */
  readonly self?: true;
  /** On the concerns' wall: anyone may see it exists, so a refusal is not hidden as not found. */
  readonly onWall?: true;
  /** Who claimed it (a concern's `assigned` scope). */
  readonly claimer?: WrittenUser;
}

/** Where a command on the caller's own record lies: the caller's home, the demo grid. */
const SELF: SubjectRecord = {
  target: {},
  place: DEMO_PATHS.grid,
  providerId: DEMO_REFS.providerId,
  ids: {},
  self: true,
};

/**
 * How a use case hides a record: by `can(action)`, answering `code`. `afterRole`: only from callers holding a
 * role the matrix allows the action somewhere (the use case asks `listScope` first, so anyone else is told
 * PERMISSION_DENIED).
 */
interface Hiding {
  readonly action: Action;
  readonly roles?: Role[];
  readonly code: string;
  readonly afterRole?: true;
}

/** Records one may not see answer as if they did not exist (docs/functions.md), checked by this action. */
const HIDDEN_BY: Partial<Record<SubjectKind, Hiding>> = {
  order: { action: 'order.view', code: 'ORDER_NOT_FOUND' },
  match: { action: 'order.create', roles: ['resident'], code: 'MATCH_NOT_FOUND' },
  'moderation-item': { action: 'moderation.view', code: 'MODERATION_ITEM_NOT_FOUND' },
  concern: { action: 'concern.view', code: 'CONCERN_NOT_FOUND' },
  // An application is seen by its applicant and its reviewers only (core/providers/application-access.ts).
  application: { action: 'provider.application.view', code: 'APPLICATION_NOT_FOUND' },
  objection: { action: 'provider.application.view', code: 'OBJECTION_NOT_FOUND' },
  evaluation: { action: 'provider.evaluate', code: 'EVALUATION_NOT_FOUND', afterRole: true },
  'campaign-unit': { action: 'provider.evaluate', code: 'EVALUATION_UNIT_NOT_FOUND', afterRole: true },
  rectifying: { action: 'provider.rectify', code: 'PROVIDER_NOT_FOUND', afterRole: true },
  removable: { action: 'provider.blacklist', code: 'PROVIDER_NOT_FOUND', afterRole: true },
  report: { action: 'provider.report.view', code: 'REPORT_NOT_FOUND', afterRole: true },
  standing: { action: 'provider.standing.view', code: 'PROVIDER_NOT_FOUND', afterRole: true },
  // Another team's or unit's activity answers its organisers like one that does not exist.
  activity: { action: 'activity.manage', code: 'ACTIVITY_NOT_FOUND', afterRole: true },
  'activity-intake': { action: 'activity.manage', code: 'ACTIVITY_UNIT_NOT_FOUND', afterRole: true },
  // A volunteer of another unit or team answers like a number that does not exist.
  volunteer: { action: 'volunteer.record.add', code: 'VOLUNTEER_NUMBER_NOT_FOUND', afterRole: true },
};

/** The hiding of a fixture's record: its own, or its subject kind's. */
const hidingOf = (fixture: Fixture): Hiding | undefined =>
  fixture.hidden === undefined ? HIDDEN_BY[fixture.subject] : (fixture.hidden ?? undefined);

/** Whether the actor holds a role (in a position) the matrix allows the action anywhere. */
function holdsRoleFor(actor: Actor, action: Action): boolean {
  const cells = PERMISSION_MATRIX[action];
  return actor.grants.some((g) => {
    const rule = cells[g.role];
    if (rule === undefined) return false;
    return rule.positions === undefined || (g.position !== undefined && rule.positions.includes(g.position));
  });
}

/** A unit a worker may not file for (代办) answers like one that does not exist. */
const INTAKE_UNIT_HIDDEN: Partial<Record<SubjectKind, string>> = {
  'concern-intake': 'CONCERN_UNIT_NOT_FOUND',
  'application-intake': 'APPLICATION_UNIT_NOT_FOUND',
};

/**
 * Units where a round is started for the caller's own industries (evaluation.campaign.start): a regulator of
 * any industry acts in the unit for its industry, so a regulator "of another industry" in the unit is in scope.
 */
const UNITS_OF_EVERY_INDUSTRY: ReadonlySet<SubjectKind> = new Set(['campaign-unit']);

/** Those who file an application as a paper form (纸质申请) for an applicant, never for themselves. */
const PAPER_FILERS: readonly Role[] = ['worker', 'leader'];

interface RowContext {
  readonly role: Role;
}

interface Fixture {
  readonly subject: SubjectKind;
  /** Orders, concerns: the stage the record is taken to for a row of this role (so an allowed step can succeed). */
  readonly stage?: (role: Role) => Stage;
  readonly input: (record: SubjectRecord, row: RowContext) => Record<string, unknown>;
  /** A list: whether the record is among the reply's items. */
  readonly listed?: (data: unknown, record: SubjectRecord) => boolean;
  /** The roles the command offers the action to for a row of this role (order.list's `as`). */
  readonly roles?: (role: Role) => readonly Role[];
  /** The record's hiding for this command, where it differs from its subject kind's (null: not hidden). */
  readonly hidden?: Hiding | null;
  /** Whether an allowed write uses its record up (default: its subject kind's, CONSUMED). */
  readonly consumes?: boolean;
}

const rid = (label: string): string => cloud.requestId(label);
const itemsOf = (data: unknown): Record<string, unknown>[] =>
  ((data as { items?: Record<string, unknown>[] } | null)?.items ?? []) as Record<string, unknown>[];
const listAs = (role: Role): 'resident' | 'provider_staff' =>
  role === 'provider_staff' ? 'provider_staff' : 'resident';
let phoneSeq = 0;

/** How to make each routed command's record and input. A command without a line here fails its rows. */
const FIXTURES: Readonly<Record<string, Fixture>> = {
  'profile.bind': {
    subject: 'self',
    input: () => ({ orgUnitId: DEMO_GRID_ID, clientRequestId: rid('bind') }),
  },
  'profile.phone.set': {
    subject: 'self',
    input: () => ({
      method: 'typed',
      phone: `1380778${String((phoneSeq += 1)).padStart(4, '0')}`,
      consent: true,
      clientRequestId: rid('phone'),
    }),
  },
  'profile.phone.withdraw': { subject: 'self', input: () => ({ clientRequestId: rid('withdraw') }) },
  'profile.export': { subject: 'self', input: () => ({}) },
  'profile.delete': { subject: 'self', input: () => ({ confirm: true, clientRequestId: rid('delete') }) },
  'privacy.request.submit': {
    subject: 'self',
    input: () => ({ kind: 'other', content: '请核对我的个人信息是否正确', clientRequestId: rid('privacy') }),
  },
  'privacy.request.list': {
    subject: 'privacy-request',
    input: () => ({}),
    listed: (data, r) => itemsOf(data).some((i) => i['requestId'] === r.ids['requestId']),
  },
  'message.list': { subject: 'self', input: () => ({ pageSize: 50 }) },
  'message.read': { subject: 'self', input: () => ({ all: true, clientRequestId: rid('read-all') }) },
  'catalog.list': { subject: 'public', input: () => ({}) },
  'org.children': { subject: 'public', input: () => ({ parentId: DEMO_COUNTY_ID }) },
  'match.request': { subject: 'self', input: () => ({ itemIds: [APPLIANCE_REPAIR] }) },
  'order.create': {
    subject: 'match',
    input: (r) => ({
      matchId: r.ids['matchId'],
      itemId: APPLIANCE_REPAIR,
      providerId: r.providerId,
      note: '',
      clientRequestId: rid('create'),
    }),
  },
  'order.cancel': {
    subject: 'order',
    // Staff cancel only what they accepted; a resident cancels before acceptance without a reason too.
    stage: (role) => (role === 'provider_staff' ? 'accepted' : 'created'),
    input: (r) => ({
      orderId: r.ids['orderId'],
      reason: '家里临时有事，改天再约',
      clientRequestId: rid('cancel'),
    }),
  },
  'order.accept': {
    subject: 'order',
    stage: () => 'created',
    input: (r) => ({ orderId: r.ids['orderId'], clientRequestId: rid('accept') }),
  },
  'order.decline': {
    subject: 'order',
    stage: () => 'created',
    input: (r) => ({ orderId: r.ids['orderId'], reason: '师傅今天排满了', clientRequestId: rid('decline') }),
  },
  'order.done': {
    subject: 'order',
    stage: () => 'accepted',
    input: (r) => ({ orderId: r.ids['orderId'], clientRequestId: rid('done') }),
  },
  'order.follow_up': {
    subject: 'order',
    stage: () => 'done',
    input: (r) => ({ orderId: r.ids['orderId'], ...FOLLOW_UP_INPUT, clientRequestId: rid('follow-up') }),
  },
  'order.rate': {
    subject: 'order',
    stage: () => 'done',
    input: (r) => ({ orderId: r.ids['orderId'], stars: 5, text: '', clientRequestId: rid('rate') }),
  },
  'order.detail': { subject: 'order', stage: () => 'created', input: (r) => ({ orderId: r.ids['orderId'] }) },
  'order.list': {
    subject: 'order',
    stage: () => 'created',
    roles: (role) => [listAs(role)],
    input: (_r, row) => ({ as: listAs(row.role), status: 'created', pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['orderId'] === r.ids['orderId']),
  },
  'provider.staff.invite': {
    subject: 'provider',
    input: (r) => ({ providerId: r.providerId, position: 'member', clientRequestId: rid('invite') }),
  },
  'provider.staff.bind': {
    subject: 'invite',
    input: (r) => ({ inviteCode: r.ids['inviteCode'], clientRequestId: rid('bind-code') }),
  },
  'moderation.list': {
    subject: 'moderation-item',
    input: () => ({ pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['itemId'] === r.ids['itemId']),
  },
  'moderation.decide': {
    subject: 'moderation-item',
    input: (r) => ({ itemId: r.ids['itemId'], decision: 'approve', clientRequestId: rid('decide') }),
  },

  'concern.submit': {
    subject: 'concern-intake',
    input: (_r, row) => ({ ...CONCERN_DRAFT, ...filedFor(row.role), clientRequestId: rid('c-submit') }),
  },
  'concern.similar': {
    subject: 'concern-intake',
    input: (_r, row) => ({
      title: CONCERN_DRAFT.title,
      content: CONCERN_DRAFT.content,
      ...(row.role === 'worker' ? { orgUnitId: DEMO_GRID_ID } : {}),
    }),
  },
  'concern.withdraw': {
    subject: 'concern',
    stage: () => 'submitted',
    input: (r) => ({ concernId: r.ids['concernId'], clientRequestId: rid('c-withdraw') }),
  },
  'concern.review': {
    subject: 'concern',
    stage: () => 'submitted',
    input: (r) => ({ concernId: r.ids['concernId'], decision: 'approve', clientRequestId: rid('c-review') }),
  },
  'concern.publish': {
    subject: 'concern',
    stage: () => 'approved',
    input: (r) => ({ concernId: r.ids['concernId'], clientRequestId: rid('c-publish') }),
  },
  'concern.claim': {
    subject: 'concern',
    stage: () => 'published',
    input: (r, row) => ({
      concernId: r.ids['concernId'],
      claimAs: claimAsFor(row.role),
      clientRequestId: rid('c-claim'),
    }),
  },
  'concern.release': {
    subject: 'concern',
    stage: claimedStageFor,
    input: (r) => ({
      concernId: r.ids['concernId'],
      reason: '人手不足，退回重新认领',
      clientRequestId: rid('c-release'),
    }),
  },
  'concern.update': {
    subject: 'concern',
    stage: claimedStageFor,
    input: (r) => ({
      concernId: r.ids['concernId'],
      text: '已联系物业，明天处理',
      clientRequestId: rid('c-update'),
    }),
  },
  'concern.resolve': {
    subject: 'concern',
    stage: claimedStageFor,
    input: (r) => ({
      concernId: r.ids['concernId'],
      summary: '已处理完毕',
      clientRequestId: rid('c-resolve'),
    }),
  },
  'concern.confirm': {
    subject: 'concern',
    stage: () => 'resolved',
    input: (r) => ({ concernId: r.ids['concernId'], outcome: 'resolved', clientRequestId: rid('c-confirm') }),
  },
  'concern.escalate': {
    subject: 'concern',
    stage: () => 'published',
    input: (r) => ({
      concernId: r.ids['concernId'],
      reason: '本社区无人认领',
      clientRequestId: rid('c-escalate'),
    }),
  },
  'concern.refer': {
    subject: 'concern',
    stage: () => 'published',
    input: (r) => ({
      concernId: r.ids['concernId'],
      reason: '涉及多个部门',
      departments: ['住建局'],
      clientRequestId: rid('c-refer'),
    }),
  },
  // Before it is published only its resident and the unit see it; a claimer's whole view of what their team or
  // party organisation claimed (on the wall, so it exists for everyone) is walked by concerns.functions.test.ts.
  'concern.detail': {
    subject: 'concern',
    stage: () => 'submitted',
    roles: () => ['resident', 'worker', 'leader', 'joint_meeting_office'],
    input: (r) => ({ concernId: r.ids['concernId'] }),
  },
  // Each role's own list: a unit's for its workers, leaders and office; what a party member's organisation or a
  // volunteer's team claimed; a resident's own (every caller is one).
  'concern.list': {
    subject: 'concern',
    stage: (role) => (role === 'party_member' || role === 'volunteer' ? claimedStageFor(role) : 'submitted'),
    input: (_r, row) => ({ view: concernListView(row.role), pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['concernId'] === r.ids['concernId']),
  },
  'joint_meeting.take': {
    subject: 'concern',
    stage: () => 'referred',
    input: (r) => ({
      concernId: r.ids['concernId'],
      leadDepartment: '住建局',
      clientRequestId: rid('c-take'),
    }),
  },
  'joint_meeting.task.add': {
    subject: 'concern',
    stage: () => 'taken',
    input: (r) => ({
      concernId: r.ids['concernId'],
      tasks: [
        { department: '供电局', task: '排查线路', dueAt: cloud.started.cloud.clock.now() + 48 * 3_600_000 },
      ],
      clientRequestId: rid('c-task'),
    }),
  },
  'joint_meeting.task.done': {
    subject: 'concern',
    stage: () => 'taken',
    input: (r) => ({
      concernId: r.ids['concernId'],
      taskId: r.ids['taskId'],
      note: '已完成',
      clientRequestId: rid('c-done'),
    }),
  },
  'joint_meeting.minutes': {
    subject: 'concern',
    stage: () => 'taken',
    input: (r) => ({
      concernId: r.ids['concernId'],
      heldOn: '2025-03-12',
      attendees: ['住建局'],
      minutes: '研究处理方案',
      clientRequestId: rid('c-minutes'),
    }),
  },

  // ---- providers: applications (support/governance-records.ts makes the records through the functions)
  // The applicant for themselves; a worker or leader enters a paper form for the governance grid.
  'provider.apply': {
    subject: 'application-intake',
    input: (_r, row) => ({
      ...governance().applicationInput(
        PAPER_FILERS.includes(row.role)
          ? { paper: { receivedOn: '2025-03-09', applicantPhone: '13907750000' } }
          : {},
      ),
      clientRequestId: rid('g-apply'),
    }),
  },
  'provider.application.mine': { subject: 'self', input: () => ({}) },
  'provider.application.list': {
    subject: 'application',
    stage: () => 'applied',
    input: () => ({ status: 'applied', pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['applicationId'] === r.ids['applicationId']),
  },
  'provider.application.detail': {
    subject: 'application',
    stage: () => 'applied',
    input: (r) => ({ applicationId: r.ids['applicationId'] }),
  },
  // An assessment replaces the assessor's older one: the application is not used up.
  'provider.application.assess': {
    subject: 'application',
    stage: () => 'under_review',
    consumes: false,
    input: (r) => ({
      applicationId: r.ids['applicationId'],
      sheet: { qualification: 18, management: 16, service: 17, price: 19, capacity: 15 },
      comment: '资质齐全，收费合理',
      recommend: true,
      clientRequestId: rid('g-assess'),
    }),
  },
  'provider.application.decide': {
    subject: 'application',
    stage: () => 'applied',
    input: (r) => ({
      applicationId: r.ids['applicationId'],
      to: 'under_review',
      clientRequestId: rid('g-decide'),
    }),
  },
  'provider.application.withdraw': {
    subject: 'application',
    stage: () => 'applied',
    input: (r) => ({
      applicationId: r.ids['applicationId'],
      reason: '暂不入驻',
      clientRequestId: rid('g-withdraw'),
    }),
  },
  'provider.notice.list': {
    subject: 'application',
    stage: () => 'noticed',
    input: () => ({ orgUnitId: crew.gridId, pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['applicationId'] === r.ids['applicationId']),
  },
  // On notice it is public: anyone may object (but its applicant); objections leave it on notice.
  'provider.application.object': {
    subject: 'application',
    stage: () => 'noticed',
    consumes: false,
    hidden: null,
    input: (r) => ({
      applicationId: r.ids['applicationId'],
      content: '该机构的收费标准与实际不符，请核实',
      clientRequestId: rid('g-object'),
    }),
  },
  'provider.objection.answer': {
    subject: 'objection',
    stage: () => 'objection',
    input: (r) => ({
      objectionId: r.ids['objectionId'],
      decision: 'dismissed',
      reply: '经核实不属实',
      clientRequestId: rid('g-answer'),
    }),
  },
  // The applicant in the mini-program; a worker or leader records a paper agreement.
  'provider.application.sign': {
    subject: 'application',
    stage: () => 'notice_over',
    input: (r, row) => ({
      applicationId: r.ids['applicationId'],
      agreementVersion: DEFAULT_PLATFORM_CONFIG.governance.agreementVersion,
      accept: true,
      ...(row.role === 'worker' || row.role === 'leader'
        ? { paper: { signerName: '覃经理', signedOn: '2025-03-20' } }
        : {}),
      clientRequestId: rid('g-sign'),
    }),
  },

  // ---- providers: offerings, 差评 tickets, ratings, appeals, complaints
  'provider.offering.list': {
    subject: 'gov-provider',
    input: (r) => ({ providerId: r.providerId }),
  },
  'provider.offering.save': {
    subject: 'gov-provider',
    input: (r) => ({
      providerId: r.providerId,
      itemId: GOVERNANCE_ITEM,
      pricing: { kind: 'free' },
      active: true,
      clientRequestId: rid('g-save'),
    }),
  },
  'provider.offering.review': {
    subject: 'pending-offering',
    hidden: { action: 'offering.review', code: 'OFFERING_NOT_FOUND', afterRole: true },
    input: (r) => ({ offeringId: r.ids['offeringId'], approve: true, clientRequestId: rid('g-review') }),
  },
  // The provider's manager reads their provider's tickets; the unit's workers and leaders their unit's.
  'feedback.ticket.list': {
    subject: 'ticket',
    input: (_r, row) => ({ view: row.role === 'provider_staff' ? 'provider' : 'unit', pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['ticketId'] === r.ids['ticketId']),
  },
  'feedback.ticket.contact': {
    subject: 'ticket',
    input: (r) => ({
      ticketId: r.ids['ticketId'],
      channel: 'phone',
      note: '已电话联系居民，约定明天上门',
      clientRequestId: rid('g-contact'),
    }),
  },
  'feedback.ticket.resolve': {
    subject: 'ticket',
    stage: () => 'contacted',
    input: (r) => ({
      ticketId: r.ids['ticketId'],
      outcome: 'explained',
      note: '已向居民说明情况',
      clientRequestId: rid('g-resolve'),
    }),
  },
  // Someone else's order answers like one that does not exist.
  'rating.rerate': {
    subject: 'rerate',
    hidden: { action: 'rating.rerate', roles: ['resident'], code: 'ORDER_NOT_FOUND' },
    input: (r) => ({ orderId: r.ids['orderId'], stars: 4, text: '', clientRequestId: rid('g-rerate') }),
  },
  'rating.appeal': {
    subject: 'rating',
    input: (r) => ({
      ratingId: r.ids['ratingId'],
      reason: '该居民未实际接受服务',
      clientRequestId: rid('g-appeal'),
    }),
  },
  'rating.appeal.decide': {
    subject: 'appeal',
    hidden: { action: 'rating.appeal.decide', code: 'APPEAL_NOT_FOUND', afterRole: true },
    input: (r) => ({
      appealId: r.ids['appealId'],
      upheld: false,
      reason: '经核实服务确有不足',
      clientRequestId: rid('g-appeal-decide'),
    }),
  },
  'rating.appeal.list': {
    subject: 'appeal',
    input: () => ({ view: 'unit', pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['appealId'] === r.ids['appealId']),
  },
  'complaint.submit': {
    subject: 'finished-order',
    hidden: { action: 'complaint.submit', roles: ['resident'], code: 'ORDER_NOT_FOUND' },
    input: (r) => ({
      orderId: r.ids['orderId'],
      content: '收费高于报价，师傅态度也不好',
      images: [],
      clientRequestId: rid('g-complain'),
    }),
  },
  'complaint.decide': {
    subject: 'complaint',
    hidden: { action: 'complaint.handle', code: 'COMPLAINT_NOT_FOUND', afterRole: true },
    input: (r) => ({
      complaintId: r.ids['complaintId'],
      upheld: false,
      reply: '经核实，收费符合报价',
      clientRequestId: rid('g-complaint-decide'),
    }),
  },
  // A resident's own; the provider's manager's about their provider; a unit's for its workers and regulators.
  'complaint.list': {
    subject: 'complaint',
    roles: (role) =>
      role === 'resident' || role === 'provider_staff' ? [role] : ['worker', 'leader', 'industry_regulator'],
    input: (_r, row) => ({ view: complaintListView(row.role), pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['complaintId'] === r.ids['complaintId']),
  },

  // ---- providers: evaluation, rectification, removal, the board
  'evaluation.campaign.start': {
    subject: 'campaign-unit',
    input: () => ({
      orgUnitId: crew.gridId,
      year: 2025,
      kind: 'ad_hoc',
      title: '服务质量专项考核',
      clientRequestId: rid('g-campaign'),
    }),
  },
  'evaluation.list': {
    subject: 'evaluation',
    input: (r) => ({ campaignId: r.ids['campaignId'], status: 'draft', pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['evaluationId'] === r.ids['evaluationId']),
  },
  // A draft is the reviewers' alone: anyone else is told it does not exist (no listScope asked first).
  'evaluation.detail': {
    subject: 'evaluation',
    hidden: { action: 'provider.evaluate', code: 'EVALUATION_NOT_FOUND' },
    input: (r) => ({ evaluationId: r.ids['evaluationId'] }),
  },
  // A reviewer's input replaces their older one: the draft stays a draft.
  'evaluation.input': {
    subject: 'evaluation',
    consumes: false,
    input: (r) => ({
      evaluationId: r.ids['evaluationId'],
      reviewerScore: 82,
      comment: '服务规范，回访及时',
      clientRequestId: rid('g-input'),
    }),
  },
  'provider.evaluate': {
    subject: 'evaluation',
    input: (r) => ({
      evaluationId: r.ids['evaluationId'],
      grade: 'qualified',
      outcome: 'commend',
      problems: [],
      summary: '服务规范，予以表扬',
      clientRequestId: rid('g-evaluate'),
    }),
  },
  'provider.recheck': {
    subject: 'rectifying',
    input: (r) => ({
      providerId: r.providerId,
      fixed: true,
      reason: '整改到位',
      clientRequestId: rid('g-recheck'),
    }),
  },
  'provider.remove': {
    subject: 'removable',
    input: (r) => ({
      providerId: r.providerId,
      reason: '虚假宣传，情节严重',
      clientRequestId: rid('g-remove'),
    }),
  },
  'provider.report.list': {
    subject: 'report',
    input: () => ({ pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['reportId'] === r.ids['reportId']),
  },
  'provider.report.document': { subject: 'report', input: (r) => ({ reportId: r.ids['reportId'] }) },
  'provider.board': { subject: 'public', input: () => ({ pageSize: 20 }) },
  'provider.standing': { subject: 'standing', input: (r) => ({ providerId: r.providerId }) },

  // ---- volunteers: activities (support/activity-records.ts); sign-up, check-in, ratings and records are
  // walked by volunteer-activities.functions.test.ts (ROWS_IN_THEIR_OWN_TEST).
  // Scheduled for the demo team in the demo grid.
  'activity.save': {
    subject: 'activity-intake',
    input: () => ({ ...activityInput(cloud), clientRequestId: rid('v-save') }),
  },
  'activity.cancel': {
    subject: 'activity',
    input: (r) => ({
      activityId: r.ids['activityId'],
      reason: '天气原因，改期举行',
      clientRequestId: rid('v-cancel'),
    }),
  },
  // Tomorrow's activity: check-in is not open yet (a domain answer), nothing issued.
  'activity.checkin.code': {
    subject: 'activity',
    consumes: false,
    input: (r) => ({ activityId: r.ids['activityId'], phase: 'in', clientRequestId: rid('v-code') }),
  },
  'activity.attendance': { subject: 'activity', input: (r) => ({ activityId: r.ids['activityId'] }) },
  // Before the end: HOURS_NOT_YET (a domain answer), nothing credited.
  'activity.hours.confirm': {
    subject: 'activity',
    consumes: false,
    hidden: { action: 'volunteer.hours.confirm', code: 'ACTIVITY_NOT_FOUND', afterRole: true },
    input: (r) => ({
      activityId: r.ids['activityId'],
      entries: [{ signupId: `${r.ids['activityId']}_nobody`, minutes: 60 }],
      clientRequestId: rid('v-hours'),
    }),
  },
  // Every caller of the rows lives in the demo grid: the activity is their community's.
  'activity.detail': {
    subject: 'activity',
    hidden: null,
    input: (r) => ({ activityId: r.ids['activityId'] }),
  },
  'activity.list': {
    subject: 'activity',
    hidden: null,
    input: () => ({ view: 'upcoming', pageSize: 50 }),
    listed: (data, r) => itemsOf(data).some((i) => i['activityId'] === r.ids['activityId']),
  },
  'volunteer.ranking': { subject: 'public', input: () => ({ year: 2025 }) },
  // A person's own sign-up, check-in and rating, on the activity scheduled in beforeAll: residents sign up as
  // residents; volunteers and party members as volunteers (the command offers them the volunteer places).
  'activity.signup': {
    subject: 'self',
    roles: (role) => (VOLUNTEER_ROLES.includes(role) ? VOLUNTEER_ROLES : ['resident']),
    input: (_r, row) => ({
      activityId: selfActivityId,
      as: VOLUNTEER_ROLES.includes(row.role) ? 'volunteer' : 'resident',
      clientRequestId: rid('v-signup'),
    }),
  },
  'activity.signup.cancel': {
    subject: 'self',
    input: () => ({ activityId: selfActivityId, clientRequestId: rid('v-unsign') }),
  },
  'activity.checkin': {
    subject: 'self',
    input: () => ({ code: 'a'.repeat(48), clientRequestId: rid('v-checkin') }),
  },
  'activity.rate': {
    subject: 'self',
    input: () => ({ activityId: selfActivityId, stars: 5, clientRequestId: rid('v-rate') }),
  },
  // The caller's own record: a fresh volunteer has none yet (VOLUNTEER_NOT_FOUND, a domain answer).
  'volunteer.me': { subject: 'self', input: () => ({}) },
  'volunteer.certificate': { subject: 'self', input: () => ({ clientRequestId: rid('v-cert') }) },
  'volunteer.record.add': {
    subject: 'volunteer',
    input: (r) => ({
      volunteerNo: r.ids['volunteerNo'],
      kind: 'training',
      title: '志愿服务通用知识培训',
      date: '2025-03-01',
      minutes: 90,
      clientRequestId: rid('v-record'),
    }),
  },
};

/** Those who sign up as volunteers. */
const VOLUNTEER_ROLES: readonly Role[] = ['volunteer', 'party_member'];
/** The activity the rows of a person's own sign-up, check-in and rating act on (scheduled in beforeAll). */
let selfActivityId = '';

function complaintListView(role: Role): string {
  if (role === 'resident') return 'mine';
  return role === 'provider_staff' ? 'provider' : 'unit';
}

const CONCERN_DRAFT = { kind: 'worry', title: '楼道灯坏了', content: '2单元楼道灯坏了一周，晚上看不见。' };

/** A worker files for a resident without the mini-program (代办); everyone else submits as a resident. */
function filedFor(role: Role): Record<string, unknown> {
  if (role !== 'worker') return {};
  return {
    orgUnitId: DEMO_GRID_ID,
    onBehalfOf: { name: '覃婆婆', consent: { method: 'in_person', statement: '当面同意代为登记' } },
  };
}

function concernListView(role: Role): string {
  if (role === 'worker' || role === 'leader' || role === 'joint_meeting_office') return 'unit';
  if (role === 'party_member' || role === 'volunteer') return 'claimed';
  return 'mine';
}

/** How each role claims: for themselves, for their team, for their unit. */
function claimAsFor(role: Role): string {
  if (role === 'volunteer') return 'team';
  if (role === 'worker' || role === 'leader') return 'unit';
  return 'self';
}

/** A party member's row acts on a concern their party organisation claimed; every other row on a team's. */
function claimedStageFor(role: Role): ConcernStage {
  return role === 'party_member' ? 'claimed_po' : 'claimed_team';
}

// ---- people: callers holding a role in or out of a record's scope --------------------------------------

let userSeq = 0;
const freshOpenid = (): string => `t-pm-${String((userSeq += 1)).padStart(4, '0')}`;

const providerPaths = new Map<string, string>();
let otherProviders: string[] = [];

function providerPath(providerId: string): string {
  const path = providerPaths.get(providerId);
  if (path === undefined) throw new Error(`no provider ${providerId} among those read in beforeAll`);
  return path;
}

/** The unit just above a record's place (a community for a grid): "this unit and those below it". */
function unitAbove(place: string): string {
  const ids = place.split('/').filter((x) => x.length > 0);
  return ids.length > 1 ? `/${ids.slice(0, -1).join('/')}/` : place;
}

/** The grant of `role` placed at `orgPath` and (for staff) at `providerId`, in one of the role's positions. */
function grantOf(role: Role, orgPath: string, providerId: string, position?: Position): RoleGrant {
  switch (role) {
    case 'resident':
      // A resident's grant is where they live (their home; writeUser's default).
      return { role, orgPath: DEMO_PATHS.grid };
    case 'provider_staff':
      return { role, providerId, position: position ?? 'member', orgPath: providerPath(providerId) };
    case 'volunteer':
      return { role, orgPath, teamId: DEMO_REFS.teamId, position: position ?? 'member' };
    case 'party_member':
      return { role, orgPath, partyOrgId: DEMO_REFS.partyOrgId, ...(position ? { position } : {}) };
    case 'system':
      return { role };
    default:
      return { role, orgPath };
  }
}

/** The most a role's position can be (a manager, a team leader): what a "role not allowed" row holds. */
const TOP_POSITION: Partial<Record<Role, Position>> = {
  provider_staff: 'manager',
  volunteer: 'leader',
  party_member: 'secretary',
};
/** The positions each role's grants can hold. */
const ROLE_POSITIONS: Partial<Record<Role, readonly Position[]>> = {
  provider_staff: ['manager', 'member'],
  volunteer: ['leader', 'member'],
  party_member: ['secretary'],
};

async function freshUser(grant: RoleGrant): Promise<WrittenUser> {
  return writeUser(cloud, freshOpenid(), [grant]);
}

async function freshResident(): Promise<WrittenUser> {
  return freshUser({ role: 'resident', orgPath: DEMO_PATHS.grid });
}

/** A caller holding `role` in the scope `rule` names for the record (in `position` where given). */
async function inScope(
  action: Action,
  role: Role,
  rule: PermissionRule,
  record: SubjectRecord,
  position?: Position,
): Promise<WrittenUser> {
  switch (rule.scope) {
    case 'own':
      if (record.self) return freshUser(grantOf(role, record.place, record.providerId, position));
      if (role !== 'resident' || record.owner === undefined) {
        throw new Error(`no owner holding ${role} for ${action}: add one to build its rows`);
      }
      return record.owner;
    case 'any':
      return freshUser(grantOf(role, unitAbove(record.place), record.providerId, position));
    case 'provider':
      return freshUser(grantOf(role, unitAbove(record.place), record.providerId, position));
    case 'unit':
      return freshUser(grantOf(role, unitAbove(record.place), record.providerId, position));
    case 'branch':
      // Registered in the record's community: its concerns, and those pushed up from it, are on their branch.
      return freshUser(grantOf(role, unitAbove(record.place), record.providerId, position));
    case 'assigned':
      // A member of the team or party organisation that claimed it (grantOf gives the demo's).
      return freshUser(grantOf(role, unitAbove(record.place), record.providerId, position));
    case 'team':
      // Of the record's team (grantOf gives the demo's).
      return freshUser(grantOf(role, unitAbove(record.place), record.providerId, position));
    case 'industry': {
      // A regulator of the unit above, of the record's industry (of every industry for a record of none).
      const industry = record.target.industries?.[0];
      return freshUser({
        ...grantOf(role, unitAbove(record.place), record.providerId, position),
        ...(industry === undefined ? {} : { industry: industry as Industry }),
      });
    }
    default:
      throw new Error(`no in-scope caller for scope ${rule.scope} (${action}): add one to build its rows`);
  }
}

/** A caller holding `role` where `rule` does not reach the record. */
async function outOfScope(action: Action, role: Role, rule: PermissionRule, record: SubjectRecord) {
  const position = rule.positions?.[0];
  switch (rule.scope) {
    case 'own':
      // Another person of the same grid.
      return freshUser(grantOf(role, DEMO_PATHS.grid, record.providerId, position));
    case 'provider': {
      const other = otherProviders.find((p) => p !== record.providerId)!;
      return freshUser(grantOf(role, unitAbove(record.place), other, position));
    }
    case 'unit':
    case 'branch':
    case 'industry': {
      if (isWithin(record.place, OTHER_COUNTY)) throw new Error(`${record.place} lies in ${OTHER_COUNTY}`);
      // Another county (a regulator: of the record's industry).
      const industry = rule.scope === 'industry' ? record.target.industries?.[0] : undefined;
      return freshUser({
        ...grantOf(role, OTHER_COUNTY, record.providerId, position),
        ...(industry === undefined ? {} : { industry: industry as Industry }),
      });
    }
    case 'team':
      // In the same community, of another team.
      return freshUser({
        ...grantOf(role, unitAbove(record.place), record.providerId, position),
        teamId: 'team-9999',
      });
    case 'assigned':
      // In the same community, of another team and another party organisation.
      return freshUser({
        ...grantOf(role, unitAbove(record.place), record.providerId, position),
        ...(role === 'volunteer' ? { teamId: 'team-9999' } : {}),
        ...(role === 'party_member' ? { partyOrgId: 'po-other-99' } : {}),
      });
    default:
      throw new Error(
        `no out-of-scope caller for scope ${rule.scope} (${action}): add one to build its rows`,
      );
  }
}

/** A caller holding a role the matrix does not allow, as close to the record as the role gets. */
async function covering(role: Role, record: SubjectRecord): Promise<WrittenUser> {
  if (role === 'resident') return record.owner ?? freshResident();
  return freshUser(grantOf(role, unitAbove(record.place), record.providerId, TOP_POSITION[role]));
}

// ---- rows --------------------------------------------------------------------------------------------------

/** `industry`: a regulator of the record's unit, of another industry (the `industry` scope). */
type Relation = 'in' | 'out' | 'industry' | 'position' | 'none';

interface Row {
  readonly fn: string;
  readonly command: string;
  readonly permission: CommandPermission;
  readonly role: Role;
  readonly relation: Relation;
  readonly rule?: PermissionRule;
  readonly position?: Position;
}

function describeRow(row: Row): string {
  const rule = row.rule;
  const offered = FIXTURES[row.command]?.roles?.(row.role) ?? row.permission.roles;
  const notOffered = offered !== undefined && !offered.includes(row.role);
  const suffix = notOffered ? ', which this command does not offer it' : '';
  switch (row.relation) {
    case 'in':
      return `${row.role}, in scope (${rule!.scope}${rule!.positions ? `, ${rule!.positions.join('/')}` : ''})${suffix}`;
    case 'out':
      return `${row.role}, out of scope (${rule!.scope})${suffix}`;
    case 'industry':
      return `${row.role}, in the unit but of another industry (${rule!.scope})${suffix}`;
    case 'position':
      return `${row.role} as ${row.position}, in scope (the matrix asks for ${rule!.positions!.join('/')})`;
    case 'none':
      return PERMISSION_MATRIX[row.permission.action].resident === undefined
        ? `${row.role}, a role the matrix does not allow`
        : `${row.role}, a role the matrix does not allow (but every caller is also a resident)`;
  }
}

/** The rows of one routed command, from the matrix's row of its action: every role, in and out of scope. */
function rowsOf(fn: string, command: string, permission: CommandPermission): Row[] {
  const cells = PERMISSION_MATRIX[permission.action];
  return ROLES.flatMap((role): Row[] => {
    const rule = cells[role];
    const base = { fn, command, permission, role };
    if (rule === undefined) return [{ ...base, relation: 'none' }];
    const rows: Row[] = [{ ...base, relation: 'in', rule }];
    if (rule.scope !== 'any') rows.push({ ...base, relation: 'out', rule });
    if (rule.scope === 'industry') rows.push({ ...base, relation: 'industry', rule });
    if (rule.positions !== undefined) {
      for (const position of ROLE_POSITIONS[role] ?? []) {
        if (!rule.positions.includes(position)) rows.push({ ...base, relation: 'position', rule, position });
      }
    }
    return rows;
  });
}

const ELSEWHERE = new Set(Object.values(ROWS_IN_THEIR_OWN_TEST).flat());

const ASKING_ROUTES = ROUTED.flatMap(({ fn, command }) => {
  const permission = COMMAND_PERMISSIONS[command];
  return permission ? [{ fn, command, permission }] : [];
});
const MATRIX_ROUTES = ASKING_ROUTES.filter((r) => !ELSEWHERE.has(r.command));

const stats = {
  rows: new Map<string, number>(),
  allowedCodes: new Map<string, number>(),
  refusedCodes: new Map<string, number>(),
};
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

// ---- making records --------------------------------------------------------------------------------------

let inviter: WrittenUser;

/** The people who take a concern through its stages (written in beforeAll). */
let concernCrew: {
  leader: WrittenUser;
  worker: WrittenUser;
  office: WrittenUser;
  teamLeader: WrittenUser;
  secretary: WrittenUser;
};

async function concernStep(openid: string, command: string, input: Record<string, unknown>): Promise<void> {
  ok(await cloud.as(openid).call('concerns', command, { ...input, clientRequestId: rid('pm-concern') }));
}

/** A resident's concern taken to `stage` through the real function. */
async function concernRecord(stage: ConcernStage): Promise<SubjectRecord> {
  const owner = await freshResident();
  const submitted = ok(
    await cloud.as(owner.openid).call<{ concernId: string }>('concerns', 'concern.submit', {
      ...CONCERN_DRAFT,
      clientRequestId: rid('pm-c'),
    }),
  );
  const concernId = submitted.concernId;
  const { leader, worker, office, teamLeader, secretary } = concernCrew;
  let claimer: WrittenUser | undefined;
  const ids: Record<string, string> = { concernId };
  if (stage !== 'submitted')
    await concernStep(leader.openid, 'concern.review', { concernId, decision: 'approve' });
  if (stage !== 'submitted' && stage !== 'approved')
    await concernStep(worker.openid, 'concern.publish', { concernId });
  if (stage === 'claimed_team' || stage === 'resolved') {
    claimer = teamLeader;
    await concernStep(teamLeader.openid, 'concern.claim', { concernId, claimAs: 'team' });
  }
  if (stage === 'claimed_po') {
    claimer = secretary;
    await concernStep(secretary.openid, 'concern.claim', { concernId, claimAs: 'party_org' });
  }
  if (stage === 'resolved')
    await concernStep(teamLeader.openid, 'concern.resolve', { concernId, summary: '已处理' });
  if (stage === 'referred' || stage === 'taken') {
    await concernStep(worker.openid, 'concern.refer', {
      concernId,
      reason: '涉及多个部门',
      departments: ['住建局'],
    });
  }
  if (stage === 'taken') {
    const due = cloud.started.cloud.clock.now() + 48 * 3_600_000;
    await concernStep(office.openid, 'joint_meeting.take', {
      concernId,
      leadDepartment: '住建局',
      tasks: [{ department: '供电局', task: '排查线路', dueAt: due }],
    });
    const stored = await cloud.get<{ jointCase: { tasks: { taskId: string }[] } }>('concerns', concernId);
    ids['taskId'] = stored!.jointCase.tasks[0]!.taskId;
  }
  const stored = await cloud.get<Record<string, string | null>>('concerns', concernId);
  const target: AccessTarget = {
    orgPath: stored!['orgPath']!,
    ownerOpenid: owner.openid,
    ...(stored!['assigneeOpenid'] ? { assigneeOpenid: stored!['assigneeOpenid'] } : {}),
    ...(stored!['assigneeTeamId'] ? { assigneeTeamId: stored!['assigneeTeamId'] } : {}),
    ...(stored!['assigneePartyOrgId'] ? { assigneePartyOrgId: stored!['assigneePartyOrgId'] } : {}),
  };
  return {
    target,
    place: stored!['orgPath']!,
    providerId: DEMO_REFS.providerId,
    owner,
    ids,
    stage,
    ...(stage === 'submitted' || stage === 'approved' ? {} : { onWall: true as const }),
    ...(claimer === undefined ? {} : { claimer }),
  };
}

// ---- provider governance: records made through the functions (support/governance-records.ts) ----------

let crew: GovernanceCrew;
let records: GovernanceRecords | undefined;
const governance = (): GovernanceRecords => {
  if (records === undefined) throw new Error('the governance records are made after beforeAll');
  return records;
};

/** A provider's record, its place known to the rows (grants of its staff are placed there). */
function placed<R extends GovernanceRecord>(record: R): R {
  if (record.providerId !== '') providerPaths.set(record.providerId, record.place);
  return record;
}

/** One active provider shared by the rows that cannot use it up (its offerings, its evaluation drafts). */
let govProvider: ReturnType<GovernanceRecords['provider']> | undefined;
function sharedGovProvider(): ReturnType<GovernanceRecords['provider']> {
  govProvider ??= governance().provider().then(placed);
  return govProvider;
}

/** An industry the record does not concern. */
function otherIndustry(record: SubjectRecord): Industry {
  return INDUSTRIES.find((i) => !(record.target.industries ?? []).includes(i))!;
}

async function governanceRecord(kind: SubjectKind, stage: Stage | undefined): Promise<SubjectRecord> {
  const g = governance();
  switch (kind) {
    // No provider yet: staff callers are placed at the demo provider (which has nothing to do with it).
    case 'application':
      return {
        ...(await g.application((stage ?? 'applied') as ApplicationStage)),
        providerId: DEMO_REFS.providerId,
      };
    case 'objection':
      return { ...(await g.application('objection')), providerId: DEMO_REFS.providerId };
    case 'gov-provider':
      return sharedGovProvider();
    case 'pending-offering':
      return g.pendingOffering(await sharedGovProvider());
    // The grid applications are filed for (the applicant's own record: no owner before it exists).
    case 'application-intake':
      return {
        target: { orgPath: crew.gridPath },
        place: crew.gridPath,
        providerId: DEMO_REFS.providerId,
        ids: {},
      };
    case 'campaign-unit':
      return {
        target: { orgPath: crew.gridPath },
        place: crew.gridPath,
        providerId: DEMO_REFS.providerId,
        ids: {},
      };
    case 'evaluation':
      return g.evaluation(await sharedGovProvider());
    case 'rectifying':
      return placed(await g.rectifying());
    case 'removable':
      return placed(await g.provider());
    case 'report':
      return placed(await g.removalReport());
    case 'standing':
      return {
        target: { providerId: DEMO_REFS.providerId },
        place: providerPath(DEMO_REFS.providerId),
        providerId: DEMO_REFS.providerId,
        ids: {},
      };
    case 'ticket':
      return stage === 'contacted' ? g.contactedTicket() : g.ratedOrder(1);
    case 'rating':
      return g.ratedOrder(1);
    case 'rerate':
      return g.resolvedTicket();
    case 'appeal':
      return g.appeal();
    case 'finished-order':
      return g.finishedOrder();
    case 'complaint':
      return g.complaint();
    default:
      throw new Error(`${kind} is not a governance record`);
  }
}

async function makeRecord(kind: SubjectKind, stage: Stage | undefined): Promise<SubjectRecord> {
  const demo = { place: DEMO_PATHS.grid, providerId: DEMO_REFS.providerId, ids: {} };
  switch (kind) {
    case 'self':
      return SELF;
    case 'public':
      return { ...demo, target: {} };
    case 'provider':
      return { ...demo, place: providerPath(demo.providerId), target: { providerId: demo.providerId } };
    case 'invite': {
      const invite = ok(
        await cloud
          .as(inviter.openid)
          .call<{ inviteCode: string }>('provider-admin', 'provider.staff.invite', {
            providerId: demo.providerId,
            position: 'member',
            clientRequestId: rid('pm-invite'),
          }),
      );
      return {
        ...demo,
        place: providerPath(demo.providerId),
        target: {},
        ids: { inviteCode: invite.inviteCode },
      };
    }
    case 'match': {
      const owner = await freshResident();
      const match = await matchFor(cloud, owner.openid, [APPLIANCE_REPAIR]);
      const stored = await cloud.get<{ orgPath: string }>('matches', match.matchId);
      return {
        target: { ownerOpenid: owner.openid, orgPath: stored!.orgPath },
        place: stored!.orgPath,
        providerId: match.items[0]!.providers[0]!.providerId,
        owner,
        ids: { matchId: match.matchId },
      };
    }
    case 'order': {
      const owner = await freshResident();
      const order = await orderThrough(
        cloud,
        owner.openid,
        APPLIANCE_REPAIR,
        (stage ?? 'created') as OrderStage,
      );
      const stored = await cloud.get<{ orgPath: string; residentOpenid: string; providerId: string }>(
        'orders',
        order.orderId,
      );
      const { orgPath, residentOpenid, providerId } = stored!;
      return {
        target: { ownerOpenid: residentOpenid, providerId, orgPath },
        place: orgPath,
        providerId,
        owner,
        ids: { orderId: order.orderId },
        stage: (stage ?? 'created') as OrderStage,
      };
    }
    case 'moderation-item': {
      const owner = await freshResident();
      const order = await placeOrder(cloud, owner.openid, APPLIANCE_REPAIR, { note: HELD_NOTE });
      const [item] = await cloud.find<{ _id: string; orgPath: string }>('moderation_items', {
        orderId: order.orderId,
        status: 'pending',
      });
      if (item === undefined) throw new Error(`the note «${HELD_NOTE}» was not held for review`);
      return {
        target: { orgPath: item.orgPath },
        place: item.orgPath,
        providerId: order.providerId,
        owner,
        ids: { itemId: item._id, orderId: order.orderId },
      };
    }
    case 'concern-intake':
      return { ...SELF, target: { orgPath: DEMO_PATHS.grid } };
    case 'concern':
      return concernRecord((stage ?? 'submitted') as ConcernStage);
    case 'privacy-request': {
      const owner = await freshResident();
      const request = ok(
        await cloud.as(owner.openid).call<{ requestId: string }>('profile', 'privacy.request.submit', {
          kind: 'correction',
          content: '我的称呼登记有误，请帮忙更正',
          clientRequestId: rid('pm-privacy'),
        }),
      );
      const stored = await cloud.get<{ orgPath: string }>('privacy_requests', request.requestId);
      return {
        target: { ownerOpenid: owner.openid, orgPath: stored!.orgPath },
        place: stored!.orgPath,
        providerId: demo.providerId,
        owner,
        ids: { requestId: request.requestId },
      };
    }
    case 'activity':
      return activityMatrixRecord(cloud);
    case 'activity-intake':
      return { ...demo, target: { orgPath: DEMO_PATHS.grid, teamId: DEMO_REFS.teamId } };
    case 'volunteer':
      return volunteerMatrixRecord(cloud, freshOpenid(), selfActivityId);
    default:
      return governanceRecord(kind, stage);
  }
}

/**
 * One record per kind and stage, shared by the rows that cannot change it (refusals, reads) of every command
 * that acts on such a record: a refusal writes nothing (each row checks it), an allowed write that uses its
 * record up gets one of its own (CONSUMED), and the writes that do not (an assessment, an objection, a
 * reviewer's input) leave it at its stage.
 */
const shared = new Map<string, Promise<SubjectRecord>>();
function sharedRecord(_row: Row, fixture: Fixture, stage: Stage | undefined): Promise<SubjectRecord> {
  const key = `${fixture.subject} ${stage ?? ''}`;
  let record = shared.get(key);
  if (record === undefined) {
    record = makeRecord(fixture.subject, stage);
    shared.set(key, record);
  }
  return record;
}

// ---- the matrix's answer for a caller and a record ------------------------------------------------------

type Expected = { readonly allowed: true } | { readonly allowed: false; readonly code: string };

function expected(row: Row, fixture: Fixture, given: SubjectRecord, user: WrittenUser): Expected {
  const actor = actorAsLoaded(user);
  // A unit is a place of every industry: the caller acts there for the industries its grants name.
  const grantIndustries = actor.grants.flatMap((g) => (g.industry === undefined ? [] : [g.industry]));
  const record =
    UNITS_OF_EVERY_INDUSTRY.has(fixture.subject) && grantIndustries.length > 0
      ? { ...given, target: { ...given.target, industries: grantIndustries } }
      : given;
  // A worker filing for a resident (代办) outside their units is told the unit was not found.
  if (fixture.subject === 'concern-intake' && row.role === 'worker') {
    const target = record.target;
    if (!can(actor, 'concern.submit', target, { roles: ['worker'] })) {
      return { allowed: false, code: 'CONCERN_UNIT_NOT_FOUND' };
    }
  }
  // A worker or leader entering a paper form outside their units: the same.
  if (fixture.subject === 'application-intake' && PAPER_FILERS.includes(row.role)) {
    if (!can(actor, 'provider.apply', record.target, { roles: PAPER_FILERS })) {
      return { allowed: false, code: 'APPLICATION_UNIT_NOT_FOUND' };
    }
  }
  const hidden = hidingOf(fixture);
  const hides = hidden !== undefined && (hidden.afterRole !== true || holdsRoleFor(actor, hidden.action));
  if (fixture.listed === undefined && hides && record.onWall !== true) {
    const options = hidden.roles ? { roles: hidden.roles } : {};
    if (!can(actor, hidden.action, record.target, options)) return { allowed: false, code: hidden.code };
  }
  const roles = fixture.roles?.(row.role) ?? row.permission.roles;
  const access = checkAccess(actor, row.permission.action, record.target, roles ? { roles } : {});
  if (!access.ok && row.permission.alsoBy !== undefined && can(actor, row.permission.alsoBy, record.target)) {
    return { allowed: true };
  }
  return access.ok ? { allowed: true } : { allowed: false, code: access.refusal.code };
}

/** What the rows' relation means, held against the matrix's answer (so a caller built wrong shows). */
function expectMeaning(row: Row, fixture: Fixture, exp: Expected): void {
  const hiddenCode = hidingOf(fixture)?.code ?? INTAKE_UNIT_HIDDEN[fixture.subject];
  const refusals = [...AUTHORIZATION_REFUSALS, ...(hiddenCode ? [hiddenCode] : [])];
  const offered = fixture.roles?.(row.role) ?? row.permission.roles;
  const also = row.permission.alsoBy;
  const residentMay =
    PERMISSION_MATRIX[row.permission.action].resident !== undefined ||
    (also !== undefined && PERMISSION_MATRIX[also][row.role] !== undefined);
  const isOffered = offered === undefined || offered.includes(row.role);
  if (
    (row.relation === 'in' ||
      (row.relation === 'industry' && UNITS_OF_EVERY_INDUSTRY.has(fixture.subject))) &&
    isOffered
  ) {
    expect(exp).toEqual({ allowed: true });
  } else if ((row.relation === 'out' || row.relation === 'industry') && isOffered) {
    expect(exp).toEqual({ allowed: false, code: expect.stringMatching(/^(OUT_OF_SCOPE|\w+_NOT_FOUND)$/) });
  } else if (row.relation === 'position' || ((row.relation === 'none' || !isOffered) && !residentMay)) {
    expect(exp.allowed).toBe(false);
  }
  if (!exp.allowed) expect(refusals).toContain(exp.code);
}

// ---- running a row ---------------------------------------------------------------------------------------

const outboxTotal = (): number => cloud.started.cloud.openapi.listOutbox({}, 0, 1).total;

async function callerFor(row: Row, record: SubjectRecord): Promise<WrittenUser> {
  const action = row.permission.action;
  switch (row.relation) {
    case 'in':
      return inScope(action, row.role, row.rule!, record, row.rule!.positions?.[0]);
    case 'position':
      return inScope(action, row.role, row.rule!, record, row.position);
    case 'out':
      return outOfScope(action, row.role, row.rule!, record);
    case 'industry':
      return freshUser({
        ...grantOf(row.role, unitAbove(record.place), record.providerId),
        industry: otherIndustry(record),
      });
    case 'none':
      return covering(row.role, record);
  }
}

/** Call the command; a list is read to its end (a page at a time) so "not listed" means not there at all. */
async function call(
  row: Row,
  user: WrittenUser,
  input: Record<string, unknown>,
  fixture: Fixture,
): Promise<{ reply: Reply; data: unknown }> {
  const caller = cloud.as(user.openid);
  const reply = await caller.call(row.fn, row.command, input);
  if (fixture.listed === undefined || reply.code !== 'OK') return { reply, data: reply.data };
  const items = [...itemsOf(reply.data)];
  let more = (reply.data as { hasMore?: boolean }).hasMore === true;
  for (let page = 2; more && page <= 50; page += 1) {
    const next = ok(await caller.call<{ hasMore?: boolean }>(row.fn, row.command, { ...input, page }));
    items.push(...itemsOf(next));
    more = next.hasMore === true;
  }
  return { reply, data: { items } };
}

async function runSelfOutOfScope(row: Row, fixture: Fixture): Promise<void> {
  // The command works on the caller's own record; naming someone else in the input changes nothing of theirs.
  const user = await callerFor(row, SELF);
  const victim = await freshResident();
  const victimState = async () => ({
    user: await cloud.get('users', victim.openid),
    privacyRequests: await cloud.count('privacy_requests', { requesterOpenid: victim.openid }),
    matches: await cloud.count('matches', { residentOpenid: victim.openid }),
  });
  const before = await victimState();
  const input = { ...fixture.input(SELF, row) };
  for (const key of ['openid', '_openid', 'OPENID', 'residentOpenid', 'ownerOpenid', 'requesterOpenid']) {
    input[key] = victim.openid;
  }
  const reply = await cloud.as(user.openid).call(row.fn, row.command, input);
  expect(reply.code).not.toBe('INTERNAL');
  expect(AUTHORIZATION_REFUSALS).not.toContain(reply.code);
  expect(await victimState()).toEqual(before);
  expect(JSON.stringify(reply)).not.toContain(victim.openid);
  bump(stats.allowedCodes, reply.code);
}

/** Records an allowed write changes (a provider, the catalog, one's own profile are not used up). */
const CONSUMED: ReadonlySet<SubjectKind> = new Set([
  'invite',
  'match',
  'order',
  'moderation-item',
  'privacy-request',
  'concern',
  'application',
  'objection',
  'pending-offering',
  'evaluation',
  'rectifying',
  'removable',
  'ticket',
  'rating',
  'rerate',
  'appeal',
  'finished-order',
  'complaint',
  'activity',
]);

/** The row's record (shared, or its own) and its caller placed around it. */
async function placeRow(row: Row, fixture: Fixture, own: boolean) {
  const stage = fixture.stage?.(row.role);
  if (fixture.subject === 'self') {
    const user = await callerFor(row, SELF);
    return { user, record: { ...SELF, target: { ownerOpenid: user.openid } } };
  }
  if (fixture.subject === 'concern-intake') {
    // Submitted for the caller's own home (a resident), or for the demo grid (a worker's 代办).
    const user = await callerFor(row, SELF);
    const owner = row.role === 'worker' ? {} : { ownerOpenid: user.openid };
    return { user, record: { ...SELF, target: { ...owner, orgPath: DEMO_PATHS.grid } } };
  }
  const record = own ? await makeRecord(fixture.subject, stage) : await sharedRecord(row, fixture, stage);
  return { record, user: await callerFor(row, record) };
}

async function runRow(row: Row): Promise<void> {
  const fixture = FIXTURES[row.command];
  if (fixture === undefined) throw new Error(`no fixture for ${row.command}: add one to FIXTURES`);
  bump(stats.rows, row.relation);
  cloud.shiftClock(MINUTE_MS); // a fresh minute: no row meets another's rate limit
  const ownRecord =
    fixture.subject === 'self' || (fixture.subject === 'concern-intake' && row.rule?.scope === 'own');
  // A role the command does not offer (a worker's volunteer.me) is refused like one the matrix refuses.
  const offered = fixture.roles?.(row.role) ?? row.permission.roles;
  const isOffered = offered === undefined || offered.includes(row.role);
  if (ownRecord && row.relation === 'out' && isOffered) return runSelfOutOfScope(row, fixture);

  let { record, user } = await placeRow(row, fixture, false);
  let exp = expected(row, fixture, record, user);
  const consumes = fixture.consumes ?? CONSUMED.has(fixture.subject);
  if (exp.allowed && COMMANDS[row.command as CommandName].writes && consumes) {
    // An allowed write changes its record: the row gets a record of its own, its caller placed around it.
    ({ record, user } = await placeRow(row, fixture, true));
    exp = expected(row, fixture, record, user);
  }
  expectMeaning(row, fixture, exp);

  const before = platformMark(cloud);
  const sent = outboxTotal();
  const { reply, data } = await call(row, user, fixture.input(record, row), fixture);
  expect(reply).toEqual(expect.objectContaining({ code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/) }));
  expect(reply.code).not.toBe('INTERNAL');
  expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);

  if (fixture.listed !== undefined) {
    if (exp.allowed) {
      expect({ code: reply.code, listed: fixture.listed(data, record) }).toEqual({
        code: 'OK',
        listed: true,
      });
    } else if (exp.code === 'PERMISSION_DENIED') {
      expect(reply.code).toBe('PERMISSION_DENIED');
    } else if (reply.code === 'OK') {
      expect(fixture.listed(data, record)).toBe(false);
    } else {
      expect(reply.code).toBe(exp.code);
    }
  } else if (exp.allowed) {
    const hiddenCode = hidingOf(fixture)?.code;
    expect([...AUTHORIZATION_REFUSALS, hiddenCode]).not.toContain(reply.code);
  } else {
    expect(reply.code).toBe(exp.code);
  }
  bump(exp.allowed ? stats.allowedCodes : stats.refusedCodes, reply.code);
  if (reply.code !== 'OK') {
    expect(platformMark(cloud)).toEqual(before);
    expect(outboxTotal()).toBe(sent);
  }
}

// ---- the tests ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const providers = await cloud.find<{ _id: string; orgPath: string }>('providers', {}, 1000);
  for (const p of providers) providerPaths.set(p._id, p.orgPath);
  otherProviders = providers
    .map((p) => p._id)
    .filter((id) => id !== DEMO_REFS.providerId)
    .slice(0, 3);
  otherProviders.push(DEMO_REFS.providerId);
  inviter = await freshUser(grantOf('provider_staff', DEMO_PATHS.grid, DEMO_REFS.providerId, 'manager'));
  const community = DEMO_PATHS.community;
  concernCrew = {
    leader: await freshUser({ role: 'leader', orgPath: community }),
    worker: await freshUser({ role: 'worker', orgPath: community }),
    office: await freshUser({ role: 'joint_meeting_office', orgPath: community }),
    teamLeader: await freshUser(grantOf('volunteer', community, DEMO_REFS.providerId, 'leader')),
    secretary: await freshUser(grantOf('party_member', community, DEMO_REFS.providerId, 'secretary')),
  };
  // Everyone may be sent every message, so one sent on a refusal would show in the outbox.
  const templates = Object.values(DEFAULT_PLATFORM_CONFIG.templates);
  const realStaff = await cloud.find<{ openid: string }>('users', { 'grants.role': 'provider_staff' }, 1000);
  for (const { openid } of realStaff) for (const t of templates) cloud.grant(openid, t);
  const deps = { cloud, newUser: freshUser, newResident: freshResident };
  crew = await governanceCrew(deps, [...providerPaths.values()]);
  records = governanceRecords(deps, crew);
  // Far enough ahead that the rows' clock (a minute a row, days for some governance rows) never reaches it.
  selfActivityId = await scheduleActivity(cloud, { capacity: 500, volunteerPlaces: 200 }, 365 * DAY_MS);
});

afterAll(() => {
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const routedActions = new Set(MATRIX_ROUTES.map((r) => r.permission.action));
  const total = [...stats.rows.values()].reduce((a, b) => a + b, 0);
  console.log(
    [
      `permission matrix: ${routedActions.size} actions routed by ${MATRIX_ROUTES.length} function/command routes ` +
        `× ${ROLES.length} roles; ${ACTIONS.length - routedActions.size} actions not routed`,
      `rows: ${total} (${fmt(stats.rows)})`,
      `allowed rows answered: ${fmt(stats.allowedCodes)}`,
      `refused rows answered: ${fmt(stats.refusedCodes)}`,
    ].join('\n'),
  );
});

describe('what the functions route', () => {
  const routes = functionRoutes();
  const routed = new Set(Object.values(routes).flat());

  test('every command a function routes has its permission in command-permissions.ts, and no other does', () => {
    expect(Object.keys(COMMAND_PERMISSIONS).sort()).toEqual([...routed].sort());
  });

  test('every routed command has a fixture to build its records and input', () => {
    const needed = Object.entries(COMMAND_PERMISSIONS)
      .filter(([c, p]) => p !== null && !ELSEWHERE.has(c))
      .map(([c]) => c);
    expect(needed.filter((c) => FIXTURES[c] === undefined)).toEqual([]);
    expect(Object.keys(FIXTURES).filter((c) => !routed.has(c))).toEqual([]);
  });

  test('the actions no routed command asks for are exactly those listed as not routed', () => {
    const asked = new Set(ASKING_ROUTES.map((r) => r.permission.action));
    const notRouted = Object.values(ACTIONS_NOT_ROUTED).flat();
    expect([...notRouted].sort()).toEqual(ACTIONS.filter((a) => !asked.has(a)).sort());
    expect(notRouted.filter((a) => asked.has(a))).toEqual([]);
  });
});

describe('profile.get needs no permission: every role reads its own profile', () => {
  test.each(ROLES.map((role) => [role] as const))('%s', async (role) => {
    const user = await freshUser(grantOf(role, DEMO_PATHS.grid, DEMO_REFS.providerId, TOP_POSITION[role]));
    expect((await cloud.as(user.openid).call('profile', 'profile.get', {})).code).toBe('OK');
  });
});

describe.each(MATRIX_ROUTES.map((r) => [`${r.fn} ${r.command} (${r.permission.action})`, r] as const))(
  '%s',
  (_name, route) => {
    const rows = rowsOf(route.fn, route.command, route.permission);
    test.each(rows.map((row) => [describeRow(row), row] as const))('%s', async (_rowName, row) => {
      await runRow(row);
    });
  },
);

test('a caller without a WeChat identity is refused by every routed command, writing nothing', async () => {
  for (const { fn, command } of ROUTED) {
    const before = platformMark(cloud);
    const reply = await cloud.as(null).call(fn, command, {});
    expect({ fn, command, code: reply.code }).toEqual({ fn, command, code: 'UNAUTHENTICATED' });
    expect(platformMark(cloud)).toEqual(before);
  }
});
