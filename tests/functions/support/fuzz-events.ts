/**
 * Malformed events for tests/functions/fuzz.functions.test.ts, generated with fast-check from each command's
 * own input schema (core/schemas/commands.registry.ts, read as JSON Schema through zod), so a new command
 * or a new field is fuzzed without a line here.
 *
 * An event starts from a well-formed input (every field of the schema with a plain valid value, or a real
 * id the test hands in by field name) and breaks it: a field of the wrong JSON type, missing, a huge string,
 * lone surrogates and control characters, nesting just below, at and above the local cloud's 64-level limit,
 * numbers at the edges of what JSON carries (NaN and Infinity are not JSON), an array where an object is
 * expected, prototype keys (`__proto__`, `constructor`) as own keys, extra keys naming someone else; or it
 * replaces the input by a non-object, leaves it out, or adds keys beside `command`. Events about the
 * event itself (empty, non-object, unknown or prototype-named commands) are `eventLevelCases`.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { COMMANDS, isCommandName } from '../../../core/schemas/commands.registry';
import { MAX_EVENT_DEPTH, nestsDeeperThan } from '../../../localcloud/functions/event-limits';

/** The part of JSON Schema zod's `toJSONSchema` writes for these schemas. */
interface JsonSchemaNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchemaNode;
  readonly minItems?: number;
}

type Json = unknown;
type Input = Record<string, Json>;

/** Stands for a new clientRequestId; the sender puts a fresh one in its place (a replay is not the point). */
export const FRESH_REQUEST_ID = 'fuzz-fresh-request-id';

/** Real values by field name (an order id, a unit id...), so events reach past "no such record". */
export type RealValues = Readonly<Record<string, readonly Json[]>>;

/** An own enumerable property, also for `__proto__` (an assignment would set the prototype instead). */
export function withKey<T extends object>(target: T, key: string, value: Json): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function inputSchemaOf(command: string): JsonSchemaNode {
  if (!isCommandName(command)) throw new Error(`${command} is not in core/schemas/commands.registry.ts`);
  return z.toJSONSchema(COMMANDS[command].schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
}

/** The object shapes a command accepts: one, or one per branch of a discriminated union. */
function variantsOf(schema: JsonSchemaNode): JsonSchemaNode[] {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches !== undefined) return branches.flatMap(variantsOf);
  return [schema];
}

const ID_PATTERN = '^[A-Za-z0-9_-]+$';
const KNOWN_PATTERNS: Readonly<Record<string, string>> = {
  [ID_PATTERN]: 'fuzz-id-000001',
  '^1[3-9]\\d{9}$': '13907759999',
};

function plainString(node: JsonSchemaNode): string {
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? 20;
  const known = node.pattern === undefined ? '测试内容正常' : (KNOWN_PATTERNS[node.pattern] ?? 'x');
  const padded = known.length >= min ? known : known.padEnd(min, node.pattern === undefined ? '好' : '0');
  return padded.slice(0, Math.max(max, min));
}

/** A plain valid value of a schema node (the first enum value, the minimum, a short text...). */
function plainValue(node: JsonSchemaNode, field: string): Json {
  if (field === 'clientRequestId') return FRESH_REQUEST_ID;
  if ('const' in node) return node.const;
  if (node.enum !== undefined) return node.enum[0];
  const branches = node.oneOf ?? node.anyOf;
  if (branches !== undefined && branches[0] !== undefined) return plainValue(branches[0], field);
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'string':
      return plainString(node);
    case 'integer':
    case 'number':
      return Math.min(node.minimum ?? 1, node.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return true;
    case 'array': {
      const count = node.minItems ?? 0;
      return Array.from({ length: count }, () => plainValue(node.items ?? {}, field));
    }
    case 'object':
      return Object.fromEntries(
        Object.entries(node.properties ?? {}).map(([k, v]) => [k, plainValue(v, k)] as const),
      );
    default:
      return null;
  }
}

