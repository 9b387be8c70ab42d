/**
 * The demo's funding ledger (经费台账, docs/funds.md): a year of entries for 东门社区, its 玉城街道 and its
 * 玉州区, from the five sources (财政安排一点、党费拨一点、街道出一点、爱心企业捐助一点、社区筹一点) and on the
 * five uses, each spending with its receipt; and one correction (a community spending typed 10 times too large:
 * its reversal and the corrected entry). Dates count back from `now`, so the current year and the one before
 * both have entries (the summary's carried balance).
 *
 * The receipts are file ids in the console's layout (core/files/console-files.rules.ts); the demo does not put
 * files behind them, so opening one answers that the file is not there.
 */
import type { FundEntry, FundSource, FundUse } from '../core/model/operations.model';
import { pathFromIds } from '../core/org/org-path';
import { CITY_ID, DAY_MS, DEMO_COMMUNITY_ID, DEMO_COUNTY_ID, DEMO_STREET_ID } from './demo.constants';
import { shanghaiDate } from './demo-people';

/** Where a demo receipt would be kept (the local cloud's bucket and the console's folder). */
const RECEIPT_PREFIX = 'cloud://local.local-bucket/console/fund_receipt';

interface DemoBook {
  readonly unitId: string;
  readonly path: string;
  readonly recordedBy: string;
  readonly recordedByName: string;
  readonly incomes: readonly {
    readonly source: FundSource;
    readonly yuan: number;
    readonly daysAgo: number;
    readonly note: string;
    readonly counterparty: string;
  }[];
  readonly expenses: readonly {
    readonly use: FundUse;
    readonly yuan: number;
    readonly daysAgo: number;
    readonly note: string;
    readonly counterparty: string;
  }[];
}

const COUNTY_PATH = pathFromIds([CITY_ID, DEMO_COUNTY_ID]);
const STREET_PATH = pathFromIds([CITY_ID, DEMO_COUNTY_ID, DEMO_STREET_ID]);
const COMMUNITY_PATH = pathFromIds([CITY_ID, DEMO_COUNTY_ID, DEMO_STREET_ID, DEMO_COMMUNITY_ID]);

const BOOKS: readonly DemoBook[] = [
  {
    unitId: DEMO_COMMUNITY_ID,
    path: COMMUNITY_PATH,
    recordedBy: 'demo-community-worker-1',
    recordedByName: 'community.worker',
    incomes: [
      {
        source: 'finance',
        yuan: 50_000,
        daysAgo: 330,
        note: '年度社区服务群众专项经费',
        counterparty: '玉州区财政局',
      },
      {
        source: 'party_dues',
        yuan: 8_000,
        daysAgo: 290,
        note: '党费拨付党建活动经费',
        counterparty: '中共玉州区委组织部',
      },
      {
        source: 'street',
        yuan: 15_000,
        daysAgo: 250,
        note: '玉城街道“为民红绳”平台运行补助',
        counterparty: '玉城街道办事处',
      },
      { source: 'donor', yuan: 6_000, daysAgo: 210, note: '爱心企业捐助', counterparty: '玉林市惠民超市' },
      { source: 'community', yuan: 3_500, daysAgo: 170, note: '社区自筹', counterparty: '' },
    ],
    expenses: [
      {
        use: 'service_fund',
        yuan: 18_600,
        daysAgo: 300,
        note: '困难群众微心愿物资采购',
        counterparty: '玉林市惠民超市',
      },
      {
        use: 'community_work',
        yuan: 9_200,
        daysAgo: 250,
        note: '社区活动场地和办公耗材',
        counterparty: '玉林市文具批发部',
      },
      { use: 'staff_pay', yuan: 24_000, daysAgo: 200, note: '网格员、平台管理人员补贴', counterparty: '' },
      {
        use: 'facilities',
        yuan: 7_850,
        daysAgo: 150,
        note: '孵化管理中心公示栏和服务流程图制作',
        counterparty: '玉林市红星广告制作部',
      },
      {
        use: 'platform',
        yuan: 4_500,
        daysAgo: 100,
        note: '信息发布系统维护',
        counterparty: '玉林市信息技术服务中心',
      },
    ],
  },
  {
    unitId: DEMO_STREET_ID,
    path: STREET_PATH,
    recordedBy: 'demo-street-worker-1',
    recordedByName: 'street.worker',
    incomes: [
      {
        source: 'finance',
        yuan: 120_000,
        daysAgo: 320,
        note: '街道服务群众专项经费',
        counterparty: '玉州区财政局',
      },
      {
        source: 'party_dues',
        yuan: 20_000,
        daysAgo: 280,
        note: '党费拨付',
        counterparty: '中共玉州区委组织部',
      },
      { source: 'street', yuan: 30_000, daysAgo: 240, note: '街道预算安排', counterparty: '玉城街道办事处' },
      {
        source: 'donor',
        yuan: 10_000,
        daysAgo: 190,
        note: '爱心企业捐助',
        counterparty: '广西玉林制药有限责任公司',
      },
      { source: 'community', yuan: 2_000, daysAgo: 140, note: '辖区社区自筹上交', counterparty: '' },
    ],
    expenses: [
      { use: 'service_fund', yuan: 45_000, daysAgo: 290, note: '辖区困难群众帮扶', counterparty: '' },
      { use: 'community_work', yuan: 26_000, daysAgo: 230, note: '社区工作经费补助', counterparty: '' },
      { use: 'staff_pay', yuan: 36_000, daysAgo: 180, note: '街道平台管理人员补贴', counterparty: '' },
      {
        use: 'facilities',
        yuan: 18_500,
        daysAgo: 120,
        note: '示范站点标识和设备',
        counterparty: '玉林市红星广告制作部',
      },
      {
        use: 'platform',
        yuan: 12_000,
        daysAgo: 60,
        note: '平台培训和推广',
        counterparty: '玉林市信息技术服务中心',
      },
    ],
  },
  {
    unitId: DEMO_COUNTY_ID,
    path: COUNTY_PATH,
    recordedBy: 'demo-county-worker-1',
    recordedByName: 'county.worker',
    incomes: [
      {
        source: 'finance',
        yuan: 300_000,
        daysAgo: 340,
        note: '区级城市基层党建专项经费',
        counterparty: '玉州区财政局',
      },
      {
        source: 'party_dues',
        yuan: 60_000,
        daysAgo: 300,
        note: '党费拨付',
        counterparty: '中共玉林市委组织部',
      },
      { source: 'street', yuan: 20_000, daysAgo: 260, note: '街道配套', counterparty: '玉城街道办事处' },
      { source: 'donor', yuan: 50_000, daysAgo: 200, note: '爱心企业捐助', counterparty: '玉林市慈善总会' },
      { source: 'community', yuan: 5_000, daysAgo: 160, note: '社区自筹', counterparty: '' },
    ],
    expenses: [
      { use: 'service_fund', yuan: 120_000, daysAgo: 280, note: '全区服务群众专项', counterparty: '' },
      { use: 'community_work', yuan: 80_000, daysAgo: 220, note: '社区工作经费下拨', counterparty: '' },
      { use: 'staff_pay', yuan: 60_000, daysAgo: 170, note: '专职人员报酬', counterparty: '' },
      {
        use: 'facilities',
        yuan: 45_000,
        daysAgo: 110,
        note: '示范站点建设',
        counterparty: '玉林市建设工程有限公司',
      },
      {
        use: 'platform',
        yuan: 38_000,
        daysAgo: 40,
        note: '“为民红绳”平台建设',
        counterparty: '玉林市信息技术服务中心',
      },
    ],
  },
];

