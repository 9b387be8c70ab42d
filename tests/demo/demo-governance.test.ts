/**
 * The demo data goes through the governance path (issue 14): every seeded provider carries its signed
 * application with the review records, notice and agreement; the regulators' grants name their industry;
 * evaluations sit in campaigns with the indicators the core computes from the seeded orders; a removed
 * provider has its blacklist entry and regulator report; every 差评 has its ticket, rerates and an upheld
 * appeal are in the aggregates; the red-star board is what the timer step would write.
 */
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import { addWorkingDays } from '../../core/kernel/working-days';
import { COLLECTIONS, type CollectionData } from '../../core/model/collections.model';
import { INDUSTRY_LABELS, industryOf } from '../../core/model/industry.model';
import { agreementTextOf } from '../../core/providers/agreement.text';
import { computeIndicators } from '../../core/providers/evaluation-indicators';
import { refreshBoard } from '../../core/providers/red-star-board';
import { isLowRating } from '../../core/reputation/rating-levels';
import { recomputeRatingAggregate } from '../../core/reputation/ratings.aggregate';
import { computeReputation } from '../../core/reputation/reputation.formula';
import { DEFAULT_DEMO_NOW } from '../../demo/demo.constants';
import { generateDemoDataset } from '../../demo/demo-dataset';
import { feedbackOf } from '../../demo/demo-feedback';
import { DEMO_IDENTITIES } from '../../demo/demo-identities';
import { MemoryDatabase } from '../core/support/memory-database';

const config = DEFAULT_PLATFORM_CONFIG;
const g = config.governance;
const DAY = 86_400_000;
const NOW = DEFAULT_DEMO_NOW;
const data: CollectionData = generateDemoDataset();
/** More orders: enough 差评 for every ticket state, rerates and both appeals. */
const busy: CollectionData = generateDemoDataset({ orders: 6000 });

const categoryIndustry = new Map(data.service_categories.map((c) => [c._id, industryOf(c)]));
const itemIndustry = new Map(data.service_items.map((i) => [i._id, categoryIndustry.get(i.categoryId)!]));
const industriesOf = (itemIds: readonly string[]) =>
  [...new Set(itemIds.map((id) => itemIndustry.get(id)!))].sort();

describe('applications, review records and agreements', () => {
  const applications = new Map(data.applications.map((a) => [a._id, a]));
  const assessments = data.application_assessments;
  const agreements = new Map(data.agreements.map((a) => [a.applicationId, a]));
  const text = agreementTextOf(g.agreementVersion)!;

  test('every provider that came through onboarding has its signed application, notice and agreement', () => {
    const onboarded = data.providers.filter((p) => p.applicationId !== null);
    expect(onboarded.length).toBe(data.providers.length);
    for (const p of onboarded) {
      const app = applications.get(p.applicationId!)!;
      expect(app).toMatchObject({ status: 'agreement_signed', providerId: p._id, openObjections: 0 });
      const industries = industriesOf(app.offerings.map((o) => o.itemId));
      expect(app.industries).toEqual(industries);
      expect((p as unknown as { industries: string[] }).industries).toEqual(industries);
      expect(app.noticeEndsAt! - app.noticeStartedAt!).toBe(g.noticeDays * DAY);
      expect(app.agreementSignedAt).toBe(p.agreementSignedAt);
      expect(app.noticeEndsAt!).toBeLessThanOrEqual(app.agreementSignedAt!);
      const agreement = agreements.get(app._id)!;
      expect(agreement).toMatchObject({
        _id: app.agreementId,
        providerId: p._id,
        version: g.agreementVersion,
        textHash: text.hash,
        signerOpenid: app.applicantOpenid,
        signedAt: p.agreementSignedAt,
        paper: null,
      });
    }
  });

  test('each has the incubation centre assessment and one per industry, by that industry regulator, before the notice', () => {
    const byApplication = new Map<string, typeof assessments>();
    for (const a of assessments)
      byApplication.set(a.applicationId, [...(byApplication.get(a.applicationId) ?? []), a]);
    for (const app of data.applications.filter((a) => a.status === 'agreement_signed')) {
      const own = byApplication.get(app._id) ?? [];
      expect(own.map((a) => a.assessorKey).sort()).toEqual(
        ['incubation', ...app.industries!.map((i) => `regulator:${i}`)].sort(),
      );
      for (const a of own) {
        expect(a._id).toBe(`${app._id}~${a.assessorKey}`);
        expect(a.total).toBe(Object.values(a.sheet).reduce((s, v) => s + v, 0));
        for (const v of Object.values(a.sheet)) expect(v >= 0 && v <= 20 && Number.isInteger(v)).toBe(true);
        expect(a.assessedAt).toBeGreaterThan(app.createdAt);
        expect(a.assessedAt).toBeLessThan(app.noticeStartedAt!);
        expect(a.assessorRole).toBe(a.assessor === 'incubation' ? 'worker' : 'industry_regulator');
        // A demo identity assesses only within its grant's industry.
        const identity = DEMO_IDENTITIES.find((i) => i.openid === a.assessorOpenid);
        if (identity !== undefined && a.industry !== null) {
          expect(
            identity.grants.some((gr) => gr.industry === a.industry && app.orgPath.startsWith(gr.orgPath!)),
          ).toBe(true);
        }
      }
    }
    // The demo identities do assess: 玉州区市场监督管理局 and 玉林市民政局.
    const assessors = new Set(assessments.map((a) => a.assessorOpenid));
    expect(assessors.has('demo-regulator-1')).toBe(true);
    expect(assessors.has('demo-city-regulator-1')).toBe(true);
  });

  test('the application in notice has both assessments; the one under review only the incubation centre', () => {
    const keysOf = (id: string) =>
      assessments.filter((a) => a.applicationId === id).map((a) => a.assessorKey);
    const noticed = data.applications.find((a) => a._id === 'app-new-3')!;
    expect(keysOf(noticed._id).sort()).toEqual(
      ['incubation', ...noticed.industries!.map((i) => `regulator:${i}`)].sort(),
    );
    expect(keysOf('app-new-2')).toEqual(['incubation']);
    expect(keysOf('app-new-1')).toEqual([]);
  });

  test('the demo regulators grants name the industry their labels say', () => {
    const regulators = DEMO_IDENTITIES.filter((i) => i.role === 'industry_regulator');
    expect(regulators.length).toBeGreaterThan(0);
    for (const r of regulators) {
      const industry = r.grants[0]!.industry as keyof typeof INDUSTRY_LABELS;
      expect(industry).toBeDefined();
      expect(r.label).toContain(`${INDUSTRY_LABELS[industry]}局`);
    }
  });
});

