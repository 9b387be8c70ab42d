/**
 * 投诉 (a finished order, from its 订单详情): what went wrong, in words, and up to 6 photos; sent to the
 * community's workers (complaint.submit), who uphold or dismiss it with an answer. The content is checked on
 * the phone by the command's rule before anything is sent, and on the server again (with content security);
 * photos are checked when picked (the concerns' limits, concern-photo.rules.ts) and uploaded only when the
 * complaint is sent. Filed: 我的投诉, with the confirmation.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { newRequestId } from '../../../../services/request-id';
import { instanceState } from '../../../../utils/instance-state';
import { leaveNotice, showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import { pickPhotos, uploadPhotos } from '../../services/concern-photos.service';
import { submitComplaint } from '../../services/complaints.service';
import { MAX_PHOTOS, checkPickedPhotos, type PickedPhoto } from '../../view-models/concern-photo.rules';
import { COMPLAINT_CONTENT, checkComplaintContent } from '../../view-models/complaint.view-model';

/** Not rendered: the order, the text as typed, the photos picked, the form's intent id. */
const state = instanceState(() => ({
  orderId: '',
  content: '',
  photos: [] as PickedPhoto[],
  draftId: newRequestId(),
}));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.complaint)],
  data: {
    missing: false,
    /** '家电维修 · 玉州区邻里家电维修服务部' (from the order detail), '' when not given. */
    subject: '',
    contentMax: COMPLAINT_CONTENT.max,
    maxPhotos: MAX_PHOTOS,
    /** The picked photos' local paths, shown as thumbnails. */
    photos: [] as string[],
    /** Why the last photos picked were not added; '' when they were. */
    photoError: '',
    sending: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).orderId = query['orderId'] ?? '';
      const subject = [query['item'], query['provider']].filter((s) => s !== undefined && s !== '');
      this.setData({ missing: state(this).orderId === '', subject: subject.join(' · ') });
    },
    onContentChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).content = e.detail.value;
    },
    async onAddPhotos() {
      const s = state(this);
      let picked: PickedPhoto[];
      try {
        picked = await pickPhotos(MAX_PHOTOS - s.photos.length);
      } catch (e) {
        showFailure(this, e);
        return;
      }
      if (picked.length === 0) return;
      const check = checkPickedPhotos(picked, s.photos.length);
      if (!check.ok) {
        this.setData({ photoError: check.message });
        showNotice(this, check.message, 'warning');
        return;
      }
      s.photos = [...s.photos, ...check.value];
      this.setData({ photos: s.photos.map((p) => p.path), photoError: '' });
    },
    onRemovePhoto(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const s = state(this);
      s.photos = s.photos.filter((_p, i) => i !== Number(e.currentTarget.dataset.index));
      this.setData({ photos: s.photos.map((p) => p.path) });
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
    async onSubmit() {
      if (this.data.sending) return;
      const check = checkComplaintContent(state(this).content);
      if (!check.ok) {
        showNotice(this, check.message, 'warning');
        return;
      }
      const s = state(this);
      this.setData({ sending: true });
      try {
        const images = await uploadPhotos(s.photos);
        await submitComplaint(s.draftId, { orderId: s.orderId, content: check.value, images });
      } catch (e) {
        this.setData({ sending: false });
        showFailure(this, e);
        return;
      }
      s.draftId = newRequestId();
      this.setData({ sending: false });
      leaveNotice(ROUTES.complaints, '投诉已提交，社区工作人员核实后会答复您');
      wx.redirectTo({ url: ROUTES.complaints });
    },
  },
});
