/**
 * The governance pages' scripted `providers` function (申请入驻, 入驻申请, 服务协定, 红星榜, 入驻公示, 服务报价,
 * 差评回访, 本机构星级, 考核结果): replies typed with the core's reply types (weimin-core), answered through the shared
 * fake cloud (support/fake-cloud.ts, whose `Replies` table does not list `providers`: `providersOk` /
 * `providersFail` type them here). The reply builders are in governance-replies.ts.
 */
import type {
  AppealResult,
  ApplicationDetail,
  ApplicationMineResult,
  ApplicationSignResult,
  ApplicationStepResult,
  EvaluationDetail,
  EvaluationListResult,
  FeedbackTicketListResult,
  FeedbackTicketStepResult,
  NoticeListResult,
  ObjectionSubmitResult,
  OfferingListResult,
  OfferingSaveResult,
  ProviderStanding,
  RedStarBoardResult,
} from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
export * from './governance-replies';

interface ProvidersReplies {
  'provider.apply': ApplicationStepResult;
  'provider.application.mine': ApplicationMineResult;
  'provider.application.detail': ApplicationDetail;
  'provider.application.withdraw': ApplicationStepResult;
  'provider.application.sign': ApplicationSignResult;
  'provider.application.object': ObjectionSubmitResult;
  'provider.notice.list': NoticeListResult;
  'provider.board': RedStarBoardResult;
  'provider.offering.list': OfferingListResult;
  'provider.offering.save': OfferingSaveResult;
  'feedback.ticket.list': FeedbackTicketListResult;
  'feedback.ticket.contact': FeedbackTicketStepResult;
  'feedback.ticket.resolve': FeedbackTicketStepResult;
  'rating.appeal': AppealResult;
  'provider.standing': ProviderStanding;
  'evaluation.list': EvaluationListResult;
  'evaluation.detail': EvaluationDetail;
}
type Command = keyof ProvidersReplies;

type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
};

export function providersOk<C extends Command>(
  command: C,
  data: ProvidersReplies[C] | ((input: Record<string, unknown>) => ProvidersReplies[C]),
): void {
  (fakeCloud as unknown as Untyped).ok('providers', command, data);
}

export function providersFail(command: Command, code: string, message: string): void {
  (fakeCloud as unknown as Untyped).fail('providers', command, code, message);
}
