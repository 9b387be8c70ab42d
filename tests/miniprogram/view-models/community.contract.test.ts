/**
 * Contract: the community subpackage's real volunteers service, through the real client API module in local
 * mode, against a real local cloud running the real `volunteers` function on the seeded Yulin demo data; the
 * replies go into the real view models. It keeps the page tests' scripted replies honest (every field a canned
 * reply of tests/miniprogram/pages/community-replies.ts has, the real reply has too, with the same type) and
 * the check-in true end to end: the QR image the organiser's page shows decodes to the text the resident's
 * scan sends.
 *
 * One user-visible flow, in order: the demo team's leader schedules an activity starting in half an hour (the
 * console's or a worker's step, made here through the function); the resident finds it among the upcoming
 * activities, opens it, signs up and sees it under 我报名的; the organiser shows the check-in code and the
 * resident scans it.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { appConfig } from '../../../miniprogram/config';
import { callFunction } from '../../../miniprogram/services/cloud-api';
import { switchLocalIdentity } from '../../../miniprogram/services/local-identity/local-identity.service';
import {
  activityDetail,
  checkIn,
  checkinCode,
  listActivities,
  signupActivity,
} from '../../../miniprogram/packages/community/services/volunteers.service';
import {
  checkinDoneText,
  toActivityDetail,
  toActivityRow,
} from '../../../miniprogram/packages/community/view-models/activity.view-model';
import { TEAM_LEADER, scheduleActivity } from '../../functions/support/activity-records';
import { MINUTE_MS, functionCloud } from '../../functions/support/function-cloud';
import {
  activityDetail as cannedDetail,
  activityItem,
  activityPage,
  checkinCodeReply,
} from '../pages/community-replies';
import { installWx, removeWx } from '../support/local-wx';

const cloud = functionCloud();
const RESIDENT = 'demo-resident-1';

beforeAll(() => {
  appConfig.gatewayUrl = cloud.started.cloud.url;
  installWx({ allow: true });
});
afterAll(() => removeWx());

const actAs = (openid: string): void => switchLocalIdentity(openid);

async function wire(command: string, input: object): Promise<unknown> {
  return (await callFunction('volunteers', { command, input })).data;
}

/** Where the real reply lacks a field of the canned one or sends another type there (as concern.contract). */
function shapeGaps(canned: unknown, real: unknown, at = 'data'): string[] {
  if (canned === null || real === null) return [];
  if (Array.isArray(canned)) {
    if (!Array.isArray(real)) return [`${at}: not an array`];
    if (real.length === 0) return [];
    return canned.flatMap((c, i) => {
      const gaps = real.map((r) => shapeGaps(c, r, `${at}[${i}]`));
      return gaps.some((g) => g.length === 0) ? [] : gaps[0]!;
    });
  }
  if (typeof canned !== 'object') return typeof canned === typeof real ? [] : [`${at}: ${typeof real}`];
  if (typeof real !== 'object' || Array.isArray(real)) return [`${at}: not an object`];
  const c = canned as Record<string, unknown>;
  const r = real as Record<string, unknown>;
  return Object.keys(c).flatMap((k) =>
    k in r ? shapeGaps(c[k], r[k], `${at}.${k}`) : [`${at}.${k}: missing`],
  );
}

const flow = { activityId: '' };

describe('the volunteers service against the real function', () => {
  it('lists the activity among the resident’s upcoming ones, as the canned rows are', async () => {
    flow.activityId = await scheduleActivity(cloud, { title: '合同测试：义务理发' }, 30 * MINUTE_MS);
    actAs(RESIDENT);
    const list = await listActivities('upcoming', 1);
    const row = list.items.map((i) => toActivityRow(i, Date.now())).find((r) => r.id === flow.activityId);
    expect(row).toMatchObject({
      title: '合同测试：义务理发',
      place: '金港花园活动室',
      statusLabel: '报名中',
    });
    expect(row!.places).toContain('剩余 30 个名额');
    const real = await wire('activity.list', { view: 'upcoming', page: 1, pageSize: 20 });
    expect(shapeGaps(activityPage([activityItem()]), real)).toEqual([]);
  });

  it('opens it with 报名 as a resident, signs up, and shows the sign-up and 我报名的', async () => {
    actAs(RESIDENT);
    const before = toActivityDetail(await activityDetail(flow.activityId), Date.now());
    expect(before.buttons).toMatchObject({ signupResident: true, cancelSignup: false, manage: false });
    expect(shapeGaps(cannedDetail(), await wire('activity.detail', { activityId: flow.activityId }))).toEqual(
      [],
    );

    const signed = await signupActivity(flow.activityId, 'resident');
    expect(signed).toMatchObject({ kind: 'resident', status: 'signed', placesLeft: 29 });
    const after = toActivityDetail(await activityDetail(flow.activityId), Date.now());
    expect(after.mine).toBe('已报名（居民）');
    // Check-in is open from an hour before the start: the scan is offered, and so is cancelling.
    expect(after.buttons).toMatchObject({ signupResident: false, cancelSignup: true, scan: '扫码签到' });
    const mine = await listActivities('mine', 1);
    expect(mine.items.map((i) => i.activityId)).toContain(flow.activityId);
  });

  it('lets the resident check in by scanning the QR image the organiser’s page shows', async () => {
    actAs(TEAM_LEADER);
    const organiser = toActivityDetail(await activityDetail(flow.activityId), Date.now());
    expect(organiser.buttons.manage).toBe(true);
    const code = await checkinCode(flow.activityId, 'in', 'contract-1');
    expect(shapeGaps(checkinCodeReply(), code)).toEqual([]);
    const png = PNG.sync.read(Buffer.from(code.qrImage.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    expect(scanned).toBe(code.code);

    actAs(RESIDENT);
    const done = await checkIn(scanned!);
    expect(checkinDoneText(done)).toContain('签到成功');
    const now = toActivityDetail(await activityDetail(flow.activityId), Date.now());
    expect(now.buttons.scan).toBe('扫码签退');
    await expect(checkIn(scanned!)).rejects.toMatchObject({ code: 'CHECKIN_CODE_USED' });
  });
});
