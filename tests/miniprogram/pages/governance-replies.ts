/**
 * Replies of the `providers` function as it sends them, typed with the core's reply types (weimin-core),
 * built per test: what the governance pages' scripted function answers with, and what the view-model tests
 * map.
 */
import type {
  ApplicationActions,
  ApplicationDetail,
  ApplicationSummary,
  CatalogListReply,
  EvaluationDetail,
  EvaluationListItem,
  EvaluationListResult,
  FeedbackTicketView,
  NoticeListItem,
  OfferingView,
  ProviderStanding,
  RedStarBoardResult,
  RedStarBoardRow,
} from 'weimin-core';
import { T0 } from './support/replies';

export { T0 };
const DAY = 86_400_000;

export const CATALOG: CatalogListReply = {
  categories: [
    {
      _id: 'cat-housekeeping',
      name: '家政服务',
      items: [
        { _id: 'item-cleaning', name: '家庭保洁', description: '日常保洁', available: true },
        { _id: 'item-repair', name: '家电维修', description: '上门检修', available: false },
      ],
    },
  ],
  page: 1,
  pageSize: 50,
  hasMore: false,
};

export const NO_ACTIONS: ApplicationActions = {
  canAssess: false,
  canStartReview: false,
  canReturn: false,
  canReject: false,
  canNotice: false,
  canAnswerObjections: false,
  canSign: false,
  canWithdraw: false,
  canObject: false,
  canResubmit: false,
};

export function applicationSummary(overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
  return {
    applicationId: 'app-1',
    name: '玉州区安心家政服务中心',
    orgUnitId: 'unit-community',
    orgUnitName: '城南社区',
    status: 'under_review',
    statusLabel: '审核中',
    industries: [{ industry: 'civil_affairs', label: '民政' }],
    itemNames: ['家庭保洁'],
    paper: false,
    createdAt: T0,
    statusChangedAt: T0,
    noticeEndsAt: null,
    providerId: null,
    ...overrides,
  };
}

export const AGREEMENT_TEXT = {
  version: '2026-1',
  title: '为民红绳服务机构服务协定',
  text: '第一条 服务机构按公示的价格提供服务。\n第二条 低收费服务的价格低于市场价。',
};

export function applicationDetail(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    applicationId: 'app-1',
    status: 'noticed',
    statusLabel: '公示中',
    orgUnitId: 'unit-community',
    orgUnitName: '城南社区',
    name: '玉州区安心家政服务中心',
    creditCode: '91450900MA5N0X123Y',
    legalRepresentative: '李明',
    contactName: '王芳',
    contactPhone: '13800001111',
    address: '玉州区人民中路 1 号',
    introduction: '',
    managementRules: '服务规范和投诉处理制度',
    qualifications: [{ name: '家政服务资质', number: 'JZ-001', validUntil: null, fileIds: [] }],
    serviceAreas: [{ orgUnitId: 'unit-community', name: '城南社区' }],
    offerings: [
      {
        itemId: 'item-cleaning',
        itemName: '家庭保洁',
        industry: 'civil_affairs',
        pricing: { kind: 'low_fee', priceFen: 2000, marketPriceFen: 5000, unit: '次' },
        priceText: '20元/次（市场价 50元/次）',
        description: '',
      },
    ],
    industries: [{ industry: 'civil_affairs', label: '民政' }],
    paperReceivedOn: null,
    createdAt: T0 - 10 * DAY,
    statusChangedAt: T0 - 8 * DAY,
    lastReason: null,
    noticeStartedAt: T0 - 8 * DAY,
    noticeEndsAt: T0 - DAY,
    assessments: [],
    missingAssessments: [],
    objections: [],
    openObjections: 0,
    agreement: null,
    agreementText: AGREEMENT_TEXT,
    providerId: null,
    timeline: [
      { at: T0 - 10 * DAY, from: null, to: 'applied', label: '提交申请', byRole: '申请人', reason: null },
      {
        at: T0 - 8 * DAY,
        from: 'under_review',
        to: 'noticed',
        label: '发布公示',
        byRole: '社区负责人',
        reason: null,
      },
    ],
    actions: { ...NO_ACTIONS, canSign: true },
    ...overrides,
  };
}

export function boardRow(overrides: Partial<RedStarBoardRow> = {}): RedStarBoardRow {
  return {
    rank: 1,
    providerId: 'prov-1',
    providerName: '玉州区邻里家电维修服务部',
    itemId: 'item-cleaning',
    itemName: '家庭保洁',
    orgUnitId: 'unit-community',
    orgUnitName: '城南社区',
    starLevel: 4,
    reputation: 86.5,
    ratingCount: 42,
    lowRatingRate: 0.0476,
    items: ['家庭保洁', '家电维修'],
    latestEvaluationGradeLabel: null,
    ...overrides,
  };
}

export function boardPage(items: RedStarBoardRow[], total = items.length, page = 1): RedStarBoardResult {
  return {
    items,
    total,
    page,
    pageSize: 20,
    hasMore: (page - 1) * 20 + items.length < total,
    refreshedAt: T0,
  };
}