/** The community's mistyped spending (十倍) and what it should have been, with the correction 3 days later. */
const MISTYPED = {
  use: 'service_fund' as const,
  typedYuan: 12_000,
  rightYuan: 1_200,
  daysAgo: 80,
  note: '重阳节慰问老人物资',
  counterparty: '玉林市惠民超市',
  reason: '金额录入多了一个 0，按发票更正为 1,200 元',
};

const receipt = (path: string, at: number, id: string): string =>
  `${RECEIPT_PREFIX}/${path.slice(1)}${shanghaiDate(at).replace(/-/g, '')}-${id}.jpg`;

export function demoFundEntries(now: number): FundEntry[] {
  const entries: FundEntry[] = [];
  let n = 0;
  const nextId = () => `fund-${String((n += 1)).padStart(4, '0')}`;
  for (const book of BOOKS) {
    const base = {
      orgUnitId: book.unitId,
      orgPath: book.path,
      recordedBy: book.recordedBy,
      recordedByName: book.recordedByName,
      reversesEntryId: null,
      correctsEntryId: null,
      reason: '',
    };
    for (const i of book.incomes) {
      const at = now - i.daysAgo * DAY_MS;
      entries.push({
        ...base,
        _id: nextId(),
        direction: 'income',
        source: i.source,
        amountFen: i.yuan * 100,
        date: shanghaiDate(at),
        note: i.note,
        counterparty: i.counterparty,
        attachments: [],
        createdAt: at,
      });
    }
    for (const e of book.expenses) {
      const at = now - e.daysAgo * DAY_MS;
      const id = nextId();
      entries.push({
        ...base,
        _id: id,
        direction: 'expense',
        use: e.use,
        amountFen: e.yuan * 100,
        date: shanghaiDate(at),
        note: e.note,
        counterparty: e.counterparty,
        attachments: [receipt(book.path, at, id)],
        createdAt: at,
      });
    }
  }
  entries.push(...demoCorrection(now, nextId));
  return entries;
}

/** The community's mistyped spending, its reversal and the corrected entry (decision 0053). */
function demoCorrection(now: number, nextId: () => string): FundEntry[] {
  const community = BOOKS[0]!;
  const at = now - MISTYPED.daysAgo * DAY_MS;
  const correctedAt = at + 3 * DAY_MS;
  const originalId = nextId();
  const original: FundEntry = {
    _id: originalId,
    orgUnitId: community.unitId,
    orgPath: community.path,
    recordedBy: community.recordedBy,
    recordedByName: community.recordedByName,
    direction: 'expense',
    use: MISTYPED.use,
    amountFen: MISTYPED.typedYuan * 100,
    date: shanghaiDate(at),
    note: MISTYPED.note,
    counterparty: MISTYPED.counterparty,
    attachments: [receipt(community.path, at, originalId)],
    createdAt: at,
    reversesEntryId: null,
    correctsEntryId: null,
    reason: '',
  };
  return [
    original,
    {
      ...original,
      _id: `${originalId}-rev`,
      amountFen: -original.amountFen,
      createdAt: correctedAt,
      reversesEntryId: originalId,
      reason: MISTYPED.reason,
    },
    {
      ...original,
      _id: nextId(),
      amountFen: MISTYPED.rightYuan * 100,
      createdAt: correctedAt,
      correctsEntryId: originalId,
    },
  ];
}
