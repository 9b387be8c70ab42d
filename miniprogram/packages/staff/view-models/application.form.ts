/**
 * 申请入驻: the application form (provider.apply) checked on the phone by the command's own rules
 * (core/schemas/provider.schema.ts) with the core's field checks and pricing rule (weimin-core): the same
 * verdict and Chinese message as the function, field by field, so a low fee not below its market price or
 * an unticked declaration is refused before anything is uploaded or sent. The limits (60, 30, 120, 2000…)
 * are the schema's, written once more here because the schema is zod and does not ship to phones;
 * tests/miniprogram/view-models/application.form.test.ts runs both on the same input.
 */
import {
  CONTACT_PHONE_PATTERN,
  checkCreditCode,
  checkListLength,
  checkOptionalText,
  checkPricing,
  checkText,
  fieldMessages,
  type FieldCheck,
  type OfferingPricing,
} from 'weimin-core';

export const APPLICATION_LIMITS = {
  name: { label: '机构名称', max: 60 },
  legalRepresentative: { label: '法定代表人', max: 30 },
  contactName: { label: '联系人', max: 30 },
  address: { label: '机构地址', max: 120 },
  introduction: { label: '机构简介', max: 1000 },
  managementRules: { label: '执业规则和管理制度', max: 2000, multiline: true },
  qualificationName: { label: '资质名称', max: 60 },
  qualificationNumber: { label: '资质证书编号', max: 60 },
  priceUnit: { label: '计价单位', max: 10 },
  offeringDescription: { label: '服务说明', max: 300 },
} as const;

export const QUALIFICATIONS = { label: '行业服务资质', min: 1, max: 10 } as const;
export const SERVICE_AREA = { label: '服务范围', min: 1, max: 50, unique: true, verb: '选择' } as const;
export const OFFERINGS = { label: '服务报价', min: 1, max: 30 } as const;
/** Document photos per qualification (`fileIds` max 5). */
export const MAX_DOCUMENT_PHOTOS = 5;

/** The declaration's message when it is not ticked (the schema's `commitment`). */
export const COMMITMENT_MESSAGE = '请确认能独立承担法律责任并自愿接受服务范围内的群众需求';
export const UNIT_MISSING_MESSAGE = '请选择申请入驻的社区';
export const PRICE_FORMAT_MESSAGE = '价格请填写金额（元），最多两位小数';

/** The texts as typed (untrimmed). */
export interface ParticularsDraft {
  name: string;
  creditCode: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  address: string;
  introduction: string;
  managementRules: string;
}

export interface QualificationDraft {
  name: string;
  number: string;
  /** 'YYYY-MM-DD' or '' (no expiry). */
  validUntil: string;
  /** How many document photos are picked (uploaded when the application is sent). */
  photoCount: number;
}

export interface OfferingDraft {
  itemId: string;
  itemName: string;
  kind: 'free' | 'low_fee';
  /** Yuan as typed: '12', '12.5'. */
  price: string;
  marketPrice: string;
  unit: string;
  description: string;
}

export interface ApplicationDraft {
  orgUnitId: string;
  particulars: ParticularsDraft;
  qualifications: readonly QualificationDraft[];
  serviceAreaOrgUnitIds: readonly string[];
  offerings: readonly OfferingDraft[];
  commitment: boolean;
}

export interface QualificationFields {
  name: string;
  number: string;
  validUntil?: string;
}

export interface OfferingFields {
  itemId: string;
  pricing: OfferingPricing;
  description?: string;
}

/** provider.apply's input without the document ids (added after the upload) and the request id. */
export interface ApplicationFields {
  orgUnitId: string;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  address: string;
  introduction?: string;
  managementRules: string;
  qualifications: QualificationFields[];
  serviceAreaOrgUnitIds: string[];
  offerings: OfferingFields[];
  commitment: true;
}

const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Yuan as typed into fen: '12' -> 1200, '12.5' -> 1250; null for anything else. */
export function yuanToFen(text: string): number | null {
  const value = text.trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(value)) return null;
  const [whole, cents = ''] = value.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** One offering's price: free, or a low fee strictly below the market price (the core's rule and words). */
export function checkOfferingPrice(draft: OfferingDraft): FieldCheck<OfferingPricing> {
  if (draft.kind === 'free') return { ok: true, value: { kind: 'free' } };
  const priceFen = yuanToFen(draft.price);
  const marketPriceFen = yuanToFen(draft.marketPrice);
  if (priceFen === null || marketPriceFen === null)
    return refuse(`${draft.itemName}：${PRICE_FORMAT_MESSAGE}`);
  const unit = checkText(APPLICATION_LIMITS.priceUnit.label, APPLICATION_LIMITS.priceUnit, draft.unit);
  if (!unit.ok) return refuse(`${draft.itemName}：${unit.message}`);
  const pricing: OfferingPricing = { kind: 'low_fee', priceFen, marketPriceFen, unit: unit.value };
  const verdict = checkPricing(pricing);
  return verdict.ok ? { ok: true, value: pricing } : refuse(`${draft.itemName}：${verdict.refusal.message}`);
}

function checkParticulars(
  p: ParticularsDraft,
): FieldCheck<
  Omit<
    ApplicationFields,
    'orgUnitId' | 'qualifications' | 'serviceAreaOrgUnitIds' | 'offerings' | 'commitment'
  >
