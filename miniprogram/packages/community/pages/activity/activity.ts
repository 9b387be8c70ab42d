/**
 * 活动详情, opened with `?activityId=` (from the lists, and from the reminders): the activity, where the caller's
 * sign-up stands, and only the buttons its `actions` allow now — 报名 (as a resident, or as a volunteer when
 * `signupAs` says the caller may), 取消报名, 扫码签到 / 扫码签退 (wx.scanCode, the scanned text sent to
 * activity.checkin as is), 评价 (stars and text) after it; for the organiser (`manage`) 出示签到码 / 签退码,
 * 名单 (activity.attendance, in place), 确认时长 (the volunteers who checked in) and 取消活动 with a reason.
 * One form open at a time; after each step the activity is read again and the step said in a notice that
 * stays (a refusal too, in the function's Chinese words). Read again when the page shows after another one.
 */
import type { ActivityDetail, SignupKind } from 'weimin-core';
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf } from '../../../../services/service-error';
import { confirmDialog } from '../../../../utils/confirm';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { starChoices, starsChosenText } from '../../../../view-models/rating.form';
import {
  activityAttendance,
  activityDetail,
  cancelActivity,
  cancelSignup,
  checkIn,
  confirmHours,
  rateActivity,
  signupActivity,
} from '../../services/volunteers.service';
import {
  CANCEL_REASON_MAX,
  RATE_TEXT_MAX,
  checkActivityRating,
  checkCancelReason,
  checkHoursEntries,
  checkinDoneText,
  scanCancelled,
  signupDoneText,
  toActivityDetail,
  toAttendanceRows,
  type ActivityDetailView,
  type AttendanceRowView,
} from '../../view-models/activity.view-model';

/** The forms a step opens: one at a time. */
type FormName = '' | 'rate' | 'cancel' | 'hours';

/** Not rendered: the activity on the page, its last reply, the form's text and typed minutes. */
const state = instanceState(() => ({
  activityId: '',
  reply: null as ActivityDetail | null,
  text: '',
  minutes: {} as Record<string, string>,
  maxMinutes: 0,
  shownBefore: false,
}));

