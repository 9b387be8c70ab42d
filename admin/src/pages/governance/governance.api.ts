/**
 * admin-api's routes for the provider governance screens (docs/console.md: 入驻审核, 入驻公示, 考核评价, 投诉与差评,
 * 清退报备), typed with the replies the core writes once (core/providers/*.replies.ts,
 * core/console/governance-*.query.ts).
 */
import type { GovernanceFormReply } from '../../../../core/console/governance-form.query';
import type { NoticeBoard } from '../../../../core/console/governance-notice.query';
import type {
  CampaignListResult,
  PendingOfferingListResult,
  RectificationListResult,
} from '../../../../core/console/governance-queues.query';
import type {
  ApplicationAssessResult,
  ApplicationDetail,
  ApplicationListResult,
  ApplicationSignResult,
  ApplicationStepResult,
  AssessmentSheet,
  NoticeListResult,
  ObjectionAnswerResult,
} from '../../../../core/providers/application.replies';
import type {
  EvaluationCampaignStartResult,
  EvaluationDetail,
  EvaluationInputResult,
  EvaluationListResult,
  ProviderEvaluateResult,
  ProviderGovernanceStepResult,
  RegulatorReportDocumentResult,
  RegulatorReportListResult,
} from '../../../../core/providers/evaluation.replies';
import type {
  AppealListResult,
  AppealResult,
  ComplaintListResult,
  ComplaintStepResult,
  FeedbackTicketListResult,
  OfferingReviewResult,
} from '../../../../core/providers/feedback.replies';
import type { OfferingPricing } from '../../../../core/model/offering.model';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

const enc = encodeURIComponent;

export const governanceForm = () => get<GovernanceFormReply>('/console/api/governance/form');

// ---- 入驻审核 ----

export const applicationList = (filters: Filters) =>
  get<ApplicationListResult>(`/console/api/applications${queryOf(filters)}`);

/** 入驻公示: the public notice, each row with its days left and (the caller's units) objection counts. */
export type NoticeBoardReply = NoticeBoard<NoticeListResult>;
export type NoticeBoardRow = NoticeBoardReply['items'][number];

export const noticeList = (filters: Filters) =>
  get<NoticeBoardReply>(`/console/api/applications/notice${queryOf(filters)}`);

export const applicationDetail = (applicationId: string) =>
  get<ApplicationDetail>(`/console/api/applications/${enc(applicationId)}`);

export interface PaperApplicationInput {
  orgUnitId: string;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  address: string;
  introduction: string;
  managementRules: string;
  qualifications: { name: string; number: string; validUntil?: string; fileIds: string[] }[];
  serviceAreaOrgUnitIds: string[];
  offerings: { itemId: string; pricing: OfferingPricing; description: string }[];
  commitment: true;
  paper: { receivedOn: string; applicantPhone: string };
  clientRequestId: string;
}

export const fileApplication = (input: PaperApplicationInput) =>
  post<ApplicationStepResult>('/console/api/applications', input);

export const assessApplication = (
  applicationId: string,
  input: { sheet: AssessmentSheet; comment: string; recommend: boolean; clientRequestId: string },
) => post<ApplicationAssessResult>(`/console/api/applications/${enc(applicationId)}/assess`, input);

export type ApplicationDecision = 'under_review' | 'returned' | 'rejected' | 'noticed';

export const decideApplication = (
  applicationId: string,
  input: { to: ApplicationDecision; reason?: string; clientRequestId: string },
) => post<ApplicationStepResult>(`/console/api/applications/${enc(applicationId)}/decide`, input);

export const signPaperAgreement = (
  applicationId: string,
  input: {
    agreementVersion: string;
    accept: true;
    paper: { signerName: string; signedOn: string };
    clientRequestId: string;
  },
) => post<ApplicationSignResult>(`/console/api/applications/${enc(applicationId)}/sign`, input);

