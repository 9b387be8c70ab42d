/**
 * The pure rules of evaluations and the red-star board (docs/governance.md): the evaluated period, who is on
 * the board and with which rows, the standing's tips, and the regulators' Word report read back as a zip.
 */
import JSZip from 'jszip';
import { DEFAULT_PLATFORM_CONFIG } from '../../../core/kernel/platform.config';
import type { RegulatorReport } from '../../../core/model/evaluation.model';
import type { Provider } from '../../../core/model/provider.model';
import { evaluationPeriod } from '../../../core/providers/evaluation-indicators';
import { boardRowsOf, onBoard, outerAreaPaths } from '../../../core/providers/red-star-board';
import { regulatorReportBase64, reportFileName } from '../../../core/providers/regulator-report.document';
import { standingTips } from '../../../core/providers/standing-query';
import { providerReputation } from '../../../core/reputation/provider-reputation';

const config = DEFAULT_PLATFORM_CONFIG;
const SHANGHAI = 8 * 3_600_000;
const NOW = Date.UTC(2025, 2, 10, 2);

function provider(overrides: Partial<Provider> = {}): Provider {
  const base = {
    _id: 'prv-1',
    name: '玉林市玉州区安心家政服务中心',
    creditCode: '92450902MA5K1234XK',
    status: 'active',
    blacklisted: false,
    ratingCount: 20,
    ratingSum: 90,
    starCounts: [0, 1, 1, 5, 13],
    followUpsDue: 10,
    followUpsOnTime: 8,
    latestEvaluationGrade: 'qualified',
    upheldComplaints: 0,
    serviceAreaPaths: ['/c/k/s/', '/c/k/s/m/', '/c/k/t/'],
    orgPath: '/c/k/s/m/',
  } as const;
  const merged = { ...base, ...overrides } as unknown as Provider;
  const reputation = providerReputation(merged, config);
  return {
    ...merged,
    reputation: reputation.score,
    starLevel: reputation.starLevel,
    ...overrides,
  } as Provider;
}

const names = {
  items: new Map([
    ['item-a', '居家保洁'],
    ['item-b', '家电维修'],
  ]),
  units: new Map([
    ['s', '玉城街道'],
    ['t', '名山街道'],
  ]),
};

test('the period: a yearly campaign covers its calendar year in Shanghai up to now; ad hoc the last 365 days', () => {
  expect(evaluationPeriod('yearly', 2025, NOW)).toEqual({ from: Date.UTC(2025, 0, 1) - SHANGHAI, to: NOW });
  expect(evaluationPeriod('yearly', 2024, NOW)).toEqual({
    from: Date.UTC(2024, 0, 1) - SHANGHAI,
    to: Date.UTC(2025, 0, 1) - SHANGHAI,
  });
  expect(evaluationPeriod('ad_hoc', 2025, NOW)).toEqual({ from: NOW - 365 * 86_400_000, to: NOW });
});

test('the board: active, not blacklisted, enough stars and ratings; one row per listed item and outer area unit', () => {
  expect(outerAreaPaths(['/c/k/s/m/', '/c/k/s/', '/c/k/t/', '/c/k/s/'])).toEqual(['/c/k/s/', '/c/k/t/']);
  const p = provider();
  expect(p.starLevel).toBeGreaterThanOrEqual(config.governance.boardMinStars);
  const offerings = [
    { _id: 'o1', itemId: 'item-a', active: true },
    { _id: 'o2', itemId: 'item-b', active: true, review: 'pending' },
    { _id: 'o3', itemId: 'item-c', active: false },
  ];
  const rows = boardRowsOf(p, offerings, names, config, NOW);
  expect(rows.map((r) => r._id)).toEqual(['prv-1~item-a~s', 'prv-1~item-a~t']);
  expect(rows[0]).toMatchObject({
    itemName: '居家保洁',
    orgUnitName: '玉城街道',
    lowRatingRate: 0.05,
    items: ['居家保洁'],
  });
  expect(onBoard(provider({ status: 'suspended' }), config)).toBe(false);
  expect(onBoard(provider({ blacklisted: true }), config)).toBe(false);
  expect(onBoard(provider({ ratingCount: 4, ratingSum: 20, starCounts: [0, 0, 0, 0, 4] }), config)).toBe(
    false,
  );
  expect(onBoard(provider({ starLevel: 2 }), config)).toBe(false);
});

test('the tips say which part to raise and by how much, best gain first', () => {
  const p = provider({ upheldComplaints: 2 });
  const tips = standingTips(p, config);
  expect(tips.map((t) => t.gain)).toEqual([...tips.map((t) => t.gain)].sort((a, b) => b - a));
  expect(tips.find((t) => t.key === 'complaints')).toMatchObject({ gain: 10 });
  const grade = tips.find((t) => t.key === 'evaluation')!;
  // 合格 (0.8) -> 优秀 (1): a fifth of the evaluation part's 20 points.
  expect(grade.gain).toBe(4);
  expect(tips.some((t) => t.key === 'punctuality' && t.gain > 0)).toBe(true);
  expect(tips.some((t) => t.text.includes('差评率'))).toBe(true);
  // Nothing to gain from the grade once excellent.
  expect(
    standingTips(provider({ latestEvaluationGrade: 'excellent' }), config).some(
      (t) => t.key === 'evaluation',
    ),
  ).toBe(false);
});

test('the report to the regulators is a Word file naming the provider, its reasons, problems and history', async () => {
  const report: RegulatorReport = {
    _id: 'rr-1',
    providerId: 'prv-1',
    providerName: '玉林市玉州区安心家政服务中心',
    creditCode: '92450902MA5K1234XK',
    legalRepresentative: '陈师傅',
    address: '玉林市玉州区人民中路 1 号',
    contactPhone: '0775-2801234',
    unitName: '东门社区',
    itemNames: ['居家保洁'],
    reasons: ['整改期限届满验收未通过，问题依然存在：回访记录仍然缺失'],
    problems: ['多次超时未接单', '回访记录缺失'],
    evaluationHistory: [
      { year: 2025, gradeLabel: '不合格', outcomeLabel: '限期整改', summary: '问题较多', at: NOW },
    ],
    reportedToPaths: ['/c/', '/c/k/'],
    reportedToNames: ['玉林市', '玉州区'],
    createdBy: 'leader-1',
    createdByRole: 'leader',
    createdAt: NOW,
    orgPath: '/c/k/s/m/',
  };
  expect(reportFileName(report)).toBe('服务机构清退报备-玉林市玉州区安心家政服务中心-20250310.docx');
  const zip = await JSZip.loadAsync(Buffer.from(await regulatorReportBase64(report), 'base64'));
  const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  for (const expected of [
    report.providerName,
    report.creditCode,
    ...report.reasons,
    ...report.problems,
    '玉林市',
    '玉州区',
    '2025年3月10日',
    '限期整改',
  ]) {
    expect(text).toContain(expected);
  }
});
