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
  text,
} from './fields.schema';

export const REGISTRANT_KINDS = ['party_org', 'party_member', 'volunteer_team'] as const;
export const REGISTRANT_KIND_LABELS: Readonly<Record<(typeof REGISTRANT_KINDS)[number], string>> = {
  party_org: '党组织',
  party_member: '在职党员',
  volunteer_team: '志愿服务队',
};

/** 双报到: a party organisation, a party member or a volunteer team registers with a community. */
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
});
export type DualRegistrationCommand = z.output<typeof dualRegistrationSchema>;

export const dualRegistrationConfirmSchema = command({
  registrationId: id('报到记录'),
  approve: z.boolean({ error: '请选择是否确认报到' }),
  reason: optionalText('意见', 200, { multiline: true }),
});
export type DualRegistrationConfirmCommand = z.output<typeof dualRegistrationConfirmSchema>;

export const volunteerTeamSaveSchema = command({
  /** Absent: a new team. */
  teamId: id('志愿服务队').optional(),
  communityId: id('所在社区'),
  name: text('队伍名称', { max: 40 }),
  /** 地缘、趣缘、业缘: what brings the team together. */
  description: optionalText('队伍简介', 300, { multiline: true }),
  services: list('服务内容', text('服务内容', { max: 30 }), { min: 1, max: 10, unique: true }),
});
export type VolunteerTeamSaveCommand = z.output<typeof volunteerTeamSaveSchema>;

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
