/**
 * The kinds of provider the demo creates, what each offers, and a plausible market price range per item
 * (in yuan; offerings store fen). Prices are demo assumptions, not survey data.
 */

export interface ProviderTemplate {
  readonly key: string;
  /** How the name ends: 家电维修服务部, 家政服务有限公司... */
  readonly suffixes: readonly string[];
  /** 统一社会信用代码 prefix: 91 enterprise, 92 individual business, 52 private non-enterprise unit. */
  readonly creditPrefix: '91' | '92' | '52';
  readonly itemIds: readonly string[];
  readonly qualifications: readonly string[];
}

export const PROVIDER_TEMPLATES: readonly ProviderTemplate[] = [
  {
    key: 'appliance',
    suffixes: ['家电维修服务部', '家电维修中心', '电器维修店'],
    creditPrefix: '92',
    itemIds: ['item-appliance-repair'],
    qualifications: ['家用电子产品维修工职业技能等级证书'],
  },
  {
    key: 'housekeeping',
    suffixes: ['家政服务有限公司', '家政服务中心'],
    creditPrefix: '91',
    itemIds: ['item-temporary-childcare', 'item-elderly-companion', 'item-home-cleaning'],
    qualifications: ['家政服务员职业技能等级证书'],
  },
  {
    key: 'salon',
    suffixes: ['美发店', '美容美发店', '理发店'],
    creditPrefix: '92',
    itemIds: ['item-beauty-hairdressing'],
    qualifications: ['美发师职业技能等级证书', '公共场所卫生许可证'],
  },
  {
    key: 'fitness',
    suffixes: ['健身中心', '健身俱乐部', '体育文化中心'],
    creditPrefix: '91',
    itemIds: ['item-fitness'],
    qualifications: ['社会体育指导员证书'],
  },
  {
    key: 'cinema',
    suffixes: ['影城', '电影院', '文化传播有限公司'],
    creditPrefix: '91',
    itemIds: ['item-film'],
    qualifications: ['电影放映经营许可证'],
  },
  {
    key: 'dining',
    suffixes: ['社区食堂', '餐饮店', '家常菜馆'],
    creditPrefix: '92',
    itemIds: ['item-dining', 'item-elderly-meals'],
    qualifications: ['食品经营许可证'],
  },
  {
    key: 'books',
    suffixes: ['书店', '书屋', '文化服务中心'],
    creditPrefix: '92',
    itemIds: ['item-reading'],
    qualifications: ['出版物经营许可证'],
  },
  {
    key: 'clinic',
    suffixes: ['社区卫生服务站', '诊所', '医疗门诊部'],
    creditPrefix: '52',
    itemIds: ['item-hospital-appointment', 'item-health-consultation', 'item-home-nursing'],
    qualifications: ['医疗机构执业许可证'],
  },
  {
    key: 'travel',
    suffixes: ['票务代理服务部', '旅行社有限公司'],
    creditPrefix: '91',
    itemIds: ['item-ticket-booking'],
    qualifications: ['旅行社业务经营许可证'],
  },
  {
    key: 'convenience',
    suffixes: ['便民服务店', '便利店', '综合服务部'],
    creditPrefix: '92',
    itemIds: ['item-utility-payment', 'item-info-posting'],
    qualifications: ['食品经营许可证'],
  },
  {
    key: 'rescue',
    suffixes: ['应急救援服务中心', '紧急救助服务队', '家庭应急服务部'],
    creditPrefix: '52',
    itemIds: ['item-emergency-help'],
    qualifications: ['民办非企业单位登记证书'],
  },
  {
    key: 'childcare',
    suffixes: ['托育中心', '托管中心', '儿童之家'],
    creditPrefix: '52',
    itemIds: ['item-childcare', 'item-after-school-class', 'item-temporary-childcare'],
    qualifications: ['托育机构备案回执'],
  },
  {
    key: 'matchmaking',
    suffixes: ['婚姻介绍所', '婚恋服务中心'],
    creditPrefix: '92',
    itemIds: ['item-matchmaking'],
    qualifications: ['婚姻介绍服务机构备案回执'],
  },
  {
    key: 'social-work',
    suffixes: ['社会工作服务中心', '调解服务中心'],
    creditPrefix: '52',
    itemIds: ['item-family-mediation', 'item-info-posting'],
    qualifications: ['社会工作者职业资格证书'],
  },
  {
    key: 'eldercare',
    suffixes: ['养老服务中心', '居家养老服务站', '颐养院'],
    creditPrefix: '52',
    itemIds: ['item-elderly-companion', 'item-elderly-meals', 'item-home-nursing'],
    qualifications: ['养老机构备案回执'],
  },
  {
    key: 'handyman',
    suffixes: ['水电维修服务部', '五金水电店'],
    creditPrefix: '92',
    itemIds: ['item-plumbing-electrical', 'item-appliance-repair'],
    qualifications: ['特种作业操作证（电工）'],
  },
];

export interface PriceProfile {
  /** Share of offerings of this item that are free. */
  readonly freeShare: number;
  readonly marketMinYuan: number;
  readonly marketMaxYuan: number;
  readonly unit: string;
}

