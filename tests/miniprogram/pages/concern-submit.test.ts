/**
 * 提交诉求 on its real WXML: the form checked as the function checks it; photos refused on the phone for a
 * wrong type or a size over the storage's limit BEFORE anything is uploaded, and the accepted ones uploaded
 * when the concern is sent; the similar open concerns shown before filing, with 我也关心 sent instead of a
 * duplicate; the notifications asked for in the tap that files it; the sensitive consent and its
 * explanation; a failure said in a notice that stays; 长辈模式.
 */
import { takeNotice } from '../../../miniprogram/utils/notice';
import { concernFail, concernOk, installPhotoStorage, stepResult } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  change,
  fakeStorage,
  find,
  loadPage,
  noticeKind,
  noticeText,
  openPage,
  rootClasses,
  settle,
  tapButton,
  tapCheckbox,
  textOf,
} from './support/page-harness';
import type { RenderedPage } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const MB = 1024 * 1024;
const MINE = '/packages/concerns/pages/mine/mine';

const photos = installPhotoStorage();

async function fill(page: RenderedPage, title = '楼道灯坏了', content = '3 栋 2 单元的楼道灯坏了一个月') {
  await change(page, '#kind', { value: 'worry' });
  await change(page, '#title', { value: title });
  await change(page, '#content', { value: content });
}

