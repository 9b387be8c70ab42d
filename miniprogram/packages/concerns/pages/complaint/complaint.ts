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
import { photoPickerBehavior, pickedPhotos } from '../../behaviors/photo-picker.behavior';
import { uploadPhotos } from '../../services/concern-photos.service';
import { submitComplaint } from '../../services/complaints.service';
import { MAX_PHOTOS } from '../../view-models/concern-photo.rules';
import { COMPLAINT_CONTENT, checkComplaintContent } from '../../view-models/complaint.view-model';

/** Not rendered: the order, the text as typed, the photos picked, the form's intent id. */
const state = instanceState(() => ({
  orderId: '',
  content: '',
  draftId: newRequestId(),
}));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.complaint), photoPickerBehavior],
  data: {
    missing: false,
    /** '家电维修 · 玉州区邻里家电维修服务部' (from the order detail), '' when not given. */
    subject: '',
    contentMax: COMPLAINT_CONTENT.max,
    maxPhotos: MAX_PHOTOS,
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
        const images = await uploadPhotos(pickedPhotos(this));
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
