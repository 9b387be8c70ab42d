/**
 * 诉求详情 on its real WXML, opened with `?concernId=`: loading, error (with a retry and the way to the wall)
 * and data states — the concern, its photos through temporary URLs, its timeline in Shanghai time; only the
 * buttons `actions` allows; each step sends its command (withdraw, claim as the caller chooses, release with
 * a reason, progress and resolution with photos, the resident's confirmation, 我也关心), checked as the
 * function checks it, then the concern read again and the step said in a notice that stays; 长辈模式.
 */
import {
  concernFail,
  concernOk,
  detail,
  installPhotoStorage,
  openWithoutSettling,
  step,
  stepResult,
} from './concern-support';
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
  tapButton,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const BUTTONS = ['#support', '#claim', '#update', '#resolve', '#confirm', '#release', '#withdraw'];
const photos = installPhotoStorage();

function buttonsShown(page: Awaited<ReturnType<typeof openPage>>): string[] {
  return BUTTONS.filter((b) => page.querySelector(b) !== undefined && page.querySelector(b) !== null);
}

/** What was sent with `command`, its request id checked and left out. */
function sentInput(command: string): Record<string, unknown>[] {
  return fakeCloud.sent(command).map(({ input }) => {
    const { clientRequestId, ...rest } = input;
    expect(clientRequestId).toMatch(REQUEST_ID);
    return rest;
  });
}

