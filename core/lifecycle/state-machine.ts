/**
 * A small, table-driven state machine shared by every life cycle (order, concern, provider application,
 * provider). The table is the rule: a transition not in it is illegal, an actor whose role is not listed
 * for it is refused, and every accepted transition yields an event record for the entity's timeline.
 */
import { AUTH_ERROR_CODES, checkAccess, type AccessTarget } from '../auth/authorize';
import type { Action } from '../auth/actions';
import { ROLE_LABELS, SYSTEM_OPENID, type ActingAs, type Actor, type Role } from '../auth/roles';
import { DomainError } from '../kernel/errors';
import { accepted, orThrow, refused, type Outcome, type Refusal } from '../kernel/outcome';

export type LifecycleEntityType = 'order' | 'concern' | 'application' | 'provider' | 'moderation';

/** Follow-up work a transition obliges the use case to do (documented in the table, carried out by the caller). */
export const TRANSITION_EFFECTS = {
  offer_next_provider: '向居民推荐同一次匹配中的下一家服务机构',
  publish_notice: '在社区发布入驻公示，接受异议',
  create_provider: '建立服务机构档案，开始接单',
  blacklist: '取消入驻资格并列入黑名单',
  report_to_regulators: '报市、县两级监管部门备案',
  notify_level_organisations: '通知新层级的党组织和单位认领',
  notify_joint_meeting_office: '通知本级联席会议办公室',
} as const;
export type TransitionEffect = keyof typeof TRANSITION_EFFECTS;

/** One row of a life-cycle table. */
export interface TransitionRule<S extends string> {
  readonly from: S;
  readonly to: S;
  /** The permission checked for this step; its scope rule comes from the authorization matrix. */
  readonly action: Action;
  /** The roles that may make this step (a subset of the action's roles in the matrix). */
  readonly roles: readonly Role[];
  readonly reasonRequired: boolean;
  /** Chinese name of the step, shown on the timeline. */
  readonly label: string;
  readonly effects?: readonly TransitionEffect[];
}

/** How an entity comes into being: its first status and who may create it. */
export interface CreationRule<S extends string> {
  readonly status: S;
  readonly action: Action;
  readonly roles: readonly Role[];
  readonly label: string;
}

export interface LifecycleDefinition<S extends string> {
  readonly entityType: LifecycleEntityType;
  /** Chinese name of the entity, used in messages ("订单"). */
  readonly entityLabel: string;
  /** Prefix of the stable error codes ("ORDER" gives ORDER_ILLEGAL_TRANSITION...). */
  readonly codePrefix: string;
  readonly statuses: readonly S[];
  readonly statusLabels: Readonly<Record<S, string>>;
  readonly creation: CreationRule<S>;
  readonly rules: readonly TransitionRule<S>[];
}

/** A recorded step, as a timeline shows it. `from` is null for the creation event. */
export interface LifecycleEvent<S extends string> {
  readonly entityType: LifecycleEntityType;
  readonly entityId: string;
  readonly from: S | null;
  readonly to: S;
  readonly action: Action;
  readonly actor: ActingAs;
  /** Milliseconds since the epoch (from the Clock port). */
  readonly at: number;
  readonly reason: string | null;
  /** Step-specific facts, e.g. the new level of an escalated concern. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface StatefulEntity<S extends string> {
  readonly _id: string;
  readonly status: S;
}

export interface TransitionResult<E, S extends string> {
  /** The entity with its new status and `statusChangedAt`; other fields untouched. */
  readonly entity: E & { readonly status: S; readonly statusChangedAt: number };
  readonly event: LifecycleEvent<S>;
  readonly rule: TransitionRule<S>;
}

export interface LifecycleErrorCodes {
  readonly illegalTransition: string;
  readonly actorNotAllowed: string;
  readonly reasonRequired: string;
}

function normaliseReason(reason: string | undefined | null): string | null {
  if (reason === undefined || reason === null) return null;
  const trimmed = reason.trim();
  return trimmed.length === 0 ? null : trimmed;
}

/** A life cycle built from its table. Pure: no clock, no I/O; `now` is passed in (use `clock.now()`). */
export class Lifecycle<S extends string> {
  readonly codes: LifecycleErrorCodes;
  private readonly byPair = new Map<string, TransitionRule<S>[]>();

