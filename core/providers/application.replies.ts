/**
 * What the application commands answer (function `providers`, docs/functions.md; the console's review screens
 * and the mini-program's application pages read the same shapes through `weimin-core`). Type-only and free of
 * zod: the use cases in core/providers/application-*.ts, objection-*.ts and agreement-*.ts build them.
 */
import type { ApplicationStatus } from '../lifecycle/application.lifecycle';
import type { Industry } from '../model/industry.model';
import type { AssessmentSheet, AssessorKind, ObjectionStatus } from '../model/application.model';
import type { OfferingPricing } from '../model/offering.model';

/** Every writing step of an application (apply, decide, withdraw): where it stands now. */
export interface ApplicationStepResult {
  readonly applicationId: string;
  readonly status: ApplicationStatus;
  readonly statusLabel: string;
  readonly statusChangedAt: number;
}

/** An industry an application concerns (from its items' categories), with its label (民政, 卫生健康...). */
export interface ApplicationIndustry {
  readonly industry: Industry;
  readonly label: string;
}

/** One row of `provider.application.mine` / `provider.application.list`. */
export interface ApplicationSummary {
  readonly applicationId: string;
  /** The applying organisation (机构名称). */
  readonly name: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly status: ApplicationStatus;
  readonly statusLabel: string;
  readonly industries: readonly ApplicationIndustry[];
  /** Names of the service items applied for, in the application's order. */
  readonly itemNames: readonly string[];
  /** Entered by a worker from a paper form (纸质申请). */
  readonly paper: boolean;
  readonly createdAt: number;
  readonly statusChangedAt: number;
  readonly noticeEndsAt: number | null;
  /** The provider created on signing. */
  readonly providerId: string | null;
}

/** `provider.application.mine`: the caller's own applications, newest first. */
export interface ApplicationMineResult {
  readonly items: readonly ApplicationSummary[];
}

