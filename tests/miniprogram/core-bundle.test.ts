/**
 * The core as the mini-program ships it: miniprogram_npm/weimin-core, bundled from core/client. Its form
 * checks refuse what the functions' schemas refuse, with the same Chinese message; it loads with nothing
 * but `module`/`exports` (no Node built-ins, no eval, no other package) and stays small.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import * as bundle from 'weimin-core';
import { checkCommand } from '../../core/schemas/command.parser';
import { mobilePhone } from '../../core/schemas/fields.schema';
import {
  followUpRecordSchema,
  orderDeclineSchema,
  ratingSubmitSchema,
} from '../../core/schemas/order.schema';
import { ORDER_STATUS_LABELS } from '../../core/lifecycle/order.lifecycle';
import { coreBundleDir } from '../../scripts/build-miniprogram-core';
import { measureMiniprogram } from '../../scripts/miniprogram-size';

const BUNDLE_DIR = coreBundleDir();
const COMMAND = { clientRequestId: 'req-12345678', orderId: 'order-1' };

type Verdict = { ok: true } | { ok: false; message: string };

/** What a function would answer: accepted, or the first issue's message. */
function schemaVerdict(schema: Parameters<typeof checkCommand>[0], input: object): Verdict {
  const result = checkCommand(schema, { ...COMMAND, ...input });
  return result.ok ? { ok: true } : { ok: false, message: result.issues[0]!.message };
}

function formVerdict(check: { ok: boolean; message?: string }): Verdict {
  return check.ok ? { ok: true } : { ok: false, message: check.message! };
}

describe('the bundle checks forms as the functions do', () => {
  it('should be the bundle, not the core source', () => {
    // jest's require (the WeChat typings declare their own, without resolve).
    const resolve = (require as unknown as NodeJS.Require).resolve;
    expect(resolve('weimin-core')).toBe(join(BUNDLE_DIR, 'index.js'));
  });

  it.each<[string, unknown]>([
    ['a reason', ' 师傅已排满 '],
    ['spaces only', '   '],
    ['201 characters', '满'.repeat(201)],
    ['a control character', '排满\u0001了'],
    ['nothing', undefined],
    ['a number', 42],
  ])('decline reason: %s', (_case, reason) => {
    expect(formVerdict(bundle.checkDeclineReason(reason))).toEqual(
      schemaVerdict(orderDeclineSchema, { reason }),
    );
  });

  it.each<[string, unknown, unknown]>([
    ['five stars, no text', 5, undefined],
    ['one star with text', 1, ' 很好 '],
    ['zero stars', 0, ''],
    ['six stars', 6, ''],
    ['half a star', 2.5, ''],
    ['stars as text', '3', ''],
    ['no stars', undefined, ''],
    ['501 characters', 4, '好'.repeat(501)],
  ])('rating: %s', (_case, stars, text) => {
    expect(formVerdict(bundle.checkRatingFields(stars, text))).toEqual(
      schemaVerdict(ratingSubmitSchema, { stars, text }),
    );
  });

  const entry = (content: string, handling: string) => ({ content, handling });
  const followUp = (changes: object) => ({
    channel: 'phone',
    summary: '满意',
    problems: [],
    suggestions: [],
    ...changes,
  });

  it.each<[string, object]>([
    ['a complete record', { problems: [entry(' 有点响 ', '已加固')] }],
    ['no channel', { channel: undefined }],
    ['an unknown channel', { channel: 'fax' }],
    ['no summary', { summary: ' ' }],
    ['a long summary', { summary: '好'.repeat(501) }],
    ['eleven problems', { problems: Array.from({ length: 11 }, () => entry('问题', '处理')) }],
  ])('follow-up: %s', (_case, changes) => {
    const input = followUp(changes);
    expect(formVerdict(bundle.checkFollowUpFields(input))).toEqual(
      schemaVerdict(followUpRecordSchema, input),
    );
  });

  it('should refuse a follow-up entry as the function does, naming the row', () => {
    const input = followUp({ problems: [entry('迟到', '')] });
    expect(schemaVerdict(followUpRecordSchema, input)).toEqual({ ok: false, message: '请填写处理情况' });
    expect(bundle.checkFollowUpFields(input)).toEqual({
      ok: false,
      message: '请填写第 1 条反映的问题的处理情况',
    });
  });

  it('should give the values the function would parse, trimmed', () => {
    const input = followUp({ summary: ' 满意 ', suggestions: [entry(' 多来几次 ', ' 已转告 ')] });
    const parsed = checkCommand(followUpRecordSchema, { ...COMMAND, ...input });
    const form = bundle.checkFollowUpFields(input);
    expect(parsed.ok && form.ok).toBe(true);
    if (parsed.ok && form.ok) expect({ ...COMMAND, ...form.value }).toEqual(parsed.data);
  });

  it.each(['13812341234', ' 13812341234 ', '12812341234', '1381234', ''])('mobile phone %p', (phone) => {
    const parsed = mobilePhone.safeParse(phone);
    const form = bundle.checkMobilePhone(phone);
    expect(formVerdict(form)).toEqual(
      parsed.success ? { ok: true } : { ok: false, message: parsed.error.issues[0]!.message },
    );
  });

  it('should name the order statuses as the core does', () => {
    expect(bundle.ORDER_STATUS_LABELS).toEqual(ORDER_STATUS_LABELS);
  });
});

describe('the bundle as WeChat loads it', () => {
  const code = readFileSync(join(BUNDLE_DIR, 'index.js'), 'utf8');

  it('should be a package WeChat resolves from miniprogram_npm', () => {
    const manifest = JSON.parse(readFileSync(join(BUNDLE_DIR, 'package.json'), 'utf8')) as {
      name: string;
      main: string;
    };
    expect(manifest).toMatchObject({ name: 'weimin-core', main: 'index.js' });
  });

  it('should run with only module and exports: no require, no Node, no eval', () => {
    const module = { exports: {} as Record<string, unknown> };
    // WeChat forbids eval and new Function; so does this context.
    const context = createContext(
      { module, exports: module.exports },
      { codeGeneration: { strings: false, wasm: false } },
    );
    runInContext(code, context);
    const loaded = module.exports as unknown as typeof bundle;
    expect(Object.keys(loaded).sort()).toEqual(Object.keys(bundle).sort());
    expect(JSON.parse(JSON.stringify(loaded.checkDeclineReason('  ')))).toEqual({
      ok: false,
      message: '请填写拒单原因',
    });
    expect(loaded.maskPhone('13812341234')).toBe('138****1234');
    expect(code).not.toMatch(/\brequire\s*\(/);
  });

  it('should stay small: the rules without zod', () => {
    // Bundling zod for its schemas would add about 470 KB (docs/decisions/0009).
    expect(statSync(join(BUNDLE_DIR, 'index.js')).size).toBeLessThan(16 * 1024);
    expect(code).not.toMatch(/zod/i);
    const size = measureMiniprogram();
    expect(size.coreBundle).toBe(statSync(join(BUNDLE_DIR, 'index.js')).size);
  });
});
