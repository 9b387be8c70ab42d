/**
 * 团队详情, opened with `?teamId=` (from 微团队): what the team does, where the caller stands, and only the
 * buttons its `actions` allow — 申请加入 (an application to the leader), 凭邀请码加入 (a code typed: a member
 * at once, with their volunteer number), 退出队伍; for the leader 生成邀请码 (shown to read out) and the
 * applications waiting, each 同意 / 不同意. Members by name, phones as the core shows them (in full only to
 * the leader and the community's workers). After each step the team is read again and the step said in a notice.
 */
import type { TeamDetail } from 'weimin-core';
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf } from '../../../../services/service-error';
import { confirmDialog } from '../../../../utils/confirm';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import {
  decideApplication,
  inviteToTeam,
  joinTeam,
  leaveTeam,
  teamDetail,
} from '../../services/teams.service';
import {
  checkInviteCode,
  inviteText,
  joinDoneText,
  teamPageView,
  type TeamPageView,
} from '../../view-models/team.view-model';

/** Not rendered: the team on the page, its last reply, the code typed, the taps on 生成邀请码. */
const state = instanceState(() => ({
  teamId: '',
  reply: null as TeamDetail | null,
  code: '',
  invites: 0,
}));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.team)],
  data: {
    loading: true,
    error: '',
    busy: false,
    team: null as TeamPageView | null,
    /** 凭邀请码加入: the code field shown. */
    codeShown: false,
    /** The leader's last code, to read out. */
    invite: '',
  },
  methods: {
    onLoad(query: { teamId?: string }) {
      state(this).teamId = decodeURIComponent(query.teamId ?? '');
      void this.load();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async refresh(patch: Record<string, unknown>) {
      const reply = await teamDetail(state(this).teamId);
      state(this).reply = reply;
      this.setData({ ...patch, team: teamPageView(reply) });
    },
    async load() {
      if (state(this).teamId === '') {
        this.setData({ loading: false, error: '没有找到这支队伍，请从微团队列表进入' });
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
    /** Run one step, then show the team as it is now, and say what was done. */
    async act<T>(step: () => Promise<T>, done: (result: T) => string, patch: Record<string, unknown> = {}) {
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
      const after = { busy: false, ...patch };
      try {
        await this.refresh(after);
      } catch {
        this.setData(after);
      }
      showNotice(this, done(result));
    },
    async onApply() {
      await this.act(() => joinTeam(state(this).teamId), joinDoneText);
    },
    onShowCode() {
      state(this).code = '';
      this.setData({ codeShown: true });
    },
    onCodeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).code = e.detail.value;
    },
    async onJoinWithCode() {
      const checked = checkInviteCode(state(this).code);
      if ('problem' in checked) {
        showNotice(this, checked.problem, 'warning');
        return;
      }
      await this.act(() => joinTeam(state(this).teamId, checked.code), joinDoneText, { codeShown: false });
    },
    async onLeave() {
      if (this.data.busy) return;
      const sure = await confirmDialog('退出队伍', '退出后不再是本队队员，已有的志愿服务记录保留。', '退出');
      if (sure)
        await this.act(
          () => leaveTeam(state(this).teamId),
          () => '已退出队伍',
        );
    },
    async onInvite() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        state(this).invites += 1;
        const invite = await inviteToTeam(state(this).teamId, state(this).invites);
        this.setData({ busy: false, invite: inviteText(invite) });
      } catch (e) {
        this.setData({ busy: false });
        showFailure(this, e);
      }
    },
    async decide(applicationId: string, approve: boolean) {
      await this.act(
        () => decideApplication(applicationId, approve),
        (r) => (r.status === 'approved' ? `已同意入队，志愿者编号 ${r.volunteerNo ?? ''}` : '已不同意入队'),
      );
    },
    onApprove(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      void this.decide(e.currentTarget.dataset.id, true);
    },
    onReject(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      void this.decide(e.currentTarget.dataset.id, false);
    },
  },
});
