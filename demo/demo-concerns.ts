/**
 * A handful of concerns (忧心事 / 微心愿 / 急难愁盼) at every stage of their life cycle, told as scripts of steps
 * and played through the concern life cycle, so the stored status, level and timeline agree with the rules.
 */
import type { ActingAs } from '../core/auth/roles';
import { SYSTEM_OPENID } from '../core/auth/roles';
import { claimDeadline } from '../core/lifecycle/concern.deadlines';
import {
  CONCERN_LIFECYCLE,
  escalateConcern,
  type ConcernLevel,
  type ConcernStatus,
} from '../core/lifecycle/concern.lifecycle';
import type { LifecycleEvent } from '../core/lifecycle/state-machine';
import type { ClaimAs, Concern, ConcernClaim, ConcernRecordKind } from '../core/model/concern.model';
import type { EventRecord } from '../core/model/event.model';
import type { OrgUnit } from '../core/model/org-unit.model';
import { rollUpKey, unitIdOfPath } from '../core/org/org-path';
import { DAY_MS, DEMO_GRID_ID, DEMO_RESIDENT_OPENID, DEMO_SECOND_GRID_ID, HOUR_MS } from './demo.constants';
import type { YulinGeography } from './yulin.geography';

const actor = (openid: string, role: ActingAs['role']): ActingAs => ({ openid, role });
const RESIDENT = actor(DEMO_RESIDENT_OPENID, 'resident');
const LEADER = actor('demo-community-leader-1', 'leader');
const WORKER = actor('demo-community-worker-1', 'worker');
const GRID_WORKER = actor('demo-grid-worker-1', 'worker');
const PARTY_MEMBER = actor('demo-party-member-1', 'party_member');
const VOLUNTEER_LEADER = actor('demo-volunteer-leader-1', 'volunteer');
const VOLUNTEER = actor('demo-volunteer-member-1', 'volunteer');
const JOINT_OFFICE = actor('demo-joint-office-1', 'joint_meeting_office');
const SYSTEM = actor(SYSTEM_OPENID, 'system');

interface ClaimSpec {
  readonly as: ClaimAs;
  readonly name: string;
  readonly teamId?: string;
  readonly partyOrgId?: string;
  readonly unitId?: string;
}

interface ScriptStep {
  readonly to: ConcernStatus;
  readonly by: ActingAs;
  readonly afterHours: number;
  readonly reason?: string;
  readonly claim?: ClaimSpec;
  /** Push it one level up (published/escalated -> escalated, referred -> referred). */
  readonly escalate?: boolean;
  readonly departments?: readonly string[];
  readonly leadDepartment?: string;
}

interface ConcernScript {
  readonly kind: ConcernRecordKind;
  readonly title: string;
  readonly content: string;
  readonly gridId: string;
  readonly resident: ActingAs | null;
  readonly residentName: string;
  readonly filedBy: ActingAs;
  readonly onBehalfOf?: { readonly name: string; readonly phone?: string };
  readonly crossDepartment?: boolean;
  readonly anonymous?: boolean;
  readonly daysAgo: number;
  readonly steps: readonly ScriptStep[];
}

const approve = (afterHours = 4): ScriptStep => ({ to: 'approved', by: LEADER, afterHours });
const publish = (afterHours = 1): ScriptStep => ({ to: 'published', by: WORKER, afterHours });

