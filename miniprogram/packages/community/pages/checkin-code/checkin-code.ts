/**
 * 签到码 / 签退码, opened by the organiser with `?activityId=&phase=in|out` from 活动详情: the current code of
 * activity.checkin.code as a QR image (drawn by the function, decision 0045), which volunteers and residents
 * scan with 扫码签到. Each code is good for one scan and 60 seconds (decision 0039), so a fresh one is asked for
 * every 15 seconds and at the latest 5 seconds before it expires, with the seconds left shown, and at once with
 * 换一个码 (after someone scanned). The switch changes between 签到 and 签退. Nothing runs while the page is
 * hidden; it asks again when it shows.
 */
import type { CheckinPhase } from 'weimin-core';
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { newRequestId } from '../../../../services/request-id';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { ROUTES } from '../../../../utils/routes';
import { checkinCode } from '../../services/volunteers.service';
import { PHASES, refreshDelay, secondsLeft } from '../../view-models/activity.view-model';

/** Not rendered: the activity, the code's expiry, when to ask again, the ticking timer, a request under way. */
const state = instanceState(() => ({
  activityId: '',
  expiresAt: 0,
  nextAt: 0,
  timer: null as number | null,
  asking: false,
}));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.checkinCode)],
  data: {
    loading: true,
    error: '',
    phase: 'in' as CheckinPhase,
    phases: PHASES,
    qrImage: '',
    seconds: 0,
  },
  lifetimes: {
    detached() {
      this.stopTicking();
    },
  },
  pageLifetimes: {
    show() {
      if (state(this).activityId !== '' && state(this).timer === null) void this.renew();
    },
    hide() {
      this.stopTicking();
    },
  },
  methods: {
    onLoad(query: { activityId?: string; phase?: string }) {
      state(this).activityId = decodeURIComponent(query.activityId ?? '');
      if (query.phase === 'out') this.setData({ phase: 'out' });
      if (state(this).activityId === '') {
        this.setData({ loading: false, error: '没有找到这个活动，请从活动详情进入' });
        return;
      }
      void this.renew();
    },
    onUnload() {
      this.stopTicking();
    },
    /** Ask for a fresh code now and show it; keep the countdown and the next refresh going. */
    async renew() {
      const s = state(this);
      if (s.asking) return;
      s.asking = true;
      try {
        const reply = await checkinCode(s.activityId, this.data.phase, newRequestId());
        const now = Date.now();
        s.expiresAt = reply.expiresAt;
        s.nextAt = now + refreshDelay(reply.expiresAt, now);
        this.setData({
          loading: false,
          error: '',
          qrImage: reply.qrImage,
          seconds: secondsLeft(reply.expiresAt, now),
        });
        this.startTicking();
      } catch (e) {
        this.stopTicking();
        this.setData({ loading: false, error: messageOf(e), qrImage: '' });
      } finally {
        s.asking = false;
      }
    },
    /** Once a second: the seconds left, and a fresh code when it is due. */
    tick() {
      const s = state(this);
      const now = Date.now();
      if (now >= s.nextAt) void this.renew();
      else this.setData({ seconds: secondsLeft(s.expiresAt, now) });
    },
    startTicking() {
      const s = state(this);
      if (s.timer !== null) return;
      s.timer = setInterval(() => this.tick(), 1000) as unknown as number;
    },
    stopTicking() {
      const s = state(this);
      if (s.timer !== null) clearInterval(s.timer);
      s.timer = null;
    },
    onPhase(e: WechatMiniprogram.CustomEvent<object, object, { value: CheckinPhase }>) {
      const phase = e.currentTarget.dataset.value;
      if (phase === this.data.phase) return;
      this.setData({ phase, loading: true, qrImage: '' });
      void this.renew();
    },
    onRenew() {
      void this.renew();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.renew();
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
  },
});
