/**
 * Every command and query of the platform by name, with its schema and whether it writes. Cloud functions
 * route on these names; every writing command carries `clientRequestId` (tests check it) and goes through
 * `runIdempotent` under that name.
 */
import type { z } from 'zod';
import {
  catalogListSchema,
  catalogVisibilitySchema,
  categorySaveSchema,
  itemSaveSchema,
  orgChildrenSchema,
} from './catalog.schema';
import {
  concernClaimSchema,
  concernConfirmSchema,
  concernDetailSchema,
  concernEscalateSchema,
  concernListSchema,
  concernPublishSchema,
  concernReferSchema,
  concernReleaseSchema,
  concernResolveSchema,
  concernReviewSchema,
  concernSubmitSchema,
  concernUpdateSchema,
  concernWithdrawSchema,
  jointMeetingTakeSchema,
  concernSupportSchema,
  concernSimilarSchema,
  jointMeetingTaskAddSchema,
  jointMeetingTaskDoneSchema,
  jointMeetingMinutesSchema,
} from './concern.schema';
import {
  evaluationCampaignStartSchema,
  evaluationDetailSchema,
  evaluationInputSchema,
  evaluationListSchema,
  providerBoardSchema,
  providerEvaluateSchema,
  providerRecheckSchema,
  providerRemoveSchema,
  providerReportDocumentSchema,
  providerReportListSchema,
  providerStandingSchema,
} from './evaluation.schema';
import {
  complaintListSchema,
  feedbackTicketContactSchema,
  feedbackTicketListSchema,
  feedbackTicketResolveSchema,
  offeringListSchema,
  offeringReviewSchema,
  ratingAppealDecideSchema,
  ratingAppealListSchema,
  ratingAppealSchema,
  ratingRerateSchema,
} from './feedback.schema';
import { fundCorrectSchema, fundRecordSchema } from './fund.schema';
import { matchRequestSchema } from './match.schema';
import { messageListSchema, messageReadSchema } from './message.schema';
import { orgUnitMoveSchema, orgUnitSaveSchema } from './org.schema';
import { moderationDecideSchema, moderationListSchema } from './moderation.schema';
import { dashboardQuerySchema, ledgerExportSchema, roleGrantSchema } from './operations.schema';
import {
  stationChecklistSchema,
  stationDemonstrationSchema,
  stationDetailSchema,
  stationInspectSchema,
  stationListSchema,
  stationSaveSchema,
} from './station.schema';
import {
  complaintDecisionSchema,
  complaintSubmitSchema,
  followUpRecordSchema,
  orderAcceptSchema,
  orderCancelSchema,
  orderCreateSchema,
  orderDeclineSchema,
  orderDetailSchema,
  orderDoneSchema,
  orderListSchema,
  orderPlaceForResidentSchema,
  orderUrgentHandleSchema,
  dutySetSchema,
  residentRegisterSchema,
  ratingSubmitSchema,
} from './order.schema';
import {
  dualRegistrationConfirmSchema,
  dualRegistrationSchema,
  volunteerServiceLogSchema,
  dualRegistrationListSchema,
  partyMemberLeaveSchema,
  partyMineSchema,
  partyOrgsSchema,
  partyRosterSchema,
} from './party.schema';
import {
  activityAttendanceSchema,
  activityCancelSchema,
  activityCheckinCodeSchema,
  activityCheckinSchema,
  activityDetailSchema,
  activityHoursConfirmSchema,
  activityListSchema,
  activityRateSchema,
  activitySaveSchema,
  activitySignupCancelSchema,
  activitySignupSchema,
  volunteerCertificateSchema,
  volunteerMeSchema,
  volunteerRankingSchema,
} from './volunteer-activity.schema';
import {
  announcementDetailSchema,
  announcementListSchema,
  announcementPublishSchema,
  announcementSaveSchema,
  announcementWithdrawSchema,
} from './announcement.schema';
import { volunteerRecordAddSchema } from './volunteer-unit.schema';
import {
  teamApplicationDecideSchema,
  teamDeactivateSchema,
  teamDetailSchema,
  teamInviteSchema,
  teamJoinSchema,
  teamLeaderSetSchema,
  teamLeaveSchema,
  teamListSchema,
  teamMemberRemoveSchema,
  teamMineSchema,
  teamSaveSchema,
} from './volunteer-team.schema';
import {
  phoneSetSchema,
  phoneWithdrawSchema,
  privacyRequestDecideSchema,
  privacyRequestListSchema,
  privacyRequestSubmitSchema,
  profileBindSchema,
  profileDeleteSchema,
  profileExportSchema,
  profileGetSchema,
} from './profile.schema';
import {
  applicationAssessSchema,
  applicationDecisionSchema,
  applicationDetailSchema,
  applicationListSchema,
  applicationMineSchema,
  applicationObjectionSchema,
  applicationSignSchema,
  applicationWithdrawSchema,
  noticeListSchema,
  objectionAnswerSchema,
  offeringSaveSchema,
  providerApplicationSchema,
  providerStatusChangeSchema,
  staffBindSchema,
  staffInviteSchema,
} from './provider.schema';

