/**
 * 入驻公示: the service organisations chosen to join, during their public notice (provider.notice.list), a
 * page at a time to the end. A tap opens one in place: its items and prices, service area, industries and
 * notice period, and 提出异议 — the objection form (content, the objector's phone optional), which says
 * plainly that the applicant is never told who objected (provider.application.object).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../../../behaviors/paged-list.behavior';
import { newRequestId } from '../../../../services/request-id';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import { listNotices, objectToApplication } from '../../services/providers-public.service';
import { checkObjection, toNoticeRow, type NoticeRowView } from '../../view-models/notice.view-model';

/** Not rendered: the objection as typed, its intent id. */
const state = instanceState(() => ({ content: '', phone: '', draftId: newRequestId() }));

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.notices),
    pagedListBehavior({
      load: (_page, pageNo) => listNotices(pageNo),
      rows: (reply) => reply.items.map(toNoticeRow),
      extra: (_page, reply) => ({ total: reply.total }),
    }),
  ],
  data: {
    rows: [] as NoticeRowView[],
    total: 0,
    /** The application opened in place, '' for none. */
    openId: '',
    /** The objection form is open for the opened application. */
    objecting: false,
    sending: false,
    /** Objections sent here, by application. */
    objected: {} as Record<string, boolean>,
  },
  methods: {
    onLoad() {
      void this.reload();
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ openId: this.data.openId === id ? '' : id, objecting: false });
    },
    onObject() {
      const s = state(this);
      s.content = '';
      s.phone = '';
      s.draftId = newRequestId();
      this.setData({ objecting: true });
    },
    onCancelObjection() {
      this.setData({ objecting: false });
    },
    onContent(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).content = e.detail.value;
    },
    onPhone(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).phone = e.detail.value;
    },
    async onSendObjection() {
      if (this.data.sending) return;
      const s = state(this);
      const check = checkObjection(s.content, s.phone);
      if (!check.ok) {
        showNotice(this, check.message, 'warning');
        return;
      }
      const applicationId = this.data.openId;
      this.setData({ sending: true });
      try {
        await objectToApplication(s.draftId, applicationId, check.value.content, check.value.contactPhone);
      } catch (e) {
        this.setData({ sending: false });
        showFailure(this, e);
        return;
      }
      s.draftId = newRequestId();
      this.setData({ sending: false, objecting: false, [`objected.${applicationId}`]: true });
      showNotice(this, '异议已提交。社区会在签署服务协定前核实并答复，不会告诉申请机构是谁提出的');
    },
  },
});
