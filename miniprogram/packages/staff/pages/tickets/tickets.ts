/**
 * 差评回访工单 (the provider's manager): every rating of 2 stars or less opens a ticket — contact the resident
 * within 1 working day, fix or explain within 5 (feedback.ticket.list view provider, a page at a time to the
 * end, each with its clocks and whether they ran out). On a ticket, only the steps its `actions` allow:
 * 记录联系 (feedback.ticket.contact: how, and what was said), 填写处理结果 (feedback.ticket.resolve: fixed or
 * explained, and how), and 申诉这条评价 (rating.appeal, decided by the community's worker, never by the
 * provider). A step done reads the ticket's row again in place.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../../../behaviors/paged-list.behavior';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import { appealRating, contactTicket, listTickets, resolveTicket } from '../../services/providers.service';
import {
  CHANNEL_OPTIONS,
  NOTE_MAX,
  OUTCOME_OPTIONS,
  checkAppealReason,
  checkContact,
  checkResolution,
  toTicketRow,
  type TicketRowView,
} from '../../view-models/governance.view-model';

type FormKind = '' | 'contact' | 'resolve' | 'appeal';

const TITLES: Record<Exclude<FormKind, ''>, string> = {
  contact: '记录联系居民的情况',
  resolve: '填写处理结果',
  appeal: '申诉这条评价',
};

/** Not rendered: the note as typed. */
const state = instanceState(() => ({ note: '' }));

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.tickets),
    pagedListBehavior({
      load: (_page, pageNo) => listTickets(pageNo),
      rows: (reply) => reply.items.map(toTicketRow),
    }),
  ],
  data: {
    rows: [] as TicketRowView[],
    /** The ticket whose form is open, and which form. */
    formFor: '',
    form: '' as FormKind,
    formTitle: '',
    choice: '',
    channels: CHANNEL_OPTIONS,
    outcomes: OUTCOME_OPTIONS,
    noteMax: NOTE_MAX,
    sending: false,
  },
  methods: {
    onLoad() {
      void this.reload();
    },
    onOpenForm(
      e: WechatMiniprogram.CustomEvent<object, object, { id: string; form: Exclude<FormKind, ''> }>,
    ) {
      const { id, form } = e.currentTarget.dataset;
      state(this).note = '';
      this.setData({ formFor: id, form, formTitle: TITLES[form], choice: '' });
    },
    onCloseForm() {
      this.setData({ formFor: '', form: '' });
    },
    onChoice(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ choice: e.detail.value });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).note = e.detail.value;
    },
    async onSend() {
      if (this.data.sending) return;
      const { form, formFor, choice } = this.data;
      const row = this.data.rows.find((r) => r.id === formFor);
      if (row === undefined || form === '') return;
      const note = state(this).note;
      let send: () => Promise<unknown>;
      let done: string;
      if (form === 'contact') {
        const check = checkContact(choice, note);
        if (!check.ok) return showNotice(this, check.message, 'warning');
        send = () => contactTicket(row.id, check.value.channel, check.value.note);
        done = '已记录联系情况。请在处理期限前整改或解释，并填写处理结果';
      } else if (form === 'resolve') {
        const check = checkResolution(choice, note);
        if (!check.ok) return showNotice(this, check.message, 'warning');
        send = () => resolveTicket(row.id, check.value.outcome, check.value.note);
        done = '处理结果已提交，居民会收到通知，可以重新评价一次';
      } else {
        const check = checkAppealReason(note);
        if (!check.ok) return showNotice(this, check.message, 'warning');
        send = () => appealRating(row.ratingId, check.value);
        done = '申诉已提交，由社区工作人员裁定，结果会通知您';
      }
      this.setData({ sending: true });
      try {
        await send();
      } catch (err) {
        this.setData({ sending: false });
        showFailure(this, err);
        return;
      }
      this.setData({ sending: false, formFor: '', form: '' });
      showNotice(this, done);
      await this.reloadShown();
    },
    onJobs() {
      wx.navigateTo({ url: ROUTES.jobs });
    },
  },
});
