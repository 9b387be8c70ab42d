/**
 * The application form (申请入驻) and the objection form against what they mirror: each check gives the
 * verdict and the Chinese message provider.apply's / provider.application.object's schema gives for the same
 * input (core/schemas/provider.schema.ts); a message about one entry (an offering, a qualification) names the
 * entry before the schema's words, as the concerns' and the follow-up forms do. The document photos refused on
 * the phone are exactly those the concerns' photo rules and the platform's storage refuse.
 */
import { checkCommand } from '../../../core/schemas/command.parser';
import { creditCodeCheckChar } from '../../../core/schemas/credit-code.rules';
import {
  CREDIT_CODE_CHECKSUM_MESSAGE,
  applicationObjectionSchema,
  providerApplicationSchema,
} from '../../../core/schemas/provider.schema';
import { DEFAULT_STORAGE_LIMITS, STORAGE_TYPES } from '../../../localcloud/storage/storage.limits';
import {
  MAX_PHOTO_BYTES,
  PHOTO_EXTENSIONS,
  checkPickedPhotos,
} from '../../../miniprogram/packages/concerns/view-models/concern-photo.rules';
import { checkObjection } from '../../../miniprogram/packages/providers/view-models/notice.view-model';
import {
  checkApplication,
  offeringDraft,
  yuanToFen,
  type ApplicationDraft,
} from '../../../miniprogram/packages/staff/view-models/application.form';
import {
  DOCUMENT_EXTENSIONS,
  MAX_DOCUMENT_BYTES,
  checkPickedDocuments,
} from '../../../miniprogram/packages/staff/view-models/document-photo.rules';

const CODE = `91450900MA5N0X123${creditCodeCheckChar('91450900MA5N0X123')}`;
const REQUEST = { clientRequestId: 'req-12345678' };
type Verdict = { ok: true } | { ok: false; message: string };

function draft(
  overrides: Partial<ApplicationDraft> = {},
  particulars: Partial<ApplicationDraft['particulars']> = {},
): ApplicationDraft {
  return {
    orgUnitId: 'grid-1',
    particulars: {
      name: '玉州区安心家政服务中心',
      creditCode: CODE,
      legalRepresentative: '李明',
      contactName: '王芳',
      contactPhone: '0775-2821234',
      address: '玉州区人民中路 1 号',
      introduction: '',
      managementRules: '服务规范',
      ...particulars,
    },
    qualifications: [{ name: '家政服务资质', number: 'JZ-001', validUntil: '2027-12-31', photoCount: 1 }],
    serviceAreaOrgUnitIds: ['grid-1'],
    offerings: [
      { ...offeringDraft('item-cleaning', '家庭保洁'), kind: 'low_fee', price: '20', marketPrice: '50' },
    ],
    commitment: true,
    ...overrides,
  };
}

/** What the function's schema says for the form's input (the checked fields, or the raw ones when refused). */
function schemaVerdict(d: ApplicationDraft): Verdict {
  const form = checkApplication(d);
  const input = form.ok
    ? { ...form.value, qualifications: form.value.qualifications.map((q) => ({ ...q, fileIds: [] })) }
    : {
        orgUnitId: d.orgUnitId,
        ...d.particulars,
        introduction: d.particulars.introduction || undefined,
        qualifications: d.qualifications.map((q) => ({
          name: q.name,
          number: q.number,
          ...(q.validUntil ? { validUntil: q.validUntil } : {}),
        })),
        serviceAreaOrgUnitIds: d.serviceAreaOrgUnitIds,
        offerings: d.offerings.map((o) => ({
          itemId: o.itemId,
          pricing:
            o.kind === 'free'
              ? { kind: 'free' }
              : {
                  kind: 'low_fee',
                  priceFen: yuanToFen(o.price),
                  marketPriceFen: yuanToFen(o.marketPrice),
                  unit: o.unit,
                },
        })),
        commitment: d.commitment,
      };
  const result = checkCommand(providerApplicationSchema, { ...REQUEST, ...input });
  return result.ok ? { ok: true } : { ok: false, message: result.issues[0]!.message };
}

function formVerdict(d: ApplicationDraft): Verdict {
  const check = checkApplication(d);
  return check.ok ? { ok: true } : { ok: false, message: check.message };
}

