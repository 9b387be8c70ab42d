/** 绑定服务机构: a staff member joins their provider with the manager's invite code. */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { bindStaff } from '../../../../services/jobs/jobs.service';
import { askJobAlerts } from '../../../../services/subscribe/subscribe.service';
import { instanceState } from '../../../../utils/instance-state';
import { showError, showToast } from '../../../../utils/toast';

const INVITE_CODE = /^[A-Za-z0-9]{6,12}$/;

const state = instanceState(() => ({ code: '' }));

Component({
  behaviors: [elderModeBehavior],
  data: { binding: false },
  methods: {
    onCodeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).code = e.detail.value.trim();
    },
    async onBind() {
      if (this.data.binding) return;
      const code = state(this).code.toUpperCase();
      if (!INVITE_CODE.test(code)) {
        showToast(this, '邀请码为 6 到 12 位字母或数字', 'warning');
        return;
      }
      // From the tap: new orders and follow-up reminders reach the staff member by subscribe message.
      await askJobAlerts();
      this.setData({ binding: true });
      try {
        const bound = await bindStaff(code);
        this.setData({ binding: false });
        showToast(this, bound.providerName ? `已绑定${bound.providerName}` : '绑定成功');
        wx.redirectTo({ url: '/packages/staff/pages/jobs/jobs' });
      } catch (e) {
        this.setData({ binding: false });
        showError(this, e);
      }
    },
  },
});
