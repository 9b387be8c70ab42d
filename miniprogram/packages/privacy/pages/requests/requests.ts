/**
 * 更正与申请 (from 我的, and from 注销账号 when a person must decide): what the resident asks a worker about
 * their data (a correction they cannot make themselves, a deletion, anything else), answered within 15
 * working days; their requests with the status, the deadline and the answer (the reason, when refused).
 * Opened with `?kind=deletion` the form starts as a deletion request; `?orderId=` ties it to an order.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { listPrivacyRequests, submitPrivacyRequest } from '../../../../services/profile/profile.service';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import {
  REQUEST_KIND_OPTIONS,
  checkRequestContent,
  isRequestKind,
  toRequestRow,
  type RequestRow,
} from '../../view-models/privacy-request.view-model';

/** Not rendered: the text as typed, and the order the request is about. */
const state = instanceState(() => ({ content: '', orderId: undefined as string | undefined }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.requests)],
  data: {
    kinds: REQUEST_KIND_OPTIONS,
    /** Why the list could not be read; '' once it is on screen. */
    error: '',
    kind: 'correction' as string,
    aboutOrder: false,
    sending: false,
    loading: true,
    rows: [] as RequestRow[],
  },
  methods: {
    onLoad(query: { kind?: string; orderId?: string }) {
      const kind = decodeURIComponent(query.kind ?? '');
      const orderId = decodeURIComponent(query.orderId ?? '');
      state(this).orderId = orderId === '' ? undefined : orderId;
      this.setData({ kind: isRequestKind(kind) ? kind : 'correction', aboutOrder: orderId !== '' });
      void this.load();
    },
    async load() {
      try {
        const { items } = await listPrivacyRequests();
        this.setData({ loading: false, error: '', rows: items.map(toRequestRow) });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    onKindChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ kind: e.detail.value });
    },
    onContentChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).content = e.detail.value;
    },
    async onSubmit() {
      if (this.data.sending || !isRequestKind(this.data.kind)) return;
      const content = checkRequestContent(state(this).content);
      if (!content.ok) {
        showNotice(this, content.message, 'warning');
        return;
      }
      this.setData({ sending: true });
      try {
        const sent = await submitPrivacyRequest(this.data.kind, content.value, state(this).orderId);
        this.setData({ sending: false, rows: [toRequestRow(sent), ...this.data.rows] });
        showNotice(this, '已提交，工作人员将在 15 个工作日内答复');
      } catch (e) {
        this.setData({ sending: false });
        showFailure(this, e);
      }
    },
  },
});