interface CommandEntry {
  readonly schema: z.ZodType;
  /** Writes something: carries `clientRequestId` and runs idempotently. */
  readonly writes: boolean;
}

const write = <S extends z.ZodType>(schema: S) => ({ schema, writes: true }) as const;
const read = <S extends z.ZodType>(schema: S) => ({ schema, writes: false }) as const;

export const COMMANDS = {
  'profile.get': read(profileGetSchema),
  'profile.bind': write(profileBindSchema),
  'profile.phone.set': write(phoneSetSchema),
  'profile.export': read(profileExportSchema),
  'profile.phone.withdraw': write(phoneWithdrawSchema),
  'profile.delete': write(profileDeleteSchema),
  'privacy.request.submit': write(privacyRequestSubmitSchema),
  'privacy.request.list': read(privacyRequestListSchema),
  'privacy.request.decide': write(privacyRequestDecideSchema),
  // The message centre (消息中心): the caller's own notices.
  'message.list': read(messageListSchema),
  'message.read': write(messageReadSchema),

  'catalog.list': read(catalogListSchema),
  'catalog.category.save': write(categorySaveSchema),
  'catalog.item.save': write(itemSaveSchema),
  'catalog.visibility.set': write(catalogVisibilitySchema),
  'org.children': read(orgChildrenSchema),
  'org.unit.save': write(orgUnitSaveSchema),
  'org.unit.move': write(orgUnitMoveSchema),

  'match.request': read(matchRequestSchema),
  'order.create': write(orderCreateSchema),
  'order.cancel': write(orderCancelSchema),
  'order.accept': write(orderAcceptSchema),
  'order.decline': write(orderDeclineSchema),
  'order.done': write(orderDoneSchema),
  'order.follow_up': write(followUpRecordSchema),
  'order.rate': write(ratingSubmitSchema),
  'order.list': read(orderListSchema),
  'order.detail': read(orderDetailSchema),
  // 代下单 and 紧急求助, from the console (docs/acting-for-residents.md).
  'order.resident.register': write(residentRegisterSchema),
  'order.place_for_resident': write(orderPlaceForResidentSchema),
  'order.urgent.handle': write(orderUrgentHandleSchema),
  'order.duty.set': write(dutySetSchema),
  'complaint.submit': write(complaintSubmitSchema),
  'complaint.decide': write(complaintDecisionSchema),

  'moderation.list': read(moderationListSchema),
  'moderation.decide': write(moderationDecideSchema),

  'provider.apply': write(providerApplicationSchema),
  'provider.application.decide': write(applicationDecisionSchema),
  'provider.application.withdraw': write(applicationWithdrawSchema),
  'provider.application.object': write(applicationObjectionSchema),
  'provider.application.mine': read(applicationMineSchema),
  'provider.application.list': read(applicationListSchema),
  'provider.application.detail': read(applicationDetailSchema),
  'provider.application.assess': write(applicationAssessSchema),
  'provider.application.sign': write(applicationSignSchema),
  'provider.notice.list': read(noticeListSchema),
  'provider.objection.answer': write(objectionAnswerSchema),
  'provider.offering.save': write(offeringSaveSchema),
  // The provider's offerings, 差评 follow-up, second ratings, appeals, complaints (docs/governance.md).
  'provider.offering.list': read(offeringListSchema),
  'provider.offering.review': write(offeringReviewSchema),
  'feedback.ticket.list': read(feedbackTicketListSchema),
  'feedback.ticket.contact': write(feedbackTicketContactSchema),
  'feedback.ticket.resolve': write(feedbackTicketResolveSchema),
  'rating.rerate': write(ratingRerateSchema),
  'rating.appeal': write(ratingAppealSchema),
  'rating.appeal.decide': write(ratingAppealDecideSchema),
  'rating.appeal.list': read(ratingAppealListSchema),
  'complaint.list': read(complaintListSchema),
  'provider.staff.invite': write(staffInviteSchema),
  'provider.staff.bind': write(staffBindSchema),
  // Evaluation, rectification, removal, the red-star board (docs/governance.md).
  'evaluation.campaign.start': write(evaluationCampaignStartSchema),
  'evaluation.list': read(evaluationListSchema),
  'evaluation.detail': read(evaluationDetailSchema),
  'evaluation.input': write(evaluationInputSchema),
  'provider.evaluate': write(providerEvaluateSchema),
  'provider.recheck': write(providerRecheckSchema),
  'provider.remove': write(providerRemoveSchema),
  'provider.report.list': read(providerReportListSchema),
  'provider.report.document': read(providerReportDocumentSchema),
  'provider.board': read(providerBoardSchema),
  'provider.standing': read(providerStandingSchema),
  'provider.status.change': write(providerStatusChangeSchema),

  'concern.submit': write(concernSubmitSchema),
  'concern.review': write(concernReviewSchema),
  'concern.publish': write(concernPublishSchema),
  'concern.claim': write(concernClaimSchema),
  'concern.release': write(concernReleaseSchema),
  'concern.update': write(concernUpdateSchema),
  'concern.resolve': write(concernResolveSchema),
  'concern.confirm': write(concernConfirmSchema),
  'concern.escalate': write(concernEscalateSchema),
  'concern.refer': write(concernReferSchema),
  'concern.withdraw': write(concernWithdrawSchema),
  'concern.list': read(concernListSchema),
  'concern.detail': read(concernDetailSchema),
  'joint_meeting.take': write(jointMeetingTakeSchema),
  'joint_meeting.task.add': write(jointMeetingTaskAddSchema),
  'joint_meeting.task.done': write(jointMeetingTaskDoneSchema),
  'joint_meeting.minutes': write(jointMeetingMinutesSchema),
  'concern.support': write(concernSupportSchema),
  'concern.similar': read(concernSimilarSchema),

  'party.register': write(dualRegistrationSchema),
  'party.register.confirm': write(dualRegistrationConfirmSchema),
  'party.registrations.list': read(dualRegistrationListSchema),
  'party.mine': read(partyMineSchema),
  'party.orgs': read(partyOrgsSchema),
  'party.roster': read(partyRosterSchema),
  'party.member.leave': write(partyMemberLeaveSchema),
  // Volunteer teams (微团队; docs/volunteers.md#teams).
  'team.save': write(teamSaveSchema),
  'team.invite': write(teamInviteSchema),
  'team.join': write(teamJoinSchema),
  'team.application.decide': write(teamApplicationDecideSchema),
  'team.leave': write(teamLeaveSchema),
  'team.member.remove': write(teamMemberRemoveSchema),
  'team.leader.set': write(teamLeaderSetSchema),
  'team.deactivate': write(teamDeactivateSchema),
  'team.list': read(teamListSchema),
  'team.detail': read(teamDetailSchema),
  'team.mine': read(teamMineSchema),
  'volunteer.service.log': write(volunteerServiceLogSchema),
  // Volunteer activities, hours and records (docs/volunteers.md).
  'activity.save': write(activitySaveSchema),
  'activity.cancel': write(activityCancelSchema),
  'activity.list': read(activityListSchema),
  'activity.detail': read(activityDetailSchema),
  'activity.signup': write(activitySignupSchema),
  'activity.signup.cancel': write(activitySignupCancelSchema),
  'activity.checkin.code': write(activityCheckinCodeSchema),
  'activity.checkin': write(activityCheckinSchema),
  'activity.attendance': read(activityAttendanceSchema),
  'activity.hours.confirm': write(activityHoursConfirmSchema),
  'activity.rate': write(activityRateSchema),
  'volunteer.me': read(volunteerMeSchema),
  'volunteer.ranking': read(volunteerRankingSchema),
  'volunteer.certificate': write(volunteerCertificateSchema),
  // Training, awards and evaluations kept by the unit (docs/volunteers.md "Records kept by the unit").
  'volunteer.record.add': write(volunteerRecordAddSchema),

  // Stations (docs/stations.md), from the console.
  'station.save': write(stationSaveSchema),
  'station.checklist.update': write(stationChecklistSchema),
  'station.inspect': write(stationInspectSchema),
  'station.demonstration.set': write(stationDemonstrationSchema),
  'station.list': read(stationListSchema),
  'station.detail': read(stationDetailSchema),
  // Notices (信息发布, docs/announcements.md).
  'announcement.save': write(announcementSaveSchema),
  'announcement.publish': write(announcementPublishSchema),
  'announcement.withdraw': write(announcementWithdrawSchema),
  'announcement.list': read(announcementListSchema),
  'announcement.detail': read(announcementDetailSchema),
  'ledger.export': read(ledgerExportSchema),
  // The funding ledger (docs/funds.md); its reads are the console's own queries (fund.schema.ts).
  'fund.record': write(fundRecordSchema),
  'fund.correct': write(fundCorrectSchema),
  'dashboard.view': read(dashboardQuerySchema),
  'user.role.manage': write(roleGrantSchema),
} as const satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof COMMANDS;
export type CommandInput<N extends CommandName> = z.output<(typeof COMMANDS)[N]['schema']>;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}
