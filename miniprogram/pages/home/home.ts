/**
 * 首页: the resident ticks service items by category (catalog.list, read to its last page) and goes on to
 * the providers offered for them. The entry to 长辈模式 is here, and the first-run offer of it when WeChat's
 * font is enlarged; under it the rows to the concerns pages and to 红星榜 / 入驻公示. At the top, the latest
 * notices of the resident's community (通知公告, pinned first) with 更多; none shown while there are none or
 * they cannot be read (no community bound yet).
 */
import {
  answerElderOffer,
  chooseElderMode,
  elderModeBehavior,
  elderOfferDue,
} from '../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../behaviors/page-notice.behavior';
import { HOME_NOTICES, listAnnouncements } from '../../services/announcements';
import { listCatalogPage } from '../../services/catalog/catalog.service';
import { messageOf } from '../../services/service-error';
import { showNotice } from '../../utils/notice';
import { readAllPages } from '../../utils/paging';
import { ROUTES, withQuery } from '../../utils/routes';
import {
  MAX_TICKED_ITEMS,
  tickedItemIds,
  toCatalogView,
  type CatalogCategoryView,
} from '../../view-models/catalog.view-model';
import { toNoticeRow, type NoticeRow } from '../../view-models/announcement.view-model';

/** The concerns pages the home page opens. */
type ConcernEntry = 'concernWall' | 'concernMine' | 'concernSubmit';

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.home)],
  data: {
    loading: true,
    error: '',
    categories: [] as CatalogCategoryView[],
    checked: {} as Record<string, boolean>,
    tickedCount: 0,
    /** The first-run offer of 长辈模式 is on screen. */
    elderOffer: false,
    /** The latest notices of the resident's community (通知公告). */
    notices: [] as NoticeRow[],
  },
  methods: {
    onLoad() {
      this.setData({ elderOffer: elderOfferDue() });
      void this.load();
      void this.loadNotices();
    },
    /** 通知公告: the first few; the section stays away when there are none or they cannot be read. */
    async loadNotices() {
      try {
        const reply = await listAnnouncements(1, HOME_NOTICES);
        this.setData({ notices: reply.items.map(toNoticeRow) });
      } catch {
        this.setData({ notices: [] });
      }
    },
    onOpenNotice(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({
        url: withQuery(ROUTES.communityNotice, { announcementId: e.currentTarget.dataset.id }),
      });
    },
    onOpenNotices() {
      wx.navigateTo({ url: ROUTES.communityNotices });
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      try {
        const categories = toCatalogView(await readAllPages(listCatalogPage));
        this.setData({ loading: false, error: '', categories });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    /** The home page's 长辈模式 entry: on, or off, as the user says (我的 can go back to following WeChat). */
    onElderToggle() {
      const { elder } = chooseElderMode(this, this.data.elder ? 'off' : 'on');
      answerElderOffer();
      this.setData({ elderOffer: false });
      showNotice(
        this,
        elder ? '已开启长辈模式：字更大，按钮更大' : '已关闭长辈模式。在“我的”里可以改为跟随微信字体大小',
      );
    },
    onElderOfferKeep() {
      answerElderOffer();
      this.setData({ elderOffer: false });
    },
    onElderOfferDecline() {
      answerElderOffer();
      chooseElderMode(this, 'off');
      this.setData({ elderOffer: false });
    },
    onItemChange(e: WechatMiniprogram.CustomEvent<{ checked: boolean; context: { value: string } }>) {
      const itemId = e.detail.context.value;
      const checked = e.detail.checked;
      const ticked = tickedItemIds({ ...this.data.checked, [itemId]: checked });
      if (ticked.length > MAX_TICKED_ITEMS) {
        showNotice(this, `一次最多选择 ${MAX_TICKED_ITEMS} 项服务，请先取消一项再选`, 'warning');
        return;
      }
      this.setData({ [`checked.${itemId}`]: checked, tickedCount: ticked.length });
    },
    onSeeProviders() {
      const itemIds = tickedItemIds(this.data.checked);
      if (itemIds.length === 0) {
        showNotice(this, '请先勾选需要的服务项目', 'warning');
        return;
      }
      // Item ids are plain (letters, digits, '-'): the list goes as it is, commas and all.
      wx.navigateTo({ url: `${ROUTES.providers}?itemIds=${itemIds.join(',')}` });
    },
    /** 红星榜 / 入驻公示 (the providers subpackage). */
    onOpenProviders(e: WechatMiniprogram.CustomEvent<object, object, { page: 'board' | 'notices' }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.page] });
    },
    /** 志愿服务 (the community subpackage). */
    onOpenCommunity(e: WechatMiniprogram.CustomEvent<object, object, { page: 'activities' | 'teams' }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.page] });
    },
    /** 心愿墙 / 我的诉求 / 提交诉求 (the concerns subpackage). */
    onOpenConcerns(e: WechatMiniprogram.CustomEvent<object, object, { page: ConcernEntry }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.page] });
    },
  },
});
