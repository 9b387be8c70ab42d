/**
 * 消息中心: every notice sent to the user (an order accepted, a job to do, a rating to give...), kept here
 * whether or not WeChat delivered its subscribe message; newest first, a page at a time, all or unread only,
 * with the unread count. A tap marks the notice read and opens the page it is about; 全部标为已读 marks
 * them all. Back from an opened page, the list is read again.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../behaviors/paged-list.behavior';
import { listMessages, markAllRead, markRead } from '../../services/messages/messages.service';
import { instanceState } from '../../utils/instance-state';
import { showFailure, showNotice } from '../../utils/notice';
import { hasMoreRows } from '../../utils/paging';
import { ROUTES } from '../../utils/routes';
import {
  MESSAGE_FILTERS,
  asRead,
  isMessageFilter,
  openMode,
  toMessageRow,
  type MessageFilter,
  type MessageRow,
} from '../../view-models/messages.view-model';

/** Not rendered: whether the list has been read once, a tap being handled. */
const state = instanceState(() => ({ loaded: false, opening: false }));

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.messages),
    pagedListBehavior({
      load: async (page, pageNo) => {
        const reply = await listMessages(
          pageNo,
          (page.data as { filter: MessageFilter }).filter === 'unread',
        );
        if (pageNo === 1) state(page).loaded = true;
        return reply;
      },
      rows: (reply) => reply.items.map((item) => toMessageRow(item, Date.now())),
      more: (reply, loadedBefore) => hasMoreRows(loadedBefore, reply.items.length, reply.total),
      extra: (_page, reply) => ({ unread: reply.unread }),
      keepRowsOnError: false,
    }),
  ],
  data: {
    filters: MESSAGE_FILTERS,
    filter: 'all' as MessageFilter,
    rows: [] as MessageRow[],
    unread: 0,
    readingAll: false,
  },
  methods: {
    onLoad() {
      void this.reload();
    },
    onShow() {
      // Back from the page a notice opened: read the list again (it may have changed).
      if (state(this).loaded) void this.reload();
    },
    onFilter(e: WechatMiniprogram.CustomEvent<object, object, { value: string }>) {
      const value = e.currentTarget.dataset.value;
      if (!isMessageFilter(value) || value === this.data.filter) return;
      this.setData({ filter: value, loading: true, error: '', rows: [] });
      void this.reload();
    },
    async onOpen(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const row = this.data.rows[index];
      if (row === undefined || state(this).opening) return;
      state(this).opening = true;
      try {
        if (row.unread) {
          try {
            const reply = await markRead(row.id);
            this.setData({ [`rows[${index}]`]: asRead(row), unread: reply.unread });
          } catch (err) {
            // Not marked, but the notice is still worth opening: say so and go on.
            showFailure(this, err);
          }
        }
        const open = openMode(row.url);
        if (open.how === 'tab') wx.switchTab({ url: open.url });
        else if (open.how === 'page') {
          wx.navigateTo({
            url: open.url,
            fail: () => showNotice(this, '无法打开这条消息对应的页面，请从“我的订单”查看', 'warning'),
          });
        }
      } finally {
        state(this).opening = false;
      }
    },
    async onReadAll() {
      if (this.data.readingAll) return;
      this.setData({ readingAll: true });
      try {
        const reply = await markAllRead();
        this.setData({ readingAll: false });
        showNotice(this, `已将 ${reply.marked} 条消息标为已读`);
        await this.reload();
      } catch (e) {
        this.setData({ readingAll: false });
        showFailure(this, e);
      }
    },
  },
});