describe('诉求详情', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/concerns/pages/detail/detail');
  });

  beforeEach(() => {
    fakeCloud.reset();
    photos.reset();
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should say it is reading the concern first', () => {
    concernOk('concern.detail', detail());
    const page = openWithoutSettling(pageId, { concernId: 'concern-1' });
    expect(textOf(find(page, '#state'))).toContain('正在读取诉求');
  });

  it('should show the concern, its photos and its timeline in Asia/Shanghai time', async () => {
    concernOk(
      'concern.detail',
      detail({
        timeline: [
          step('submitted', 0, '提交事项'),
          step('in_progress', 30, '开始办理', {
            byRole: '党员',
            reason: '已联系物业，周六换灯',
            images: ['cloud://env.bucket/concerns/progress.png'],
          }),
        ],
        status: 'in_progress',
        statusLabel: '办理中',
        claimerName: '李志明',
      }),
    );
    const page = await openPage(pageId, { concernId: 'concern-1' });

    expect(fakeCloud.sent('concern.detail')).toEqual([
      { name: 'concerns', command: 'concern.detail', input: { concernId: 'concern-1' } },
    ]);
    expect(textOf(find(page, '#status'))).toBe('办理中');
    expect(textOf(find(page, '#title'))).toBe('楼道灯坏了很久，晚上上下楼不安全');
    expect(textOf(find(page, '#content'))).toContain('三楼到六楼的楼道灯坏了快一个月');
    expect(textOf(find(page, '#claimer'))).toContain('李志明');
    expect(textOf(find(page, '#support-count'))).toContain('3 人也关心');
    expect(page.data['photoUrls']).toEqual(['https://tmp.example/a.jpg', 'https://tmp.example/progress.png']);
    const [own, progress] = [find(page, '#photos'), find(page, '#progress-photos')];
    // The concern's own photo at the top, the progress photo with the progress (src: photoUrls above).
    expect(own.dom?.querySelectorAll('wx-image')).toHaveLength(1);
    expect(progress.dom?.querySelectorAll('wx-image')).toHaveLength(1);
    expect(textOf(progress)).toBe('办理照片');
    const timeline = textOf(find(page, '#timeline'));
    expect(timeline).toContain('提交事项');
    expect(timeline).toContain('2026-11-29 14:30 · 居民');
    expect(timeline).toContain('2026-11-30 20:30 · 党员 · 已联系物业，周六换灯');
    expect(buttonsShown(page)).toEqual([]);
  });

  it('should keep a sensitive worry’s details from those who may not read them', async () => {
    concernOk(
      'concern.detail',
      detail({ content: null, sensitive: true, title: '一位居民的困难求助', images: [] }),
    );
    const page = await openPage(pageId, { concernId: 'concern-1' });
    expect(textOf(find(page, '#content'))).toBe(
      '该诉求涉及个人敏感信息，详细内容仅本人、审核人员和认领人可见',
    );
    expect(page.querySelector('#photos')).toBeUndefined();
  });

  it('should say what went wrong, with a retry and the way to the wall', async () => {
    concernFail('concern.detail', 'CONCERN_NOT_FOUND', '诉求不存在或您无权查看');
    const page = await openPage(pageId, { concernId: 'concern-x' });
    const state = find(page, '#state');
    expect(textOf(state)).toContain('诉求不存在或您无权查看');
    expect(textOf(find(state, '#state-secondary'))).toBe('去心愿墙');

    concernOk('concern.detail', detail());
    await tapButton(state, '#state-action');
    expect(textOf(find(page, '#title'))).toBe('楼道灯坏了很久，晚上上下楼不安全');
  });

  it('should say how to open it when no concern is named, asking nothing', async () => {
    const page = await openPage(pageId, {});
    expect(textOf(find(page, '#state'))).toContain('请从心愿墙或我的诉求进入');
    expect(fakeCloud.calls).toEqual([]);
  });

  it.each<[string, Parameters<typeof detail>[1], Partial<Parameters<typeof detail>[0]>, string[]]>([
    ['the resident, before a claim', { canWithdraw: true }, {}, ['#withdraw']],
    ['a neighbour of the community', { canSupport: true }, {}, ['#support']],
    ['a neighbour who already cares', { canSupport: true }, { supportedByMe: true }, []],
    ['a claimer', { canClaim: true, claimAs: ['self', 'team'] }, {}, ['#claim']],
    [
      'the handler',
      { canUpdate: true, canResolve: true, canRelease: true },
      {},
      ['#update', '#resolve', '#release'],
    ],
    [
      'the resident, once resolved',
      { canConfirm: true },
      { status: 'resolved', statusLabel: '已办结' },
      ['#confirm'],
    ],
    [
      'a worker, for steps done in the console',
      { canReview: true, canPublish: true, canEscalate: true },
      {},
      [],
    ],
  ])('should show %s only the buttons actions allows', async (_who, actions, overrides, shown) => {
    concernOk('concern.detail', detail(overrides, actions));
    const page = await openPage(pageId, { concernId: 'concern-1' });
    expect(buttonsShown(page)).toEqual(shown);
    if (shown.length === 0) expect(page.querySelector('#actions')).toBeUndefined();
  });

  it('should withdraw after the resident confirms, then show it withdrawn', async () => {
    concernOk('concern.detail', detail({}, { canWithdraw: true }));
    concernOk('concern.withdraw', stepResult('withdrawn', '已撤回'));
    jest.spyOn(wx, 'showModal').mockImplementation((o: WechatMiniprogram.ShowModalOption) => {
      o.success?.({ confirm: true, cancel: false, content: '', errMsg: 'showModal:ok' });
      return undefined as never;
    });
    const page = await openPage(pageId, { concernId: 'concern-1' });

    concernOk('concern.detail', detail({ status: 'withdrawn', statusLabel: '已撤回' }));
    await tapButton(page, '#withdraw');
    expect(sentInput('concern.withdraw')).toEqual([{ concernId: 'concern-1', reason: '' }]);
    expect(noticeText(page)).toBe('诉求已撤回');
    expect(textOf(find(page, '#status'))).toBe('已撤回');
    expect(buttonsShown(page)).toEqual([]);
  });

  it('should claim as the identity chosen among those actions offers', async () => {
    concernOk('concern.detail', detail({}, { canClaim: true, claimAs: ['self', 'team'] }));
    concernOk('concern.claim', stepResult('claimed', '已认领'));
    const page = await openPage(pageId, { concernId: 'concern-1' });
    await tapButton(page, '#claim');
    const form = textOf(find(page, '#form-claim'));
    expect(form).toContain('以个人名义认领');
    expect(form).toContain('以所在志愿服务队名义认领');
    expect(form).not.toContain('以本单位名义认领');

    await tapButton(page, '#form-submit');
    expect(noticeText(page)).toBe('请选择认领身份');
    expect(fakeCloud.sent('concern.claim')).toEqual([]);

    concernOk('concern.detail', detail({ status: 'claimed', statusLabel: '已认领' }, { canUpdate: true }));
    await change(page, '#claim-as', { value: 'team' });
    await tapButton(page, '#form-submit');
    expect(sentInput('concern.claim')).toEqual([{ concernId: 'concern-1', claimAs: 'team' }]);
    expect(noticeText(page)).toContain('认领成功');
    expect(page.querySelector('#form-claim')).toBeUndefined();
    expect(buttonsShown(page)).toEqual(['#update']);
  });

  it('should release only with a reason', async () => {
    concernOk('concern.detail', detail({}, { canRelease: true }));
    concernOk('concern.release', stepResult('published', '已发布待认领'));
    const page = await openPage(pageId, { concernId: 'concern-1' });
    await tapButton(page, '#release');
    await tapButton(page, '#form-submit');
    expect(noticeText(page)).toBe('请填写退回原因');
    expect(noticeKind(page)).toBe('warning');

    await change(page, '#form-text', { value: ' 本周外出，无法上门 ' });
    await tapButton(page, '#form-submit');
    expect(sentInput('concern.release')).toEqual([{ concernId: 'concern-1', reason: '本周外出，无法上门' }]);
  });

  it('should update the progress with a photo, uploaded when it is sent', async () => {
    concernOk('concern.detail', detail({}, { canUpdate: true }));
    concernOk('concern.update', stepResult('in_progress', '办理中'));
    photos.picked = [{ tempFilePath: 'wxfile://tmp/fixing.jpg', size: 800_000, fileType: 'image' }];
    const page = await openPage(pageId, { concernId: 'concern-1' });
    await tapButton(page, '#update');
    await tapButton(page, '#form-add-photos');
    expect(photos.uploads).toEqual([]);
    await change(page, '#form-text', { value: '已联系物业，周六换灯' });
    await tapButton(page, '#form-submit');

    expect(photos.uploads).toHaveLength(1);
    expect(sentInput('concern.update')).toEqual([
      {
        concernId: 'concern-1',
        text: '已联系物业，周六换灯',
        images: [`cloud://env.bucket/${photos.uploads[0]!.cloudPath}`],
      },
    ]);
    expect(noticeText(page)).toBe('办理进展已更新，居民会收到通知');
  });

  it('should refuse a progress photo over the limit before uploading it', async () => {
    concernOk('concern.detail', detail({}, { canResolve: true }));
    photos.picked = [{ tempFilePath: 'wxfile://tmp/huge.png', size: 51 * 1024 * 1024, fileType: 'image' }];
    const page = await openPage(pageId, { concernId: 'concern-1' });
    await tapButton(page, '#resolve');
    await tapButton(page, '#form-add-photos');
    expect(noticeText(page)).toBe('第 1 张照片太大（51 MB），每张不能超过 50 MB');
    expect(page.data['formPhotos']).toEqual([]);
    expect(photos.uploads).toEqual([]);
  });

  it('should resolve with a summary', async () => {
    concernOk('concern.detail', detail({}, { canResolve: true }));
    concernOk('concern.resolve', stepResult('resolved', '已办结'));
    const page = await openPage(pageId, { concernId: 'concern-1' });
    await tapButton(page, '#resolve');
    await change(page, '#form-text', { value: '已更换 4 盏楼道灯' });
    await tapButton(page, '#form-submit');
    expect(sentInput('concern.resolve')).toEqual([
      { concernId: 'concern-1', summary: '已更换 4 盏楼道灯', images: [] },
    ]);
    expect(noticeText(page)).toBe('已办结，等待居民确认办理结果');
  });

  it('should take the resident’s honest answer: 未解决 only with a reason', async () => {
    concernOk('concern.detail', detail({ status: 'resolved', statusLabel: '已办结' }, { canConfirm: true }));
    concernOk('concern.confirm', stepResult('in_progress', '办理中'));
    const page = await openPage(pageId, { concernId: 'concern-1' });
    await tapButton(page, '#confirm');
    const form = textOf(find(page, '#form-confirm'));
    for (const outcome of ['已解决', '部分解决', '未解决']) expect(form).toContain(outcome);

    await change(page, '#outcome', { value: 'unresolved' });
    await tapButton(page, '#form-submit');
    expect(noticeText(page)).toBe('未解决时请填写原因');
    expect(fakeCloud.sent('concern.confirm')).toEqual([]);

    await change(page, '#form-text', { value: '只换了两盏，五楼还是黑的' });
    await tapButton(page, '#form-submit');
    expect(sentInput('concern.confirm')).toEqual([
      { concernId: 'concern-1', outcome: 'unresolved', reason: '只换了两盏，五楼还是黑的' },
    ]);
    expect(noticeText(page)).toBe('已反馈未解决，社区会继续办理');
  });

  it('should send 我也关心 and then show it counted', async () => {
    concernOk('concern.detail', detail({}, { canSupport: true }));
    concernOk('concern.support', { concernId: 'concern-1', supportCount: 4 });
    const page = await openPage(pageId, { concernId: 'concern-1' });

    concernOk('concern.detail', detail({ supportCount: 4, supportedByMe: true }, { canSupport: true }));
    await tapButton(page, '#support');
    expect(sentInput('concern.support')).toEqual([{ concernId: 'concern-1' }]);
    expect(textOf(find(page, '#support-count'))).toContain('4 人也关心（含您）');
    expect(page.querySelector('#support')).toBeUndefined();
  });

  it('should keep the concern and say a refused step in a notice that stays', async () => {
    concernOk('concern.detail', detail({}, { canClaim: true, claimAs: ['self'] }));
    concernFail('concern.claim', 'CONCERN_ALREADY_CLAIMED', '该诉求已被认领');
    const page = await openPage(pageId, { concernId: 'concern-1' });
    await tapButton(page, '#claim');
    // One way to claim: it is chosen already.
    await tapButton(page, '#form-submit');
    expect(sentInput('concern.claim')).toEqual([{ concernId: 'concern-1', claimAs: 'self' }]);
    expect(noticeText(page)).toBe('该诉求已被认领');
    expect(noticeKind(page)).toBe('error');
    expect(textOf(find(page, '#title'))).toBe('楼道灯坏了很久，晚上上下楼不安全');
  });

  it('should follow 长辈模式', async () => {
    const storage = fakeStorage();
    storage.set('elderMode', 'on');
    concernOk('concern.detail', detail());
    expect(rootClasses(await openPage(pageId, { concernId: 'concern-1' }))).toContain('elder');
  });
});