/** `provider.application.list`: the reviewers' list (unit scope; a regulator sees only its industries). */
export interface ApplicationListResult {
  readonly items: readonly ApplicationSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

export type { AssessmentSheet, AssessorKind } from '../model/application.model';

export interface ApplicationAssessmentView {
  readonly assessmentId: string;
  readonly assessor: AssessorKind;
  /** 孵化中心, or 行业主管部门（民政）. Never a person's name. */
  readonly assessorLabel: string;
  /** The regulator's industry; null for the incubation centre. */
  readonly industry: Industry | null;
  readonly sheet: AssessmentSheet;
  readonly total: number;
  readonly comment: string;
  readonly recommend: boolean;
  readonly assessedAt: number;
}

/**
 * An objection to a noticed application. The objector's identity and phone are never shown to the applicant
 * (`contactPhone` is filled only for those who answer objections, and only when the objector gave one).
 */
export interface ApplicationObjectionView {
  readonly objectionId: string;
  readonly content: string;
  readonly status: ObjectionStatus;
  readonly statusLabel: string;
  readonly reply: string | null;
  readonly createdAt: number;
  readonly answeredAt: number | null;
  readonly contactPhone: string | null;
  /** The caller raised it. */
  readonly mine: boolean;
}

/** The signed service agreement (服务协定). */
export interface ApplicationAgreementView {
  readonly version: string;
  readonly signerName: string;
  readonly signedAt: number;
  /** Signed on paper and recorded by a worker. */
  readonly paper: boolean;
}

/** The agreement text to sign (core/providers/agreement.text.ts), shown while the application is noticed. */
export interface AgreementTextView {
  readonly version: string;
  readonly title: string;
  readonly text: string;
}

export interface ApplicationTimelineEntry {
  readonly at: number;
  readonly from: ApplicationStatus | null;
  readonly to: ApplicationStatus;
  readonly label: string;
  /** The role that made the step (申请人, 社区工作人员...), never a person's name. */
  readonly byRole: string;
  readonly reason: string | null;
}

/** The buttons the caller may use now (decided in the core with `can`). */
export interface ApplicationActions {
  readonly canAssess: boolean;
  /** applied -> under_review (开始审核). */
  readonly canStartReview: boolean;
  readonly canReturn: boolean;
  readonly canReject: boolean;
  /** under_review -> noticed (择优选取，发布公示): also needs every assessment (`missingAssessments`). */
  readonly canNotice: boolean;
  readonly canAnswerObjections: boolean;
  readonly canSign: boolean;
  readonly canWithdraw: boolean;
  readonly canObject: boolean;
  /** A returned application may be amended and filed again (provider.apply with `applicationId`). */
  readonly canResubmit: boolean;
}

export interface ApplicationQualificationView {
  readonly name: string;
  /** Null for callers who may not see the documents (provider.application.view). */
  readonly number: string | null;
  readonly validUntil: string | null;
  readonly fileIds: readonly string[];
}

export interface ApplicationOfferingView {
  readonly itemId: string;
  readonly itemName: string;
  readonly industry: Industry;
  readonly pricing: OfferingPricing;
  /** '免费', or '30元/次（市场价 50元/次）'. */
  readonly priceText: string;
  readonly description: string;
}

export interface ApplicationUnitView {
  readonly orgUnitId: string;
  readonly name: string;
}

/** `provider.application.detail`. */
export interface ApplicationDetail {
  readonly applicationId: string;
  readonly status: ApplicationStatus;
  readonly statusLabel: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly name: string;
  readonly creditCode: string;
  /** Null for callers without provider.application.view (the applicant and the reviewers see it). */
  readonly legalRepresentative: string | null;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly address: string;
  readonly introduction: string;
  readonly managementRules: string;
  readonly qualifications: readonly ApplicationQualificationView[];
  readonly serviceAreas: readonly ApplicationUnitView[];
  readonly offerings: readonly ApplicationOfferingView[];
  readonly industries: readonly ApplicationIndustry[];
  /** Entered by a worker from a paper form: the date it was received. */
  readonly paperReceivedOn: string | null;
  readonly createdAt: number;
  readonly statusChangedAt: number;
  /** The reason of the latest return or rejection (what to amend). */
  readonly lastReason: string | null;
  readonly noticeStartedAt: number | null;
  readonly noticeEndsAt: number | null;
  readonly assessments: readonly ApplicationAssessmentView[];
  /** What is still missing before the notice may be published: 孵化中心, 行业主管部门（民政）... */
  readonly missingAssessments: readonly string[];
  readonly objections: readonly ApplicationObjectionView[];
  readonly openObjections: number;
  readonly agreement: ApplicationAgreementView | null;
  /** The text to sign, while noticed (and the signed version's text afterwards). */
  readonly agreementText: AgreementTextView | null;
  readonly providerId: string | null;
  readonly timeline: readonly ApplicationTimelineEntry[];
  readonly actions: ApplicationActions;
}

/** `provider.application.assess`. */
export interface ApplicationAssessResult {
  readonly assessmentId: string;
  readonly applicationId: string;
  readonly assessor: AssessorKind;
  readonly assessorLabel: string;
  readonly industry: Industry | null;
  readonly total: number;
  /** Assessments still missing before the notice (empty: the leader may publish it). */
  readonly missingAssessments: readonly string[];
  /** This assessment replaced an earlier one of the same assessor (kept, marked superseded). */
  readonly replaced: boolean;
}

/** One row of the public notice (公示): no legal representative, documents or phones. */
export interface NoticeListItem {
  readonly applicationId: string;
  readonly name: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly introduction: string;
  readonly items: readonly {
    readonly itemId: string;
    readonly itemName: string;
    readonly priceText: string;
    readonly pricing: OfferingPricing;
  }[];
  readonly serviceAreaNames: readonly string[];
  readonly industries: readonly ApplicationIndustry[];
  readonly noticeStartedAt: number;
  readonly noticeEndsAt: number;
}

/** `provider.notice.list`. */
export interface NoticeListResult {
  readonly items: readonly NoticeListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

/** `provider.application.object`. */
export interface ObjectionSubmitResult {
  readonly objectionId: string;
  readonly applicationId: string;
  readonly status: ObjectionStatus;
  readonly statusLabel: string;
}

/** `provider.objection.answer`. */
export interface ObjectionAnswerResult {
  readonly objectionId: string;
  readonly applicationId: string;
  readonly status: ObjectionStatus;
  readonly statusLabel: string;
  /** Objections of the application still unanswered. */
  readonly openObjections: number;
}

/** `provider.application.sign`: the agreement signed, the provider and its offerings active. */
export interface ApplicationSignResult {
  readonly applicationId: string;
  readonly providerId: string;
  readonly status: ApplicationStatus;
  readonly statusLabel: string;
  readonly agreementId: string;
  readonly agreementVersion: string;
  readonly signedAt: number;
  /** Offerings created (all active and matchable). */
  readonly offerings: number;
  /** The signer became the provider's manager (signed in the mini-program, not on paper). */
  readonly managerGranted: boolean;
}
