/**
 * Offerings kept by the provider through the real `providers` and `orders` functions on the local cloud
 * (docs/governance.md): a low fee at or above the market price is refused with nothing written; a price change
 * shows in the next match.request and is recorded with before and after; a new item is pending and not matched
 * until a worker of the unit approves it; every refusal answers a code and a Chinese message and writes nothing.
 */
import type { MatchProvidersResult } from '../../core/matching/match.reply';
import type { OfferingChange } from '../../core/model/feedback.model';
import type { Provider } from '../../core/model/provider.model';
import type {
  OfferingListResult,
  OfferingReviewResult,
  OfferingSaveResult,
} from '../../core/providers/feedback.replies';
import { DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import { functionCloud, MINUTE_MS, type Reply } from './support/function-cloud';
import { ok, writeResidents } from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();

const PROVIDER = DEMO_REFS.providerId;
const MANAGER = 'demo-provider-manager-1';
const RESIDENT = 'of-resident';
const UNIT_WORKER = 'of-unit-worker';
const FAR_WORKER = 'of-far-worker';
const OTHER_MANAGER = 'of-other-manager';
const MEMBER = 'of-staff-member';

function call<T>(openid: string, command: string, input: unknown = {}): Promise<Reply<T>> {
  return cloud.as(openid).call<T>('providers', command, input);
}

function write<T>(openid: string, command: string, input: Record<string, unknown>): Promise<Reply<T>> {
  return call<T>(openid, command, { ...input, clientRequestId: cloud.requestId(command.replace(/\W/g, '')) });
}

/** A fresh match (a match of the same items within `reuseWithinMinutes` would be answered again). */
async function match(itemId: string): Promise<MatchProvidersResult> {
  cloud.shiftClock(6 * MINUTE_MS);
  return ok(await cloud.as(RESIDENT).orders<MatchProvidersResult>('match.request', { itemIds: [itemId] }));
}

const offeredBy = (m: MatchProvidersResult) =>
  (m.items[0]?.providers ?? []).find((p) => p.providerId === PROVIDER);

let provider: Provider;
/** An item the provider offers the demo grid, and one nobody offers yet. */
let OFFERED = '';
let NEW_ITEM = '';

beforeAll(async () => {
  await writeResidents(cloud, [RESIDENT]);
  provider = (await cloud.get<Provider>('providers', PROVIDER))!;
  await writeUser(cloud, UNIT_WORKER, [{ role: 'worker', orgPath: provider.orgPath }]);
  await writeUser(cloud, FAR_WORKER, [{ role: 'worker', orgPath: DEMO_PATHS.secondCommunity }]);
  await writeUser(cloud, MEMBER, [
    { role: 'provider_staff', providerId: PROVIDER, position: 'member', orgPath: provider.orgPath },
  ]);
  await writeUser(cloud, OTHER_MANAGER, [
    { role: 'provider_staff', providerId: 'prv-000002', position: 'manager', orgPath: DEMO_PATHS.community },
  ]);
  const offerings = await cloud.find<{ itemId: string }>(
    'offerings',
    { providerId: PROVIDER, active: true },
    50,
  );
  for (const { itemId } of offerings) {
    if (offeredBy(await match(itemId)) !== undefined) {
      OFFERED = itemId;
      break;
    }
  }
  // A service item nobody offers yet (as a worker adds one to the catalog), copied from the offered one.
  const template = (await cloud.get<Record<string, unknown>>('service_items', OFFERED))!;
  NEW_ITEM = 'item-of-new-service';
  await cloud.insert('service_items', [
    { ...template, _id: NEW_ITEM, name: '上门理发', fromCaseStudy: false },
  ]);
  if (OFFERED === '' || NEW_ITEM === '') throw new Error(`no items to test with: ${OFFERED} / ${NEW_ITEM}`);
});

describe('provider.offering.list', () => {
  test("a staff member who is not the manager reads the provider's offerings but may not save them", async () => {
    const listed = ok(
      await call<OfferingListResult>(MEMBER, 'provider.offering.list', { providerId: PROVIDER }),
    );
    expect(listed.providerId).toBe(PROVIDER);
    expect(listed.items.map((o) => o.itemId)).toContain(OFFERED);
    expect(listed.actions).toEqual({ canSave: false, canReview: false });
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(MEMBER, 'provider.offering.save', {
          providerId: PROVIDER,
          itemId: OFFERED,
          pricing: { kind: 'free' },
        }),
      'PERMISSION_DENIED',
    );
    // Another provider's staff, and a provider that does not exist, are refused alike (no hint of existence).
    for (const [caller, providerId] of [
      [OTHER_MANAGER, PROVIDER],
      [MEMBER, 'prv-none'],
    ] as const) {
      await expectRefusedWritingNothing(
        cloud,
        () => call(caller, 'provider.offering.list', { providerId }),
        'OUT_OF_SCOPE',
      );
    }
  });

  test('a leader of the unit reads the list with the review button, not the save one', async () => {
    const leader = 'of-unit-leader';
    await writeUser(cloud, leader, [{ role: 'leader', orgPath: provider.orgPath }]);
    const listed = ok(
      await call<OfferingListResult>(leader, 'provider.offering.list', { providerId: PROVIDER }),
    );
    expect(listed.actions).toEqual({ canSave: false, canReview: true });
  });
});

