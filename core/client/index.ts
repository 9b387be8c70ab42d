/**
 * What the mini-program takes from the core: bundled by scripts/build-miniprogram-core.ts into
 * miniprogram/miniprogram_npm/weimin-core and imported there as 'weimin-core' (docs/decisions/0009).
 * Only pure, zod-free pieces: everything reachable from here ships to phones (tests check the size).
 */
export { ORDER_STATUSES, ORDER_STATUS_LABELS, type OrderStatus } from '../lifecycle/order.status';
export { ROLE_LABELS, type Role } from '../auth/roles';
export { maskPhone } from '../privacy/phone-masking.policy';
export {
  MOBILE_PHONE_PATTERN,
  checkInt,
  checkListLength,
  checkMobilePhone,
  checkOneOf,
  checkOptionalText,
  checkText,
  fieldMessages,
  hasLoneSurrogate,
  type FieldCheck,
  type ListLimits,
  type OptionalTextOptions,
  type TextLimits,
} from '../schemas/fields.rules';
export {
  DECLINE_REASON,
  FEEDBACK_ENTRY,
  FEEDBACK_LISTS,
  FOLLOW_UP_CHANNEL,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_CHANNEL_LABELS,
  FOLLOW_UP_SUMMARY,
  RATING_STARS,
  RATING_TEXT,
  type FeedbackKind,
  type FollowUpChannel,
} from '../schemas/order.fields';
export {
  PRIVACY_REQUEST_CONTENT,
  PRIVACY_REQUEST_KINDS,
  type PrivacyRequestKind,
} from '../schemas/privacy-request.fields';
export { PRIVACY_REQUEST_KIND_LABELS } from '../model/privacy-request.model';
export {
  checkDeclineReason,
  checkFollowUpFields,
  checkRatingFields,
  type FeedbackEntryFields,
  type FollowUpFields,
  type FollowUpFormInput,
  type RatingFields,
} from './order.forms';
export { checkCreditCode } from './application.forms';
export { CONTACT_PHONE_PATTERN } from '../schemas/fields.rules';
export { checkPricing } from '../offerings/pricing';
export { RATING_LEVEL_LABELS, ratingLevelLabel } from '../reputation/rating-levels';
export {
  CONTACT_CHANNELS,
  CONTACT_CHANNEL_LABELS,
  TICKET_OUTCOMES,
  TICKET_OUTCOME_LABELS,
  type ContactChannel,
  type TicketOutcome,
} from '../model/feedback.model';

// The functions' replies, as types only (nothing is bundled): pages and view models read these shapes.
export type { MatchProvidersResult, MatchedItem, MatchedProvider } from '../matching/match.reply';
export type {
  CreateOrderResult,
  FollowUpView,
  MarkDoneResult,
  OrderDetail,
  OrderDetailResult,
  OrderEndedResult,
  OrderListItem,
  OrderListResult,
  OrderStepResult,
  RateOrderResult,
  RatingView,
  RecordFollowUpResult,
  TimelineEntry,
} from '../orders/order.replies';
export type { CatalogListReply, OrgChildrenReply } from '../catalog/catalog.replies';
export type {
  AccountDeletedReply,
  ExportField,
  ExportRecord,
  ExportSection,
  PrivacyRequestListReply,
  PrivacyRequestView,
  ProfileExportReply,
  ProfileGetReply,
} from '../profile/profile.reply';
export type { StaffBindReply, StaffInviteReply } from '../providers/staff.replies';
export type {
  InboxItemView,
  InboxLineView,
  MessageListReply,
  MessageReadReply,
} from '../messaging/inbox.replies';
export type {
  ConcernActions,
  ConcernDetail,
  ConcernListItem,
  ConcernListResult,
  ConcernSimilarResult,
  ConcernStepResult,
  ConcernSupportResult,
  ConcernTimelineEntry,
  SimilarConcern,
} from '../concerns/concern.replies';
export type { ConcernLevel, ConcernStatus } from '../lifecycle/concern.lifecycle';
export type { ClaimAs, ConfirmationOutcome } from '../model/concern.model';
export type { PriceView } from '../offerings/price.view';
export type { ReputationComponent } from '../reputation/reputation.formula';
export type { MatchCandidate } from '../model/platform.model';
export type { OfferingPricing } from '../model/offering.model';
export type { OrgLevel } from '../org/org-levels';
export type { Action } from '../auth/actions';
export type {
  AgreementTextView,
  ApplicationActions,
  ApplicationDetail,
  ApplicationMineResult,
  ApplicationObjectionView,
  ApplicationSignResult,
  ApplicationStepResult,
  ApplicationSummary,
  ApplicationTimelineEntry,
  NoticeListItem,
  NoticeListResult,
  ObjectionSubmitResult,
} from '../providers/application.replies';
export type { ApplicationStatus } from '../lifecycle/application.lifecycle';
export type {
  AppealResult,
  ComplaintListResult,
  ComplaintStepResult,
  ComplaintView,
  RerateResult,
  FeedbackTicketListResult,
  FeedbackTicketStepResult,
  FeedbackTicketView,
  OfferingListResult,
  OfferingSaveResult,
  OfferingView,
} from '../providers/feedback.replies';
export type {
  EvaluationDetail,
  EvaluationListItem,
  EvaluationListResult,
  ProviderStanding,
  RedStarBoardResult,
  RedStarBoardRow,
  StandingPart,
  StandingRank,
  StandingTip,
} from '../providers/evaluation.replies';
export type {
  ActivityAction,
  ActivityDetail,
  ActivityListItem,
  ActivityListResult,
  ActivityRateResult,
  ActivitySaveResult,
  ActivitySignupResult,
  ActivitySummary,
  AttendanceResult,
  AttendanceRow,
  CheckinCodeReply,
  CheckinResult,
  HoursConfirmResult,
  MySignupView,
  RankingRow,
  VolunteerCertificateResult,
  VolunteerMeResult,
  VolunteerRankingResult,
  VolunteerRecordView,
} from '../volunteers/volunteer.replies';
export type { ActivityStatus, CheckinPhase, SignupKind, VolunteerRecordKind } from '../model/volunteer.model';
export type {
  TeamAction,
  TeamApplicationView,
  TeamDecideResult,
  TeamDetail,
  TeamInviteResult,
  TeamJoinResult,
  TeamListResult,
  TeamMemberChangeResult,
  TeamMemberView,
  TeamMineItem,
  TeamMineResult,
  TeamMyState,
  TeamSummary,
} from '../volunteers/team.replies';
export {
  EVALUATION_GRADE_LABELS,
  SIGNUP_KIND_LABELS,
  VOLUNTEER_RECORD_KIND_LABELS,
} from '../model/volunteer.model';
export type {
  AnnouncementAction,
  AnnouncementDetail,
  AnnouncementImage,
  AnnouncementListResult,
  AnnouncementSummary,
} from '../announcements/announcement.replies';
export type { AnnouncementKind, AnnouncementStatus } from '../model/announcement.model';
export type {
  MyRegistrationItem,
  PartyMineResult,
  PartyOrgOption,
  PartyOrgsResult,
  PartyRegisterResult,
  RegistrationItem,
} from '../party/party.replies';
export type { PartyOrgRank, RegistrationStatus } from '../model/party.model';
export { PARTY_ORG_RANK_LABELS, PARTY_ORG_TYPE_LABELS } from '../model/party.model';
