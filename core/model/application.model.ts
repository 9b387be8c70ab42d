import type { ApplicationStatus } from '../lifecycle/application.lifecycle';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';
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
}
