/**
 * What admin-api answers (as `data` of `{code, message, data}`, docs/console.md): written once here,
 * returned by the console's use cases, imported as types by the console (admin/src/api) and the tests.
 * Type-only.
 */
import type { Role } from '../auth/roles';
import type { OrderStatus } from '../lifecycle/order.status';
import type { ProviderStatus } from '../lifecycle/provider.lifecycle';
import type { FollowUpStatus, UrgentState } from '../model/order.model';
import type { OrgLevel } from '../org/org-levels';
import type { PriceView } from '../offerings/price.view';
import type { ReputationComponent } from '../reputation/reputation.formula';

/** An org unit as the console names it. */
export interface UnitRef {
  readonly unitId: string;
  readonly name: string;
  /** 玉林市玉州区玉城街道东门社区 */
  readonly fullName: string;
  readonly level: OrgLevel;
  readonly orgPath: string;
}

/** One console role of the signed-in worker. */
export interface ConsoleRoleView {
  readonly role: Role;
  readonly roleLabel: string;
  /** Null for an administrator (the whole platform). */
  readonly unit: UnitRef | null;
}

/** The screens the worker's roles open (the matrix decides; the console only hides what would be refused). */
/** The console's screens a worker's roles open (the menu, in this order). */
export interface ConsoleMenu {
  readonly workbench: boolean;
  readonly orders: boolean;
  /** 代办服务: orders placed for residents (代下单) and urgent requests (紧急求助). */
  readonly residents: boolean;
  readonly providers: boolean;
  readonly catalog: boolean;
  readonly dashboard: boolean;
  readonly ledgers: boolean;
  /** People, roles and console accounts. */
  readonly people: boolean;
  /** The org tree: counties, streets, communities, grids. */
  readonly places: boolean;
  readonly audit: boolean;
  /** 诉求: review, publish, the unclaimed queue, 代办 intake, the concerns ledger and figures. */
  readonly concerns: boolean;
  /** 联席会议: the joint meeting office's board of referred concerns. */
  readonly jointMeetings: boolean;
  /** 入驻审核: applications, their assessment and decisions, the public notice (公示) and objections. */
  readonly applications: boolean;
  /** 考核评价: evaluation campaigns, outcomes, rectification and its re-check, removal. */
  readonly evaluations: boolean;
  /** 投诉与差评: complaints to verify, 差评 tickets and their clocks, rating appeals, new offerings to approve. */
  readonly complaints: boolean;
  /** 清退报备: the removal reports to the city and county regulators. */
  readonly reports: boolean;
  /** 志愿服务: the unit's activities, attendance and hours, its volunteers and their records, the ranking. */
  readonly volunteers: boolean;
  /** 信息发布: notices, 公示 and results published to a unit and below. */
  readonly announcements: boolean;
  /** 双报到: the requests of party organisations and members to confirm, the community's roster. */
  readonly party: boolean;
  /** 微团队: the unit's volunteer teams, their members and applications, the leader, deactivation. */
  readonly teams: boolean;
  /** 经费台账: the unit's income and spending, the roll-up of the units below, corrections, the Excel ledger. */
  readonly funds: boolean;
  /** 站点管理: the 孵化管理中心（站） of the unit, their 十有 with evidence, inspections, 示范点. */
  readonly stations: boolean;
}

export const CONSOLE_MENU_KEYS = [
  'workbench',
  'orders',
  'residents',
  'providers',
  'catalog',
  'dashboard',
  'ledgers',
  'people',
  'places',
  'audit',
  'concerns',
  'jointMeetings',
  'applications',
  'evaluations',
  'complaints',
  'reports',
  'volunteers',
  'announcements',
  'party',
  'teams',
  'funds',
  'stations',
] as const satisfies readonly (keyof ConsoleMenu)[];

/** A menu with nothing open (a session that must change its password first). */
export const CLOSED_MENU: ConsoleMenu = Object.fromEntries(
  CONSOLE_MENU_KEYS.map((key) => [key, false]),
) as unknown as ConsoleMenu;

export interface ConsoleLink {
  readonly label: string;
  readonly href: string;
}

