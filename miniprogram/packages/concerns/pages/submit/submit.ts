/**
 * 提交诉求: a 忧心事 or a 微心愿 — title, content, up to 6 photos, 匿名, 需要多个部门, and 涉及敏感个人信息 with
 * its own consent and an explanation. Photos are checked on the phone when picked (type and size, the
 * storage's limits) and uploaded only when the concern is sent. Before filing, the open concerns of the
 * community that look the same (concern.similar) are shown with 我也关心, instead of a duplicate; filing
 * asks for the progress and wish-claimed notifications first thing in the tap, then lands on 我的诉求.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { newRequestId } from '../../../../services/request-id';
import { instanceState } from '../../../../utils/instance-state';
import { leaveNotice, showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES } from '../../../../utils/routes';
import { photoPickerBehavior, pickedPhotos } from '../../behaviors/photo-picker.behavior';
import { uploadPhotos } from '../../services/concern-photos.service';
import { askConcernUpdates } from '../../services/concern-subscribe.service';
import { similarConcerns, submitConcern, supportConcern } from '../../services/concerns.service';
import { CONCERN_KIND_OPTIONS, checkConcernDraft, type ConcernFields } from '../../view-models/concern.forms';
import { MAX_PHOTOS } from '../../view-models/concern-photo.rules';
import { toSimilarRow, type SimilarRowView } from '../../view-models/concern.view-model';

/** Not rendered: the text as typed, the photos picked, the form's intent id, the text checked for likeness. */
const state = instanceState(() => ({
  title: '',
  content: '',
  draftId: newRequestId(),
  checkedText: '',
  /** The likeness check made when the text was left (blur), by text: ready before the tap on 提交. */
  prefetched: null as { key: string; rows: SimilarRowView[] } | null,
}));

const textKey = (f: ConcernFields) => `${f.title}\n${f.content}`;

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.concernSubmit), photoPickerBehavior],
  data: {
    kinds: CONCERN_KIND_OPTIONS,
    kind: '',
    maxPhotos: MAX_PHOTOS,
    anonymous: false,
    crossDepartment: false,
    sensitive: false,
    sensitiveConsent: false,
    /** Open concerns that look like this one, shown before filing. */
    similar: [] as SimilarRowView[],
    /** The concerns the resident said 我也关心 to here. */
    supported: {} as Record<string, boolean>,
    checking: false,
    sending: false,
  },
  methods: {
    onKindChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ kind: e.detail.value });
    },
    onTitleChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).title = e.detail.value;
    },
    onContentChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).content = e.detail.value;
    },
    onToggle(e: WechatMiniprogram.CustomEvent<{ checked: boolean }, object, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      const patch: Record<string, boolean> = { [field]: e.detail.checked };
      // Consent is given for the sensitive concern at hand: unticking 敏感 withdraws it.
      if (field === 'sensitive' && !e.detail.checked) patch['sensitiveConsent'] = false;
      this.setData(patch);
    },
    checkForm(): ConcernFields | null {
      const { kind, sensitive, sensitiveConsent } = this.data;
      const check = checkConcernDraft({
        kind,
        title: state(this).title,
        content: state(this).content,
        sensitive,
        sensitiveConsent,
      });
      if (check.ok) return check.value;
      showNotice(this, check.message, 'warning');
      return null;
    },
    /**
     * The title or the content was left: look for similar concerns now, so that the tap on 提交 usually
     * finds the answer ready and files at once (WeChat shows the consent dialog only within the tap).
     */
    async onTextBlur() {
      const { kind, sensitive } = this.data;
      const s = state(this);
      const check = checkConcernDraft({
        kind: kind || 'worry',
        title: s.title,
        content: s.content,
        sensitive,
        sensitiveConsent: true,
      });
      if (!check.ok || s.prefetched?.key === textKey(check.value)) return;
      const key = textKey(check.value);
      try {
        const rows = (await similarConcerns(check.value.title, check.value.content)).items.map(toSimilarRow);
        s.prefetched = { key, rows };
      } catch {
        // Asked again on 提交.
      }
    },
    /** The similar open concerns for this text: the one read on blur, or read now. */
    async similarFor(fields: ConcernFields): Promise<SimilarRowView[]> {
      const s = state(this);
      if (s.prefetched?.key === textKey(fields)) return s.prefetched.rows;
      this.setData({ checking: true });
      try {
        return (await similarConcerns(fields.title, fields.content)).items.map(toSimilarRow);
      } catch {
        // Looking for duplicates is a courtesy: the concern can still be filed.
        return [];
      } finally {
        this.setData({ checking: false });
      }
    },
    /** 提交: the form checked, then the likely duplicates shown once for this text, else filed. */
    async onSubmit() {
      if (this.data.sending || this.data.checking) return;
      const fields = this.checkForm();
      if (fields === null) return;
      if (state(this).checkedText !== textKey(fields)) {
        const similar = await this.similarFor(fields);
        state(this).checkedText = textKey(fields);
        if (similar.length > 0) {
          this.setData({ similar });
          showNotice(this, '社区里已有相似的诉求，您可以点“我也关心”，不用重复提交', 'info');
          return;
        }
      }
      await this.send(fields);
    },
    /** 不是同一件事，继续提交 (under the similar concerns). */
    async onSubmitAnyway() {
      if (this.data.sending) return;
      const fields = this.checkForm();
      if (fields !== null) await this.send(fields);
    },
    async send(fields: ConcernFields) {
      // First thing after the tap: WeChat shows the consent dialog only from a user gesture.
      const consent = askConcernUpdates();
      this.setData({ sending: true });
      await consent;
      const s = state(this);
      const { anonymous, crossDepartment, sensitive, sensitiveConsent } = this.data;
      try {
        const images = await uploadPhotos(pickedPhotos(this));
        await submitConcern(s.draftId, {
          ...fields,
          images,
          anonymous,
          crossDepartment,
          sensitive,
          sensitiveConsent,
        });
      } catch (e) {
        this.setData({ sending: false });
        showFailure(this, e);
        return;
      }
      s.draftId = newRequestId();
      this.setData({ sending: false });
      leaveNotice(ROUTES.concernMine, '已提交。社区审核后会公开到心愿墙，办理有进展时会通知您');
      wx.redirectTo({ url: ROUTES.concernMine });
    },
    async onSupport(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      const concernId = e.currentTarget.dataset.id;
      if (this.data.supported[concernId] || this.data.sending) return;
      this.setData({ sending: true });
      try {
        const { supportCount } = await supportConcern(concernId);
        const at = this.data.similar.findIndex((row) => row.id === concernId);
        this.setData({
          sending: false,
          [`supported.${concernId}`]: true,
          ...(at < 0 ? {} : { [`similar[${at}].supportText`]: `已有 ${supportCount} 人关心` }),
        });
        showNotice(this, '已表示关心。这件事办理有进展时，您可以在心愿墙上看到');
      } catch (err) {
        this.setData({ sending: false });
        showFailure(this, err);
      }
    },
    onToWall() {
      wx.redirectTo({ url: ROUTES.concernWall });
    },
  },
});
