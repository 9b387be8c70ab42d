/**
 * 申请入驻 (provider.apply), open to any user: the community (or grid) whose Party organisation the
 * application goes to, chosen from the org tree; the organisation's particulars and credit code; its
 * qualifications with numbers, validity and document photos (checked on the phone, uploaded when sent);
 * management rules; service area; per service item free or a low fee with the market price; the declaration.
 * The whole form is checked by the command's own rules before anything is uploaded or sent (a low fee not
 * below its market price, an unticked declaration…). Opened with `?applicationId=` it amends a returned
 * application and files it again. Filing lands on 我的入驻申请.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { listCatalogPage } from '../../../../services/catalog/catalog.service';
import { newRequestId } from '../../../../services/request-id';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { leaveNotice, showFailure, showNotice } from '../../../../utils/notice';
import { readAllPages } from '../../../../utils/paging';
import { ROUTES } from '../../../../utils/routes';
import { toCatalogView, type CatalogCategoryView } from '../../../../view-models/catalog.view-model';
import { pickDocuments, uploadDocuments } from '../../services/document-photos.service';
import { applicationDetail, applyForProvider } from '../../services/providers.service';
import {
  EMPTY_PARTICULARS,
  MAX_DOCUMENT_PHOTOS,
  checkApplication,
  emptyQualification,
  offeringDraft,
  type OfferingDraft,
  type ParticularsDraft,
} from '../../view-models/application.form';
import { checkPickedDocuments, type PickedDocument } from '../../view-models/document-photo.rules';
import { toApplicationPrefill, type ApplicationPrefill } from '../../view-models/application.view-model';

interface QualificationState {
  key: string;
  name: string;
  number: string;
  validUntil: string;
  /** Photos picked here, uploaded when sent. */
  photos: PickedDocument[];
  /** Documents already filed (an amended application keeps them). */
  fileIds: string[];
}

/** Not rendered: the texts as typed, the picked photos, the offerings chosen, the intent id. */
const state = instanceState(() => ({
  particulars: { ...EMPTY_PARTICULARS } as ParticularsDraft,
  qualifications: [] as QualificationState[],
  offerings: new Map<string, OfferingDraft>(),
  draftId: newRequestId(),
  applicationId: '',
  keys: 0,
}));

interface QualificationView {
  key: string;
  validUntil: string;
  /** The picked photos' local paths, shown as thumbnails. */
  photos: string[];
  /** Documents already filed. */
  filed: number;
  canAdd: boolean;
}

function newQualification(owner: object): QualificationState {
  const s = state(owner);
  s.keys += 1;
  return { key: `q${s.keys}`, ...emptyQualification(), photos: [], fileIds: [] };
}