describe('evaluations, campaigns, removal', () => {
  test('every evaluation is published in a campaign of its unit that lists it', () => {
    const campaigns = new Map(data.evaluation_campaigns.map((c) => [c._id, c]));
    expect(data.evaluations.length).toBeGreaterThan(0);
    for (const e of data.evaluations) {
      const c = campaigns.get(e.campaignId!)!;
      expect(c.evaluationIds).toContain(e._id);
      expect(c.orgPath).toBe(e.orgPath);
      expect(e).toMatchObject({ status: 'published', published: true, kind: c.kind, year: c.year });
      expect(e.indicators).toMatchObject({ periodFrom: c.periodFrom, periodTo: c.periodTo });
      expect(e.reviews!.length).toBe(1 + e.industries!.length);
    }
    const listed = data.evaluation_campaigns.flatMap((c) => c.evaluationIds).sort();
    expect(listed).toEqual(data.evaluations.map((e) => e._id).sort());
  });

  test.each([
    ['the demo size', data],
    ['a busy data set', busy],
  ])(
    'the indicators are what computeIndicators finds in the seeded data of the period (%s)',
    async (_, set) => {
      // The demo staff's provider (a third of the orders) at the demo size; a few others and the ad hoc one.
      const sample = set.evaluations.filter(
        (e, i) => (i > 0 && i < 5) || e.kind === 'ad_hoc' || (set === data && e.providerId === 'prv-000001'),
      );
      // Only the sampled providers' documents: the in-memory database scans, the counts are per provider.
      const ids = new Set(sample.map((e) => e.providerId));
      const own = <T extends { providerId: string }>(docs: readonly T[]) =>
        docs.filter((d) => ids.has(d.providerId));
      const db = new MemoryDatabase();
      db.seed(COLLECTIONS.ratings, own(set.ratings));
      db.seed(COLLECTIONS.followUps, own(set.follow_ups));
      db.seed(COLLECTIONS.complaints, own(set.complaints));
      db.seed(COLLECTIONS.orders, own(set.orders));
      for (const e of sample) {
        const period = { from: e.indicators!.periodFrom, to: e.indicators!.periodTo };
        expect(await computeIndicators(db, config, e.providerId, period)).toEqual(e.indicators);
      }
      expect(sample.some((e) => (e.indicators?.ratingCount ?? 0) > 0)).toBe(true);
    },
  );

  test('rectifying and removed providers carry the deadline and problem list; a removed one a report and a blacklist entry', () => {
    const byProvider = new Map(data.evaluations.map((e) => [e.providerId, e]));
    for (const p of data.providers.filter((x) => x.status === 'rectifying')) {
      const e = byProvider.get(p._id)!;
      expect(e).toMatchObject({
        outcome: 'rectify',
        rectifyDeadline: p.rectifyDeadline,
        grade: 'unqualified',
      });
      expect(e.problems.length).toBeGreaterThan(0);
    }
    const removed = data.providers.filter((x) => x.status === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    for (const p of removed) {
      const entry = data.blacklist_entries.find((b) => b.providerId === p._id)!;
      expect(entry).toMatchObject({ _id: `bl-${p.creditCode}`, creditCode: p.creditCode });
      const report = data.regulator_reports.find((r) => r.providerId === p._id)!;
      const e = byProvider.get(p._id)!;
      expect(report).toMatchObject({ creditCode: p.creditCode, providerName: p.name, problems: e.problems });
      expect(report.reportedToNames).toHaveLength(2);
      expect(report.reportedToPaths).toEqual(entry.reportedToPaths);
      expect(report.evaluationHistory[0]).toMatchObject({ year: e.year, outcomeLabel: '限期整改' });
      expect(e.rectifyDeadline!).toBeLessThan(p.statusChangedAt);
      expect(p.blacklisted).toBe(true);
    }
  });
});

describe('差评 tickets, rerates and appeals', () => {
  test.each([
    ['the demo size', data],
    ['a busy data set', busy],
  ])(
    'every 差评 has exactly one ticket with the working-day clocks, in a state the clock allows (%s)',
    (_, set) => {
      const tickets = new Map(set.feedback_tickets.map((t) => [t.ratingId, t]));
      expect(tickets.size).toBe(set.feedback_tickets.length);
      let low = 0;
      for (const r of set.ratings) {
        const firstStars = r.superseded?.stars ?? r.stars;
        const t = tickets.get(r._id);
        if (!isLowRating(firstStars, g.lowRatingAtMost)) {
          expect(t).toBeUndefined();
          continue;
        }
        low += 1;
        expect(t).toMatchObject({ _id: `ft-${r._id}`, stars: firstStars, providerId: r.providerId });
        expect(t!.contactDueAt).toBe(addWorkingDays(r.createdAt, g.ticketContactWorkingDays));
        expect(t!.fixDueAt).toBe(addWorkingDays(r.createdAt, g.ticketFixWorkingDays));
        if (t!.contactedAt !== null) expect(t!.contactedAt).toBeLessThanOrEqual(NOW);
        if (t!.status === 'resolved') expect(t!.resolvedAt!).toBeGreaterThanOrEqual(t!.contactedAt!);
        expect(t!.status === 'open').toBe(t!.contactedAt === null);
        expect(t!.contactOverdueAt !== null).toBe(
          t!.contactedAt === null ? NOW > t!.contactDueAt : t!.contactedAt > t!.contactDueAt,
        );
        expect(t!.fixOverdueAt !== null).toBe(
          t!.resolvedAt === null ? NOW > t!.fixDueAt : t!.resolvedAt > t!.fixDueAt,
        );
        expect(t!.reratedAt !== null).toBe(r.superseded !== undefined);
        if (r.superseded !== undefined) {
          expect(t!.status).toBe('resolved');
          expect(r.superseded.supersededAt).toBe(t!.reratedAt);
          expect(t!.reratedAt!).toBeGreaterThan(t!.resolvedAt!);
        }
      }
      expect(set.feedback_tickets.length).toBe(low);
      expect(low).toBeGreaterThan(0);
    },
  );

  test('a fresh 差评 is open, contacted or resolved by now as the manager’s pace has it', () => {
    // Forty one-star ratings given ten hours ago: the generator's paces spread them over the ticket's states.
    const states = new Set(
      Array.from({ length: 40 }, (_v, i) => {
        const rating = {
          ...data.ratings[0]!,
          _id: `rt-fresh-${i}`,
          stars: 1,
          createdAt: NOW - 10 * 3_600_000,
        };
        const names = { providerName: '某服务机构', itemName: '某服务' };
        return feedbackOf(rating, names, 'demo-provider-manager-1', null, config, NOW).ticket!.status;
      }),
    );
    expect([...states].sort()).toEqual(['contacted', 'open']);
  });

  test('the demo resident’s one-star rating of six hours ago has its ticket open, within its clock', () => {
    const t = data.feedback_tickets.find(
      (x) => x.residentOpenid === 'demo-resident-1' && x.status === 'open',
    );
    expect(t).toBeDefined();
    expect(t!.contactOverdueAt).toBeNull();
    expect(t!.contactDueAt).toBeGreaterThan(NOW);
  });

  test('a busy data set has tickets in every state, rerates and both appeals', () => {
    const states = new Set(busy.feedback_tickets.map((t) => t.status));
    expect(states.has('open') && states.has('resolved')).toBe(true);
    expect([...states].every((s) => ['open', 'contacted', 'resolved'].includes(s))).toBe(true);
    expect(busy.feedback_tickets.some((t) => t.contactOverdueAt !== null)).toBe(true);
    expect(busy.feedback_tickets.some((t) => t.fixOverdueAt !== null)).toBe(true);
    expect(busy.ratings.some((r) => r.superseded !== undefined)).toBe(true);
    expect(busy.rating_appeals.map((a) => a.status).sort()).toEqual(['dismissed', 'upheld']);
    expect(data.rating_appeals.map((a) => a.status).sort()).toEqual(['dismissed', 'upheld']);
  });

  test.each([
    ['the demo size', data],
    ['a busy data set', busy],
  ])(
    'aggregates count the second rating and leave out the upheld appeal, as core/reputation does (%s)',
    (_, set) => {
      const upheld = set.rating_appeals.find((a) => a.status === 'upheld')!;
      const rating = set.ratings.find((r) => r._id === upheld.ratingId)!;
      expect(rating).toMatchObject({ counted: false, appealUpheldId: upheld._id });
      for (const a of set.rating_appeals.filter((x) => x.status === 'dismissed')) {
        expect(set.ratings.find((r) => r._id === a.ratingId)!.counted).not.toBe(false);
      }
      const rerated = set.ratings.filter((r) => r.superseded !== undefined);
      for (const r of rerated) expect(set.orders.find((o) => o._id === r.orderId)!.stars).toBe(r.stars);
      const prior = config.reputation.prior;
      for (const p of set.providers) {
        const own = set.ratings.filter((r) => r.providerId === p._id && r.counted !== false);
        const recount = recomputeRatingAggregate(own);
        expect([p.ratingCount, p.ratingSum, [...p.starCounts]]).toEqual([
          recount.ratingCount,
          recount.ratingSum,
          [...recount.starCounts],
        ]);
        const reputation = computeReputation(
          {
            ratings: recount,
            followUps: { due: p.followUpsDue, onTime: p.followUpsOnTime },
            latestEvaluationGrade: p.latestEvaluationGrade,
            upheldComplaints: p.upheldComplaints,
          },
          prior,
        );
        expect(p.reputation).toBe(reputation.score);
      }
    },
  );

  test('complaints carry the provider and item names and the industry, as complaint.submit copies them', () => {
    const orders = new Map(data.orders.map((o) => [o._id, o]));
    expect(data.complaints.length).toBeGreaterThan(0);
    for (const c of data.complaints) {
      const o = orders.get(c.orderId)!;
      expect(c).toMatchObject({
        providerName: o.providerName,
        itemId: o.itemId,
        itemName: o.itemName,
        industry: itemIndustry.get(o.itemId),
      });
    }
  });
});

describe('the red-star board', () => {
  test('the seeded snapshot is what the timer step would write: a refresh finds nothing to change', async () => {
    expect(data.red_star_board.length).toBeGreaterThan(0);
    const db = new MemoryDatabase();
    db.seed(COLLECTIONS.providers, data.providers);
    db.seed(COLLECTIONS.offerings, data.offerings);
    db.seed(COLLECTIONS.serviceItems, data.service_items);
    db.seed(COLLECTIONS.orgUnits, data.org_units);
    db.seed(COLLECTIONS.redStarBoard, data.red_star_board);
    expect(await refreshBoard(db, config, NOW)).toEqual({ written: 0, removed: 0 });
    const onBoard = new Set(data.red_star_board.map((r) => r.providerId));
    for (const id of onBoard) {
      const p = data.providers.find((x) => x._id === id)!;
      expect(p.status).toBe('active');
      expect(p.starLevel).toBeGreaterThanOrEqual(g.boardMinStars);
    }
  });
});
