/**
 * Follow-ups (回访) through `jobs` and the `order-timers` timer on the local cloud's clock: a follow-up is due
 * 72 hours after the job is done; staff are reminded from 24 hours before (once, by subscribe message when
 * they granted it), it is marked overdue after and counted once as late in the provider's punctuality; a
 * second delivery of the trigger changes nothing; one recorded in time counts as on time.
 */
import { HOUR_MS, MINUTE_MS, functionCloud } from './support/function-cloud';
import { platformMark } from './support/platform-writes';
import {
  APPLIANCE_REPAIR,
  DEMO_RESIDENT,
  FOLLOW_UP_INPUT,
  detailAs,
  messagesAbout,
  ok,
  orderThrough,
  staffStep,
  writeResidents,
  type PlacedOrder,
} from './support/order-loop';

const cloud = functionCloud();

interface Punctuality {
  followUpsDue: number;
  followUpsOnTime: number;
  reputation: number;
}

async function punctualityOf(providerId: string): Promise<Punctuality> {
  const p = (await cloud.get<Punctuality>('providers', providerId))!;
  return { followUpsDue: p.followUpsDue, followUpsOnTime: p.followUpsOnTime, reputation: p.reputation };
}

const followUpOf = async (order: PlacedOrder) =>
  ok(await detailAs(cloud, order.resident, order.orderId)).followUp;

/** 'YYYY-MM-DD hh:mm' in Asia/Shanghai, as the message shows it. */
const shanghaiMinute = (ms: number): string =>
  new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');

const reminders = (order: PlacedOrder, openid: string) =>
  messagesAbout(cloud, order.orderId, { touser: openid, templateId: 'TPL_FOLLOWUP_DUE' });

const RESIDENT = 't-follow-up-resident';

beforeAll(async () => {
  await writeResidents(cloud, [RESIDENT]);
});