/** `GET /console/api/session`, and what sign-in and a password change answer. */
export interface ConsoleSessionReply {
  readonly loginName: string;
  /** The worker's real name (their `users` record). */
  readonly name: string;
  readonly roles: readonly ConsoleRoleView[];
  /** Where they work: their first console role's unit (null for an administrator). */
  readonly unit: UnitRef | null;
  /** Every write sends it back in `X-CSRF-Token`. */
  readonly csrfToken: string;
  /** The one-time password must be changed before anything else. */
  readonly mustChangePassword: boolean;
  /** The session ends at the first of these (absolute; idle, moved on by every successful request). */
  readonly expiresAt: number;
  readonly idleExpiresAt: number;
  readonly menu: ConsoleMenu;
  /** The local cloud's own pages (outbox, timers, clock): in local mode only, empty in production. */
  readonly localTools: readonly ConsoleLink[];
}

/** An order row of the console's lists. No phone numbers in lists. */
export interface ConsoleOrderRow {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly statusLabel: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly residentName: string;
  /** The resident's community (or grid) as recorded on the order. */
  readonly unitName: string;
  readonly orgPath: string;
  readonly createdAt: number;
  /** While waiting for the provider. */
  readonly acceptBy: number | null;
  readonly followUpDueAt: number | null;
  readonly stars: number | null;
}

export interface Paged<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

/** An option of a filter. */
export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

export interface ConsoleOrderListReply extends Paged<ConsoleOrderRow> {
  /** The service items, for the item filter. */
  readonly itemOptions: readonly FilterOption[];
}

/** 工作台: an order nobody has answered, close to its expiry. */
export interface ExpiringOrderRow extends ConsoleOrderRow {
  /** Milliseconds left before it expires (0 when due now). */
  readonly msLeft: number;
}

/** 工作台: a follow-up (回访) past its due time, not recorded. */
export interface OverdueFollowUpRow {
  readonly orderId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly itemName: string;
  readonly unitName: string;
  readonly status: FollowUpStatus;
  readonly dueAt: number;
  readonly overdueMs: number;
}

/** 工作台: an item fewer than `supplyGapBelow` providers cover in a community. */
export interface SupplyGapRow {
  readonly unit: UnitRef;
  readonly itemId: string;
  readonly itemName: string;
  /** Providers whose service area covers the whole community, matchable now. */
  readonly providerCount: number;
}

export interface WorkbenchReply {
  readonly unit: UnitRef | null;
  readonly now: number;
  readonly expiringWithinHours: number;
  readonly supplyGapBelow: number;
  /** Each queue: the first rows (most urgent first) and how many there are in all. */
  readonly expiringOrders: { readonly items: readonly ExpiringOrderRow[]; readonly total: number };
  readonly overdueFollowUps: { readonly items: readonly OverdueFollowUpRow[]; readonly total: number };
  readonly supplyGaps: {
    readonly items: readonly SupplyGapRow[];
    readonly total: number;
    /** Communities looked at (every community in the scope). */
    readonly communities: number;
  };
  /** Complaints still 待核实, oldest first; `complaintAnswerHours` is the time a unit gives itself. */
  readonly unansweredComplaints: {
    readonly items: readonly UnansweredComplaintRow[];
    readonly total: number;
  };
  readonly complaintAnswerHours: number;
  /** Urgent requests (紧急求助) not yet handled: nobody accepted in time first, then those still waiting. */
  readonly urgentRequests: { readonly items: readonly WaitingUrgentRow[]; readonly total: number };
  /** The feedback limit of urgent requests, in minutes (`urgent.feedbackWithinMinutes`). */
  readonly urgentFeedbackMinutes: number;
  /** Which queues the worker's roles open (false: not shown, not counted). */
  readonly queues: {
    readonly orders: boolean;
    readonly supply: boolean;
    readonly complaints: boolean;
    readonly urgent: boolean;
  };
}

/** A provider row of the console's list. */
export interface ConsoleProviderRow {
  readonly providerId: string;
  readonly name: string;
  readonly status: ProviderStatus;
  readonly statusLabel: string;
  readonly unitName: string;
  readonly reputation: number;
  readonly starLevel: number;
  readonly redStar: boolean;
  readonly ratingCount: number;
  /** Orders waiting for it or being served (待接单 + 已接单). */
  readonly openOrders: number;
  /** Follow-ups recorded on time / fell due; null before any fell due. */
  readonly followUpPunctuality: number | null;
  readonly followUpsDue: number;
  readonly itemCount: number;
}

