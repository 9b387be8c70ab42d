/**
 * Volunteer teams (微团队): a team's record, the leader's invitation codes, joining by code or by application,
 * the leader's decisions, leaving and removal, the workers' choice of leader and deactivation, and the reads
 * (docs/volunteers.md#teams).
 */
import { z } from 'zod';
import { bool, command, id, list, oneOf, optionalText, paging, query, text } from './fields.schema';

const teamRef = { teamId: id('志愿服务队') };

/**
 * 地缘、趣缘、业缘: the bonds of core/model/party.model.ts `TEAM_BONDS`, repeated here because schemas import
 * nothing from the model (tests/core/volunteers/team.rules.test.ts keeps the two equal).
 */
export const TEAM_BOND_VALUES = ['geographic', 'interest', 'occupational'] as const;

/** Invitation codes are 8 letters or digits (the alphabet without 0/O, 1/I); case does not matter when typed. */
export const teamInviteCode = z
  .string({ error: '请填写邀请码' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,12}$/, { error: '邀请码为 6 到 12 位字母或数字' });

export const teamSaveSchema = command({
  /** Absent: a new team. */
  teamId: id('志愿服务队').optional(),
  /** The team's own community (kept on an edit). */
  communityId: id('所在社区'),
  name: text('队伍名称', { max: 40 }),
  /** 地缘、趣缘、业缘: what brings the team together. */
  bond: oneOf('组建方式', TEAM_BOND_VALUES),
  description: optionalText('队伍简介', 300, { multiline: true }),
  services: list('服务内容', text('服务内容', { max: 30 }), { min: 1, max: 10, unique: true }),
  /** Other communities of the same street the team also serves. */
  otherCommunityIds: list('服务的其他社区', id('社区'), {
    min: 0,
    max: 10,
    unique: true,
    verb: '选择',
  }).default([]),
  /** A new team's leader (a person bound to the community); absent: set later (team.leader.set). */
  leaderOpenid: id('队长').optional(),
});
export type TeamSaveCommand = z.output<typeof teamSaveSchema>;

export const teamInviteSchema = command({ ...teamRef });
export type TeamInviteCommand = z.output<typeof teamInviteSchema>;

/** With a code: a member at once; without: an application to the leader. */
export const teamJoinSchema = command({
  ...teamRef,
  inviteCode: teamInviteCode.optional(),
});
export type TeamJoinCommand = z.output<typeof teamJoinSchema>;

export const teamApplicationDecideSchema = command({
  applicationId: id('入队申请'),
  approve: bool('是否同意入队'),
});
export type TeamApplicationDecideCommand = z.output<typeof teamApplicationDecideSchema>;

export const teamLeaveSchema = command({ ...teamRef });
export type TeamLeaveCommand = z.output<typeof teamLeaveSchema>;

export const teamMemberRemoveSchema = command({ ...teamRef, openid: id('队员') });
export type TeamMemberRemoveCommand = z.output<typeof teamMemberRemoveSchema>;

export const teamLeaderSetSchema = command({ ...teamRef, openid: id('队长') });
export type TeamLeaderSetCommand = z.output<typeof teamLeaderSetSchema>;

export const teamDeactivateSchema = command({ ...teamRef });
export type TeamDeactivateCommand = z.output<typeof teamDeactivateSchema>;

export const teamListSchema = query({
  /** Absent: the caller's own community. */
  communityId: id('社区').optional(),
  ...paging,
});
export type TeamListQuery = z.output<typeof teamListSchema>;

/** The members come a page at a time. */
export const teamDetailSchema = query({ ...teamRef, ...paging });
export type TeamDetailQuery = z.output<typeof teamDetailSchema>;

export const teamMineSchema = query({ ...paging });
export type TeamMineQuery = z.output<typeof teamMineSchema>;

/** The console's 微团队 list: the teams within the worker's unit (or a community within it), active or ended. */
export const unitTeamListSchema = query({
  orgUnitId: id('社区').optional(),
  status: oneOf('状态', ['active', 'inactive']).optional(),
  ...paging,
});
export type UnitTeamListQuery = z.output<typeof unitTeamListSchema>;