/** A well-formed input of one variant: each field plain, or one of the real values given for its name. */
function baseInput(variant: JsonSchemaNode, real: RealValues): fc.Arbitrary<Input> {
  const fields = Object.entries(variant.properties ?? {});
  const arbs = Object.fromEntries(
    fields.map(([name, node]) => {
      const plain = plainValue(node, name);
      const reals = real[name] ?? [];
      return [name, reals.length > 0 ? fc.constantFrom(...reals, plain) : fc.constant(plain)] as const;
    }),
  );
  return fc.record(arbs) as fc.Arbitrary<Input>;
}

// ---- the ways a value can be wrong ----------------------------------------------------------------------

const wrongType: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  null,
  true,
  false,
  0,
  1,
  -1,
  1.5,
  '',
  'x',
  [],
  {},
  ['a'],
  { a: 1 },
  [[]],
  { $gt: '' },
  { $ne: null },
);

/** Numbers at the edges of what JSON carries (no NaN, no Infinity: JSON has neither). */
const edgeNumber: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    2,
    5,
    6,
    50,
    51,
    9999,
    10000,
    10001,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 32,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    1e21,
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Characters a text field must refuse, or handle: lone surrogates, C0/C1 controls, separators, bidi. */
const oddCharacter: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u2028', '\u2029', '\uFEFF', '\u202E', '\u200B', '\u00A0'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);

const badText: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(
    '\uD800',
    'a\uDC00b',
    '测试\uDBFF',
    '\uDFFF\uD800',
    '\u0000',
    'a\u0000b',
    '\u001b[31m红\u001b[0m',
    '第一行\n第二行',
    '\t',
    '\r\n',
    '   ',
    '',
    "x'); DROP TABLE users; --",
    '{"$gt":""}',
    '$where',
    '../../../etc/passwd',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
  ),
  fc.string({ unit: oddCharacter, minLength: 1, maxLength: 30 }),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), oddCharacter).map(([s, c]) => `${s}${c}${s}`),
);

/** Long strings: just past common limits, and far past any (up to about 1.2 MB of JSON). */
const hugeString: fc.Arbitrary<Json> = fc
  .record({
    unit: fc.constantFrom('a', '为', '😀', '\uD800', ' '),
    length: fc.constantFrom(65, 101, 201, 501, 10_000, 200_000),
  })
  .map(({ unit, length }) => unit.repeat(length));

/** Objects and arrays nested `depth` levels (a leaf at the bottom), optionally with prototype keys. */
export function nested(depth: number, shape: 'array' | 'object' | 'mixed' | 'proto'): Json {
  let value: Json = 'leaf';
  for (let level = 0; level < depth; level += 1) {
    if (shape === 'array' || (shape === 'mixed' && level % 2 === 0)) value = [value];
    else if (shape === 'proto') value = withKey({}, level % 2 === 0 ? '__proto__' : 'constructor', value);
    else value = { a: value };
  }
  return value;
}

/**
 * Nesting around the limit. A field's value sits at level 3 of the event (event, input, value), so a value
 * `d` levels deep makes the event `d + 2` deep: 62-64 are accepted, 65 and more refused by the local cloud.
 */
const deep: fc.Arbitrary<Json> = fc
  .record({
    depth: fc.constantFrom(
      MAX_EVENT_DEPTH - 10,
      MAX_EVENT_DEPTH - 4,
      MAX_EVENT_DEPTH - 3,
      MAX_EVENT_DEPTH - 2,
      MAX_EVENT_DEPTH - 1,
      MAX_EVENT_DEPTH + 10,
      MAX_EVENT_DEPTH * 4,
    ),
    shape: fc.constantFrom('array', 'object', 'mixed', 'proto'),
  })
  .map(({ depth, shape }) => nested(depth, shape as 'array' | 'object' | 'mixed' | 'proto'));