/** What wx.scanCode read, or null when the user closed the scanner. */
function scan(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(res.result),
      fail: (err) => (scanCancelled(err.errMsg) ? resolve(null) : reject(new Error(err.errMsg))),
    });
  });
}

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.activity)],
  data: {
    loading: true,
    error: '',
    busy: false,
    activity: null as ActivityDetailView | null,
    form: '' as FormName,
    stars: 0,
    choices: starChoices(0),
    starsText: starsChosenText(0),
    rateMax: RATE_TEXT_MAX,
    reasonMax: CANCEL_REASON_MAX,
    /** 名单: shown once asked for. */
    attendanceShown: false,
    attendanceLoading: false,
    attendance: [] as AttendanceRowView[],
    hoursConfirmed: false,
    maxMinutes: 0,
  },
  methods: {
    onLoad(query: { activityId?: string }) {
      state(this).activityId = decodeURIComponent(query.activityId ?? '');
      void this.load();
    },
    onShow() {
      if (state(this).shownBefore) void this.load();
      state(this).shownBefore = true;
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async refresh(patch: Record<string, unknown>) {
      const reply = await activityDetail(state(this).activityId);
      state(this).reply = reply;
      this.setData({ ...patch, activity: toActivityDetail(reply, Date.now()) });
    },
    async load() {
      if (state(this).activityId === '') {
        this.setData({ loading: false, error: '没有找到这个活动，请从志愿活动列表进入' });
        return;
      }
      try {
        await this.refresh({ loading: false, error: '' });
      } catch (e) {
        if (state(this).reply !== null) {
          this.setData({ loading: false });
          showFailure(this, e);
        } else this.setData({ loading: false, error: messageOf(e) });
      }
    },
    /** Run one step, then show the activity as it is now, the form closed, and say what was done. */
    async act<T>(step: () => Promise<T>, done: (result: T) => string) {
      if (this.data.busy) return;
      this.setData({ busy: true });
      let result: T;
      try {
        result = await step();
      } catch (e) {
        this.setData({ busy: false });
        showFailure(this, e);
        return;
      }
      const closed = { busy: false, form: '' as FormName };
      state(this).text = '';
      try {
        await this.refresh(closed);
      } catch {
        this.setData(closed);
      }
      if (this.data.attendanceShown) void this.loadAttendance();
      showNotice(this, done(result));
    },
    async signup(as: SignupKind) {
      await this.act(
        () => signupActivity(state(this).activityId, as),
        (r) => signupDoneText(r.kind, r.volunteerNo),
      );
    },
    onSignupResident() {
      void this.signup('resident');
    },
    onSignupVolunteer() {
      void this.signup('volunteer');
    },
    async onCancelSignup() {
      if (this.data.busy) return;
      const sure = await confirmDialog('取消报名', '取消后名额会让给其他人，确定取消报名吗？', '取消报名');
      if (sure)
        await this.act(
          () => cancelSignup(state(this).activityId),
          () => '已取消报名',
        );
    },
    /** 扫码签到 / 扫码签退: the organiser's code, read by the camera and sent as is. */
    async onScan() {
      if (this.data.busy) return;
      let code: string | null;
      try {
        code = await scan();
      } catch {
        showNotice(this, '没有扫到签到码，请对准组织者手机上的二维码再扫一次', 'warning');
        return;
      }
      if (code === null) return;
      const scanned = code;
      await this.act(() => checkIn(scanned), checkinDoneText);
    },
    openForm(form: Exclude<FormName, ''>, patch: Record<string, unknown> = {}) {
      state(this).text = '';
      this.setData({ form, ...patch });
    },
    onCloseForm() {
      this.setData({ form: '' });
    },
    onOpenRate() {
      this.openForm('rate', { stars: 0, choices: starChoices(0), starsText: starsChosenText(0) });
    },
    onStar(e: WechatMiniprogram.CustomEvent<object, object, { stars: number }>) {
      const stars = Number(e.currentTarget.dataset.stars);
      this.setData({ stars, choices: starChoices(stars), starsText: starsChosenText(stars) });
    },
    onFormText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).text = e.detail.value;
    },
    async onSubmitForm() {
      const { form } = this.data;
      if (form === 'rate') await this.submitRate();
      else if (form === 'cancel') await this.submitCancel();
      else if (form === 'hours') await this.submitHours();
    },
    async submitRate() {
      const check = checkActivityRating(this.data.stars, state(this).text);
      if (!check.ok) return showNotice(this, check.message, 'warning');
      const { stars, text } = check.value;
      await this.act(
        () => rateActivity(state(this).activityId, stars, text),
        () => '感谢您的评价',
      );
    },
    onOpenCancel() {
      this.openForm('cancel');
    },
    async submitCancel() {
      const check = checkCancelReason(state(this).text);
      if (!check.ok) return showNotice(this, check.message, 'warning');
      await this.act(
        () => cancelActivity(state(this).activityId, check.value),
        () => '活动已取消，报名的人会收到通知',
      );
    },
    /** 出示签到码 / 出示签退码. */
    onShowCode(e: WechatMiniprogram.CustomEvent<object, object, { phase: 'in' | 'out' }>) {
      wx.navigateTo({
        url: withQuery(ROUTES.checkinCode, {
          activityId: state(this).activityId,
          phase: e.currentTarget.dataset.phase,
        }),
      });
    },
    async loadAttendance() {
      this.setData({ attendanceShown: true, attendanceLoading: true });
      try {
        const a = await activityAttendance(state(this).activityId);
        state(this).maxMinutes = a.maxMinutes;
        this.setData({
          attendanceLoading: false,
          attendance: toAttendanceRows(a),
          hoursConfirmed: a.hoursConfirmed,
          maxMinutes: a.maxMinutes,
        });
      } catch (e) {
        this.setData({ attendanceLoading: false });
        showFailure(this, e);
      }
    },
    onAttendance() {
      void this.loadAttendance();
    },
    async onOpenHours() {
      state(this).minutes = {};
      await this.loadAttendance();
      this.openForm('hours');
    },
    onMinutes(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { id: string }>) {
      state(this).minutes[e.currentTarget.dataset.id] = String(e.detail.value);
    },
    async submitHours() {
      const check = checkHoursEntries(this.data.attendance, state(this).minutes, state(this).maxMinutes);
      if (!check.ok) return showNotice(this, check.message, 'warning');
      await this.act(
        () => confirmHours(state(this).activityId, check.value),
        (r) => `服务时长已确认：新记录 ${r.credited} 条，更正 ${r.corrections} 条，未变 ${r.unchanged} 条`,
      );
    },
    onBackToList() {
      wx.redirectTo({ url: ROUTES.activities });
    },
  },
});
