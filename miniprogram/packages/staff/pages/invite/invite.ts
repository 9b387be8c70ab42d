/**
 * 邀请同事 (provider managers, from the workbench): choose 成员 or 负责人, issue a one-time invite code
 * (provider-admin → provider.staff.invite), show it large with its expiry and copy it to pass on (the
 * clipboard is a privacy API: through the privacy guide first, `copyToClipboard`). The colleague enters it
 * on 绑定服务机构.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { copyToClipboard } from '../../../../components/privacy-popup/privacy-guard';
import { inviteStaff, type StaffPosition } from '../../services/provider-admin.service';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import { formatShanghaiMinute } from '../../../../utils/time.format';

const POSITIONS: ReadonlyArray<{ value: StaffPosition; label: string; hint: string }> = [
  { value: 'member', label: '成员', hint: '接单、完成服务、回访' },
  { value: 'manager', label: '负责人', hint: '还可以邀请同事加入' },
];

interface InviteView {
  code: string;
  positionLabel: string;
  expiresAt: string;
  providerName: string;
}

/** Not rendered: the provider the page was opened for. */
const state = instanceState(() => ({ providerId: '' }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.invite)],
  data: {
    positions: POSITIONS,
    position: 'member' as StaffPosition,
    issuing: false,
    invite: null as InviteView | null,
    /** Opened without a provider (not from the workbench). */
    missing: false,
  },
  methods: {
    onLoad(query: { providerId?: string }) {
      const providerId = decodeURIComponent(query.providerId ?? '');
      state(this).providerId = providerId;
      this.setData({ missing: providerId === '' });
    },
    onPositionChange(e: WechatMiniprogram.CustomEvent<{ value: StaffPosition }>) {
      this.setData({ position: e.detail.value });
    },
    async onIssue() {
      if (this.data.issuing) return;
      this.setData({ issuing: true });
      try {
        const reply = await inviteStaff(state(this).providerId, this.data.position);
        const invite: InviteView = {
          code: reply.inviteCode,
          positionLabel: POSITIONS.find((p) => p.value === reply.position)?.label ?? '成员',
          expiresAt: formatShanghaiMinute(reply.expiresAt),
          providerName: reply.providerName,
        };
        this.setData({ issuing: false, invite });
      } catch (e) {
        this.setData({ issuing: false });
        showFailure(this, e);
      }
    },
    async onCopy() {
      const invite = this.data.invite;
      if (invite === null) return;
      const copied = await copyToClipboard(invite.code);
      if (copied === 'copied') showNotice(this, '邀请码已复制');
      else if (copied === 'declined')
        showNotice(this, '未同意个人信息保护指引，请把邀请码抄给同事', 'warning');
      else showNotice(this, '复制失败，请把邀请码抄给同事', 'warning');
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
  },
});
