/**
 * The concern forms and the photo rules of the mini-program against what they mirror: each form check gives
 * the verdict and the Chinese message the function's schema gives for the same input
 * (core/schemas/concern.schema.ts through the bundled field rules), and the photos refused on the phone are
 * exactly those the platform's storage refuses (localcloud/storage/storage.limits.ts).
 */
import { checkCommand } from '../../../core/schemas/command.parser';
import {
  CLAIM_AS,
  CONCERN_KIND_LABELS,
  concernConfirmSchema,
  concernReleaseSchema,
  concernResolveSchema,
  concernSubmitSchema,
  concernUpdateSchema,
  concernWithdrawSchema,
} from '../../../core/schemas/concern.schema';
import { CONFIRMATION_OUTCOME_LABELS } from '../../../core/model/concern.model';
import {
  DEFAULT_STORAGE_LIMITS,
  STORAGE_TYPES,
  sizeText as storageSizeText,
  typeOf,
} from '../../../localcloud/storage/storage.limits';
import {
  CONCERN_KIND_OPTIONS,
  checkConcernDraft,
  checkConfirmation,
  checkProgressText,
  checkReleaseReason,
  checkResolveSummary,
  checkWithdrawReason,
} from '../../../miniprogram/packages/concerns/view-models/concern.forms';
import {
  MAX_PHOTOS,
  MAX_PHOTO_BYTES,
  PHOTO_EXTENSIONS,
  checkPhoto,
  checkPickedPhotos,
  sizeText,
} from '../../../miniprogram/packages/concerns/view-models/concern-photo.rules';
import {
  CLAIM_AS_LABELS,
  CONFIRM_OPTIONS,
} from '../../../miniprogram/packages/concerns/view-models/concern.view-model';

const COMMAND = { clientRequestId: 'req-12345678', concernId: 'concern-1' };
/** A test name for a text of `n` characters. */
const long = (n: number) => `${n} characters`;
type Verdict = { ok: true } | { ok: false; message: string };

function schemaVerdict(schema: Parameters<typeof checkCommand>[0], input: object): Verdict {
  const result = checkCommand(schema, { ...COMMAND, ...input });
  return result.ok ? { ok: true } : { ok: false, message: result.issues[0]!.message };
}

function formVerdict(check: { ok: boolean; message?: string }): Verdict {
  return check.ok ? { ok: true } : { ok: false, message: check.message! };
}

describe('the submit form checks as concern.submit does', () => {
  const draft = (changes: object) => ({
    kind: 'worry',
    title: '楼道灯坏了',
    content: '三楼到六楼的灯都不亮',
    sensitive: false,
    sensitiveConsent: false,
    ...changes,
  });

  it.each<[string, object]>([
    ['a complete worry', {}],
    ['a wish, padded with spaces', { kind: 'wish', title: ' 想理发 ', content: ' 上门理发 ' }],
    ['no kind chosen', { kind: '' }],
    ['an unknown kind', { kind: 'urgent' }],
    ['a blank title', { title: '   ' }],
    ['a 41-character title', { title: '灯'.repeat(41) }],
    ['a 40-character title', { title: '灯'.repeat(40) }],
    ['a title over two lines', { title: '楼道灯\n坏了' }],
    ['no content', { content: '' }],
    ['1001 characters of content', { content: '灯'.repeat(1001) }],
    ['content over several lines', { content: '三楼不亮\n四楼也不亮' }],
    ['a control character', { content: '不亮\u0001' }],
    ['sensitive without its consent', { sensitive: true }],
    ['sensitive with its consent', { sensitive: true, sensitiveConsent: true }],
  ])('%s', (_case, changes) => {
    const input = draft(changes);
    const schemaInput = { ...input, kind: input.kind === '' ? undefined : input.kind };
    expect(formVerdict(checkConcernDraft(input))).toEqual(schemaVerdict(concernSubmitSchema, schemaInput));
  });

  it('should give the trimmed values the function would store', () => {
    const check = checkConcernDraft(draft({ title: ' 想理发 ', content: ' 上门理发 \n' }));
    expect(check).toEqual({ ok: true, value: { kind: 'worry', title: '想理发', content: '上门理发' } });
  });

  it('should name the kinds as the core does', () => {
    expect(Object.fromEntries(CONCERN_KIND_OPTIONS.map((k) => [k.value, k.label]))).toEqual(
      CONCERN_KIND_LABELS,
    );
  });
});

