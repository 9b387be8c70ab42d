/**
 * 评价: 1-5 stars and optional text for a done order (order.rate; the text goes through content security).
 * The stars are five buttons of their own, each said in words (1 星：很不满意 …), the choice shown by filled
 * stars and in words, never by colour alone. The thanks wait on the order the resident goes back to.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../behaviors/page-notice.behavior';
import { rateOrder } from '../../services/orders/orders.service';
import { instanceState } from '../../utils/instance-state';
import { leaveNotice, showFailure, showNotice } from '../../utils/notice';
import { ROUTES } from '../../utils/routes';
import { RATING_TEXT_MAX, checkRating, starChoices, starsChosenText } from '../../view-models/rating.form';

const state = instanceState(() => ({ orderId: '', text: '' }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.rate)],
  data: {
    missing: false,
    stars: 0,
    choices: starChoices(0),
    starsText: starsChosenText(0),
    textMax: RATING_TEXT_MAX,
    submitting: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).orderId = query['orderId'] ?? '';
      this.setData({ missing: state(this).orderId === '' });
    },
    onStar(e: WechatMiniprogram.CustomEvent<object, object, { stars: number }>) {
      const stars = Number(e.currentTarget.dataset.stars);
      this.setData({ stars, choices: starChoices(stars), starsText: starsChosenText(stars) });
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
        await rateOrder(state(this).orderId, check.stars, check.text);
        this.setData({ submitting: false });
        leaveNotice(ROUTES.orderDetail, '感谢您的评价，评价已提交');
        wx.navigateBack({ delta: 1 });
      } catch (e) {
        this.setData({ submitting: false });
        showFailure(this, e);
      }
    },
  },
});