describe('provider.offering.save', () => {
  test('a low fee at or above the market price is refused, nothing written', async () => {
    for (const priceFen of [5000, 6000]) {
      const reply = await expectRefusedWritingNothing(
        cloud,
        () =>
          write(MANAGER, 'provider.offering.save', {
            providerId: PROVIDER,
            itemId: OFFERED,
            pricing: { kind: 'low_fee', priceFen, marketPriceFen: 5000, unit: '次' },
          }),
        'INVALID_INPUT',
      );
      expect(JSON.stringify(reply)).toContain('低收费服务的价格必须低于市场价');
    }
  });

  test('a price change shows in the next match and is recorded with before and after', async () => {
    const before = offeredBy(await match(OFFERED))!;
    const pricing = { kind: 'low_fee', priceFen: 1234, marketPriceFen: 5000, unit: '次' };
    const saved = ok(
      await write<OfferingSaveResult>(MANAGER, 'provider.offering.save', {
        providerId: PROVIDER,
        itemId: OFFERED,
        pricing,
        description: '上门检修，含基础清洗',
      }),
    );
    expect(saved).toMatchObject({ created: false, review: 'approved', matchable: true });
    expect(saved.changed).toEqual(expect.arrayContaining(['pricing', 'description']));
    const after = offeredBy(await match(OFFERED))!;
    expect(after.price).toMatchObject({ free: false, feeFen: 1234, marketPriceFen: 5000 });
    expect(after.price).not.toEqual(before.price);
    const changes = await cloud.find<OfferingChange>(
      'offering_changes',
      { offeringId: saved.offeringId },
      10,
    );
    const change = changes.find((c) => c.kind === 'changed')!;
    expect(change).toMatchObject({ byOpenid: MANAGER, byRole: 'provider_staff', after: { pricing } });
    expect(change.before!.pricing).not.toEqual(pricing);
  });

  test('a new item is pending and not matched until a worker of the unit approves it', async () => {
    const pricing = { kind: 'free' };
    const saved = ok(
      await write<OfferingSaveResult>(MANAGER, 'provider.offering.save', {
        providerId: PROVIDER,
        itemId: NEW_ITEM,
        pricing,
      }),
    );
    expect(saved).toMatchObject({
      created: true,
      review: 'pending',
      reviewLabel: '待审核',
      matchable: false,
    });
    expect(offeredBy(await match(NEW_ITEM))).toBeUndefined();
    expect((await cloud.get<Provider>('providers', PROVIDER))!.itemIds).toContain(NEW_ITEM);

    const listed = ok(
      await call<OfferingListResult>(MANAGER, 'provider.offering.list', { providerId: PROVIDER }),
    );
    expect(listed.items.find((o) => o.itemId === NEW_ITEM)).toMatchObject({
      review: 'pending',
      matchable: false,
    });
    expect(listed.actions).toEqual({ canSave: true, canReview: false });

    const review = { offeringId: saved.offeringId, approve: true };
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'provider.offering.review', review),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(FAR_WORKER, 'provider.offering.review', review),
      'OFFERING_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(UNIT_WORKER, 'provider.offering.review', { ...review, approve: false }),
      'OFFERING_REVIEW_REASON_REQUIRED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(UNIT_WORKER, 'provider.offering.review', { ...review, offeringId: 'off-none' }),
      'OFFERING_NOT_FOUND',
    );
    const approved = ok(await write<OfferingReviewResult>(UNIT_WORKER, 'provider.offering.review', review));
    expect(approved).toMatchObject({ review: 'approved', matchable: true });
    expect(offeredBy(await match(NEW_ITEM))).toBeDefined();
    await expectRefusedWritingNothing(
      cloud,
      () => write(UNIT_WORKER, 'provider.offering.review', review),
      'OFFERING_NOT_PENDING',
    );

    // Unlisted by the provider: out of matching at once.
    ok(
      await write(MANAGER, 'provider.offering.save', {
        providerId: PROVIDER,
        itemId: NEW_ITEM,
        pricing,
        active: false,
      }),
    );
    expect(offeredBy(await match(NEW_ITEM))).toBeUndefined();
  });

  test('refusals by role, scope and input write nothing', async () => {
    const input = { providerId: PROVIDER, itemId: OFFERED, pricing: { kind: 'free' } };
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'provider.offering.save', input),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(OTHER_MANAGER, 'provider.offering.save', input),
      'OUT_OF_SCOPE',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(FAR_WORKER, 'provider.offering.save', input),
      'OUT_OF_SCOPE',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'provider.offering.save', { ...input, providerId: 'prv-none' }),
      'OUT_OF_SCOPE',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'provider.offering.save', { ...input, itemId: 'item-none' }),
      'OFFERING_ITEM_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'provider.offering.save', { ...input, pricing: { kind: 'cheap' } }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => call(RESIDENT, 'provider.offering.list', { providerId: PROVIDER }),
      'PERMISSION_DENIED',
    );
    // The unit's worker keeps prices too (the console).
    ok(await write(UNIT_WORKER, 'provider.offering.save', input));
  });
});
