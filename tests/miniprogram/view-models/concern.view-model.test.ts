/**
 * The concern view models: a reply of the `concerns` function in, what the page shows out — rows with their
 * status, level and 我也关心 count said for a screen reader, the detail's timeline in Shanghai time with its
 * photos, the buttons exactly as `actions` allows, and a sensitive worry's details kept back.
 */
import {
  CLAIM_AS_LABELS,
  concernTheme,
  photoIdsOf,
  toConcernDetail,
  toConcernRow,
  toSimilarRow,
} from '../../../miniprogram/packages/concerns/view-models/concern.view-model';
import { detail, listItem, step } from '../pages/concern-replies';
import { T0 } from '../pages/support/replies';

describe('concern rows', () => {
  it('should show status, level, 我也关心 and the time, and say it all for a screen reader', () => {
    expect(toConcernRow(listItem(), T0)).toEqual({
      id: 'concern-1',
      title: '楼道灯坏了很久，晚上上下楼不安全',
      kindLabel: '忧心事',
      statusLabel: '已发布待认领',
      statusTheme: 'warning',
      levelLabel: '社区',
      supportText: '3 人也关心',
      claimer: '',
      createdAt: '11-29 14:30',
      overdue: '',
      label:
        '忧心事，楼道灯坏了很久，晚上上下楼不安全，已发布待认领，社区，3 人也关心，11-29 14:30，查看详情',
    });
  });

  it('should say nothing of support nobody gave, and say an overdue claim in words', () => {
    const row = toConcernRow(listItem({ supportCount: 0, overdue: true, claimerName: '银发理发微团队' }), T0);
    expect(row.supportText).toBe('');
    expect(row.overdue).toBe('已超过认领期限');
    expect(row.claimer).toBe('银发理发微团队');
    expect(row.label).not.toContain('人也关心');
    expect(row.label).toContain('已超过认领期限');
  });

  it('should give the full date for a concern of another year', () => {
    expect(toConcernRow(listItem(), T0 + 40 * 86_400_000).createdAt).toBe('2026-11-29 14:30');
  });

  it.each<[Parameters<typeof concernTheme>[0], string]>([
    ['submitted', 'warning'],
    ['rejected', 'danger'],
    ['in_progress', 'primary'],
    ['confirmed', 'success'],
    ['withdrawn', 'default'],
  ])('should colour %s as %s (the words say the status)', (status, theme) => {
    expect(concernTheme(status)).toBe(theme);
  });
});

describe('similar concerns', () => {
  it('should say how many care, and name the button after the concern', () => {
    const row = toSimilarRow({
      concernId: 'c-7',
      title: '楼道灯不亮',
      statusLabel: '办理中',
      supportCount: 0,
      similarity: 0.7,
    });
    expect(row).toEqual({
      id: 'c-7',
      title: '楼道灯不亮',
      statusLabel: '办理中',
      supportText: '还没有人表示关心',
      supportLabel: '我也关心：楼道灯不亮',
    });
  });
});

describe('the concern detail', () => {
  it('should put the timeline in Shanghai time with who (a role) and why, pointing at its photos', () => {
    const reply = detail({
      images: ['cloud://a.jpg'],
      timeline: [
        step('submitted', 0, '提交事项'),
        step('escalated', 50, '推送上一级', { byRole: '系统', reason: '超过认领期限', levelLabel: '街道' }),
        step('in_progress', 60, '开始办理', { byRole: '党员', images: ['cloud://b.jpg', 'cloud://a.jpg'] }),
      ],
    });
    const view = toConcernDetail(reply, T0);
    expect(photoIdsOf(reply)).toEqual(['cloud://a.jpg', 'cloud://b.jpg']);
    expect(view.photos).toEqual([0]);
    expect(view.progressPhotos).toEqual([1]);
    expect(view.timeline).toEqual([
      { title: '提交事项', content: '2026-11-29 14:30 · 居民', photos: [] },
      { title: '推送上一级', content: '2026-12-01 16:30 · 系统 · 推送至街道 · 超过认领期限', photos: [] },
      { title: '开始办理', content: '2026-12-02 02:30 · 党员', photos: [1, 0] },
    ]);
    expect(view.current).toBe(2);
  });

  it('should show exactly the buttons actions allows', () => {
    const none = toConcernDetail(detail(), T0).buttons;
    expect(none).toEqual({
      withdraw: false,
      claim: false,
      release: false,
      update: false,
      resolve: false,
      confirm: false,
      support: false,
      any: false,
    });
    const handler = toConcernDetail(detail({}, { canUpdate: true, canResolve: true }), T0).buttons;
    expect(handler).toMatchObject({ update: true, resolve: true, release: false, any: true });
    // Review, publish, escalate and refer are the console's: no button here.
    const worker = toConcernDetail(detail({}, { canReview: true, canPublish: true, canRefer: true }), T0);
    expect(worker.buttons.any).toBe(false);
  });

  it('should offer a claim only with the identities actions names, and 我也关心 only once', () => {
    const view = toConcernDetail(detail({}, { canClaim: true, claimAs: ['party_org', 'unit'] }), T0);
    expect(view.buttons.claim).toBe(true);
    expect(view.claimOptions).toEqual([
      { value: 'party_org', label: CLAIM_AS_LABELS.party_org },
      { value: 'unit', label: CLAIM_AS_LABELS.unit },
    ]);
    expect(toConcernDetail(detail({}, { canClaim: true, claimAs: [] }), T0).buttons.claim).toBe(false);
    expect(toConcernDetail(detail({ supportedByMe: true }, { canSupport: true }), T0).buttons.support).toBe(
      false,
    );
  });

  it('should keep back a sensitive worry’s details and say why', () => {
    const view = toConcernDetail(detail({ content: null, sensitive: true }), T0);
    expect(view.content).toBe('该诉求涉及个人敏感信息，详细内容仅本人、审核人员和认领人可见');
  });

  it('should say the resident’s answer with its reason', () => {
    const view = toConcernDetail(
      detail({
        status: 'in_progress',
        confirmation: { outcome: 'partly', outcomeLabel: '部分解决', reason: '还差一盏', at: T0 },
        resolutionSummary: '换了三盏灯',
      }),
      T0,
    );
    expect(view.confirmation).toBe('部分解决（还差一盏）');
    expect(view.resolutionSummary).toBe('换了三盏灯');
  });
});