/** Objects whose own keys are the prototype's names (made by JSON.parse, as the function receives them). */
const protoObject: fc.Arbitrary<Json> = fc
  .constantFrom(
    '{"__proto__":{"polluted":true,"admin":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"__proto__":[]}',
    '{"__proto__":null}',
    '{"prototype":{"polluted":true}}',
    '{"toString":"x","valueOf":1,"hasOwnProperty":"y"}',
  )
  .map((text) => JSON.parse(text) as Json);

/** The names of Object.prototype's members: as keys, as ids, as commands. */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupGetter__',
];

const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'openid',
    '_openid',
    'OPENID',
    'residentOpenid',
    'ownerOpenid',
    'grants',
    'role',
    '_id',
    '$where',
    '$set',
    'a.b',
    '',
  ),
  fc.string({ maxLength: 20 }),
);

const jsonValue: fc.Arbitrary<Json> = fc.oneof(fc.jsonValue({ maxDepth: 3 }), protoObject, wrongType);

type Mutation =
  | { readonly kind: 'set'; readonly field: string; readonly value: Json }
  | { readonly kind: 'wrap'; readonly field: string }
  | { readonly kind: 'delete'; readonly field: string }
  | { readonly kind: 'extra'; readonly key: string; readonly value: Json };

/**
 * For a field holding objects (an object, or a list of them: a follow-up's problems), the same breakage
 * one level down: objects of the element's shape with a field broken or an extra key.
 */
function brokenElements(node: JsonSchemaNode): fc.Arbitrary<Json> | null {
  const element = node.type === 'array' ? node.items : node;
  if (element === undefined || element.type !== 'object' || element.properties === undefined) return null;
  const plain = plainValue(element, '') as Input;
  const broken = fc
    .array(mutationOf(Object.keys(element.properties)), { minLength: 1, maxLength: 2 })
    .map((ms) => applyMutations(plain, ms) as Json);
  return node.type === 'array' ? fc.array(broken, { minLength: 1, maxLength: 3 }) : broken;
}

function mutationOf(
  fields: readonly string[],
  nodes: Readonly<Record<string, JsonSchemaNode>> = {},
): fc.Arbitrary<Mutation> {
  const extra = fc.record({ kind: fc.constant('extra' as const), key: extraKey, value: jsonValue });
  if (fields.length === 0) return extra;
  const field = fc.constantFrom(...fields);
  const set = (value: fc.Arbitrary<Json>) => fc.record({ kind: fc.constant('set' as const), field, value });
  const nested = Object.entries(nodes).flatMap(([name, node]) => {
    const value = brokenElements(node);
    return value === null
      ? []
      : [fc.record({ kind: fc.constant('set' as const), field: fc.constant(name), value })];
  });
  return fc.oneof(
    set(wrongType),
    set(edgeNumber),
    set(badText),
    set(hugeString),
    set(deep),
    set(protoObject),
    set(fc.constantFrom<Json>(...PROTOTYPE_NAMES, ...PROTOTYPE_NAMES.map((n) => [n]))),
    set(fc.array(jsonValue, { maxLength: 3 })),
    fc.record({ kind: fc.constant('wrap' as const), field }),
    fc.record({ kind: fc.constant('delete' as const), field }),
    extra,
    ...nested,
  );
}

function applyMutations(base: Input, mutations: readonly Mutation[]): Input {
  const input: Input = { ...base };
  for (const m of mutations) {
    if (m.kind === 'set') withKey(input, m.field, m.value);
    else if (m.kind === 'wrap') withKey(input, m.field, [input[m.field]]);
    else if (m.kind === 'delete') delete input[m.field];
    else withKey(input, m.key, m.value);
  }
  return input;
}

/** What an input is replaced by when it is not an object at all (or is an array of one). */
const notAnObject = (base: Input): fc.Arbitrary<Json> =>
  fc.constantFrom<Json>(null, 'input', '', 0, 42, -1.5, true, false, [], [base], [[]], {});