describe('the step forms check as their commands do', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['spaces only', '  '],
    ['padded', ' 本周外出 '],
    [long(300), '退'.repeat(300)],
    [long(301), '退'.repeat(301)],
    ['two lines', '换行\n也行'],
  ])('release reason: %s', (_case, reason) => {
    expect(formVerdict(checkReleaseReason(reason))).toEqual(schemaVerdict(concernReleaseSchema, { reason }));
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['padded', ' 已联系物业 '],
    [long(500), '进'.repeat(500)],
    [long(501), '进'.repeat(501)],
  ])('progress text: %s', (_case, text) => {
    expect(formVerdict(checkProgressText(text))).toEqual(schemaVerdict(concernUpdateSchema, { text }));
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['a summary', '已更换灯泡'],
    [long(501), '办'.repeat(501)],
  ])('resolution summary: %s', (_case, summary) => {
    expect(formVerdict(checkResolveSummary(summary))).toEqual(
      schemaVerdict(concernResolveSchema, { summary }),
    );
  });

  it.each<[string, string]>([
    ['none', ''],
    ['a reason', '不需要了'],
    [long(201), '撤'.repeat(201)],
  ])('withdraw reason: %s', (_case, reason) => {
    expect(formVerdict(checkWithdrawReason(reason))).toEqual(
      schemaVerdict(concernWithdrawSchema, { reason }),
    );
  });

  it.each<[string, string]>([
    ['resolved', ''],
    ['partly', '还差一盏'],
    ['unresolved', ''],
    ['unresolved', '  '],
    ['unresolved', '五楼还是黑的'],
    ['', ''],
    ['maybe', ''],
    ['partly', '原'.repeat(301)],
  ])('confirmation %p with a reason of %#', (outcome, reason) => {
    const schemaInput = { outcome: outcome === '' ? undefined : outcome, reason };
    expect(formVerdict(checkConfirmation(outcome, reason))).toEqual(
      schemaVerdict(concernConfirmSchema, schemaInput),
    );
  });

  it('should offer the outcomes and claim identities the core knows, in its words', () => {
    for (const o of CONFIRM_OPTIONS) expect(o.label).toBe(CONFIRMATION_OUTCOME_LABELS[o.value]);
    expect(Object.keys(CLAIM_AS_LABELS).sort()).toEqual([...CLAIM_AS].sort());
  });
});

describe('photos, as the platform’s storage takes them', () => {
  it('should hold the storage’s own size limit and image types', () => {
    expect(MAX_PHOTO_BYTES).toBe(DEFAULT_STORAGE_LIMITS.maxFileBytes);
    const imageTypes = Object.keys(STORAGE_TYPES).filter((ext) =>
      STORAGE_TYPES[ext]!.contentType.startsWith('image/'),
    );
    expect([...PHOTO_EXTENSIONS].sort()).toEqual(imageTypes.sort());
    for (const bytes of [10, 2048, MAX_PHOTO_BYTES, 60 * 1024 * 1024]) {
      expect(sizeText(bytes)).toBe(storageSizeText(bytes));
    }
  });

  it('should take as many photos as concern.submit does', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `cloud://env.bucket/p${i}.jpg`);
    const submit = (images: string[]) =>
      schemaVerdict(concernSubmitSchema, { kind: 'wish', title: '想理发', content: '上门', images });
    expect(submit(ids(MAX_PHOTOS))).toEqual({ ok: true });
    expect(submit(ids(MAX_PHOTOS + 1)).ok).toBe(false);
    expect(checkPickedPhotos([], MAX_PHOTOS).ok).toBe(true);
    const photo = { path: 'wxfile://tmp/a.jpg', size: 100, fileType: 'image' };
    expect(checkPickedPhotos([photo], MAX_PHOTOS)).toEqual({ ok: false, message: '最多上传 6 张照片' });
  });

  it.each<[string, string, number, string]>([
    ['a JPEG', 'wxfile://tmp/a.JPG', 3 * 1024 * 1024, 'image'],
    ['a WebP at the limit', 'http://tmp/b.webp', DEFAULT_STORAGE_LIMITS.maxFileBytes, 'image'],
    ['a PNG one byte over', 'wxfile://tmp/c.png', DEFAULT_STORAGE_LIMITS.maxFileBytes + 1, 'image'],
    ['a HEIC', 'wxfile://tmp/d.heic', 1000, 'image'],
    ['no extension', 'wxfile://tmp/e', 1000, 'image'],
    ['a PDF', 'wxfile://tmp/f.pdf', 1000, 'image'],
    ['a video', 'wxfile://tmp/g.mp4', 1000, 'video'],
  ])('%s: refused on the phone exactly when the storage would refuse it', (_case, path, size, fileType) => {
    const storageTakes =
      fileType === 'image' &&
      typeOf(path)?.contentType.startsWith('image/') === true &&
      size <= DEFAULT_STORAGE_LIMITS.maxFileBytes;
    expect(checkPhoto({ path, size, fileType }, 1).ok).toBe(storageTakes);
  });

  it('should say which photo and why, in Chinese', () => {
    expect(checkPhoto({ path: 'a.heic', size: 1, fileType: 'image' }, 2)).toEqual({
      ok: false,
      message: '第 2 张不是可以上传的照片，只能上传 JPG、PNG、GIF、WebP 格式的图片',
    });
    expect(checkPhoto({ path: 'a.jpg', size: 52_428_801, fileType: 'image' }, 1)).toEqual({
      ok: false,
      message: '第 1 张照片太大（50 MB），每张不能超过 50 MB',
    });
  });
});
