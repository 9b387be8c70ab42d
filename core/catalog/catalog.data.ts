/**
 * The service catalog of the case study (section 二(二)一: 家政服务, 休闲活动, 便民服务 and their items) plus the
 * services it names elsewhere (托育托管, 婚姻介绍, 医疗保健) and a few a community platform needs next to them.
 * Ids are fixed: orders, offerings and the acceptance checks refer to them. Workers add items at run time;
 * this is the seed.
 */

import type { Industry } from '../model/industry.model';

export interface CatalogCategorySeed {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The industry whose regulator reviews and oversees the providers of this category. */
  readonly industry: Industry;
}

export interface CatalogItemSeed {
  readonly id: string;
  readonly categoryId: string;
  readonly name: string;
  readonly description: string;
  /** Listed by name in the case study. */
  readonly fromCaseStudy: boolean;
}

export const CATALOG_CATEGORIES: readonly CatalogCategorySeed[] = [
  {
    id: 'cat-housekeeping',
    name: '家政服务',
    description: '满足居民多样化需求的个性化家政服务',
    industry: 'market_regulation',
  },
  {
    id: 'cat-leisure',
    name: '休闲活动',
    description: '丰富社区、小区居民精神文化生活的休闲活动',
    industry: 'culture_tourism',
  },
  {
    id: 'cat-convenience',
    name: '便民服务',
    description: '困有所助、难有所帮、需有所应的便民服务',
    industry: 'civil_affairs',
  },
  { id: 'cat-childcare', name: '托育托管', description: '婴幼儿托育和中小学生课后托管', industry: 'health' },
  {
    id: 'cat-marriage-family',
    name: '婚姻家庭',
    description: '婚姻介绍和家庭关系服务',
    industry: 'civil_affairs',
  },
  { id: 'cat-health', name: '医疗保健', description: '健康咨询、上门护理和康复保健', industry: 'health' },
  {
    id: 'cat-elderly',
    name: '养老助老',
    description: '老年人助餐、助浴和日间照料',
    industry: 'civil_affairs',
  },
];

