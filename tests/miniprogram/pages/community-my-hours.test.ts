/**
 * 我的志愿服务 on its real WXML: the volunteer number, hours, star level and the way to the next star, the five
 * kinds of record as sections; no profile yet (VOLUNTEER_NOT_FOUND) said with the way to the activities; the
 * community's ranking of this year either way; 开具证明 writing the .docx to the user's folder and opening it
 * with its menu (to print or forward).
 */
import { VOLUNTEER_ERRORS } from '../../../core/volunteers/volunteer.errors';
import { fakeCloud } from './support/fake-cloud';
import { find, loadPage, noticeText, openPage, tapButton, textOf } from './support/page-harness';
import { T0 } from './support/replies';
import {
  installDevice,
  rankingReply,
  sentInputs,
  volunteerFail,
  volunteerMeReply,
  volunteerOk,
} from './community-support';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const device = installDevice();

beforeEach(() => {
  fakeCloud.reset();
  device.reset();
  jest.spyOn(Date, 'now').mockReturnValue(T0);
  volunteerOk('volunteer.ranking', rankingReply());
});
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

describe('我的志愿服务', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/my-hours/my-hours');
  });

  it('should show the number, hours, stars and the five kinds of record', async () => {
    volunteerOk('volunteer.me', volunteerMeReply());
    const page = await openPage(pageId);
    expect(textOf(find(page, '#volunteer-no'))).toBe('志愿者编号：YL2026000012');
    expect(textOf(find(page, '#hours'))).toBe('累计服务 120.5 小时（31 次）');
    expect(textOf(find(page, '#star-level'))).toBe('★☆☆☆☆ 1 星志愿者');
    expect(textOf(find(page, '#next-star'))).toBe('再服务 180 小时可升为 2 星志愿者');
    expect(textOf(find(page, '#section-basic'))).toContain('个人基本信息');
    expect(textOf(find(page, '#section-service'))).toContain('义务理发进小区');
    expect(textOf(find(page, '#section-training'))).toContain('还没有培训记录');
    expect(textOf(find(page, '#section-award'))).toContain('优秀志愿者');
    expect(textOf(find(page, '#section-evaluation'))).toContain('还没有评价记录');
  });

  it('should show the community’s ranking of this year, with masked names', async () => {
    volunteerOk('volunteer.me', volunteerMeReply());
    const page = await openPage(pageId);
    expect(sentInputs('volunteer.ranking')).toEqual([{ year: 2026 }]);
    expect(textOf(find(page, '#ranking'))).toContain('2026 年度社区志愿服务排行');
    expect(textOf(find(page, '#rank-1'))).toContain('张**');
    expect(textOf(find(page, '#rank-2'))).toContain('120.5 小时');
  });

  it('should tell someone with no profile how to get one, and still rank', async () => {
    volunteerFail('volunteer.me', 'VOLUNTEER_NOT_FOUND', VOLUNTEER_ERRORS.VOLUNTEER_NOT_FOUND);
    volunteerOk('volunteer.ranking', rankingReply({ rows: [] }));
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('您还没有志愿者档案');
    expect(page.querySelector('#certificate')).toBeUndefined();
    expect(textOf(find(page, '#ranking-empty'))).toBe('今年还没有确认的志愿服务时长');
    await tapButton(find(page, '#state'), '#state-action');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/community/pages/activities/activities' });
  });

  it('should write the certificate to the user’s folder and open it with its menu', async () => {
    volunteerOk('volunteer.me', volunteerMeReply());
    volunteerOk('volunteer.certificate', {
      certificateNo: 'YLZYZ-2026-000001',
      fileName: '志愿服务证明-YLZYZ-2026-000001.docx',
      base64: 'UEsDBAo=',
      totalMinutes: 7230,
      issuedAt: T0,
    });
    const page = await openPage(pageId);
    await tapButton(page, '#certificate');
    expect(sentInputs('volunteer.certificate')).toEqual([{ clientRequestId: expect.any(String) }]);
    const path = 'wxfile://usr/志愿服务证明-YLZYZ-2026-000001.docx';
    expect(device.files.get(path)).toBe('UEsDBAo=');
    expect(device.opened).toEqual([{ filePath: path, fileType: 'docx', showMenu: true }]);
    expect(noticeText(page)).toContain('YLZYZ-2026-000001');
  });

  it('should say a certificate refused in the function’s words', async () => {
    volunteerOk('volunteer.me', volunteerMeReply({ totalMinutes: 0 }));
    volunteerFail('volunteer.certificate', 'VOLUNTEER_NO_HOURS', VOLUNTEER_ERRORS.VOLUNTEER_NO_HOURS);
    const page = await openPage(pageId);
    await tapButton(page, '#certificate');
    expect(noticeText(page)).toBe(VOLUNTEER_ERRORS.VOLUNTEER_NO_HOURS);
    expect(device.opened).toEqual([]);
  });
});