/**
 * One event for `command`: its input broken in one to three ways, or well-formed with extra keys, or
 * replaced by a non-object, or left out; sometimes with an extra key beside `command`.
 */
export function malformedEvents(command: string, real: RealValues = {}): fc.Arbitrary<Json> {
  const variants = variantsOf(inputSchemaOf(command));
  return fc.constantFrom(...variants).chain((variant) => {
    const fields = Object.keys(variant.properties ?? {});
    return baseInput(variant, real).chain((base) => {
      const broken = fc
        .array(mutationOf(fields, variant.properties), { minLength: 1, maxLength: 3 })
        .map((ms) => applyMutations(base, ms));
      // Extra keys only: a well-formed input with keys it does not have, which reaches the use case.
      const extras = fc
        .array(mutationOf([]), { minLength: 1, maxLength: 2 })
        .map((ms) => applyMutations(base, ms));
      const input = fc.oneof(
        { weight: 10, arbitrary: broken as fc.Arbitrary<Json> },
        { weight: 3, arbitrary: extras as fc.Arbitrary<Json> },
        { weight: 2, arbitrary: notAnObject(base) },
      );
      return fc.oneof(
        { weight: 12, arbitrary: input.map((i) => ({ command, input: i })) },
        { weight: 1, arbitrary: fc.constant({ command }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(input, extraKey, jsonValue)
            .filter(([, key]) => key !== 'command' && key !== 'input')
            .map(([i, key, value]) => withKey({ command, input: i }, key, value)),
        },
      );
    });
  });
}

/** Whether the local cloud refuses the event before any function sees it (nested deeper than 64). */
export function tooDeepForTheCloud(event: Json): boolean {
  return nestsDeeperThan(event, MAX_EVENT_DEPTH);
}

/** An event about the event itself, with the code every function answers it with. */
export interface EventLevelCase {
  readonly name: string;
  readonly event: Json;
  readonly code: 'INVALID_INPUT' | 'UNKNOWN_COMMAND';
}

/**
 * Events that are wrong as events, for any function: empty, not an object (the SDK sends a falsy `data` as
 * no data at all), a command that is not a string, an unknown command, names of Object.prototype's members,
 * and every command of the registry `fn` does not route (`others`).
 */
export function eventLevelCases(others: readonly string[]): EventLevelCase[] {
  const invalid = (name: string, event: Json): EventLevelCase => ({ name, event, code: 'INVALID_INPUT' });
  const unknown = (name: string, command: string): EventLevelCase => ({
    name,
    event: { command, input: {} },
    code: 'UNKNOWN_COMMAND',
  });
  return [
    invalid('an empty event', {}),
    invalid('a null event', null),
    invalid('a string event', 'profile.get'),
    invalid('a number event', 42),
    invalid('a boolean event', true),
    invalid('an array event', [{ command: 'profile.get' }]),
    invalid('an event with only an input', { input: {} }),
    invalid('a numeric command', { command: 42, input: {} }),
    invalid('a null command', { command: null, input: {} }),
    invalid('an array command', { command: ['profile.get'], input: {} }),
    invalid('an object command', { command: { toString: 'profile.get' }, input: {} }),
    invalid('a command only under __proto__', JSON.parse('{"__proto__":{"command":"profile.get"}}')),
    invalid('a timer event from a client', { Type: 'Timer', TriggerName: 'every5Minutes', Time: 'now' }),
    unknown('an unknown command', 'order.explode'),
    unknown('an empty command', ''),
    unknown('a command in capitals', 'PROFILE.GET'),
    unknown('a command with a lone surrogate', 'order.\uD800detail'),
    unknown('a command with control characters', 'order.detail\u0000\n'),
    unknown('a 10000-character command', 'x'.repeat(10_000)),
    ...PROTOTYPE_NAMES.map((name) => unknown(`the command ${name}`, name)),
    ...others.map((command) => unknown(`${command}, which this function does not route`, command)),
  ];
}
