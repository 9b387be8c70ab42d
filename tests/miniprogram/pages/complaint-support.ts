/**
 * The resident's side of complaints and of the second rating (投诉, 我的投诉, 再次评价, 订单详情's 售后与投诉):
 * the `providers` replies typed with the core's reply types (weimin-core) through the shared fake cloud (whose
 * `Replies` table does not list `providers`). The reply builders are in complaint-replies.ts.
 */
import type { ComplaintListResult, ComplaintStepResult, RerateResult } from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
export * from './complaint-replies';

interface ProvidersReplies {
  'complaint.submit': ComplaintStepResult;
  'complaint.list': ComplaintListResult;
  'rating.rerate': RerateResult;
}
type Command = keyof ProvidersReplies;

type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
};

export function providersOk<C extends Command>(command: C, data: ProvidersReplies[C]): void {
  (fakeCloud as unknown as Untyped).ok('providers', command, data);
}

export function providersFail(command: Command, code: string, message: string): void {
  (fakeCloud as unknown as Untyped).fail('providers', command, code, message);
}