describe('follow-up reminders and overdue marks', () => {
  it('reminds the staff once before the follow-up is due, marks it overdue once after, and counts it late once', async () => {
    // Two jobs done now: one provider's staff granted the reminder, the other's did not.
    const granted = await orderThrough(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR, 'done');
    const silent = await orderThrough(cloud, RESIDENT, 'item-beauty-hairdressing', 'done');
    expect(silent.providerId).not.toBe(granted.providerId);
    for (const openid of granted.staff) cloud.grant(openid, 'TPL_FOLLOWUP_DUE', 5);

    const pending = (await followUpOf(granted))!;
    expect(pending).toMatchObject({ status: 'pending', onTime: null, recordedAt: null });
    const doneAt = ok(await detailAs(cloud, DEMO_RESIDENT, granted.orderId)).order.doneAt!;
    expect(pending.dueAt).toBe(doneAt + 72 * HOUR_MS);
    const dueAt = pending.dueAt;
    const before = {
      granted: await punctualityOf(granted.providerId),
      silent: await punctualityOf(silent.providerId),
    };

    // 25 hours before it is due: too early for a reminder.
    await cloud.advanceTo(dueAt - 25 * HOUR_MS);
    expect(reminders(granted, granted.staff[0]!)).toEqual([]);

    // 23 hours before: reminded, still pending.
    await cloud.advanceTo(dueAt - 23 * HOUR_MS);
    const sent = reminders(granted, granted.staff[0]!);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toEqual({
      time1: { value: shanghaiMinute(dueAt) },
      thing2: { value: '家电维修' },
      character_string3: { value: granted.orderId },
    });
    // It opens the job's page in the staff part of the mini-program.
    expect(sent[0]!.page).toMatch(new RegExp(`/job-detail/job-detail\\?orderId=${granted.orderId}$`));
    expect((await followUpOf(granted))!.status).toBe('pending');
    expect((await followUpOf(silent))!.status).toBe('pending');
    // Without a grant nothing is delivered, and nothing breaks.
    for (const openid of silent.staff) expect(reminders(silent, openid)).toEqual([]);

    // The trigger again, and the next runs before the due time: no second reminder, nothing written.
    const mark = platformMark(cloud);
    const again = ok(
      await cloud.fireTimer<{ followUps: { reminded: string[]; overdue: string[] } }>('order-timers'),
    );
    expect(again.followUps).toMatchObject({ reminded: [], overdue: [] });
    expect(platformMark(cloud)).toEqual(mark);
    await cloud.advance(5 * MINUTE_MS);
    await cloud.advanceTo(dueAt - MINUTE_MS);
    expect(reminders(granted, granted.staff[0]!)).toHaveLength(1);
    const beforeOverdue = await punctualityOf(granted.providerId);
    expect([beforeOverdue.followUpsDue, beforeOverdue.followUpsOnTime]).toEqual([
      before.granted.followUpsDue,
      before.granted.followUpsOnTime,
    ]);

    // Past the due time: overdue, and counted once as a late follow-up.
    await cloud.advanceTo(dueAt + 5 * MINUTE_MS);
    for (const order of [granted, silent]) {
      expect(await followUpOf(order)).toMatchObject({ status: 'overdue', onTime: false, recordedAt: null });
    }
    const late = await punctualityOf(granted.providerId);
    expect(late.followUpsDue).toBe(before.granted.followUpsDue + 1);
    expect(late.followUpsOnTime).toBe(before.granted.followUpsOnTime);
    expect(late.reputation).toBeLessThan(beforeOverdue.reputation);
    expect((await punctualityOf(silent.providerId)).followUpsDue).toBe(before.silent.followUpsDue + 1);

    // Delivered again, and later runs: nothing changes.
    const overdueMark = platformMark(cloud);
    const repeat = ok(
      await cloud.fireTimer<{ followUps: { reminded: string[]; overdue: string[] } }>('order-timers'),
    );
    expect(repeat.followUps).toMatchObject({ reminded: [], overdue: [] });
    expect(platformMark(cloud)).toEqual(overdueMark);
    await cloud.advance(30 * MINUTE_MS);
    expect(await punctualityOf(granted.providerId)).toEqual(late);
    expect(reminders(granted, granted.staff[0]!)).toHaveLength(1);

    // Recorded late after all: the order moves on; the follow-up was already counted, so nothing is added.
    const recorded = await staffStep(cloud, granted, 'order.follow_up', FOLLOW_UP_INPUT);
    expect(recorded).toMatchObject({ status: 'followed_up', onTime: false, wasOverdue: true });
    expect(await followUpOf(granted)).toMatchObject({ status: 'recorded', onTime: false });
    expect(await punctualityOf(granted.providerId)).toEqual({ ...late, reputation: expect.any(Number) });
  });

  it('a follow-up recorded in time counts as on time and is never marked overdue', async () => {
    const order = await orderThrough(cloud, RESIDENT, 'item-elderly-companion', 'done');
    const before = await punctualityOf(order.providerId);
    const dueAt = (await followUpOf(order))!.dueAt;

    await cloud.advanceTo(dueAt - 2 * HOUR_MS);
    const recorded = await staffStep(cloud, order, 'order.follow_up', FOLLOW_UP_INPUT);
    expect(recorded).toMatchObject({ status: 'followed_up', onTime: true, wasOverdue: false });
    const after = await punctualityOf(order.providerId);
    expect([after.followUpsDue, after.followUpsOnTime]).toEqual([
      before.followUpsDue + 1,
      before.followUpsOnTime + 1,
    ]);

    await cloud.advanceTo(dueAt + HOUR_MS);
    expect(await followUpOf(order)).toMatchObject({ status: 'recorded', onTime: true });
    expect(await punctualityOf(order.providerId)).toEqual(after);

    // A follow-up is recorded once.
    const twice = await cloud.as(order.staff[0]!).jobs('order.follow_up', {
      orderId: order.orderId,
      ...FOLLOW_UP_INPUT,
      clientRequestId: cloud.requestId('follow-up-twice'),
    });
    expect(twice.code).toBe('ORDER_ILLEGAL_TRANSITION');
  });
});
