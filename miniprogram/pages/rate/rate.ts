/**
 * 评价: 1-5 stars and optional text for a done order (order.rate; the text goes through content security).
 * The stars are five buttons of their own, each said in words (1 星：非常不满意 …), with the five levels of
 * 政务服务"好差评" listed beside them; the choice shown by filled stars, a ✓ on its level and in words, never
 * by colour alone. The thanks wait on the order the resident goes back to.
 *
 * `?mode=rerate` (再次评价, from the order detail once the provider resolved the 差评 ticket): the same form
 * sends rating.rerate, once; the new rating replaces the first in the provider's stars.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../behaviors/page-notice.behavior';
import { rateOrder } from '../../services/orders/orders.service';
import { rerateOrder } from '../../services/orders/rerate.service';
import { instanceState } from '../../utils/instance-state';
import { leaveNotice, showFailure, showNotice } from '../../utils/notice';
import { ROUTES } from '../../utils/routes';
import {
  RATING_TEXT_MAX,
  checkRating,
  starChoices,
  starLevels,
  starsChosenText,
} from '../../view-models/rating.form';

const state = instanceState(() => ({ orderId: '', text: '' }));

/** The words of each mode: the first rating, or the one second rating after a resolved 差评. */
const MODES = {
  rate: { question: '您对这次服务满意吗？', thanks: '感谢您的评价，评价已提交' },
  rerate: { question: '问题处理后，您对这次服务满意吗？', thanks: '已再次评价，新的评价替换了原来的评价' },
} as const;

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.rate)],
  data: {
    missing: false,
    /** 再次评价 (rating.rerate) instead of the first rating. */
    rerate: false,
    question: MODES.rate.question as string,
    stars: 0,
    choices: starChoices(0),
    levels: starLevels(0),
    starsText: starsChosenText(0),
    textMax: RATING_TEXT_MAX,
    submitting: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).orderId = query['orderId'] ?? '';
      const rerate = query['mode'] === 'rerate';
      this.setData({
        missing: state(this).orderId === '',
        rerate,
        question: MODES[rerate ? 'rerate' : 'rate'].question,
      });
      if (rerate) wx.setNavigationBarTitle({ title: '再次评价' });
    },
    onStar(e: WechatMiniprogram.CustomEvent<object, object, { stars: number }>) {
      const stars = Number(e.currentTarget.dataset.stars);
      this.setData({
        stars,
        choices: starChoices(stars),
        levels: starLevels(stars),
        starsText: starsChosenText(stars),
      });
    },
    onTextChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).text = e.detail.value;
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const check = checkRating(this.data.stars, state(this).text);
      if (!check.ok) {
        showNotice(this, check.message, 'warning');
        return;
      }
      this.setData({ submitting: true });
      try {
        const { orderId } = state(this);
        if (this.data.rerate) await rerateOrder(orderId, check.stars, check.text);
        else await rateOrder(orderId, check.stars, check.text);
        this.setData({ submitting: false });
        leaveNotice(ROUTES.orderDetail, MODES[this.data.rerate ? 'rerate' : 'rate'].thanks);
        wx.navigateBack({ delta: 1 });
      } catch (e) {
        this.setData({ submitting: false });
        showFailure(this, e);
      }
    },
  },
});
