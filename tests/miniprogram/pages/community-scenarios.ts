/**
 * The community pages (志愿服务) in the states a user meets, for the 适老化 audit (docs/elder-mode.md, "Adding a
 * page to the audit"): audit/scenarios.ts spreads them into SCENARIOS. The activities with the organiser's
 * tab, 我报名的 and none; the detail for a resident who may sign up either way, one checked in (the scan said),
 * a refusal said, a full activity, the organiser with the attendance and the hours form, the rating and the
 * cancellation forms; the organiser's code and its refusal; 我的志愿服务 with records and without a profile.
 */
import { starChoices, starsChosenText } from '../../../miniprogram/view-models/rating.form';
import type { Scenario, ScenarioKit } from './audit/scenario.types';
import {
  START,
  activityDetail,
  activityItem,
  activityPage,
  attendance,
  attendanceRow,
  checkinCodeReply,
  mySignup,
  rankingReply,
  volunteerMeReply,
} from './community-replies';

type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
};
const ok = (kit: ScenarioKit, command: string, data: unknown) =>
  (kit.fakeCloud as unknown as Untyped).ok('volunteers', command, data);
const fail = (kit: ScenarioKit, command: string, code: string, message: string) =>
  (kit.fakeCloud as unknown as Untyped).fail('volunteers', command, code, message);

const ACTIVITIES = 'packages/community/pages/activities/activities';
const ACTIVITY = 'packages/community/pages/activity/activity';
const CODE = 'packages/community/pages/checkin-code/checkin-code';
const MY_HOURS = 'packages/community/pages/my-hours/my-hours';

const ROWS = [
  activityItem(),
  activityItem({
    activityId: 'act-2',
    title: '玉州区东门社区金港花园小区楼道卫生大扫除和废旧物品回收志愿服务',
    place: '金港花园 1-8 栋楼道',
    placesLeft: 0,
    volunteerPlacesLeft: 0,
  }),
  activityItem({ activityId: 'act-3', title: '义诊进社区', status: 'finished', statusLabel: '已结束' }),
];

/** One lists per view: 近期活动 and 我组织的 the rows, 我报名的 with the sign-ups' states. */
const lists = (kit: ScenarioKit) =>
  ok(kit, 'activity.list', (input: { view?: string }) =>
    activityPage(
      input.view === 'mine'
        ? [
            activityItem({ mySignup: mySignup({ kind: 'volunteer', checkInAt: START - 600_000 }) }),
            activityItem({ activityId: 'act-3', mySignup: mySignup({ status: 'cancelled' }) }),
          ]
        : ROWS,
    ),
  );

/** A PNG (the page shows whatever image the function drew; its pixels are not audited). */
const QR =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAWk1v8QAAAABJRU5ErkJggg==';

const ORGANISER = activityDetail({ actions: ['manage'], signupAs: [], residentCount: 30, volunteerCount: 5 });

export const COMMUNITY_SCENARIOS: Scenario[] = [
  { title: '志愿活动', page: ACTIVITIES, replies: lists },
  { title: '志愿活动 · 我报名的', page: ACTIVITIES, query: { view: 'mine' }, replies: lists },
  {
    title: '志愿活动 · 空',
    page: ACTIVITIES,
    replies: (kit) => ok(kit, 'activity.list', activityPage([])),
  },
  {
    title: '活动详情 · 可报名',
    page: ACTIVITY,
    query: { activityId: 'act-1' },
    replies: (kit) => ok(kit, 'activity.detail', activityDetail({ signupAs: ['resident', 'volunteer'] })),
  },
  {
    title: '活动详情 · 已签到',
    page: ACTIVITY,
    query: { activityId: 'act-1' },
    replies: (kit) => {
      ok(
        kit,
        'activity.detail',
        activityDetail({
          actions: ['checkin'],
          signupAs: [],
          mySignup: mySignup({ checkInAt: START - 600_000 }),
        }),
      );
      kit.leaveNotice('/packages/community/pages/activity/activity', '签到成功（08:50）：义务理发进小区');
    },
  },
  {
    title: '活动详情 · 签到码已用过',
    page: ACTIVITY,
    query: { activityId: 'act-1' },
    replies: (kit) => {
      ok(
        kit,
        'activity.detail',
        activityDetail({ actions: ['checkin'], signupAs: [], mySignup: mySignup() }),
      );
      kit.leaveNotice(
        '/packages/community/pages/activity/activity',
        '该签到码已被使用，请扫描组织者手机上的最新签到码',
        'error',
      );
    },
  },
  {
    title: '活动详情 · 名额已满',
    page: ACTIVITY,
    query: { activityId: 'act-1' },
    replies: (kit) =>
      ok(
        kit,
        'activity.detail',
        activityDetail({
          actions: [],
          signupAs: [],
          placesLeft: 0,
          volunteerPlacesLeft: 0,
          residentCount: 30,
        }),
      ),
  },
  {
    title: '活动详情 · 组织者确认时长',
    page: ACTIVITY,
    query: { activityId: 'act-1' },
    replies: (kit) => {
      ok(kit, 'activity.detail', ORGANISER);
      ok(
        kit,
        'activity.attendance',
        attendance([
          attendanceRow(),
          attendanceRow({
            signupId: 'act-1_r1',
            kind: 'resident',
            kindLabel: '居民',
            name: '黄阿姨',
            phone: '139****0001',
            phoneMasked: true,
            volunteerNo: null,
            checkOutAt: null,
            minutes: null,
          }),
        ]),
      );
    },
    prepare: async (page) => {
      await (page.instance as unknown as { onOpenHours(): Promise<void> }).onOpenHours();
    },
  },
  {
    title: '活动详情 · 评价',
    page: ACTIVITY,
    query: { activityId: 'act-1' },
    replies: (kit) =>
      ok(kit, 'activity.detail', activityDetail({ actions: ['rate'], signupAs: [], mySignup: mySignup() })),
    prepare: (page) =>
      page.setData({ form: 'rate', stars: 4, choices: starChoices(4), starsText: starsChosenText(4) }),
  },
  {
    title: '活动详情 · 取消活动',
    page: ACTIVITY,
    query: { activityId: 'act-1' },
    replies: (kit) => ok(kit, 'activity.detail', ORGANISER),
    prepare: (page) => page.setData({ form: 'cancel' }),
  },
  {
    title: '签到码',
    page: CODE,
    query: { activityId: 'act-1', phase: 'in' },
    replies: (kit) =>
      ok(kit, 'activity.checkin.code', checkinCodeReply({ qrImage: QR, expiresAt: Date.now() + 60_000 })),
  },
  {
    title: '签到码 · 未到签到时间',
    page: CODE,
    query: { activityId: 'act-1', phase: 'out' },
    replies: (kit) =>
      fail(
        kit,
        'activity.checkin.code',
        'ACTIVITY_CHECKIN_NOT_OPEN',
        '签到尚未开始或已结束（活动开始前1小时至结束后1小时可签到）',
      ),
  },
  {
    title: '我的志愿服务',
    page: MY_HOURS,
    replies: (kit) => {
      ok(kit, 'volunteer.me', volunteerMeReply());
      ok(kit, 'volunteer.ranking', rankingReply());
    },
  },
  {
    title: '我的志愿服务 · 没有档案',
    page: MY_HOURS,
    replies: (kit) => {
      fail(
        kit,
        'volunteer.me',
        'VOLUNTEER_NOT_FOUND',
        '您还没有志愿者记录（以志愿者身份报名活动或加入志愿服务队后生成）',
      );
      ok(kit, 'volunteer.ranking', rankingReply({ rows: [] }));
    },
  },
];