export const CATALOG_ITEMS: readonly CatalogItemSeed[] = [
  // 家政服务
  {
    id: 'item-appliance-repair',
    categoryId: 'cat-housekeeping',
    name: '家电维修',
    description: '空调、冰箱、洗衣机、热水器等家电上门检修',
    fromCaseStudy: true,
  },
  {
    id: 'item-temporary-childcare',
    categoryId: 'cat-housekeeping',
    name: '幼儿临时照料',
    description: '家长临时有事时的幼儿看护',
    fromCaseStudy: true,
  },
  {
    id: 'item-elderly-companion',
    categoryId: 'cat-housekeeping',
    name: '陪护老年人',
    description: '居家陪护、陪同就医、生活照料',
    fromCaseStudy: true,
  },
  {
    id: 'item-beauty-hairdressing',
    categoryId: 'cat-housekeeping',
    name: '美容美发',
    description: '理发、美发，行动不便者可上门服务',
    fromCaseStudy: true,
  },
  {
    id: 'item-home-cleaning',
    categoryId: 'cat-housekeeping',
    name: '家庭保洁',
    description: '日常保洁、深度清洁、油烟机清洗',
    fromCaseStudy: false,
  },
  {
    id: 'item-plumbing-electrical',
    categoryId: 'cat-housekeeping',
    name: '水电维修',
    description: '水管、电路、开关插座、管道疏通',
    fromCaseStudy: false,
  },
  // 休闲活动
  {
    id: 'item-fitness',
    categoryId: 'cat-leisure',
    name: '健身',
    description: '健身场地、健身指导和广场舞教学',
    fromCaseStudy: true,
  },
  {
    id: 'item-film',
    categoryId: 'cat-leisure',
    name: '影视',
    description: '社区电影放映和观影优惠',
    fromCaseStudy: true,
  },
  {
    id: 'item-dining',
    categoryId: 'cat-leisure',
    name: '餐饮',
    description: '社区食堂、家常菜和聚餐服务',
    fromCaseStudy: true,
  },
  {
    id: 'item-reading',
    categoryId: 'cat-leisure',
    name: '图书阅览',
    description: '图书借阅、阅览室和亲子阅读',
    fromCaseStudy: true,
  },
  // 便民服务
  {
    id: 'item-hospital-appointment',
    categoryId: 'cat-convenience',
    name: '预约挂号',
    description: '协助预约医院门诊号源',
    fromCaseStudy: true,
  },
  {
    id: 'item-emergency-help',
    categoryId: 'cat-convenience',
    name: '紧急求助',
    description: '突发困难时的紧急上门帮助',
    fromCaseStudy: true,
  },
  {
    id: 'item-ticket-booking',
    categoryId: 'cat-convenience',
    name: '飞机票火车票预订',
    description: '代订机票、火车票和汽车票',
    fromCaseStudy: true,
  },
  {
    id: 'item-utility-payment',
    categoryId: 'cat-convenience',
    name: '生活缴费',
    description: '水费、电费、燃气费、话费代缴',
    fromCaseStudy: true,
  },
  {
    id: 'item-info-posting',
    categoryId: 'cat-convenience',
    name: '信息发布',
    description: '招聘、租售、寻物等便民信息发布',
    fromCaseStudy: true,
  },
  // 托育托管
  {
    id: 'item-childcare',
    categoryId: 'cat-childcare',
    name: '托育托管',
    description: '婴幼儿日间托育和中小学生课后托管',
    fromCaseStudy: true,
  },
  {
    id: 'item-after-school-class',
    categoryId: 'cat-childcare',
    name: '四点半课堂',
    description: '放学后的看护、作业辅导和兴趣活动',
    fromCaseStudy: false,
  },
  // 婚姻家庭
  {
    id: 'item-matchmaking',
    categoryId: 'cat-marriage-family',
    name: '婚姻介绍',
    description: '正规婚恋介绍和交友活动',
    fromCaseStudy: true,
  },
  {
    id: 'item-family-mediation',
    categoryId: 'cat-marriage-family',
    name: '家庭矛盾调解',
    description: '邻里和家庭纠纷调解',
    fromCaseStudy: false,
  },
  // 医疗保健
  {
    id: 'item-health-consultation',
    categoryId: 'cat-health',
    name: '医疗保健',
    description: '健康咨询、慢病管理和体检预约',
    fromCaseStudy: true,
  },
  {
    id: 'item-home-nursing',
    categoryId: 'cat-health',
    name: '上门护理',
    description: '打针换药、康复护理等上门服务',
    fromCaseStudy: false,
  },
  // 养老助老
  {
    id: 'item-elderly-meals',
    categoryId: 'cat-elderly',
    name: '老年助餐',
    description: '老年人助餐和送餐上门',
    fromCaseStudy: false,
  },
];

/** The items the case study names, by category: section 二(二)一, and 三(三) for 托育托管, 婚姻介绍, 医疗保健. */
export const CASE_STUDY_ITEM_NAMES = {
  家政服务: ['家电维修', '幼儿临时照料', '陪护老年人', '美容美发'],
  休闲活动: ['健身', '影视', '餐饮', '图书阅览'],
  便民服务: ['预约挂号', '紧急求助', '飞机票火车票预订', '生活缴费', '信息发布'],
  托育托管: ['托育托管'],
  婚姻家庭: ['婚姻介绍'],
  医疗保健: ['医疗保健'],
} as const;

export function catalogItemById(id: string): CatalogItemSeed | undefined {
  return CATALOG_ITEMS.find((item) => item.id === id);
}

export function catalogItemsOfCategory(categoryId: string): CatalogItemSeed[] {
  return CATALOG_ITEMS.filter((item) => item.categoryId === categoryId);
}
