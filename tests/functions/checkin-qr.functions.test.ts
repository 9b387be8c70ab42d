/**
 * The organiser's check-in code as a QR image (decision 0045), through the real `volunteers` function on the
 * local cloud: `activity.checkin.code` answers a PNG data URL beside the code; decoded back (pngjs + jsQR, as a
 * phone's camera reads it) it gives exactly the code, and that text is what `activity.checkin` accepts from
 * wx.scanCode's result, once.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { CheckinCodeReply, CheckinResult } from '../../core/volunteers/volunteer.replies';
import { TEAM_LEADER, scheduleActivity, signUp, volunteersWrite } from './support/activity-records';
import { MINUTE_MS, functionCloud } from './support/function-cloud';
import { ok } from './support/order-loop';

const cloud = functionCloud();
const RESIDENT = 'demo-resident-1';

/** What a camera reads off the image: the QR code's text. */
function decodeQr(dataUrl: string): string | null {
  const prefix = 'data:image/png;base64,';
  expect(dataUrl.startsWith(prefix)).toBe(true);
  const png = PNG.sync.read(Buffer.from(dataUrl.slice(prefix.length), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

test('the QR image holds exactly the code, which activity.checkin accepts once', async () => {
  const activityId = await scheduleActivity(cloud, {}, 30 * MINUTE_MS);
  await signUp(cloud, RESIDENT, activityId);

  const reply = ok(
    await volunteersWrite<CheckinCodeReply>(cloud, TEAM_LEADER, 'activity.checkin.code', {
      activityId,
      phase: 'in',
    }),
  );
  const scanned = decodeQr(reply.qrImage);
  expect(scanned).toBe(reply.code);

  const checkedIn = ok(
    await volunteersWrite<CheckinResult>(cloud, RESIDENT, 'activity.checkin', { code: scanned }),
  );
  expect(checkedIn).toMatchObject({ activityId, phase: 'in', minutes: null });

  const again = await volunteersWrite<CheckinResult>(cloud, RESIDENT, 'activity.checkin', { code: scanned });
  expect(again.code).toBe('CHECKIN_CODE_USED');
});
