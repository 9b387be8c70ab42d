/**
 * The community pages' scripted function and device: `volunteers` replies typed with the core's reply types
 * (weimin-core), answered through the shared fake cloud (support/fake-cloud.ts, whose `Replies` table does
 * not list `volunteers`: `volunteerOk` / `volunteerFail` type them here), and stand-ins for what
 * miniprogram-simulate's wx lacks: the camera's scanner (wx.scanCode), the file system and wx.openDocument.
 */
import type {
  ActivityDetail,
  ActivityListResult,
  ActivityRateResult,
  ActivitySaveResult,
  ActivitySignupResult,
  AttendanceResult,
  CheckinCodeReply,
  CheckinResult,
  HoursConfirmResult,
  VolunteerCertificateResult,
  VolunteerMeResult,
  VolunteerRankingResult,
} from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
export * from './community-replies';

interface VolunteerReplies {
  'activity.list': ActivityListResult;
  'activity.detail': ActivityDetail;
  'activity.signup': ActivitySignupResult;
  'activity.signup.cancel': ActivitySignupResult;
  'activity.checkin.code': CheckinCodeReply;
  'activity.checkin': CheckinResult;
  'activity.attendance': AttendanceResult;
  'activity.hours.confirm': HoursConfirmResult;
  'activity.rate': ActivityRateResult;
  'activity.cancel': ActivitySaveResult;
  'volunteer.me': VolunteerMeResult;
  'volunteer.ranking': VolunteerRankingResult;
  'volunteer.certificate': VolunteerCertificateResult;
}
type Command = keyof VolunteerReplies;

type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
  dropOnce(name: string, command: string): void;
};

/** Answer a `volunteers` command with `code: 'OK'` and this reply (or a function of the input). */
export function volunteerOk<C extends Command>(
  command: C,
  data: VolunteerReplies[C] | ((input: Record<string, unknown>) => VolunteerReplies[C]),
): void {
  (fakeCloud as unknown as Untyped).ok('volunteers', command, data);
}

export function volunteerFail(command: Command, code: string, message: string): void {
  (fakeCloud as unknown as Untyped).fail('volunteers', command, code, message);
}

export function volunteerDropOnce(command: Command): void {
  (fakeCloud as unknown as Untyped).dropOnce('volunteers', command);
}

/** The inputs sent with `command`, in order. */
export const sentInputs = (command: Command): Array<Record<string, unknown>> =>
  fakeCloud.sent(command).map((c) => c.input);

export interface FakeDevice {
  /** What the scanner reads next: the text of a QR code, or `null` for the user closing it. */
  scanned: string | null;
  scans: number;
  /** Files written (path -> base64) and documents opened. */
  files: Map<string, string>;
  opened: Array<{ filePath: string; fileType?: string; showMenu?: boolean }>;
  reset(): void;
}

/** Stand in for wx.scanCode, the file system manager, wx.openDocument and wx.env. */
export function installDevice(): FakeDevice {
  const device: FakeDevice = {
    scanned: null,
    scans: 0,
    files: new Map(),
    opened: [],
    reset() {
      device.scanned = null;
      device.scans = 0;
      device.files.clear();
      device.opened.length = 0;
    },
  };
  const globals = wx as unknown as Record<string, unknown>;
  globals['scanCode'] = (o: { success?: (r: object) => void; fail?: (e: { errMsg: string }) => void }) => {
    device.scans += 1;
    if (device.scanned === null) o.fail?.({ errMsg: 'scanCode:fail cancel' });
    else
      o.success?.({ result: device.scanned, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' });
  };
  globals['getFileSystemManager'] = () => ({
    writeFile: (o: { filePath: string; data: string; success?: () => void }) => {
      device.files.set(o.filePath, o.data);
      o.success?.();
    },
  });
  globals['openDocument'] = (o: {
    filePath: string;
    fileType?: string;
    showMenu?: boolean;
    success?: () => void;
  }) => {
    device.opened.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu });
    o.success?.();
  };
  globals['env'] = { USER_DATA_PATH: 'wxfile://usr' };
  return device;
}
