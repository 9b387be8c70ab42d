/**
 * 考核结果 on its real WXML: opened without a provider, loading, empty (with the way to 红星榜), error with a
 * retry; each published result with year, kind, grade, outcome and rectification deadline as evaluation.list
 * answers anyone signed in, drafts left out and the reviewers' figures never shown; one opened in place with
 * its summary and problem list (evaluation.detail), a failed read said there with a retry; a page at a time to
 * the end; 长辈模式.
 */
import {
  evaluationDetail,
  evaluationItem,
  evaluationPage,
  providersFail,
  providersOk,
} from './governance-support';
import { openWithoutSettling } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  openPage,
  rootClasses,
  tapButton,
  tapCell,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const QUERY = { providerId: 'prov-1', name: encodeURIComponent('玉州区邻里家电维修服务部') };

describe('考核结果', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/providers/pages/results/results');
  });
  beforeEach(() => {
    fakeCloud.reset();
    fakeStorage();
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should say where to come from when opened without a provider, reading nothing', async () => {
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('没有找到服务机构');
    expect(fakeCloud.calls).toEqual([]);
  });

  it('should say what it reads while loading', () => {
    providersOk('evaluation.list', evaluationPage([]));
    expect(textOf(find(openWithoutSettling(pageId, QUERY), '#state'))).toContain('正在读取考核结果');
  });

  it('should list the published results with year, kind, grade, outcome and deadline', async () => {
    providersOk(
      'evaluation.list',
      evaluationPage([
        evaluationItem(),
        evaluationItem({
          evaluationId: 'ev-0',
          campaignId: null,
          campaignTitle: null,
          year: 2025,
          kind: 'ad_hoc',
          kindLabel: '专项考核',
          grade: 'excellent',
          gradeLabel: '优秀',
          outcome: 'commend',
          outcomeLabel: '通报表扬',
          rectifyDeadline: null,
        }),
      ]),
    );
    const page = await openPage(pageId, QUERY);

    expect(fakeCloud.sent('evaluation.list').map((c) => c.input)).toEqual([
      { providerId: 'prov-1', status: 'published', page: 1, pageSize: 20 },
    ]);
    expect(textOf(find(page, '#intro'))).toContain('玉州区邻里家电维修服务部的考核结果');
    const first = textOf(find(page, '#result-ev-1'));
    expect(first).toContain('2026 年 · 年度考核');
    expect(first).toContain('公布于 2026-11-29 14:30');
    expect(first).toContain('城南社区 2026 年度服务机构考核');
    expect(first).toContain('考核等级：基本合格');
    expect(first).toContain('处理结果：限期整改');
    expect(first).toContain('整改期限：2026-12-29 14:30');
    const second = textOf(find(page, '#result-ev-0'));
    expect(second).toContain('2025 年 · 专项考核');
    expect(second).toContain('考核等级：优秀');
    expect(second).toContain('处理结果：通报表扬');
    expect(second).not.toContain('整改期限');
    expect(textOf(find(page, '#no-more'))).toContain('已显示全部 2 次考核');
  });

  it('should leave out drafts and never show the reviewers’ figures', async () => {
    providersOk(
      'evaluation.list',
      evaluationPage([
        evaluationItem({ reviewerScore: 68.5, reviewCount: 3 }),
        evaluationItem({
          evaluationId: 'ev-draft',
          year: 2027,
          status: 'draft',
          statusLabel: '评审中',
          grade: null,
          gradeLabel: null,
          outcome: null,
          outcomeLabel: null,
          publishedAt: null,
        }),
      ]),
    );
    // What a reviewer's detail would carry: the page shows none of it.
    providersOk(
      'evaluation.detail',
      evaluationDetail({
        reviews: [{ byLabel: '社区工作人员', score: 68.5, comment: '评审意见不公开', at: 0 }],
      }),
    );
    const page = await openPage(pageId, QUERY);
    expect(page.querySelector('#result-ev-draft')).toBeUndefined();
    expect(textOf(page)).not.toContain('2027');
    await tapCell(page, '#open-ev-1');
    expect(textOf(page)).not.toContain('68.5');
    expect(textOf(page)).not.toContain('评审意见不公开');
  });

  it('should open one in place with its summary, problems and where the provider stands, and close it', async () => {
    providersOk('evaluation.list', evaluationPage([evaluationItem()]));
    providersOk('evaluation.detail', evaluationDetail());
    const page = await openPage(pageId, QUERY);
    expect(page.querySelector('#detail-ev-1')).toBeUndefined();

    await tapCell(page, '#open-ev-1');
    expect(fakeCloud.sent('evaluation.detail').map((c) => c.input)).toEqual([{ evaluationId: 'ev-1' }]);
    const detail = textOf(find(page, '#detail-ev-1'));
    expect(detail).toContain('服务总体及时，回访和收费公示需要改进。');
    expect(detail).toContain('1. 差评回访两次超时');
    expect(detail).toContain('2. 收费未在服务前告知居民');
    expect(textOf(find(page, '#detail-standing'))).toBe('机构目前的状态：限期整改');

    await tapCell(page, '#open-ev-1');
    expect(page.querySelector('#detail-ev-1')).toBeUndefined();
    // Opened again: read once.
    await tapCell(page, '#open-ev-1');
    expect(fakeCloud.sent('evaluation.detail')).toHaveLength(1);
  });

  it('should not speak of a provider’s standing under a result that asked no rectification', async () => {
    const commend = { outcome: 'commend', outcomeLabel: '通报表扬', rectifyDeadline: null } as const;
    providersOk('evaluation.list', evaluationPage([evaluationItem(commend)]));
    providersOk(
      'evaluation.detail',
      evaluationDetail({
        ...commend,
        problems: [],
        providerStatus: 'active',
        providerStatusLabel: '正常服务',
      }),
    );
    const page = await openPage(pageId, QUERY);
    await tapCell(page, '#open-ev-1');
    expect(textOf(find(page, '#detail-ev-1'))).toContain('没有列出问题');
    expect(page.querySelector('#detail-standing')).toBeUndefined();
  });

  it('should say in place why a result could not be opened, with a retry', async () => {
    providersOk('evaluation.list', evaluationPage([evaluationItem()]));
    providersFail('evaluation.detail', 'EVALUATION_NOT_FOUND', '没有找到这次考核评价');
    const page = await openPage(pageId, QUERY);
    await tapCell(page, '#open-ev-1');
    expect(textOf(find(page, '#detail-error'))).toContain('没有找到这次考核评价');

    providersOk('evaluation.detail', evaluationDetail());
    await tapButton(page, '#detail-retry');
    expect(textOf(find(page, '#detail-ev-1'))).toContain('差评回访两次超时');
  });

  it('should say when nothing is published yet, with the way to 红星榜', async () => {
    providersOk('evaluation.list', evaluationPage([]));
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, QUERY);
    expect(textOf(find(page, '#state'))).toContain('这家服务机构还没有公布的考核结果');
    await tapButton(find(page, '#state'), '#state-action');
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/providers/pages/board/board' });
  });

  it('should say why the results could not be read, with a retry', async () => {
    providersFail('evaluation.list', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId, QUERY);
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');

    providersOk('evaluation.list', evaluationPage([evaluationItem()]));
    await tapButton(find(page, '#state'), '#state-action');
    expect(find(page, '#result-ev-1')).toBeDefined();
  });

  it('should read the next page to the end of the list', async () => {
    const items = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        evaluationItem({ evaluationId: `ev-${from + i}`, year: 2000 + from + i }),
      );
    providersOk('evaluation.list', (input) =>
      input['page'] === 1 ? evaluationPage(items(1, 20), 23, 1) : evaluationPage(items(21, 3), 23, 2),
    );
    const page = await openPage(pageId, QUERY);
    expect(page.querySelector('#result-ev-21')).toBeUndefined();
    await tapButton(page, '#more');
    expect(fakeCloud.sent('evaluation.list').map((c) => c.input)).toEqual([
      { providerId: 'prov-1', status: 'published', page: 1, pageSize: 20 },
      { providerId: 'prov-1', status: 'published', page: 2, pageSize: 20 },
    ]);
    expect(textOf(find(page, '#result-ev-23'))).toContain('2023 年 · 年度考核');
    expect(textOf(find(page, '#no-more'))).toContain('已显示全部 23 次考核');
  });

  it('should name the provider from the results when the link did not', async () => {
    providersOk('evaluation.list', evaluationPage([evaluationItem()]));
    const page = await openPage(pageId, { providerId: 'prov-1' });
    expect(textOf(find(page, '#intro'))).toContain('玉州区邻里家电维修服务部的考核结果');
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    providersOk('evaluation.list', evaluationPage([evaluationItem()]));
    expect(rootClasses(await openPage(pageId, QUERY))).toContain('elder');
  });
});