const SCRIPTS: readonly ConcernScript[] = [
  {
    kind: 'worry',
    title: '楼道灯坏了很久，晚上上下楼不安全',
    content: '3 栋 2 单元三楼到六楼的楼道灯坏了快一个月，家里有老人，晚上上下楼很不安全，希望尽快修好。',
    gridId: DEMO_GRID_ID,
    resident: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    daysAgo: 2,
    steps: [approve(), publish()],
  },
  {
    kind: 'wish',
    title: '腿脚不便，想请人上门理发',
    content: '老伴去年中风后行动不便，出不了门，想请志愿者上门帮忙理个发。',
    gridId: DEMO_GRID_ID,
    resident: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    daysAgo: 9,
    steps: [
      approve(),
      publish(),
      {
        to: 'claimed',
        by: VOLUNTEER_LEADER,
        afterHours: 20,
        claim: { as: 'team', name: '银发理发微团队', teamId: 'team-0001' },
      },
      { to: 'in_progress', by: VOLUNTEER_LEADER, afterHours: 6, reason: '已与居民约好本周六上午上门理发' },
    ],
  },
  {
    kind: 'urgent',
    title: '独居老人家中水管爆裂',
    content: '覃婆婆独居，厨房水管爆裂漏水，自己无法处理，网格员代为上报。',
    gridId: DEMO_GRID_ID,
    resident: null,
    residentName: '覃婆婆',
    filedBy: GRID_WORKER,
    onBehalfOf: { name: '覃婆婆' },
    daysAgo: 5,
    steps: [
      { to: 'approved', by: LEADER, afterHours: 1 },
      publish(0.5),
      { to: 'claimed', by: PARTY_MEMBER, afterHours: 1, claim: { as: 'self', name: '李志明' } },
      { to: 'in_progress', by: PARTY_MEMBER, afterHours: 1, reason: '已关闭总阀，联系水电师傅上门' },
      { to: 'resolved', by: PARTY_MEMBER, afterHours: 5, reason: '已免费更换水管，并检查了家中电路' },
    ],
  },
  {
    kind: 'wish',
    title: '希望社区组织一次义诊',
    content: '小区老人多，很多人有高血压、糖尿病，希望能请医生来小区量血压、讲讲用药。',
    gridId: DEMO_GRID_ID,
    resident: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    daysAgo: 40,
    steps: [
      approve(),
      publish(),
      {
        to: 'claimed',
        by: PARTY_MEMBER,
        afterHours: 30,
        claim: { as: 'party_org', name: '玉林市财政局机关党支部', partyOrgId: 'po-organ-01' },
      },
      {
        to: 'in_progress',
        by: PARTY_MEMBER,
        afterHours: 48,
        reason: '已联系市第一人民医院，定于下周六在小区广场义诊',
      },
      {
        to: 'resolved',
        by: PARTY_MEMBER,
        afterHours: 170,
        reason: '义诊已开展，为 86 名居民测量血压、血糖并提供用药咨询',
      },
      { to: 'confirmed', by: RESIDENT, afterHours: 20 },
      { to: 'closed', by: WORKER, afterHours: 2 },
    ],
  },
  {
    kind: 'worry',
    title: '小区门口路面积水，雨天出行难',
    content: '小区门口一段路每逢下雨就积水没过脚踝，排水口堵塞，居民出行和车辆进出都很困难。',
    gridId: DEMO_GRID_ID,
    resident: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    crossDepartment: true,
    daysAgo: 14,
    steps: [
      approve(),
      publish(),
      {
        to: 'referred',
        by: WORKER,
        afterHours: 3,
        reason: '涉及市政排水、道路养护和城管多个部门，提交联席会议',
        departments: ['住房城乡建设局', '城市管理局', '物业服务企业'],
      },
      {
        to: 'referred',
        by: SYSTEM,
        afterHours: 72,
        escalate: true,
        reason: '社区级联席会议 72 小时内未承接，提交街道联席会议',
      },
      {
        to: 'claimed',
        by: JOINT_OFFICE,
        afterHours: 20,
        claim: { as: 'unit', name: '玉城街道城市基层党建工作联席会议', unitId: '450902001' },
        leadDepartment: '玉州区住房城乡建设局',
      },
      {
        to: 'in_progress',
        by: JOINT_OFFICE,
        afterHours: 48,
        reason: '已组织住建、城管现场查看，排水管网疏通方案已确定',
      },
    ],
  },
  {
    kind: 'worry',
    title: '老旧小区想加装电梯，楼上楼下意见不一',
    content: '我们楼是 1995 年的七层楼，住了很多老人，想加装电梯，但低层住户不同意，希望有人出面协调。',
    gridId: DEMO_GRID_ID,
    resident: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    daysAgo: 8,
    steps: [
      approve(),
      publish(),
      {
        to: 'escalated',
        by: SYSTEM,
        afterHours: 72,
        escalate: true,
        reason: '社区级 72 小时内无人认领，推送至街道(镇)级',
      },
    ],
  },
  {
    kind: 'wish',
    title: '想学用智能手机预约挂号',
    content: '子女不在身边，想学会用手机预约挂号和视频通话。',
    gridId: DEMO_GRID_ID,
    resident: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    daysAgo: 60,
    steps: [
      approve(),
      publish(),
      { to: 'claimed', by: VOLUNTEER, afterHours: 10, claim: { as: 'self', name: '覃德福' } },
      {
        to: 'resolved',
        by: VOLUNTEER,
        afterHours: 50,
        reason: '已上门教会预约挂号和视频通话，留下了操作步骤图',
      },
      { to: 'confirmed', by: RESIDENT, afterHours: 5 },
      { to: 'closed', by: SYSTEM, afterHours: 1 },
    ],
  },
  {
    kind: 'worry',
    title: '楼上邻居晚上噪音很大',
    content: '楼上住户经常深夜搬动家具，影响休息，沟通过几次没有效果。',
    gridId: DEMO_GRID_ID,
    resident: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    anonymous: true,
    daysAgo: 1,
    steps: [],
  },
  {
    kind: 'worry',
    title: '小区广告牌松动有安全隐患',
    content: '小区东门上方的广告牌一边松脱，刮风时晃得厉害。',
    gridId: DEMO_GRID_ID,
    resident: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    daysAgo: 20,
    steps: [
      {
        to: 'rejected',
        by: LEADER,
        afterHours: 2,
        reason: '属物业服务范围，已转物业服务企业处理，当日已加固',
      },
    ],
  },
  {
    kind: 'wish',
    title: '希望给小区健身器材换新',
    content: '小区健身路径的器材用了十几年，有几件已经坏了，希望能换新。',
    gridId: DEMO_SECOND_GRID_ID,
    resident: actor('demo-resident-2', 'resident'),
    residentName: '陈先生',
    filedBy: actor('demo-resident-2', 'resident'),
    daysAgo: 4,
    steps: [
      { to: 'approved', by: actor('sim-leader-450981001001', 'leader'), afterHours: 6 },
      { to: 'published', by: actor('sim-worker-450981001001', 'worker'), afterHours: 1 },
    ],
  },
];

