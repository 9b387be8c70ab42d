/**
 * The order loop end to end through the deployed cloud functions on the local cloud, called through the
 * real node-sdk as demo identities: match, order, accept, done, follow-up, rating, and the provider's score
 * moves. The areas in detail: matching, order-lifecycle, phone-masking, follow-up, ratings, rejections.
 */
import { functionCloud } from './support/function-cloud';
import {
  APPLIANCE_REPAIR,
  DEMO_RESIDENT,
  FAR_RESIDENT,
  FOLLOW_UP_INPUT,
  detailAs,
  matchFor,
  ok,
  type StepReply,
} from './support/order-loop';

const cloud = functionCloud();

it('walks match → order → accept → done → follow-up → rating and moves the provider score', async () => {
  const resident = cloud.as(DEMO_RESIDENT);
  const match = await matchFor(cloud, DEMO_RESIDENT, [APPLIANCE_REPAIR]);
  const providers = match.items[0]!.providers;
  expect(providers.length).toBeGreaterThanOrEqual(3);
  expect(providers.length).toBeLessThanOrEqual(5);
  const providerId = providers[0]!.providerId;

  const createInput = {
    matchId: match.matchId,
    itemId: APPLIANCE_REPAIR,
    providerId,
    clientRequestId: 'e2e-create-0001',
  };
  const created = ok(await resident.orders<StepReply>('order.create', createInput));
  const orderId = created.orderId;
  // A retry with the same request id returns the same order and writes nothing again.
  expect(ok(await resident.orders<StepReply>('order.create', createInput)).orderId).toBe(orderId);

  const [staffOpenid] = await cloud.staffOf(providerId);
  const staff = cloud.as(staffOpenid!);
  const step = async (command: string, input: Record<string, unknown> = {}) =>
    ok(
      await staff.jobs<StepReply>(command, { orderId, clientRequestId: cloud.requestId(command), ...input }),
    );

  // Another resident cannot accept; the staff member can.
  expect(
    (await cloud.as(FAR_RESIDENT).jobs('order.accept', { orderId, clientRequestId: 'e2e-acc-x1' })).code,
  ).toBe('ORDER_NOT_FOUND'); // someone else's order answers as an unknown id does
  expect((await step('order.accept')).status).toBe('accepted');
  expect((await step('order.done')).status).toBe('done');
  expect((await step('order.follow_up', FOLLOW_UP_INPUT)).status).toBe('followed_up');

  const before = (await cloud.get<{ reputation: number }>('providers', providerId))!.reputation;
  const rated = ok(
    await resident.orders<StepReply>('order.rate', {
      orderId,
      stars: 1,
      text: '师傅来得晚',
      clientRequestId: 'e2e-rate-0001',
    }),
  );
  expect(rated.status).toBe('closed');
  const after = (await cloud.get<{ reputation: number }>('providers', providerId))!.reputation;
  expect(after).toBeLessThan(before);

  const again = await resident.orders('order.rate', { orderId, stars: 5, clientRequestId: 'e2e-rate-0002' });
  expect(again.code).toBe('ORDER_ALREADY_RATED');

  const detail = ok(await detailAs(cloud, DEMO_RESIDENT, orderId));
  expect(detail.timeline.map((t) => t.to)).toEqual([
    'created',
    'accepted',
    'done',
    'followed_up',
    'rated',
    'closed',
  ]);
  expect(detail.rating).toMatchObject({ stars: 1, text: '师傅来得晚' });
  expect(detail.followUp).toMatchObject({ status: 'recorded', onTime: true });
});
