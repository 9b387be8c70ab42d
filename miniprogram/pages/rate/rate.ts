/** 评价: 1-5 stars and optional text for a done order (order.rate; the text goes through content security). */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { rateOrder } from '../../services/orders/orders.service';
import { instanceState } from '../../utils/instance-state';
import { showError, showToast } from '../../utils/toast';
import { RATING_TEXT_MAX, RATING_TEXTS, checkRating } from '../../view-models/rating.form';

const state = instanceState(() => ({ orderId: '', text: '' }));

Component({
  behaviors: [elderModeBehavior],
  data: { stars: 0, starsText: '请点击星星评分', textMax: RATING_TEXT_MAX, submitting: false },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).orderId = query['orderId'] ?? '';
    },
    onStarsChange(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      const stars = e.detail.value;
      this.setData({ stars, starsText: RATING_TEXTS[stars - 1] ?? '' });
    },
    onTextChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).text = e.detail.value;
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const check = checkRating(this.data.stars, state(this).text);
      if (!check.ok) {
        showToast(this, check.message, 'warning');
        return;
      }
      this.setData({ submitting: true });
      try {
        await rateOrder(state(this).orderId, check.stars, check.text);
        this.setData({ submitting: false });
        showToast(this, '感谢您的评价');
        wx.navigateBack({ delta: 1 });
      } catch (e) {
        this.setData({ submitting: false });
        showError(this, e);
      }
    },
  },
});