export interface ConsoleProviderListReply extends Paged<ConsoleProviderRow> {
  readonly itemOptions: readonly FilterOption[];
}

export interface ProviderOfferingView {
  readonly offeringId: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly price: PriceView;
  readonly active: boolean;
  readonly description: string;
}

export interface ProviderRatingView {
  readonly orderId: string;
  readonly itemName: string;
  readonly stars: number;
  /** Null while held for a worker's review (moderation). */
  readonly text: string | null;
  readonly createdAt: number;
}

export interface ProviderStatusEventView {
  readonly at: number;
  readonly from: ProviderStatus | null;
  readonly to: ProviderStatus;
  readonly toLabel: string;
  readonly actorLabel: string;
  readonly reason: string | null;
}

/** `GET /console/api/providers/:providerId`. */
export interface ProviderRecordsReply {
  readonly provider: ConsoleProviderRow & {
    readonly contactName: string;
    readonly contactPhone: string;
    readonly address: string;
    readonly introduction: string;
    readonly serviceAreas: readonly string[];
    readonly statusChangedAt: number;
  };
  readonly offerings: readonly ProviderOfferingView[];
  /** Ratings per star, index 0 = one star. */
  readonly starCounts: readonly number[];
  readonly recentRatings: readonly ProviderRatingView[];
  /** The reputation's parts, as residents are shown them (they add up to `reputation`). */
  readonly scoreParts: readonly ReputationComponent[];
  readonly statusHistory: readonly ProviderStatusEventView[];
  /** What the viewer may do to it now (rectify: 责令限期整改, provider.rectify from active). */
  readonly actions: { readonly suspend: boolean; readonly reinstate: boolean; readonly rectify: boolean };
  /** A rectification's deadline when none is picked: this many days after it is ordered (now: the date below). */
  readonly rectifyDefaultDays: number;
  readonly rectifyDefaultDeadline: number;
  /** The rectification it is under now (null: not rectifying). */
  readonly rectification: ProviderRectificationView | null;
}

/** The rectification a provider is under: ordered by an evaluation (考核整改) or by hand (责令整改). */
export interface ProviderRectificationView {
  readonly sourceLabel: string;
  readonly problems: readonly string[];
  readonly reason: string | null;
  readonly deadline: number | null;
  readonly orderedAt: number | null;
  /** The evaluation that ordered it (null: by hand). */
  readonly evaluationId: string | null;
}

/** One row of the audit log. */
export interface AuditRow {
  readonly entryId: string;
  readonly at: number;
  readonly actorName: string;
  readonly accountId: string;
  readonly actorRole: Role | null;
  readonly actorRoleLabel: string;
  readonly command: string;
  /** What the command is, in Chinese. */
  readonly commandLabel: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  readonly summary: string;
  readonly unitName: string;
  readonly ip: string | null;
}

export type AuditListReply = Paged<AuditRow>;

/** A new account, or a reset one: the one-time password is shown once and never stored in clear. */
export interface AccountIssuedReply {
  readonly loginName: string;
  readonly personName: string;
  readonly oneTimePassword: string;
  readonly expiresAt: number;
}

/** 工作台: a complaint still 待核实 (core/console/unanswered-complaints.ts). */
export interface UnansweredComplaintRow {
  readonly complaintId: string;
  readonly orderId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly itemName: string;
  readonly unitName: string;
  readonly filedAt: number;
  readonly waitedMs: number;
  /** Waited longer than `console.complaintAnswerHours`. */
  readonly overdue: boolean;
}

/** 工作台: an urgent request (紧急求助) not yet handled (core/console/urgent-requests.ts). */
export interface WaitingUrgentRow {
  readonly orderId: string;
  readonly itemName: string;
  readonly providerName: string;
  readonly residentName: string;
  readonly unitName: string;
  /** `waiting`: within its acceptance limit; `queued`: nobody accepted in time, the community acts. */
  readonly state: UrgentState;
  readonly stateLabel: string;
  readonly requestedAt: number;
  readonly acceptBy: number;
  readonly waitedMs: number;
  readonly feedbackWithinMinutes: number;
  readonly pastFeedbackLimit: boolean;
}
