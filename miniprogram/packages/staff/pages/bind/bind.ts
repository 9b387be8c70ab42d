/**
 * 绑定服务机构: a staff member joins their provider with the manager's invite code; once bound, the workbench
 * opens and says so.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { bindStaff } from '../../services/jobs.service';
import { askJobAlerts } from '../../../../services/subscribe/subscribe.service';
import { instanceState } from '../../../../utils/instance-state';
import { leaveNotice, showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';

const INVITE_CODE = /^[A-Za-z0-9]{6,12}$/;

const state = instanceState(() => ({ code: '' }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.bind)],
  data: { binding: false },
  methods: {
    onCodeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).code = e.detail.value.trim();
    },
    async onBind() {
      if (this.data.binding) return;
      const code = state(this).code.toUpperCase();
      if (!INVITE_CODE.test(code)) {
        showNotice(this, '邀请码为 6 到 12 位字母或数字', 'warning');
        return;
      }
      // From the tap: new orders and follow-up reminders reach the staff member by subscribe message.
      await askJobAlerts();
      this.setData({ binding: true });
      try {
        const bound = await bindStaff(code);
        this.setData({ binding: false });
        leaveNotice(
          ROUTES.jobs,
          bound.providerName ? `已绑定${bound.providerName}，可以接单了` : '绑定成功，可以接单了',
        );
        wx.redirectTo({ url: ROUTES.jobs });
      } catch (e) {
        this.setData({ binding: false });
        showFailure(this, e);
      }
    },
  },
});
