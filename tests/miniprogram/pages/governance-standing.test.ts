/**
 * 本机构星级 on its real WXML: loading, error (with the way to bind a provider), and the provider's stars,
 * score, parts, 差评率, ranks and tips as provider.standing answers them; a provider below the board's line
 * is told how far it is; the way to its 考核结果; 长辈模式.
 */
import { providersFail, providersOk, standing } from './governance-support';
import { openWithoutSettling } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  openPage,
  rootClasses,
  tapButton,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

describe('本机构星级', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/standing/standing');
  });
  beforeEach(() => {
    fakeCloud.reset();
    fakeStorage();
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should say what it reads while loading', () => {
    providersOk('provider.standing', standing());
    expect(textOf(find(openWithoutSettling(pageId), '#state'))).toContain('正在读取本机构的星级');
  });

  it('should say why it could not read, with the way to bind a provider', async () => {
    providersFail('provider.standing', 'PERMISSION_DENIED', '您还不是服务机构人员');
    const state = find(await openPage(pageId), '#state');
    expect(textOf(state)).toContain('您还不是服务机构人员');
    expect(textOf(state)).toContain('绑定服务机构');
  });

  it('should show the stars, score, 差评率, parts, ranks and tips', async () => {
    providersOk('provider.standing', standing());
    const page = await openPage(pageId);
    const summary = textOf(find(page, '#summary'));
    expect(summary).toContain('★★★★☆');
    expect(summary).toContain('4 星 · 86.5 分');
    expect(summary).toContain('差评率 4.8%');
    expect(summary).toContain('已上红星榜');
    expect(textOf(find(page, '#parts'))).toContain('居民评价54 / 60 分');
    expect(textOf(find(page, '#ranks'))).toContain('家庭保洁 · 城南社区：第 2 名（共 5 家）');
    expect(textOf(find(page, '#tips'))).toContain('按时回访可以提高得分（约可提高 2.5 分）');
  });

  it('should say how far a provider below the line is from the board', async () => {
    providersOk(
      'provider.standing',
      standing({ starLevel: 2, redStar: false, ranks: [], lowRatingRate: null }),
    );
    const page = await openPage(pageId);
    expect(textOf(find(page, '#board-status'))).toBe('3 星及以上才能上红星榜，现在是 2 星');
    expect(textOf(find(page, '#summary'))).toContain('暂无评价');
    expect(textOf(find(page, '#ranks'))).toContain('还没有上榜');
  });

  it('should open every published 考核结果 of the provider, the latest summed up above', async () => {
    providersOk(
      'provider.standing',
      standing({
        latestEvaluation: {
          evaluationId: 'ev-1',
          year: 2026,
          gradeLabel: '合格',
          outcomeLabel: '通报表扬',
          problems: [],
          rectifyDeadline: null,
        },
      }),
    );
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#evaluation'))).toContain('2026 年考核：合格，通报表扬');
    await tapButton(page, '#to-results');
    expect(navigate).toHaveBeenLastCalledWith({
      url: `/packages/providers/pages/results/results?providerId=prov-1&name=${encodeURIComponent('玉州区邻里家电维修服务部')}`,
    });
  });

  it('should say when no result is published yet, still offering the way to 考核结果', async () => {
    providersOk('provider.standing', standing({ latestEvaluation: null }));
    const page = await openPage(pageId);
    expect(textOf(find(page, '#evaluation'))).toContain('还没有公布的考核结果');
    expect(find(page, '#to-results')).toBeDefined();
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    providersOk('provider.standing', standing());
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