export interface ConcernData {
  readonly concerns: Concern[];
  readonly events: EventRecord[];
}

export function generateConcerns(geo: YulinGeography, now: number, withEvents: boolean): ConcernData {
  const concerns: Concern[] = [];
  const events: EventRecord[] = [];
  SCRIPTS.forEach((script, index) => {
    const played = playScript(script, `cn-${String(index + 1).padStart(4, '0')}`, geo, now);
    concerns.push(played.concern);
    events.push(...played.events);
  });
  return { concerns, events: withEvents ? events : [] };
}

/** Where a concern stands after the steps of its script played so far. */
interface ConcernState {
  status: ConcernStatus;
  level: ConcernLevel;
  statusChangedAt: number;
  claim: ConcernClaim | null;
  claimSpec: ClaimSpec | null;
  jointMeetingId: string | null;
  departments: readonly string[];
  leadDepartment: string | null;
  resolutionSummary: string | null;
  /** The leader's reason for a rejection (the resident reads it). */
  rejectReason: string | null;
  readonly reached: Partial<Record<ConcernStatus, number>>;
}

/** Plays one script through the concern life cycle: the stored concern and its timeline. */
function playScript(
  script: ConcernScript,
  id: string,
  geo: YulinGeography,
  now: number,
): { concern: Concern; events: EventRecord[] } {
  const grid = geo.byId.get(script.gridId)!;
  const orgPath = grid.path;
  const createdAt = now - script.daysAgo * DAY_MS;
  const state: ConcernState = {
    status: 'submitted',
    level: 'community',
    statusChangedAt: createdAt,
    claim: null,
    claimSpec: null,
    jointMeetingId: null,
    departments: [],
    leadDepartment: null,
    resolutionSummary: null,
    rejectReason: null,
    reached: {},
  };
  const events: EventRecord[] = [];
  const record = (event: LifecycleEvent<ConcernStatus>) =>
    events.push({ _id: `evt-${id}-${events.length}`, orgPath, ...event });

  record(CONCERN_LIFECYCLE.creationEvent(id, script.filedBy, createdAt));
  let at = createdAt;
  for (const step of script.steps) {
    at += step.afterHours * HOUR_MS;
    if (at > now) throw new Error(`demo concern ${id} has a step after now`);
    record(applyStep(state, step, id, orgPath, at));
  }
  return { concern: concernDocument(script, id, grid, createdAt, state), events };
}