  constructor(readonly definition: LifecycleDefinition<S>) {
    const prefix = definition.codePrefix;
    this.codes = {
      illegalTransition: `${prefix}_ILLEGAL_TRANSITION`,
      actorNotAllowed: `${prefix}_ACTOR_NOT_ALLOWED`,
      reasonRequired: `${prefix}_REASON_REQUIRED`,
    };
    const known = new Set<string>(definition.statuses);
    if (!known.has(definition.creation.status)) throw new Error(`${prefix}: unknown initial status`);
    for (const rule of definition.rules) {
      if (!known.has(rule.from) || !known.has(rule.to)) {
        throw new Error(`${prefix}: rule ${rule.from} -> ${rule.to} uses an unknown status`);
      }
      if (rule.roles.length === 0) throw new Error(`${prefix}: rule ${rule.from} -> ${rule.to} has no role`);
      const key = this.key(rule.from, rule.to);
      const sameEdge = this.byPair.get(key) ?? [];
      // Two rules on one edge must be told apart by the actor's role.
      if (sameEdge.some((other) => other.roles.some((r) => rule.roles.includes(r)))) {
        throw new Error(`${prefix}: rules ${rule.from} -> ${rule.to} overlap in roles`);
      }
      sameEdge.push(rule);
      this.byPair.set(key, sameEdge);
    }
  }

  get entityType(): LifecycleEntityType {
    return this.definition.entityType;
  }

  get statuses(): readonly S[] {
    return this.definition.statuses;
  }

  get rules(): readonly TransitionRule<S>[] {
    return this.definition.rules;
  }

  label(status: S): string {
    return this.definition.statusLabels[status];
  }

  /** The rules on the edge from -> to (empty when the edge is illegal). */
  rulesFor(from: S, to: S): readonly TransitionRule<S>[] {
    return this.byPair.get(this.key(from, to)) ?? [];
  }

  isLegal(from: S, to: S): boolean {
    return this.rulesFor(from, to).length > 0;
  }

  /** The steps open from `status`, optionally only those a role may make (for showing buttons). */
  next(status: S, role?: Role): TransitionRule<S>[] {
    return this.definition.rules.filter(
      (r) => r.from === status && (role === undefined || r.roles.includes(role)),
    );
  }

  /** A status with no way out. */
  isTerminal(status: S): boolean {
    return this.next(status).length === 0;
  }

  /** The event recording the entity's creation (from null to the initial status). */
  creationEvent(
    entityId: string,
    actor: ActingAs,
    now: number,
    details?: Readonly<Record<string, unknown>>,
  ): LifecycleEvent<S> {
    const creation = this.definition.creation;
    if (!creation.roles.includes(actor.role)) {
      throw new DomainError(this.codes.actorNotAllowed, `${ROLE_LABELS[actor.role]}不能${creation.label}`, {
        entityType: this.entityType,
        entityId,
        to: creation.status,
        role: actor.role,
      });
    }
    return {
      entityType: this.entityType,
      entityId,
      from: null,
      to: creation.status,
      action: creation.action,
      actor: { openid: actor.openid, role: actor.role },
      at: now,
      reason: null,
      ...(details === undefined ? {} : { details }),
    };
  }

  /**
   * Move `entity` to `to` as `actor` (whose role is already authorized for the record). Throws
   * `<PREFIX>_ILLEGAL_TRANSITION`, `<PREFIX>_ACTOR_NOT_ALLOWED` or `<PREFIX>_REASON_REQUIRED`.
   * The caller persists the entity with a compare-and-set on the old status, so two racing requests
   * cannot both succeed.
   */
  transition<E extends StatefulEntity<S>>(
    entity: E,
    to: S,
    actor: ActingAs,
    now: number,
    reason?: string | null,
    details?: Readonly<Record<string, unknown>>,
  ): TransitionResult<E, S> {
    const from = entity.status;
    const context = { ...this.stepFacts(entity, to), role: actor.role };
    const edge = this.edgeOrRefuse(entity, to, context);
    const rule = edge.find((r) => r.roles.includes(actor.role));
    if (rule === undefined || (actor.role === 'system' && actor.openid !== SYSTEM_OPENID)) {
      throw new DomainError(
        this.codes.actorNotAllowed,
        `${ROLE_LABELS[actor.role]}不能将${this.definition.entityLabel}从“${this.label(from)}”改为“${this.label(to)}”`,
        { ...context, allowedRoles: edge.flatMap((r) => r.roles) },
      );
    }
    const cleanReason = normaliseReason(reason);
    if (rule.reasonRequired && cleanReason === null) {
      throw new DomainError(this.codes.reasonRequired, `请填写“${rule.label}”的原因`, context);
    }
    const event: LifecycleEvent<S> = {
      entityType: this.entityType,
      entityId: entity._id,
      from,
      to,
      action: rule.action,
      actor: { openid: actor.openid, role: actor.role },
      at: now,
      reason: cleanReason,
      ...(details === undefined ? {} : { details }),
    };
    return { entity: { ...entity, status: to, statusChangedAt: now }, event, rule };
  }

