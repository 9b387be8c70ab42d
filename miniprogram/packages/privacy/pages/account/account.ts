/**
 * 注销账号 (from 我的): what deleting the account removes and what the provider and the community keep
 * de-identified, a confirmation, then `profile.delete`. While an order is open or a role is held the
 * function refuses with the way forward; the page then offers a deletion request a worker handles
 * (更正与申请, `?kind=deletion`). Once deleted, what this phone keeps of the resident (the remembered service
 * address) is cleared too.
 */
import type { AccountDeletedReply } from 'weimin-core';
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { deleteAccount } from '../../../../services/profile/profile.service';
import { ServiceError, messageOf } from '../../../../services/service-error';
import { confirmDialog } from '../../../../utils/confirm';
import { showNotice } from '../../../../utils/notice';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { rememberServiceAddress } from '../../../../utils/service-address.store';

/** Refusals a worker can resolve through a deletion request. */
const NEEDS_A_PERSON = ['ACCOUNT_HAS_OPEN_ORDERS', 'ACCOUNT_HAS_OPEN_CONCERNS', 'ACCOUNT_HAS_ROLES'];

function keptText(reply: AccountDeletedReply): string {
  const kept = [
    reply.ordersKept > 0 ? `${reply.ordersKept} 个服务订单` : '',
    reply.concernsKept > 0 ? `${reply.concernsKept} 件忧心事或微心愿` : '',
  ].filter(Boolean);
  return kept.length === 0
    ? '平台已不再保存您的个人信息。'
    : `您的${kept.join('、')}已去除称呼、地址和备注，按规定留存，不再与您的微信关联。`;
}

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.account)],
  data: {
    understood: false,
    deleting: false,
    /** What the function said when it could not delete at once; '' otherwise. */
    refusal: '',
    /** Done: what was kept. */
    done: '',
  },
  methods: {
    onUnderstood(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ understood: e.detail.checked });
    },
    async onDelete() {
      if (this.data.deleting) return;
      if (!this.data.understood) {
        showNotice(this, '请先阅读说明并勾选确认', 'warning');
        return;
      }
      if (!(await confirmDialog('确认注销账号', '注销后无法恢复，确定要注销吗？', '注销'))) return;
      this.setData({ deleting: true, refusal: '' });
      try {
        const reply = await deleteAccount();
        rememberServiceAddress('');
        this.setData({ deleting: false, done: keptText(reply) });
      } catch (e) {
        const needsPerson = e instanceof ServiceError && NEEDS_A_PERSON.includes(e.code);
        this.setData({ deleting: false, refusal: needsPerson ? messageOf(e) : '' });
        if (!needsPerson) showNotice(this, messageOf(e), 'error');
      }
    },
    onRequestDeletion() {
      wx.navigateTo({ url: withQuery(ROUTES.requests, { kind: 'deletion' }) });
    },
    onBackToProfile() {
      wx.switchTab({ url: ROUTES.profile });
    },
  },
});