describe('提交诉求', () => {
  let pageId: string;
  let redirect: jest.SpyInstance;

  beforeAll(() => {
    pageId = loadPage('packages/concerns/pages/submit/submit');
  });

  beforeEach(() => {
    fakeCloud.reset();
    photos.reset();
    takeNotice(MINE);
    redirect = jest.spyOn(wx, 'redirectTo').mockImplementation(() => undefined as never);
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should show the form: the two kinds, the fields, photos and the three choices', async () => {
    const page = await openPage(pageId);
    const text = textOf(page);
    for (const words of [
      '忧心事',
      '微心愿',
      '标题',
      '具体内容',
      '添加照片',
      '匿名发布',
      '需要多个部门一起解决',
    ]) {
      expect(text).toContain(words);
    }
    expect(page.querySelector('#sensitive-note')).toBeUndefined();
    expect(fakeCloud.calls).toEqual([]);
  });

  it('should refuse a photo over the storage’s 50 MB before uploading anything', async () => {
    photos.picked = [{ tempFilePath: 'wxfile://tmp/big.jpg', size: 60 * MB, fileType: 'image' }];
    const page = await openPage(pageId);
    await tapButton(page, '#add-photos');

    const message = '第 1 张照片太大（60 MB），每张不能超过 50 MB';
    expect(textOf(find(page, '#photo-error'))).toBe(message);
    expect(noticeText(page)).toBe(message);
    expect(page.querySelector('#photo-0')).toBeUndefined();
    expect(photos.uploads).toEqual([]);

    // Filed after the refusal: the refused photo is never uploaded nor sent.
    concernOk('concern.similar', { items: [] });
    concernOk('concern.submit', stepResult('submitted', '待审核'));
    await fill(page);
    await tapButton(page, '#submit');
    expect(photos.uploads).toEqual([]);
    expect(fakeCloud.sent('concern.submit')[0]?.input['images']).toEqual([]);
  });

  it('should open no picker when the user declines the privacy guide, and say why', async () => {
    const globals = wx as unknown as Record<string, unknown>;
    globals['requirePrivacyAuthorize'] = (o: { fail?: () => void }) => o.fail?.();
    const choose = jest.spyOn(wx, 'chooseMedia');
    try {
      const page = await openPage(pageId);
      await tapButton(page, '#add-photos');
      expect(choose).not.toHaveBeenCalled();
      expect(noticeText(page)).toBe('需要您同意隐私保护指引后才能选择照片');
      expect(page.querySelector('#photo-0')).toBeUndefined();
    } finally {
      delete globals['requirePrivacyAuthorize'];
    }
  });

  it('should refuse a file that is not a photo the storage takes, before uploading anything', async () => {
    photos.picked = [
      { tempFilePath: 'wxfile://tmp/ok.png', size: 200_000, fileType: 'image' },
      { tempFilePath: 'wxfile://tmp/scan.heic', size: 300_000, fileType: 'image' },
    ];
    const page = await openPage(pageId);
    await tapButton(page, '#add-photos');

    expect(textOf(find(page, '#photo-error'))).toBe(
      '第 2 张不是可以上传的照片，只能上传 JPG、PNG、GIF、WebP 格式的图片',
    );
    // Nothing of the refused pick is taken, so the user knows exactly what was not added.
    expect(page.querySelector('#photo-0')).toBeUndefined();
    expect(photos.uploads).toEqual([]);
  });

  it('should upload the accepted photos only when the concern is sent, and file it with them', async () => {
    photos.picked = [{ tempFilePath: 'wxfile://tmp/lamp.jpg', size: 2 * MB, fileType: 'image' }];
    concernOk('concern.similar', { items: [] });
    concernOk('concern.submit', stepResult('submitted', '待审核'));
    fakeCloud.answerSubscribe({ TPL_CONCERN_PROGRESS: 'accept', TPL_WISH_CLAIMED: 'reject' });
    const page = await openPage(pageId);
    await tapButton(page, '#add-photos');
    expect(find(page, '#photo-0')).toBeDefined();
    expect(photos.uploads).toEqual([]);

    await fill(page);
    await tapCheckbox(page, '#anonymous');
    await tapButton(page, '#submit');

    expect(fakeCloud.subscribeRequests).toEqual([['TPL_CONCERN_PROGRESS', 'TPL_WISH_CLAIMED']]);
    expect(photos.uploads).toEqual([
      {
        cloudPath: expect.stringMatching(/^concerns\/[A-Za-z0-9]+\.jpg$/),
        filePath: 'wxfile://tmp/lamp.jpg',
      },
    ]);
    expect(fakeCloud.sent('concern.similar')[0]?.input).toEqual({
      title: '楼道灯坏了',
      content: '3 栋 2 单元的楼道灯坏了一个月',
    });
    expect(fakeCloud.sent('concern.submit')).toEqual([
      {
        name: 'concerns',
        command: 'concern.submit',
        input: {
          kind: 'worry',
          title: '楼道灯坏了',
          content: '3 栋 2 单元的楼道灯坏了一个月',
          images: [`cloud://env.bucket/${photos.uploads[0]!.cloudPath}`],
          anonymous: true,
          crossDepartment: false,
          sensitive: false,
          sensitiveConsent: false,
          clientRequestId: expect.stringMatching(REQUEST_ID),
        },
      },
    ]);
    expect(redirect).toHaveBeenCalledWith({ url: MINE });
    expect(takeNotice(MINE)?.text).toContain('已提交');
  });

  it('should look for similar concerns when the text is left, and file at once on 提交', async () => {
    concernOk('concern.similar', { items: [] });
    concernOk('concern.submit', stepResult('submitted', '待审核'));
    const page = await openPage(pageId);
    await fill(page);
    const content = find(page, '#content');
    (content.instance as unknown as { triggerEvent(n: string, d: object): void }).triggerEvent('blur', {});
    await settle();
    expect(fakeCloud.sent('concern.similar')).toHaveLength(1);

    await tapButton(page, '#submit');
    // The answer read on blur serves the tap: no second look, and the concern filed.
    expect(fakeCloud.sent('concern.similar')).toHaveLength(1);
    expect(fakeCloud.sent('concern.submit')).toHaveLength(1);
    expect(fakeCloud.subscribeRequests).toEqual([['TPL_CONCERN_PROGRESS', 'TPL_WISH_CLAIMED']]);
  });

  it('should show the similar open concerns instead of filing, and send 我也关心', async () => {
    concernOk('concern.similar', {
      items: [
        {
          concernId: 'concern-7',
          title: '3 栋楼道灯不亮',
          statusLabel: '已发布待认领',
          supportCount: 2,
          similarity: 0.82,
        },
      ],
    });
    concernOk('concern.support', { concernId: 'concern-7', supportCount: 3 });
    const page = await openPage(pageId);
    await fill(page);
    await tapButton(page, '#submit');

    expect(fakeCloud.sent('concern.submit')).toEqual([]);
    expect(fakeCloud.subscribeRequests).toEqual([]);
    const similar = textOf(find(page, '#similar'));
    expect(similar).toContain('3 栋楼道灯不亮');
    expect(similar).toContain('已发布待认领 · 已有 2 人关心');

    await tapButton(page, '#support-concern-7');
    expect(fakeCloud.sent('concern.support')).toEqual([
      {
        name: 'concerns',
        command: 'concern.support',
        input: { concernId: 'concern-7', clientRequestId: expect.stringMatching(REQUEST_ID) },
      },
    ]);
    expect(textOf(find(page, '#support-concern-7'))).toBe('✓ 已关心');
    expect(textOf(find(page, '#similar-concern-7'))).toContain('已有 3 人关心');
    expect(noticeText(page)).toContain('已表示关心');
    expect(fakeCloud.sent('concern.submit')).toEqual([]);
    expect(redirect).not.toHaveBeenCalled();
  });

  it('should still file it when the resident says it is not the same thing', async () => {
    concernOk('concern.similar', {
      items: [
        {
          concernId: 'concern-7',
          title: '3 栋楼道灯不亮',
          statusLabel: '办理中',
          supportCount: 0,
          similarity: 0.6,
        },
      ],
    });
    concernOk('concern.submit', stepResult('submitted', '待审核'));
    const page = await openPage(pageId);
    await fill(page);
    await tapButton(page, '#submit');
    await tapButton(page, '#submit-anyway');

    expect(fakeCloud.sent('concern.submit')).toHaveLength(1);
    expect(fakeCloud.subscribeRequests).toEqual([['TPL_CONCERN_PROGRESS', 'TPL_WISH_CLAIMED']]);
    expect(redirect).toHaveBeenCalledWith({ url: MINE });
  });

  it('should check the form as the function does and send nothing when it is incomplete', async () => {
    const page = await openPage(pageId);
    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('请选择事项类型');
    expect(noticeKind(page)).toBe('warning');

    await change(page, '#kind', { value: 'wish' });
    await change(page, '#title', { value: '   ' });
    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('请填写标题');

    await change(page, '#title', { value: '好'.repeat(41) });
    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('标题不能超过 40 个字');
    expect(fakeCloud.calls).toEqual([]);
    expect(fakeCloud.subscribeRequests).toEqual([]);
  });

  it('should explain the sensitive information and ask for its own consent before filing', async () => {
    concernOk('concern.similar', { items: [] });
    concernOk('concern.submit', stepResult('submitted', '待审核'));
    const page = await openPage(pageId);
    await fill(page, '想请人上门理发', '老伴中风后行动不便，出不了门');
    await tapCheckbox(page, '#sensitive');
    expect(textOf(find(page, '#sensitive-note'))).toContain('心愿墙上只显示社区写的不含个人细节的简要说明');

    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('涉及敏感个人信息的诉求，请先单独同意《敏感个人信息处理说明》');
    expect(fakeCloud.calls).toEqual([]);

    await tapCheckbox(page, '#sensitive-consent');
    await tapButton(page, '#submit');
    expect(fakeCloud.sent('concern.submit')[0]?.input).toMatchObject({
      sensitive: true,
      sensitiveConsent: true,
    });
  });

  it('should say why filing failed in a notice that stays, and keep the form', async () => {
    concernOk('concern.similar', { items: [] });
    concernFail('concern.submit', 'CONCERN_UNIT_REQUIRED', '请先在“我的”中绑定所在小区（网格），再提交诉求');
    const page = await openPage(pageId);
    await fill(page);
    await tapButton(page, '#submit');

    expect(noticeText(page)).toBe('请先在“我的”中绑定所在小区（网格），再提交诉求');
    expect(noticeKind(page)).toBe('error');
    expect(redirect).not.toHaveBeenCalled();
    expect(find(page, '#submit')).toBeDefined();
  });

  it('should follow 长辈模式', async () => {
    const storage = fakeStorage();
    storage.set('elderMode', 'on');
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
