/**
 * The demo's notices (信息发布, docs/announcements.md): published ones of 玉林市, 玉州区, 玉城街道 and 东门社区, so
 * the demo resident's home page shows their branch's latest; a 公示 and a 结果公布 of 东门社区, one pinned; one that
 * expired last week; one published for tomorrow; a draft and a withdrawn notice for the console's list. Fixed ids
 * (`ann-demo-…`), dates counted from `now`.
 */
import {
  ANNOUNCEMENT_NO_END,
  type Announcement,
  type AnnouncementKind,
  type AnnouncementStatus,
} from '../core/model/announcement.model';
import { pathFromIds } from '../core/org/org-path';
import {
  CITY_ID,
  DAY_MS,
  DEMO_COMMUNITY_ID,
  DEMO_COUNTY_ID,
  DEMO_STREET_ID,
  HOUR_MS,
} from './demo.constants';

interface DemoNotice {
  readonly id: string;
  readonly unit: 'city' | 'county' | 'street' | 'community';
  readonly kind: AnnouncementKind;
  readonly title: string;
  readonly body: string;
  readonly status: AnnouncementStatus;
  /** Days before now it went (or goes, if negative) out. */
  readonly daysAgo: number;
  readonly expiresInDays?: number;
  readonly pinned?: boolean;
  readonly withdrawReason?: string;
}

const UNITS = {
  city: { ids: [CITY_ID], name: '玉林市', author: 'demo-city-worker-1' },
  county: { ids: [CITY_ID, DEMO_COUNTY_ID], name: '玉州区', author: 'demo-county-worker-1' },
  street: {
    ids: [CITY_ID, DEMO_COUNTY_ID, DEMO_STREET_ID],
    name: '玉城街道',
    author: 'demo-street-worker-1',
  },
  community: {
    ids: [CITY_ID, DEMO_COUNTY_ID, DEMO_STREET_ID, DEMO_COMMUNITY_ID],
    name: '东门社区',
    author: 'demo-community-worker-1',
  },
} as const;

const NOTICES: readonly DemoNotice[] = [
  {
    id: 'ann-demo-city-01',
    unit: 'city',
    kind: 'notice',
    title: '玉林市关于开展“为民红绳”便民服务月活动的通知',
    body: '各县（市、区）、各街道社区：为进一步做好便民服务，全市开展为期一个月的“为民红绳”便民服务月活动。居民可通过小程序预约家电维修、家政保洁、助餐助浴等服务，遇到困难可在“忧心事”中反映。',
    status: 'published',
    daysAgo: 6,
  },
  {
    id: 'ann-demo-county-01',
    unit: 'county',
    kind: 'notice',
    title: '玉州区关于做好冬季防火安全工作的提醒',
    body: '冬季天干物燥，请居民朋友安全用电用气，不私拉乱接电线，电动自行车不进楼道、不入户充电。发现火情请立即拨打119。',
    status: 'published',
    daysAgo: 4,
  },
  {
    id: 'ann-demo-street-01',
    unit: 'street',
    kind: 'notice',
    title: '玉城街道便民服务中心办公时间调整',
    body: '自下周一起，玉城街道便民服务中心周六上午增设值班窗口（9:00—12:00），办理社保、医保、残疾人证等业务。',
    status: 'published',
    daysAgo: 3,
  },
  {
    id: 'ann-demo-community-01',
    unit: 'community',
    kind: 'notice',
    title: '东门社区周六开展义诊和义务理发活动',
    body: '本周六上午8:30至11:30，社区联合卫生服务中心和志愿服务队在社区广场开展义诊、量血压和义务理发，欢迎居民参加，行动不便的老人可联系网格员上门服务。',
    status: 'published',
    daysAgo: 1,
    pinned: true,
  },
  {
    id: 'ann-demo-community-02',
    unit: 'community',
    kind: 'publicity',
    title: '东门社区2024年度低保对象评议结果公示',
    body: '经社区民主评议，拟将以下3户家庭纳入低保保障范围（姓名略）。公示期7天，如有异议请向社区居委会反映，电话0775-2821234。',
    status: 'published',
    daysAgo: 2,
    expiresInDays: 5,
  },
  {
    id: 'ann-demo-community-03',
    unit: 'community',
    kind: 'result',
    title: '东门社区“红星服务机构”评选结果公布',
    body: '经居民评价和社区评议，玉林市惠民家政服务有限公司等5家服务机构获评本季度“红星服务机构”，感谢各机构对社区居民的用心服务。',
    status: 'published',
    daysAgo: 5,
  },
  {
    id: 'ann-demo-community-expired',
    unit: 'community',
    kind: 'notice',
    title: '东门社区停水通知（已过期）',
    body: '因管网维修，上周三8:00至18:00金港花园小区停水，请居民提前储水。',
    status: 'published',
    daysAgo: 12,
    expiresInDays: -7,
  },
  {
    id: 'ann-demo-community-tomorrow',
    unit: 'community',
    kind: 'notice',
    title: '东门社区元旦游园活动预告',
    body: '元旦当天上午社区广场举办游园活动，设有猜灯谜、套圈、书法送福等项目，欢迎居民带孩子参加。',
    status: 'published',
    daysAgo: -1,
  },
  {
    id: 'ann-demo-community-draft',
    unit: 'community',
    kind: 'notice',
    title: '（草稿）社区议事协商会议通知',
    body: '拟于下周召开社区议事协商会议，讨论小区停车位规划，请各楼栋长参加。',
    status: 'draft',
    daysAgo: 0,
  },
  {
    id: 'ann-demo-community-withdrawn',
    unit: 'community',
    kind: 'notice',
    title: '电梯年检通知',
    body: '金港花园小区3栋电梯本周四年检，期间暂停使用。',
    status: 'withdrawn',
    daysAgo: 8,
    withdrawReason: '年检日期改为下周，另行通知',
  },
];

export function demoAnnouncements(now: number): Announcement[] {
  return NOTICES.map((n) => {
    const unit = UNITS[n.unit];
    const at = now - n.daysAgo * DAY_MS;
    const published = n.status !== 'draft';
    const expireAt = n.expiresInDays === undefined ? null : now + n.expiresInDays * DAY_MS;
    const written = Math.min(at, now) - HOUR_MS;
    return {
      _id: n.id,
      orgUnitId: unit.ids[unit.ids.length - 1]!,
      orgPath: pathFromIds(unit.ids),
      unitName: unit.name,
      kind: n.kind,
      title: n.title,
      body: n.body,
      images: [],
      publishAt: published ? at : null,
      expireAt,
      visibleUntil: expireAt ?? ANNOUNCEMENT_NO_END,
      pinned: n.pinned === true,
      status: n.status,
      authorOpenid: unit.author,
      publishedAt: published ? written : null,
      publishedBy: published ? unit.author : null,
      withdrawnAt: n.status === 'withdrawn' ? now - DAY_MS : null,
      withdrawnBy: n.status === 'withdrawn' ? unit.author : null,
      withdrawReason: n.withdrawReason ?? null,
      heldTexts: [],
      reviewNote: null,
      revision: 0,
      createdAt: written,
      updatedAt: n.status === 'withdrawn' ? now - DAY_MS : written,
    };
  });
}