  /**
   * Whether `actor` may move `entity` to `to`, as a value: the role the step is made in, or the refusal.
   * The table says which roles may make the step, the authorization matrix says where (scope). Refusals:
   * the step is illegal from the current status (`<PREFIX>_ILLEGAL_TRANSITION`, checked first); the actor
   * may do the step's action on this record but in a role the step does not allow
   * (`<PREFIX>_ACTOR_NOT_ALLOWED`); otherwise the matrix's refusal (`PERMISSION_DENIED` or `OUT_OF_SCOPE`).
   *
   * Before any of that, an actor who may not make any step towards `to` on this record, from whatever status
   * (a stranger, another provider's staff, a role without the step's permission), gets the matrix's refusal:
   * the answer depends only on who they are and on `to`, so it never tells them what state someone else's
   * record is in.
   */
  checkStep<E extends StatefulEntity<S>>(
    actor: Actor,
    entity: E,
    to: S,
    target: AccessTarget,
  ): Outcome<ActingAs> {
    const stranger = this.strangerRefusal(actor, target, to);
    if (stranger !== undefined) return { ok: false, refusal: stranger };
    const facts = this.stepFacts(entity, to);
    const edge = this.rulesFor(entity.status, to);
    if (edge.length === 0) {
      return refused(this.codes.illegalTransition, this.illegalMessage(entity.status, to), facts);
    }
    // Try each rule of the edge with only its own roles, in table order.
    for (const rule of edge) {
      const access = checkAccess(actor, rule.action, target, { roles: rule.roles });
      if (access.ok) return accepted({ openid: actor.openid, role: access.value.role });
    }
    return this.edgeRefusal(actor, target, entity.status, to, edge, facts);
  }

  /**
   * `checkStep` and `transition` in one, for use cases: the new entity and its event, or the refusal thrown
   * (then `<PREFIX>_REASON_REQUIRED` for a missing reason).
   */
  authorizeAndTransition<E extends StatefulEntity<S>>(
    actor: Actor,
    entity: E,
    to: S,
    target: AccessTarget,
    now: number,
    reason?: string | null,
    details?: Readonly<Record<string, unknown>>,
  ): TransitionResult<E, S> {
    const actingAs = orThrow(this.checkStep(actor, entity, to, target));
    return this.transition(entity, to, actingAs, now, reason, details);
  }

  /**
   * No rule of the edge let the actor through. If the actor may do the step's action on this record in some
   * other role, the step itself is not theirs; otherwise the matrix's own refusal (no such permission, or
   * not here; OUT_OF_SCOPE preferred, as the more telling).
   */
  private edgeRefusal(
    actor: Actor,
    target: AccessTarget,
    from: S,
    to: S,
    edge: readonly TransitionRule<S>[],
    facts: Readonly<Record<string, unknown>>,
  ): Outcome<never> {
    let denial: Refusal | undefined;
    for (const action of new Set(edge.map((r) => r.action))) {
      const access = checkAccess(actor, action, target);
      if (access.ok) {
        return refused(
          this.codes.actorNotAllowed,
          `您不能将${this.definition.entityLabel}从“${this.label(from)}”改为“${this.label(to)}”`,
          { ...facts, allowedRoles: edge.flatMap((r) => r.roles) },
        );
      }
      if (denial === undefined || access.refusal.code === AUTH_ERROR_CODES.outOfScope)
        denial = access.refusal;
    }
    return { ok: false, refusal: denial! };
  }

  /**
   * The matrix's refusal (OUT_OF_SCOPE preferred) when the actor may do no action of the steps leading to
   * `to` (from any status) on `target`; undefined when they may do one.
   */
  private strangerRefusal(actor: Actor, target: AccessTarget, to: S): Refusal | undefined {
    let denial: Refusal | undefined;
    const actions = new Set(this.definition.rules.filter((r) => r.to === to).map((r) => r.action));
    for (const action of actions) {
      const access = checkAccess(actor, action, target);
      if (access.ok) return undefined;
      if (denial === undefined || access.refusal.code === AUTH_ERROR_CODES.outOfScope)
        denial = access.refusal;
    }
    return denial;
  }

  /** What every refusal of a step says about it. */
  private stepFacts(entity: StatefulEntity<S>, to: S) {
    return { entityType: this.entityType, entityId: entity._id, from: entity.status, to };
  }

  /** The rules of the step from the entity's status to `to`; `<PREFIX>_ILLEGAL_TRANSITION` when there are none. */
  private edgeOrRefuse(
    entity: StatefulEntity<S>,
    to: S,
    details: Readonly<Record<string, unknown>>,
  ): readonly TransitionRule<S>[] {
    const edge = this.rulesFor(entity.status, to);
    if (edge.length === 0) {
      throw new DomainError(this.codes.illegalTransition, this.illegalMessage(entity.status, to), details);
    }
    return edge;
  }

  private illegalMessage(from: S, to: S): string {
    const entity = this.definition.entityLabel;
    const fromLabel = this.definition.statusLabels[from] ?? String(from);
    const toLabel = this.definition.statusLabels[to] ?? String(to);
    return `${entity}当前状态为“${fromLabel}”，不能变为“${toLabel}”`;
  }

  private key(from: S, to: S): string {
    return `${from}\u0000${to}`;
  }
}