/** One step: its event, and what it changes in the state. */
function applyStep(
  state: ConcernState,
  step: ScriptStep,
  id: string,
  orgPath: string,
  at: number,
): LifecycleEvent<ConcernStatus> {
  const entity = { _id: id, status: state.status, level: state.level };
  let event: LifecycleEvent<ConcernStatus>;
  if (step.escalate === true) {
    const result = escalateConcern(entity, step.by, at, step.reason ?? '');
    state.level = result.entity.level;
    event = result.event;
  } else {
    event = CONCERN_LIFECYCLE.transition(entity, step.to, step.by, at, step.reason ?? null).event;
  }
  state.status = step.to;
  state.statusChangedAt = at;
  state.reached[step.to] = at;
  if (step.to === 'referred' && step.escalate !== true) state.departments = step.departments ?? [];
  if (step.to === 'referred') state.jointMeetingId = `jm-${unitIdOfPath(rollUpKey(orgPath, state.level)!)}`;
  if (step.leadDepartment !== undefined) state.leadDepartment = step.leadDepartment;
  if (step.to === 'resolved') state.resolutionSummary = step.reason ?? null;
  if (step.to === 'rejected') state.rejectReason = step.reason ?? '';
  if (step.claim !== undefined) {
    state.claimSpec = step.claim;
    state.claim = { as: step.claim.as, name: step.claim.name, by: step.by.openid, at };
  }
  return event;
}

function concernDocument(
  script: ConcernScript,
  id: string,
  grid: OrgUnit,
  createdAt: number,
  state: ConcernState,
): Concern {
  const { status, level, statusChangedAt, claim, claimSpec, reached } = state;
  return {
    _id: id,
    kind: script.kind,
    title: script.title,
    content: script.content,
    images: [],
    orgUnitId: grid._id,
    residentOpenid: script.resident?.openid ?? null,
    residentName: script.residentName,
    filedBy: script.filedBy.openid,
    onBehalfOf:
      script.onBehalfOf === undefined
        ? null
        : {
            ...script.onBehalfOf,
            consent: { method: 'in_person', statement: '居民当面同意由网格员代为登记' },
          },
    crossDepartment: script.crossDepartment ?? false,
    anonymous: script.anonymous ?? false,
    sensitive: false,
    sensitiveConsentAt: null,
    publicSummary: null,
    contentFlagged: false,
    supportCount: 0,
    review:
      reached.approved !== undefined
        ? { decision: 'approve', reason: '', by: LEADER.openid, at: reached.approved }
        : reached.rejected !== undefined
          ? { decision: 'reject', reason: state.rejectReason ?? '', by: LEADER.openid, at: reached.rejected }
          : null,
    status,
    statusChangedAt,
    level,
    levelPath: rollUpKey(grid.path, level)!,
    claimDeadline: claimDeadline({ status, level, statusChangedAt }),
    escalateAt: level === 'city' ? null : claimDeadline({ status, level, statusChangedAt }),
    claim,
    assigneeOpenid: claim === null ? null : claim.by,
    assigneeTeamId: claimSpec?.teamId ?? null,
    assigneePartyOrgId: claimSpec?.partyOrgId ?? null,
    assigneeUnitId: claimSpec?.unitId ?? null,
    jointMeetingId: state.jointMeetingId,
    departments: state.departments,
    leadDepartment: state.leadDepartment,
    jointCase: null,
    taskCheckAt: null,
    unresolvedCount: 0,
    leaderAttention: false,
    confirmation:
      reached.confirmed === undefined
        ? null
        : {
            outcome: 'resolved',
            reason: '',
            by: script.resident?.openid ?? WORKER.openid,
            at: reached.confirmed,
          },
    resolutionSummary: state.resolutionSummary,
    resolvedAt: reached.resolved ?? null,
    confirmedAt: reached.confirmed ?? null,
    closedAt: reached.closed ?? null,
    orgPath: grid.path,
    createdAt,
    updatedAt: statusChangedAt,
  };
}