describe('the application form checks as provider.apply does', () => {
  it.each<[string, ApplicationDraft]>([
    ['a complete form', draft()],
    ['a free offering', draft({ offerings: [offeringDraft('item-cleaning', '家庭保洁')] })],
    ['a name of 61 characters', draft({}, { name: '家'.repeat(61) })],
    ['no credit code', draft({}, { creditCode: '' })],
    ['a credit code with an O', draft({}, { creditCode: '91450900MA5N0XO23Y' })],
    ['a lower-case credit code', draft({}, { creditCode: CODE.toLowerCase() })],
    [
      'a wrong check character',
      draft({}, { creditCode: `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}` }),
    ],
    ['a contact phone that is neither', draft({}, { contactPhone: '12345' })],
    ['a mobile contact phone', draft({}, { contactPhone: '13800001111' })],
    ['no management rules', draft({}, { managementRules: '  ' })],
    ['no qualification', draft({ qualifications: [] })],
    ['no service area', draft({ serviceAreaOrgUnitIds: [] })],
    ['no offering', draft({ offerings: [] })],
    ['the declaration unticked', draft({ commitment: false })],
  ])('%s', (_case, d) => {
    expect(formVerdict(d)).toEqual(schemaVerdict(d));
  });

  it('should say the schema’s own checksum message', () => {
    const bad = draft({}, { creditCode: `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}` });
    expect(formVerdict(bad)).toEqual({ ok: false, message: CREDIT_CODE_CHECKSUM_MESSAGE });
  });

  it.each<[string, string, string]>([
    ['equal to the market price', '50', '50'],
    ['above the market price', '60', '50'],
  ])('a low fee %s: refused with the schema’s words, the item named', (_case, price, market) => {
    const d = draft({
      offerings: [
        { ...offeringDraft('item-cleaning', '家庭保洁'), kind: 'low_fee', price, marketPrice: market },
      ],
    });
    const schema = schemaVerdict(d);
    expect(schema).toEqual({ ok: false, message: '低收费服务的价格必须低于市场价' });
    expect(formVerdict(d)).toEqual({ ok: false, message: '家庭保洁：低收费服务的价格必须低于市场价' });
  });

  it('should name the qualification a message is about', () => {
    const d = draft({ qualifications: [{ name: '', number: 'JZ-001', validUntil: '', photoCount: 0 }] });
    expect(formVerdict(d)).toEqual({ ok: false, message: '第 1 项资质：请填写资质名称' });
    expect(schemaVerdict(d)).toEqual({ ok: false, message: '请填写资质名称' });
  });

  it('should read yuan as fen without float rounding, and refuse what is not an amount', () => {
    expect(yuanToFen('12')).toBe(1200);
    expect(yuanToFen(' 12.5 ')).toBe(1250);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('12.345')).toBeNull();
    expect(yuanToFen('-3')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('should send exactly what the schema accepts, trimmed and upper-cased as it stores it', () => {
    const check = checkApplication(draft({}, { name: ' 安心家政 ', creditCode: ` ${CODE.toLowerCase()} ` }));
    if (!check.ok) throw new Error(check.message);
    const parsed = checkCommand(providerApplicationSchema, {
      ...REQUEST,
      ...check.value,
      qualifications: check.value.qualifications.map((q) => ({ ...q, fileIds: [] })),
    });
    if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
    expect(check.value.name).toBe('安心家政');
    expect(check.value.creditCode).toBe(CODE);
    expect(parsed.data.creditCode).toBe(check.value.creditCode);
    expect(parsed.data.offerings).toEqual(check.value.offerings.map((o) => ({ ...o, description: '' })));
  });
});

describe('the objection form checks as provider.application.object does', () => {
  it.each<[string, string, string]>([
    ['content and no phone', ' 收费高于公示价 ', ''],
    ['no content', '  ', ''],
    ['501 characters', '异'.repeat(501), ''],
    ['a landline', '收费高于公示价', '0775-2821234'],
    ['a malformed phone', '收费高于公示价', '12345'],
  ])('%s', (_case, content, phone) => {
    const form = checkObjection(content, phone);
    const schema = checkCommand(applicationObjectionSchema, {
      ...REQUEST,
      applicationId: 'app-1',
      content,
      ...(phone === '' ? {} : { contactPhone: phone }),
    });
    expect(form.ok ? { ok: true } : { ok: false, message: form.message }).toEqual(
      schema.ok ? { ok: true } : { ok: false, message: schema.issues[0]!.message },
    );
  });
});

describe('the document photos', () => {
  it('should take the storage’s image types and size, as the concerns’ photos do', () => {
    const storageImages = Object.entries(STORAGE_TYPES)
      .filter(([, type]) => type.contentType.startsWith('image/'))
      .map(([ext]) => ext)
      .sort();
    expect([...DOCUMENT_EXTENSIONS].sort()).toEqual(storageImages);
    expect([...DOCUMENT_EXTENSIONS]).toEqual([...PHOTO_EXTENSIONS]);
    expect(MAX_DOCUMENT_BYTES).toBe(DEFAULT_STORAGE_LIMITS.maxFileBytes);
    expect(MAX_DOCUMENT_BYTES).toBe(MAX_PHOTO_BYTES);
  });

  it.each<[string, { path: string; size: number; fileType: string }]>([
    ['a JPG', { path: 'wxfile://a.jpg', size: 1000, fileType: 'image' }],
    ['a HEIC', { path: 'wxfile://a.heic', size: 1000, fileType: 'image' }],
    ['60 MB', { path: 'wxfile://a.png', size: 60 * 1024 * 1024, fileType: 'image' }],
  ])('%s: refused exactly when a concern photo is', (_case, photo) => {
    expect(checkPickedDocuments([photo], 0).ok).toBe(checkPickedPhotos([photo], 0).ok);
  });

  it('should take at most 5 per qualification (the schema’s fileIds)', () => {
    const photo = { path: 'wxfile://a.jpg', size: 1000, fileType: 'image' };
    expect(checkPickedDocuments([photo], 4).ok).toBe(true);
    expect(checkPickedDocuments([photo, photo], 4)).toEqual({
      ok: false,
      message: '每项资质最多上传 5 张证明照片',
    });
  });
});
