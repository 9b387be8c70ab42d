/**
 * 回访 (provider staff): how the resident was reached, what they said, each problem and suggestion they
 * raised with how it was handled (order.follow_up). What is typed stays out of `data`: only the rows are
 * rendered. Once recorded, the thanks wait on the job the staff member goes back to.
 */
import type { FollowUpChannel } from 'weimin-core';
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { recordFollowUp } from '../../services/jobs.service';
import { instanceState } from '../../../../utils/instance-state';
import { leaveNotice, showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import {
  ENTRIES_MAX,
  ENTRY_MAX,
  FOLLOW_UP_CHANNELS,
  SUMMARY_MAX,
  checkFollowUp,
  emptyFollowUp,
  type FeedbackKind,
} from '../../view-models/follow-up.form';

const state = instanceState(() => ({ orderId: '', draft: emptyFollowUp(), nextKey: 1 }));

const KINDS = [
  { key: 'problems', title: '居民反映的问题', label: '问题', placeholder: '居民反映了什么问题' },
  { key: 'suggestions', title: '居民提出的建议', label: '建议', placeholder: '居民提出了什么建议' },
] as const;

type EntryEvent = WechatMiniprogram.CustomEvent<
  { value: string },
  object,
  { kind: FeedbackKind; index: number; field: 'content' | 'handling' }
>;
type KindTap = WechatMiniprogram.CustomEvent<object, object, { kind: FeedbackKind; index: number }>;

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.followUp)],
  data: {
    /** Opened without an order (not from a job). */
    missing: false,
    channels: FOLLOW_UP_CHANNELS,
    kinds: KINDS,
    summaryMax: SUMMARY_MAX,
    entryMax: ENTRY_MAX,
    channel: '',
    problems: [] as Array<{ key: number }>,
    suggestions: [] as Array<{ key: number }>,
    submitting: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).orderId = query['orderId'] ?? '';
      this.setData({ missing: state(this).orderId === '' });
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
    onChannelChange(e: WechatMiniprogram.CustomEvent<{ value: FollowUpChannel }>) {
      state(this).draft.channel = e.detail.value;
      this.setData({ channel: e.detail.value });
    },
    onSummaryChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).draft.summary = e.detail.value;
    },
    onAddEntry(e: KindTap) {
      const { kind } = e.currentTarget.dataset;
      const s = state(this);
      const entries = s.draft[kind];
      if (entries.length >= ENTRIES_MAX) {
        showNotice(this, `最多添加 ${ENTRIES_MAX} 条`, 'warning');
        return;
      }
      entries.push({ content: '', handling: '' });
      this.setData({ [`${kind}[${entries.length - 1}]`]: { key: s.nextKey } });
      s.nextKey += 1;
    },
    onRemoveEntry(e: KindTap) {
      const { kind, index } = e.currentTarget.dataset;
      state(this).draft[kind].splice(index, 1);
      this.setData({ [kind]: this.data[kind].filter((_, i) => i !== index) });
    },
    onEntryChange(e: EntryEvent) {
      const { kind, index, field } = e.currentTarget.dataset;
      const entry = state(this).draft[kind][index];
      if (entry !== undefined) entry[field] = e.detail.value;
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const { orderId, draft } = state(this);
      const check = checkFollowUp(orderId, draft);
      if (!check.ok) {
        showNotice(this, check.message, 'warning');
        return;
      }
      this.setData({ submitting: true });
      try {
        await recordFollowUp(check.input);
        this.setData({ submitting: false });
        leaveNotice(ROUTES.jobDetail, '回访记录已提交');
        wx.navigateBack({ delta: 1 });
      } catch (e) {
        this.setData({ submitting: false });
        showFailure(this, e);
      }
    },
  },
});