export const PRICE_PROFILES: Readonly<Record<string, PriceProfile>> = {
  'item-appliance-repair': { freeShare: 0.15, marketMinYuan: 80, marketMaxYuan: 200, unit: '次' },
  'item-temporary-childcare': { freeShare: 0.1, marketMinYuan: 30, marketMaxYuan: 60, unit: '小时' },
  'item-elderly-companion': { freeShare: 0.15, marketMinYuan: 25, marketMaxYuan: 50, unit: '小时' },
  'item-beauty-hairdressing': { freeShare: 0.2, marketMinYuan: 20, marketMaxYuan: 60, unit: '次' },
  'item-home-cleaning': { freeShare: 0.1, marketMinYuan: 30, marketMaxYuan: 50, unit: '小时' },
  'item-plumbing-electrical': { freeShare: 0.15, marketMinYuan: 50, marketMaxYuan: 150, unit: '次' },
  'item-fitness': { freeShare: 0.3, marketMinYuan: 20, marketMaxYuan: 40, unit: '次' },
  'item-film': { freeShare: 0.3, marketMinYuan: 30, marketMaxYuan: 50, unit: '场' },
  'item-dining': { freeShare: 0.05, marketMinYuan: 15, marketMaxYuan: 30, unit: '餐' },
  'item-reading': { freeShare: 0.8, marketMinYuan: 5, marketMaxYuan: 10, unit: '次' },
  'item-hospital-appointment': { freeShare: 0.8, marketMinYuan: 10, marketMaxYuan: 30, unit: '次' },
  'item-emergency-help': { freeShare: 0.9, marketMinYuan: 50, marketMaxYuan: 100, unit: '次' },
  'item-ticket-booking': { freeShare: 0.6, marketMinYuan: 10, marketMaxYuan: 30, unit: '单' },
  'item-utility-payment': { freeShare: 0.9, marketMinYuan: 2, marketMaxYuan: 5, unit: '笔' },
  'item-info-posting': { freeShare: 0.9, marketMinYuan: 10, marketMaxYuan: 30, unit: '条' },
  'item-childcare': { freeShare: 0.05, marketMinYuan: 1500, marketMaxYuan: 3000, unit: '月' },
  'item-after-school-class': { freeShare: 0.1, marketMinYuan: 600, marketMaxYuan: 1200, unit: '月' },
  'item-matchmaking': { freeShare: 0.2, marketMinYuan: 300, marketMaxYuan: 800, unit: '次' },
  'item-family-mediation': { freeShare: 0.9, marketMinYuan: 100, marketMaxYuan: 300, unit: '次' },
  'item-health-consultation': { freeShare: 0.5, marketMinYuan: 30, marketMaxYuan: 80, unit: '次' },
  'item-home-nursing': { freeShare: 0.1, marketMinYuan: 50, marketMaxYuan: 120, unit: '次' },
  'item-elderly-meals': { freeShare: 0.05, marketMinYuan: 12, marketMaxYuan: 20, unit: '餐' },
};

export const OFFERING_DESCRIPTIONS = {
  free: [
    '免费服务，提前一天预约',
    '公益服务，每月限 20 次',
    '免费服务，60 岁以上老人优先',
    '免费上门，材料费按实收取',
  ],
  lowFee: [
    '低于市场价收费，低保户、残疾人再优惠',
    '明码标价，不满意可申请复查',
    '上门服务，价格含人工费',
    '党员志愿者带队，收费低于市场价',
  ],
} as const;

export const RATING_TEXTS: Readonly<Record<number, readonly string[]>> = {
  5: [
    '师傅很专业，上门准时，价格实惠',
    '服务很好，耐心细致，点赞！',
    '社区推荐的机构就是放心',
    '老人很满意，下次还找他们',
    '',
  ],
  4: ['整体满意，就是等的时间稍长', '服务不错，价格比外面便宜', '态度很好，做事认真', ''],
  3: ['一般，问题解决了但态度一般', '还可以，希望再准时一点', ''],
  2: ['来晚了一个多小时，沟通不太顺畅', '收费和说的不太一样'],
  1: ['问题没有解决，不满意', '约好的时间没来，也没有提前说'],
};

export const FOLLOW_UP_SUMMARIES = [
  '居民表示满意，无其他问题',
  '居民对服务满意，建议增加周末服务时段',
  '居民反映服务及时，已提醒注意用电安全',
  '电话回访，居民表示问题已解决',
  '上门回访，老人身体状况良好，服务效果满意',
];

export const FOLLOW_UP_PROBLEMS = [
  { content: '师傅上门比约定时间晚了半小时', handling: '已向居民致歉，并调整派单安排' },
  { content: '维修后仍有异响', handling: '已安排师傅二次上门免费复查' },
  { content: '希望开具收费凭证', handling: '已补开收据并送到居民家中' },
];

export const FOLLOW_UP_SUGGESTIONS = [
  { content: '希望增加周末和晚上的服务时间', handling: '已记录，下月起周六增开服务' },
  { content: '建议提前电话告知上门时间', handling: '已要求服务人员出发前电话联系' },
];
