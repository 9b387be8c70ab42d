/**
 * docs/reputation.md quotes the default parameters and the worked example; keep it honest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  computeReputation,
  DEFAULT_REPUTATION_POLICY as P,
} from '../../../core/reputation/reputation.formula';

const doc = readFileSync(join(__dirname, '../../../docs/reputation.md'), 'utf8');

test('the parameter table shows the default policy', () => {
  expect(doc).toContain(`| m | ${P.ratingPriorWeight} |`);
  expect(doc).toContain(`| k | ${P.punctualityPriorWeight} |`);
  expect(doc).toContain(`| p₀ | ${P.punctualityPriorRate} |`);
  expect(doc).toContain(
    `| weights | ${P.weights.rating} / ${P.weights.punctuality} / ${P.weights.evaluation} |`,
  );
  expect(doc).toContain(`${P.complaintPenalty} per complaint, at most ${P.complaintPenaltyCap}`);
  const [five, four, three, two] = P.starThresholds;
  for (const [t, stars] of [
    [five, 5],
    [four, 4],
    [three, 3],
    [two, 2],
  ] as const) {
    expect(doc).toContain(`| ≥ ${t.toFixed(1)} | ${stars} |`);
  }
  expect(doc).toContain(
    `**${P.redStarMinLevel} stars or more with at least ${P.redStarMinRatings} ratings**`,
  );
});

test('the worked example’s explanations are the ones the code produces', () => {
  const rep = computeReputation(
    {
      ratings: { ratingCount: 48, ratingSum: 216 },
      followUps: { due: 40, onTime: 36 },
      latestEvaluationGrade: 'excellent',
      upheldComplaints: 1,
    },
    { mean: 4.2, source: 'item' },
  );
  expect(doc).toContain(`| score | | 51.7 + 18.0 + 20.0 − 5.0 | **${rep.score}** |`);
  for (const c of rep.components) expect(doc).toContain(`- ${c.label}：${c.explanation}`);
});
