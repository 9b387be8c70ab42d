import type { ApplicationStatus } from '../lifecycle/application.lifecycle';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';
import type { Industry } from './industry.model';
import type { OfferingPricing } from './offering.model';
import type { ProviderParticulars } from './provider.model';

export interface ApplicationOffering {
  readonly itemId: string;
  readonly pricing: OfferingPricing;
  readonly description: string;
}

/**
 * `applications`: 入驻申请, filed with a community (or grid) party organisation; `orgPath` is that unit.
 * On `agreement_signed` the provider and its offerings are created from it (`providerId` set).
 */
export interface Application extends BaseDocument, Timestamps, Located, ProviderParticulars {
  readonly applicantOpenid: string;
  readonly orgUnitId: string;
  readonly offerings: readonly ApplicationOffering[];

  /** Owned by the application life cycle (core/lifecycle/application.lifecycle.ts). */
  readonly status: ApplicationStatus;
  readonly statusChangedAt: Millis;
  /** The public notice (公示): when it started and when objections close. */
  readonly noticeStartedAt: Millis | null;
  readonly noticeEndsAt: Millis | null;
  readonly agreementSignedAt: Millis | null;
  /** The agreement (服务协定) document, when uploaded. */
  readonly agreementFileId: string | null;
  readonly providerId: string | null;

  // Kept since the review was built (issue 14); absent on records written before it.
  /** The industries of its items (items -> categories -> industryOf): who regulates it, what lists show. */
  readonly industries?: readonly Industry[];
  /** Entered by a worker from a paper form (纸质申请): when it was received, the applicant's phone, by whom. */
  readonly paper?: ApplicationPaper | null;
  /** The reason of the latest return or rejection (what to amend). */
  readonly lastReason?: string | null;
  /** Objections not yet answered (kept by objection.submit and objection.answer). */
  readonly openObjections?: number;
  /** The timer's notice "公示期满" was sent (once). */
  readonly noticeEndToldAt?: Millis | null;
  /** The signed agreement's record (`agreements`). */
  readonly agreementId?: string | null;
}

export interface ApplicationPaper {
  /** 'YYYY-MM-DD': when the unit received the paper form. */
  readonly receivedOn: string;
  readonly applicantPhone: string;
  /** The worker who entered it. */
  readonly enteredBy: string;
}

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** `application_objections`: an objection raised during an application's public notice. */
export interface ApplicationObjection extends BaseDocument, Timestamps, Located {
  readonly applicationId: string;
  readonly objectorOpenid: string;
  readonly content: string;
  readonly contactPhone: string | null;
  readonly status: ObjectionStatus;
  readonly reply: string | null;
  /** When and by whom it was answered (upheld or dismissed). */
  readonly answeredAt?: Millis | null;
  readonly answeredBy?: string | null;
  /** Content security sent the text to a person's review. */
  readonly contentFlagged?: boolean;
  /** Content security sent the reply (the unit's answer) to a person's review. */
  readonly replyFlagged?: boolean;
}

export const OBJECTION_STATUS_LABELS: Readonly<Record<ObjectionStatus, string>> = {
  open: '待答复',
  upheld: '异议成立',
  dismissed: '异议不成立',
};

/** Who assessed: the incubation centre (孵化中心, the unit's workers and leaders) or an industry's regulator. */
export type AssessorKind = 'incubation' | 'regulator';

/** The score sheet (评分表): five parts, each an integer 0-20. */
export interface AssessmentSheet {
  readonly qualification: number;
  readonly management: number;
  readonly service: number;
  readonly price: number;
  readonly capacity: number;
}

/**
 * `application_assessments`: one assessor's assessment of an application. The current one of each assessor
 * (the incubation centre; each industry's regulator) has the id `<applicationId>~<assessorKey>`; a newer one
 * replaces it there, and the older is kept as its own record with `supersededAt` set.
 */
export interface ApplicationAssessment extends BaseDocument, Located {
  readonly applicationId: string;
  /** 'incubation' or 'regulator:<industry>'. */
  readonly assessorKey: string;
  readonly assessor: AssessorKind;
  readonly industry: Industry | null;
  readonly assessorOpenid: string;
  readonly assessorRole: string;
  readonly sheet: AssessmentSheet;
  readonly total: number;
  readonly comment: string;
  readonly recommend: boolean;
  readonly assessedAt: Millis;
  /** Null while current; when a newer assessment of the same assessor replaced it. */
  readonly supersededAt: Millis | null;
}

/**
 * `agreements`: the signed service agreement (服务协定) of an application: the text's version and hash (the
 * text itself is core/providers/agreement.text.ts), who signed and when; `paper` when a worker recorded a
 * paper signature.
 */
export interface Agreement extends BaseDocument, Located {
  readonly applicationId: string;
  readonly providerId: string;
  readonly version: string;
  /** sha256 of the text signed, hex. */
  readonly textHash: string;
  readonly signerOpenid: string | null;
  readonly signerName: string;
  readonly paper: {
    readonly signerName: string;
    readonly signedOn: string;
    readonly recordedBy: string;
  } | null;
  readonly signedAt: Millis;
}
