/**
 * The `providers` function, as the provider staff subpackage calls it (docs/functions.md, docs/governance.md):
 * 申请入驻 and its follow-up (provider.apply, provider.application.*), the service agreement, the provider's
 * offerings, its 差评 follow-up tickets and appeals, and its standing. Each call answers the core's own reply
 * type (weimin-core, types only); the view models shape it for the page. Writes carry a request id per
 * intent (services/call.ts).
 */
import type {
  AppealResult,
  ApplicationDetail,
  ApplicationMineResult,
  ApplicationSignResult,
  ApplicationStepResult,
  FeedbackTicketListResult,
  FeedbackTicketStepResult,
  OfferingListResult,
  OfferingPricing,
  OfferingSaveResult,
  ProviderStanding,
} from 'weimin-core';
import { query, write } from '../../../services/call';
import type { ApplicationFields } from '../view-models/application.form';

export const TICKET_PAGE_SIZE = 20;

/** provider.apply's input: the checked form with the uploaded document ids (and the returned one amended). */
export interface ApplyInput extends Omit<ApplicationFields, 'qualifications'> {
  qualifications: Array<ApplicationFields['qualifications'][number] & { fileIds: string[] }>;
  applicationId?: string;
}

/** One intent per filling of the form (`draftId`): a retry after a lost reply never files it twice. */
export function applyForProvider(draftId: string, input: ApplyInput): Promise<ApplicationStepResult> {
  return write<ApplicationStepResult>('providers', 'provider.apply', `provider.apply:${draftId}`, input);
}

export function myApplications(): Promise<ApplicationMineResult> {
  return query<ApplicationMineResult>('providers', 'provider.application.mine', {});
}

export function applicationDetail(applicationId: string): Promise<ApplicationDetail> {
  return query<ApplicationDetail>('providers', 'provider.application.detail', { applicationId });
}

export function withdrawApplication(applicationId: string, reason: string): Promise<ApplicationStepResult> {
  return write<ApplicationStepResult>(
    'providers',
    'provider.application.withdraw',
    `provider.application.withdraw:${applicationId}`,
    { applicationId, ...(reason === '' ? {} : { reason }) },
  );
}

/** 签署服务协定: the version the page showed, accepted. */
export function signAgreement(
  applicationId: string,
  agreementVersion: string,
): Promise<ApplicationSignResult> {
  return write<ApplicationSignResult>(
    'providers',
    'provider.application.sign',
    `provider.application.sign:${applicationId}`,
    { applicationId, agreementVersion, accept: true },
  );
}

export function listOfferings(providerId: string): Promise<OfferingListResult> {
  return query<OfferingListResult>('providers', 'provider.offering.list', { providerId });
}

export interface OfferingSaveInput {
  providerId: string;
  itemId: string;
  pricing: OfferingPricing;
  description?: string;
  active: boolean;
}

export function saveOffering(input: OfferingSaveInput): Promise<OfferingSaveResult> {
  const intent = `provider.offering.save:${input.providerId}:${input.itemId}:${JSON.stringify(input.pricing)}:${input.active}`;
  return write<OfferingSaveResult>('providers', 'provider.offering.save', intent, input);
}

/** One page (1-based) of the provider's 差评 follow-up tickets. */
export function listTickets(page: number, status?: string): Promise<FeedbackTicketListResult> {
  return query<FeedbackTicketListResult>('providers', 'feedback.ticket.list', {
    view: 'provider',
    ...(status ? { status } : {}),
    page,
    pageSize: TICKET_PAGE_SIZE,
  });
}

export function contactTicket(
  ticketId: string,
  channel: 'phone' | 'visit' | 'wechat',
  note: string,
): Promise<FeedbackTicketStepResult> {
  return write<FeedbackTicketStepResult>(
    'providers',
    'feedback.ticket.contact',
    `feedback.ticket.contact:${ticketId}`,
    {
      ticketId,
      channel,
      note,
    },
  );
}

export function resolveTicket(
  ticketId: string,
  outcome: 'fixed' | 'explained',
  note: string,
): Promise<FeedbackTicketStepResult> {
  return write<FeedbackTicketStepResult>(
    'providers',
    'feedback.ticket.resolve',
    `feedback.ticket.resolve:${ticketId}`,
    {
      ticketId,
      outcome,
      note,
    },
  );
}

export function appealRating(ratingId: string, reason: string): Promise<AppealResult> {
  return write<AppealResult>('providers', 'rating.appeal', `rating.appeal:${ratingId}`, { ratingId, reason });
}

export function providerStanding(): Promise<ProviderStanding> {
  return query<ProviderStanding>('providers', 'provider.standing', {});
}