export const answerObjection = (
  objectionId: string,
  input: { decision: 'upheld' | 'dismissed'; reply: string; clientRequestId: string },
) => post<ObjectionAnswerResult>(`/console/api/objections/${enc(objectionId)}/answer`, input);

// ---- 考核评价 ----

export const evaluationList = (filters: Filters) =>
  get<EvaluationListResult>(`/console/api/evaluations${queryOf(filters)}`);

export const campaignList = (filters: Filters) =>
  get<CampaignListResult>(`/console/api/evaluations/campaigns${queryOf(filters)}`);

export const evaluationDetail = (evaluationId: string) =>
  get<EvaluationDetail>(`/console/api/evaluations/${enc(evaluationId)}`);

export const startCampaign = (input: {
  orgUnitId: string;
  year: number;
  kind: 'yearly' | 'ad_hoc';
  title: string;
  clientRequestId: string;
}) => post<EvaluationCampaignStartResult>('/console/api/evaluations/campaigns', input);

export const inputEvaluation = (
  evaluationId: string,
  input: { reviewerScore: number; comment: string; clientRequestId: string },
) => post<EvaluationInputResult>(`/console/api/evaluations/${enc(evaluationId)}/input`, input);

export const evaluateProvider = (
  evaluationId: string,
  input: {
    grade: string;
    outcome: string;
    problems: string[];
    summary: string;
    rectifyDeadline?: number;
    clientRequestId: string;
  },
) => post<ProviderEvaluateResult>(`/console/api/evaluations/${enc(evaluationId)}/evaluate`, input);

export const rectificationList = (filters: Filters) =>
  get<RectificationListResult>(`/console/api/evaluations/rectification${queryOf(filters)}`);

export const recheckProvider = (
  providerId: string,
  input: { fixed: boolean; reason: string; clientRequestId: string },
) => post<ProviderGovernanceStepResult>(`/console/api/providers/${enc(providerId)}/recheck`, input);

export const removeProvider = (providerId: string, input: { reason: string; clientRequestId: string }) =>
  post<ProviderGovernanceStepResult>(`/console/api/providers/${enc(providerId)}/remove`, input);

// ---- 清退报备 ----

export const reportList = (filters: Filters) =>
  get<RegulatorReportListResult>(`/console/api/reports${queryOf(filters)}`);

export const reportDocument = (reportId: string) =>
  get<RegulatorReportDocumentResult>(`/console/api/reports/${enc(reportId)}/document`);

// ---- 投诉与差评 ----

export const complaintList = (filters: Filters) =>
  get<ComplaintListResult>(`/console/api/complaints${queryOf({ ...filters, view: 'unit' })}`);

export const decideComplaint = (
  complaintId: string,
  input: { upheld: boolean; reply: string; clientRequestId: string },
) => post<ComplaintStepResult>(`/console/api/complaints/${enc(complaintId)}/decide`, input);

export const ticketList = (filters: Filters) =>
  get<FeedbackTicketListResult>(`/console/api/tickets${queryOf({ ...filters, view: 'unit' })}`);

export const appealList = (filters: Filters) =>
  get<AppealListResult>(`/console/api/appeals${queryOf({ ...filters, view: 'unit' })}`);

export const decideAppeal = (
  appealId: string,
  input: { upheld: boolean; reason: string; clientRequestId: string },
) => post<AppealResult>(`/console/api/appeals/${enc(appealId)}/decide`, input);

export const pendingOfferings = (filters: Filters) =>
  get<PendingOfferingListResult>(`/console/api/offerings/pending${queryOf(filters)}`);

export const reviewOffering = (
  offeringId: string,
  input: { approve: boolean; reason?: string; clientRequestId: string },
) => post<OfferingReviewResult>(`/console/api/offerings/${enc(offeringId)}/review`, input);

/** Lines typed one per line (or separated by ；/;), without blanks and repeats. */
export function linesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n;；]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
}

/** Whole yuan (as typed) to fen. */
export const fenOf = (yuan: number): number => Math.round(yuan * 100);
