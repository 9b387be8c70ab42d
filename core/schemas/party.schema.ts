/** Party organisations, party members and volunteer teams: 双报到, teams (微团队), service logs. */
import { z } from 'zod';
import {
  calendarDate,
  command,
  contactPhone,
  id,
  images,
  int,
  list,
  oneOf,
  optionalText,
  paging,
  query,
  text,
} from './fields.schema';

export const REGISTRANT_KINDS = ['party_org', 'party_member', 'volunteer_team'] as const;
export const REGISTRANT_KIND_LABELS: Readonly<Record<(typeof REGISTRANT_KINDS)[number], string>> = {
  party_org: '党组织',
  party_member: '在职党员',
  volunteer_team: '志愿服务队',
};

/** The kinds of party organisation that register with a community (a community's own never registers). */
export const REGISTERING_ORG_TYPES = ['organ', 'enterprise', 'institution', 'social'] as const;

/**
 * 双报到: a party organisation, a party member or a volunteer team registers with a community. A party
 * organisation (its secretary applies) gives its type, rank, host unit and member count; a serving party
 * member gives their work unit and may name the registered organisation they belong to (docs/party.md).
 */
export const dualRegistrationSchema = command({
  kind: oneOf('报到类型', REGISTRANT_KINDS),
  communityId: id('报到社区'),
  name: text('名称或姓名', { max: 60 }),
  /** The member's employer, or the organisation's parent body (机关企事业单位). */
  workUnit: optionalText('所在单位', 60),
  contactPhone,
  /** What they offer to do (理发、卫生清洁、治安巡防...). */
  services: list('可提供的服务', text('服务内容', { max: 30 }), { min: 0, max: 10, unique: true }).default(
    [],
  ),
  /** party_org: 机关、企业、事业单位或社会组织党组织. */
  orgType: oneOf('党组织类型', REGISTERING_ORG_TYPES).optional(),
  /** party_org: 党委、党总支、党支部. */
  rank: oneOf('党组织级别', ['committee', 'general_branch', 'branch'] as const).optional(),
  /** party_org: the secretary's name (the applicant is the secretary). */
  secretaryName: optionalText('书记姓名', 20),
  /** party_org: how many party members it has (党员人数). */
  memberCount: int('党员人数', 1, 100_000).optional(),
  /** party_member: the registered party organisation they belong to, if it registered here. */
  partyOrgId: id('所在党组织').optional(),
}).superRefine((cmd, ctx) => {
  if (cmd.kind === 'party_org') {
    if (cmd.orgType === undefined)
      ctx.addIssue({ code: 'custom', path: ['orgType'], message: '请选择党组织类型' });
    if (cmd.rank === undefined) ctx.addIssue({ code: 'custom', path: ['rank'], message: '请选择党组织级别' });
    if (cmd.memberCount === undefined)
      ctx.addIssue({ code: 'custom', path: ['memberCount'], message: '请填写党员人数' });
    if (cmd.workUnit.length === 0)
      ctx.addIssue({ code: 'custom', path: ['workUnit'], message: '请填写党组织所在单位' });
    if (cmd.secretaryName.length === 0)
      ctx.addIssue({ code: 'custom', path: ['secretaryName'], message: '请填写书记姓名' });
  }
  if (cmd.kind === 'party_member' && cmd.workUnit.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['workUnit'], message: '请填写工作单位' });
  }
});
export type DualRegistrationCommand = z.output<typeof dualRegistrationSchema>;

export const dualRegistrationConfirmSchema = command({
  registrationId: id('报到记录'),
  approve: z.boolean({ error: '请选择是否确认报到' }),
  reason: optionalText('意见', 200, { multiline: true }),
}).superRefine((cmd, ctx) => {
  if (!cmd.approve && cmd.reason.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予确认时请填写原因' });
  }
});
export type DualRegistrationConfirmCommand = z.output<typeof dualRegistrationConfirmSchema>;

/** A worker's or leader's list of their unit's 双报到 requests, by status. */
export const dualRegistrationListSchema = query({
  status: oneOf('报到状态', ['pending', 'confirmed', 'rejected'] as const).default('pending'),
  /** Absent: every community the caller serves. */
  communityId: id('报到社区').optional(),
  ...paging,
});
export type DualRegistrationListQuery = z.output<typeof dualRegistrationListSchema>;

/** The party organisations registered with a community, for a member to name the one they belong to. */
export const partyOrgsSchema = query({ communityId: id('报到社区'), ...paging });
export type PartyOrgsQuery = z.output<typeof partyOrgsSchema>;

/** The caller's own registrations and the records they made. */
export const partyMineSchema = query({ ...paging });
export type PartyMineQuery = z.output<typeof partyMineSchema>;

/** A community's registered party organisations and members with their service. */
export const partyRosterSchema = query({
  /** Absent: the caller's own community (their grant's). */
  communityId: id('社区').optional(),
  view: oneOf('名册类型', ['orgs', 'members'] as const).default('members'),
  ...paging,
});
export type PartyRosterQuery = z.output<typeof partyRosterSchema>;

/** A member leaves the community's register, or a worker removes them; the record is kept as left. */
export const partyMemberLeaveSchema = command({
  memberId: id('党员'),
  reason: optionalText('原因', 200, { multiline: true }),
});
export type PartyMemberLeaveCommand = z.output<typeof partyMemberLeaveSchema>;

export const volunteerServiceLogSchema = command({
  teamId: id('志愿服务队').optional(),
  orgUnitId: id('服务地点所在社区或网格'),
  serviceDate: calendarDate('服务日期'),
  /** Duration in minutes (integer), at most one day. */
  minutes: int('服务时长（分钟）', 1, 1440),
  participants: int('参与人数', 1, 500),
  content: text('服务内容', { max: 500, multiline: true }),
  images: images(9),
});
export type VolunteerServiceLogCommand = z.output<typeof volunteerServiceLogSchema>;