export function noticeItem(overrides: Partial<NoticeListItem> = {}): NoticeListItem {
  return {
    applicationId: 'app-1',
    name: '玉州区安心家政服务中心',
    orgUnitId: 'unit-community',
    orgUnitName: '城南社区',
    introduction: '专注社区家政服务',
    items: [
      {
        itemId: 'item-cleaning',
        itemName: '家庭保洁',
        priceText: '20元/次（市场价 50元/次）',
        pricing: { kind: 'low_fee', priceFen: 2000, marketPriceFen: 5000, unit: '次' },
      },
    ],
    serviceAreaNames: ['城南社区'],
    industries: [{ industry: 'civil_affairs', label: '民政' }],
    noticeStartedAt: T0 - DAY,
    noticeEndsAt: T0 + 6 * DAY,
    ...overrides,
  };
}

export function offeringView(overrides: Partial<OfferingView> = {}): OfferingView {
  return {
    offeringId: 'off-1',
    providerId: 'prov-1',
    itemId: 'item-cleaning',
    itemName: '家庭保洁',
    categoryId: 'cat-housekeeping',
    pricing: { kind: 'low_fee', priceFen: 2000, marketPriceFen: 5000, unit: '次' },
    priceText: '20元/次（市场价 50元/次）',
    description: '',
    active: true,
    review: 'approved',
    reviewLabel: '已通过',
    reviewReason: null,
    matchable: true,
    updatedAt: T0,
    ...overrides,
  };
}

export function ticketView(overrides: Partial<FeedbackTicketView> = {}): FeedbackTicketView {
  return {
    ticketId: 'ticket-1',
    ratingId: 'rating-1',
    orderId: 'order-1',
    providerId: 'prov-1',
    providerName: '玉州区邻里家电维修服务部',
    itemName: '家电维修',
    stars: 2,
    levelLabel: '不满意',
    ratingText: '师傅迟到了一个小时',
    status: 'open',
    statusLabel: '待联系',
    createdAt: T0,
    contactDueAt: T0 + DAY,
    fixDueAt: T0 + 5 * DAY,
    contactOverdue: false,
    fixOverdue: false,
    contactedAt: null,
    contactChannel: null,
    contactChannelLabel: null,
    contactNote: '',
    resolvedAt: null,
    outcome: null,
    outcomeLabel: null,
    resolutionNote: '',
    rerated: false,
    actions: { canContact: true, canResolve: false },
    ...overrides,
  };
}

export function standing(overrides: Partial<ProviderStanding> = {}): ProviderStanding {
  return {
    providerId: 'prov-1',
    providerName: '玉州区邻里家电维修服务部',
    status: 'active',
    statusLabel: '服务中',
    reputation: 86.5,
    starLevel: 4,
    redStar: true,
    ratingCount: 42,
    lowRatingRate: 0.0476,
    parts: [
      { key: 'rating', label: '居民评价', points: 54, weight: 60, explanation: '近 42 条评价平均 4.6 星' },
    ],
    ranks: [
      {
        itemId: 'item-cleaning',
        itemName: '家庭保洁',
        orgUnitId: 'unit-community',
        orgUnitName: '城南社区',
        rank: 2,
        of: 5,
      },
    ],
    boardMinStars: 3,
    tips: [{ key: 'punctuality', text: '按时回访可以提高得分', gain: 2.5 }],
    latestEvaluation: null,
    ...overrides,
  };
}

/**
 * One evaluation as evaluation.list answers anyone signed in for a provider: published, without the reviewers'
 * count and average score (null: those are the reviewers').
 */
export function evaluationItem(overrides: Partial<EvaluationListItem> = {}): EvaluationListItem {
  return {
    evaluationId: 'ev-1',
    campaignId: 'camp-1',
    campaignTitle: '城南社区 2026 年度服务机构考核',
    providerId: 'prov-1',
    providerName: '玉州区邻里家电维修服务部',
    year: 2026,
    kind: 'yearly',
    kindLabel: '年度考核',
    status: 'published',
    statusLabel: '已公布',
    grade: 'basically_qualified',
    gradeLabel: '基本合格',
    outcome: 'rectify',
    outcomeLabel: '限期整改',
    reviewCount: null,
    reviewerScore: null,
    rectifyDeadline: T0 + 30 * DAY,
    publishedAt: T0,
    createdAt: T0 - 10 * DAY,
    ...overrides,
  };
}

export function evaluationPage(
  items: EvaluationListItem[],
  total = items.length,
  page = 1,
): EvaluationListResult {
  return { items, total, page, pageSize: 20, hasMore: (page - 1) * 20 + items.length < total };
}

/** evaluation.detail as anyone signed in gets a published one: no indicators, no reviewers' input. */
export function evaluationDetail(overrides: Partial<EvaluationDetail> = {}): EvaluationDetail {
  return {
    ...evaluationItem(),
    indicators: null,
    reviews: [],
    problems: ['差评回访两次超时', '收费未在服务前告知居民'],
    summary: '服务总体及时，回访和收费公示需要改进。',
    providerStatus: 'rectifying',
    providerStatusLabel: '限期整改',
    actions: { canInput: false, canEvaluate: false, canRecheck: false, canRemove: false },
    ...overrides,
  };
}