> {
  const L = APPLICATION_LIMITS;
  const name = checkText(L.name.label, L.name, p.name);
  if (!name.ok) return name;
  const creditCode = checkCreditCode(p.creditCode);
  if (!creditCode.ok) return creditCode;
  const legal = checkText(L.legalRepresentative.label, L.legalRepresentative, p.legalRepresentative);
  if (!legal.ok) return legal;
  const contactName = checkText(L.contactName.label, L.contactName, p.contactName);
  if (!contactName.ok) return contactName;
  const phone = p.contactPhone.trim();
  if (!CONTACT_PHONE_PATTERN.test(phone)) return refuse(fieldMessages.contactPhone);
  const address = checkText(L.address.label, L.address, p.address);
  if (!address.ok) return address;
  const intro = checkOptionalText(L.introduction.label, L.introduction.max, p.introduction, {
    multiline: true,
  });
  if (!intro.ok) return intro;
  const rules = checkText(L.managementRules.label, L.managementRules, p.managementRules);
  if (!rules.ok) return rules;
  return {
    ok: true,
    value: {
      name: name.value,
      creditCode: creditCode.value,
      legalRepresentative: legal.value,
      contactName: contactName.value,
      contactPhone: phone,
      address: address.value,
      ...(intro.value === '' ? {} : { introduction: intro.value }),
      managementRules: rules.value,
    },
  };
}

function checkQualification(q: QualificationDraft, n: number): FieldCheck<QualificationFields> {
  const L = APPLICATION_LIMITS;
  const name = checkText(L.qualificationName.label, L.qualificationName, q.name);
  if (!name.ok) return refuse(`第 ${n} 项资质：${name.message}`);
  const number = checkText(L.qualificationNumber.label, L.qualificationNumber, q.number);
  if (!number.ok) return refuse(`第 ${n} 项资质：${number.message}`);
  if (q.photoCount > MAX_DOCUMENT_PHOTOS) {
    return refuse(`第 ${n} 项资质：资质证明文件最多 ${MAX_DOCUMENT_PHOTOS} 项`);
  }
  return {
    ok: true,
    value: { name: name.value, number: number.value, ...(q.validUntil ? { validUntil: q.validUntil } : {}) },
  };
}

function checkOffering(o: OfferingDraft): FieldCheck<OfferingFields> {
  const pricing = checkOfferingPrice(o);
  if (!pricing.ok) return pricing;
  const L = APPLICATION_LIMITS.offeringDescription;
  const description = checkOptionalText(L.label, L.max, o.description, { multiline: true });
  if (!description.ok) return refuse(`${o.itemName}：${description.message}`);
  return {
    ok: true,
    value: {
      itemId: o.itemId,
      pricing: pricing.value,
      ...(description.value === '' ? {} : { description: description.value }),
    },
  };
}

/**
 * The whole form, in the order the page shows it, or the first message: the unit, the particulars, the
 * qualifications, the service area, the offerings (each price checked), and last the declaration.
 */
export function checkApplication(draft: ApplicationDraft): FieldCheck<ApplicationFields> {
  if (draft.orgUnitId === '') return refuse(UNIT_MISSING_MESSAGE);
  const particulars = checkParticulars(draft.particulars);
  if (!particulars.ok) return particulars;
  const qCount = checkListLength(QUALIFICATIONS.label, QUALIFICATIONS, draft.qualifications.length);
  if (!qCount.ok) return qCount;
  const qualifications: QualificationFields[] = [];
  for (let i = 0; i < draft.qualifications.length; i += 1) {
    const q = checkQualification(draft.qualifications[i]!, i + 1);
    if (!q.ok) return q;
    qualifications.push(q.value);
  }
  const area = checkListLength(SERVICE_AREA.label, SERVICE_AREA, new Set(draft.serviceAreaOrgUnitIds).size);
  if (!area.ok) return area;
  const oCount = checkListLength(OFFERINGS.label, OFFERINGS, draft.offerings.length);
  if (!oCount.ok) return oCount;
  const offerings: OfferingFields[] = [];
  for (const o of draft.offerings) {
    const checked = checkOffering(o);
    if (!checked.ok) return checked;
    offerings.push(checked.value);
  }
  if (!draft.commitment) return refuse(COMMITMENT_MESSAGE);
  return {
    ok: true,
    value: {
      orgUnitId: draft.orgUnitId,
      ...particulars.value,
      qualifications,
      serviceAreaOrgUnitIds: [...new Set(draft.serviceAreaOrgUnitIds)],
      offerings,
      commitment: true,
    },
  };
}

export const EMPTY_PARTICULARS: ParticularsDraft = {
  name: '',
  creditCode: '',
  legalRepresentative: '',
  contactName: '',
  contactPhone: '',
  address: '',
  introduction: '',
  managementRules: '',
};

export function emptyQualification(): QualificationDraft {
  return { name: '', number: '', validUntil: '', photoCount: 0 };
}

export function offeringDraft(itemId: string, itemName: string): OfferingDraft {
  return { itemId, itemName, kind: 'free', price: '', marketPrice: '', unit: '次', description: '' };
}