function qualificationViews(list: readonly QualificationState[]): QualificationView[] {
  return list.map((q) => ({
    key: q.key,
    validUntil: q.validUntil,
    photos: q.photos.map((p) => p.path),
    filed: q.fileIds.length,
    canAdd: q.photos.length + q.fileIds.length < MAX_DOCUMENT_PHOTOS,
  }));
}

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.apply)],
  data: {
    loading: true,
    error: '',
    amending: false,
    categories: [] as CatalogCategoryView[],
    /** Values to show in the fields when amending (the fields report changes to the instance state). */
    prefill: null as ApplicationPrefill | null,
    orgUnitId: '',
    unitName: '',
    /** The org-tree picker open for: the applied unit, or a service area; '' when closed. */
    picking: '' as '' | 'unit' | 'area',
    areas: [] as Array<{ id: string; name: string }>,
    qualifications: [] as QualificationView[],
    /** Items chosen, by id; and each chosen item's pricing kind. */
    checked: {} as Record<string, boolean>,
    kinds: {} as Record<string, 'free' | 'low_fee'>,
    pricingOptions: [
      { value: 'free', label: '免费服务' },
      { value: 'low_fee', label: '低收费服务（须低于市场价）' },
    ],
    commitment: false,
    sending: false,
  },
  methods: {
    onLoad(query: { applicationId?: string }) {
      state(this).applicationId = query.applicationId ?? '';
      this.setData({ amending: state(this).applicationId !== '' });
      void this.load();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      const s = state(this);
      try {
        const [pages, detail] = await Promise.all([
          readAllPages(listCatalogPage),
          s.applicationId === '' ? Promise.resolve(null) : applicationDetail(s.applicationId),
        ]);
        const categories = toCatalogView(pages);
        if (detail === null) {
          if (s.qualifications.length === 0) s.qualifications = [newQualification(this)];
          this.setData({
            loading: false,
            error: '',
            categories,
            qualifications: qualificationViews(s.qualifications),
          });
          return;
        }
        const prefill = toApplicationPrefill(detail);
        s.particulars = { ...prefill.particulars };
        s.qualifications = prefill.qualifications.map((q) => ({
          ...newQualification(this),
          ...q,
          photos: [],
        }));
        s.offerings = new Map(prefill.offerings.map((o) => [o.itemId, { ...o }]));
        this.setData({
          loading: false,
          error: '',
          categories,
          prefill,
          orgUnitId: prefill.orgUnitId,
          unitName: prefill.unitName,
          areas: prefill.areas,
          qualifications: qualificationViews(s.qualifications),
          checked: Object.fromEntries(prefill.offerings.map((o) => [o.itemId, true])),
          kinds: Object.fromEntries(prefill.offerings.map((o) => [o.itemId, o.kind])),
        });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: keyof ParticularsDraft }>) {
      state(this).particulars[e.currentTarget.dataset.field] = e.detail.value;
    },
    onPickUnit() {
      this.setData({ picking: 'unit' });
    },
    onPickArea() {
      this.setData({ picking: 'area' });
    },
    onClosePicker() {
      this.setData({ picking: '' });
    },
    onUnitChosen(e: WechatMiniprogram.CustomEvent<{ unitId: string; name: string }>) {
      const { unitId, name } = e.detail;
      const has = this.data.areas.some((a) => a.id === unitId);
      if (this.data.picking === 'unit') {
        // The unit applied to is served too, unless the applicant removes it.
        this.setData({
          picking: '',
          orgUnitId: unitId,
          unitName: name,
          ...(has ? {} : { areas: [...this.data.areas, { id: unitId, name }] }),
        });
        return;
      }
      this.setData({ picking: '', ...(has ? {} : { areas: [...this.data.areas, { id: unitId, name }] }) });
    },
    onRemoveArea(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      this.setData({ areas: this.data.areas.filter((a) => a.id !== e.currentTarget.dataset.id) });
    },
    onQualificationField(
      e: WechatMiniprogram.CustomEvent<
        { value: string },
        object,
        { index: number; field: 'name' | 'number' }
      >,
    ) {
      const q = state(this).qualifications[Number(e.currentTarget.dataset.index)];
      if (q !== undefined) q[e.currentTarget.dataset.field] = e.detail.value;
    },
    onValidUntil(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const q = state(this).qualifications[index];
      if (q === undefined) return;
      q.validUntil = e.detail.value;
      this.setData({ [`qualifications[${index}].validUntil`]: q.validUntil });
    },
    onClearValidUntil(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const q = state(this).qualifications[index];
      if (q === undefined) return;
      q.validUntil = '';
      this.setData({ [`qualifications[${index}].validUntil`]: '' });
    },
    onAddQualification() {
      const s = state(this);
      s.qualifications = [...s.qualifications, newQualification(this)];
      this.setData({ qualifications: qualificationViews(s.qualifications) });
    },
    onRemoveQualification(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const s = state(this);
      const index = Number(e.currentTarget.dataset.index);
      s.qualifications = s.qualifications.filter((_q, i) => i !== index);
      this.setData({ qualifications: qualificationViews(s.qualifications) });
    },
    async onAddDocuments(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const q = state(this).qualifications[index];
      if (q === undefined) return;
      const already = q.photos.length + q.fileIds.length;
      let picked: PickedDocument[];
      try {
        picked = await pickDocuments(MAX_DOCUMENT_PHOTOS - already);
      } catch (err) {
        showFailure(this, err);
        return;
      }
      if (picked.length === 0) return;
      const check = checkPickedDocuments(picked, already);
      if (!check.ok) {
        showNotice(this, `第 ${index + 1} 项资质：${check.message}`, 'warning');
        return;
      }
      q.photos = [...q.photos, ...check.value];
      this.setData({ [`qualifications[${index}]`]: qualificationViews([q])[0] });
    },
    onRemoveDocument(e: WechatMiniprogram.CustomEvent<object, object, { index: number; photo: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const q = state(this).qualifications[index];
      if (q === undefined) return;
      q.photos = q.photos.filter((_p, i) => i !== Number(e.currentTarget.dataset.photo));
      this.setData({ [`qualifications[${index}]`]: qualificationViews([q])[0] });
    },
    onItemChange(
      e: WechatMiniprogram.CustomEvent<{ checked: boolean }, object, { id: string; name: string }>,
    ) {
      const { id, name } = e.currentTarget.dataset;
      const s = state(this);
      if (e.detail.checked && !s.offerings.has(id)) s.offerings.set(id, offeringDraft(id, name));
      if (!e.detail.checked) s.offerings.delete(id);
      this.setData({
        [`checked.${id}`]: e.detail.checked,
        [`kinds.${id}`]: s.offerings.get(id)?.kind ?? 'free',
      });
    },
    onKindChange(e: WechatMiniprogram.CustomEvent<{ value: 'free' | 'low_fee' }, object, { id: string }>) {
      const o = state(this).offerings.get(e.currentTarget.dataset.id);
      if (o === undefined) return;
      o.kind = e.detail.value;
      this.setData({ [`kinds.${o.itemId}`]: o.kind });
    },
    onOfferingField(
      e: WechatMiniprogram.CustomEvent<
        { value: string },
        object,
        { id: string; field: 'price' | 'marketPrice' | 'unit' | 'description' }
      >,
    ) {
      const o = state(this).offerings.get(e.currentTarget.dataset.id);
      if (o !== undefined) o[e.currentTarget.dataset.field] = e.detail.value;
    },
    onCommitment(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ commitment: e.detail.checked });
    },
    async onSubmit() {
      if (this.data.sending) return;
      const s = state(this);
      const check = checkApplication({
        orgUnitId: this.data.orgUnitId,
        particulars: s.particulars,
        qualifications: s.qualifications.map((q) => ({
          name: q.name,
          number: q.number,
          validUntil: q.validUntil,
          photoCount: q.photos.length + q.fileIds.length,
        })),
        serviceAreaOrgUnitIds: this.data.areas.map((a) => a.id),
        offerings: [...s.offerings.values()],
        commitment: this.data.commitment,
      });
      if (!check.ok) {
        showNotice(this, check.message, 'warning');
        return;
      }
      this.setData({ sending: true });
      try {
        const qualifications = [];
        for (let i = 0; i < check.value.qualifications.length; i += 1) {
          const q = s.qualifications[i]!;
          const uploaded = await uploadDocuments(q.photos);
          qualifications.push({ ...check.value.qualifications[i]!, fileIds: [...q.fileIds, ...uploaded] });
        }
        await applyForProvider(s.draftId, {
          ...check.value,
          qualifications,
          ...(s.applicationId === '' ? {} : { applicationId: s.applicationId }),
        });
      } catch (e) {
        this.setData({ sending: false });
        showFailure(this, e);
        return;
      }
      s.draftId = newRequestId();
      this.setData({ sending: false });
      leaveNotice(ROUTES.application, '入驻申请已提交。社区党组织和行业主管部门审核后会通知您，请留意进度');
      wx.redirectTo({ url: ROUTES.application });
    },
  },
});
