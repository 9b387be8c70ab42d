/**
 * Every command schema, generically: a valid sample passes; every writing command needs a well-formed
 * clientRequestId; every field, at any depth, refuses a wrong type and an over-long or out-of-range value
 * with a Chinese message at that field's path, and every text field refuses malformed text (a lone UTF-16
 * surrogate, a control character).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../../../core/auth/roles';
import { checkCommand, parseCommand } from '../../../core/schemas/command.parser';
import {
  COMMAND_NAMES,
  COMMANDS,
  isCommandName,
  type CommandName,
} from '../../../core/schemas/commands.registry';
import { GRANTABLE_ROLES } from '../../../core/schemas/operations.schema';
import { DomainError } from '../../../core/kernel/errors';
import { REQUEST_ID, VALID_SAMPLES } from './command-samples';

type Path = (string | number)[];
const CHINESE = /[\u4e00-\u9fa5]/;

function issuesOf(name: CommandName, input: unknown): { path: string; message: string }[] {
  try {
    parseCommand(COMMANDS[name].schema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const err = e as DomainError;
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(CHINESE);
    const issues = (err.details as { issues: { path: string; message: string }[] }).issues;
    for (const issue of issues) expect(issue.message).toMatch(CHINESE);
    return issues;
  }
  return [];
}

/** Every leaf (string, number, boolean) of a sample, with its path. */
function leaves(value: unknown, path: Path = []): [Path, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path, value]];
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const isDiscriminator = (name: CommandName, path: Path) =>
  path.length === 1 &&
  ((name === 'profile.phone.set' && path[0] === 'method') ||
    (name === 'fund.record' && path[0] === 'direction'));

/** An issue reported at the field, below it, or (for a union's discriminator) at the union itself. */
function reportedAt(issues: { path: string }[], path: Path, name: CommandName): boolean {
  const p = path.join('.');
  return issues.some(
    (i) => i.path === p || i.path.startsWith(`${p}.`) || (isDiscriminator(name, path) && i.path === ''),
  );
}

describe.each(COMMAND_NAMES)('%s', (name) => {
  const sample = VALID_SAMPLES[name];
  const { schema, writes } = COMMANDS[name];

  test('accepts its valid sample', () => {
    const data = parseCommand(schema, sample) as Record<string, unknown>;
    if (writes) expect(data.clientRequestId).toBe(REQUEST_ID);
  });

  test('refuses what is not an object', () => {
    for (const input of [null, undefined, 'order', 42, true])
      expect(issuesOf(name, input).length).toBeGreaterThan(0);
  });

  test('drops keys it does not know (WeChat adds userInfo to every event)', () => {
    const data = parseCommand(schema, {
      ...sample,
      userInfo: { openId: 'o-forged' },
      _openid: 'o-forged',
    }) as Record<string, unknown>;
    expect(data).not.toHaveProperty('userInfo');
    expect(data).not.toHaveProperty('_openid');
  });

  if (writes) {
    test.each([
      ['missing', undefined],
      ['too short', 'abc1234'],
      ['too long', 'a'.repeat(65)],
      ['with spaces', 'req 2024 0001'],
      ['not a string', 20240001],
    ])('refuses a clientRequestId that is %s', (_what, id) => {
      const issues = issuesOf(name, { ...sample, clientRequestId: id });
      expect(issues.map((i) => i.path)).toContain('clientRequestId');
    });
    test('accepts clientRequestIds of 8 and 64 characters', () => {
      expect(checkCommand(schema, { ...sample, clientRequestId: 'a'.repeat(8) }).ok).toBe(true);
      expect(checkCommand(schema, { ...sample, clientRequestId: 'A_-9'.repeat(16) }).ok).toBe(true);
    });
  } else {
    test('is a query: it takes no request id', () => {
      const data = parseCommand(schema, { ...sample, clientRequestId: REQUEST_ID }) as Record<
        string,
        unknown
      >;
      expect(data).not.toHaveProperty('clientRequestId');
    });
  }

  // A query that takes nothing (profile.get) has no fields to spoil.
  const fields = leaves(sample).filter(([path]) => path.join('.') !== 'clientRequestId');
  if (fields.length > 0) {
    test.each(fields.map(([path, value]) => [path.join('.'), path, value] as const))(
      'field %s refuses a wrong type',
      (_p, path, value) => {
        const wrong = typeof value === 'string' ? 12345 : typeof value === 'number' ? String(value) : 'yes';
        expect(reportedAt(issuesOf(name, setAt(sample, path, wrong)), path, name)).toBe(true);
      },
    );

    test.each(fields.map(([path, value]) => [path.join('.'), path, value] as const))(
      'field %s refuses an over-long or out-of-range value',
      (_p, path, value) => {
        const bad: unknown[] =
          typeof value === 'string'
            ? ['x'.repeat(5000)]
            : typeof value === 'number'
              ? [1e15, -1, 1.5]
              : typeof value === 'boolean'
                ? [null]
                : [];
        for (const v of bad)
          expect(reportedAt(issuesOf(name, setAt(sample, path, v)), path, name)).toBe(true);
      },
    );
  }

  const texts = fields.filter(([, value]) => typeof value === 'string');
  if (texts.length > 0) {
    test.each(texts.map(([path, value]) => [path.join('.'), path, value as string] as const))(
      'text field %s refuses a lone surrogate and a control character',
      (_p, path, value) => {
        for (const bad of [
          `${value}\uD83D`,
          `\uDC4D${value}`,
          `${value.slice(0, 1)}\u0007${value.slice(1)}`,
        ]) {
          expect(reportedAt(issuesOf(name, setAt(sample, path, bad)), path, name)).toBe(true);
        }
      },
    );
  }

  const lists = leavesOfLists(sample);
  if (lists.length > 0) {
    test.each(lists.map(([path, first]) => [path.join('.'), path, first] as const))(
      'list %s refuses 100 entries',
      (_p, path, first) => {
        const many = Array.from({ length: 100 }, () => first);
        expect(reportedAt(issuesOf(name, setAt(sample, path, many)), path, name)).toBe(true);
      },
    );
  }

  const keys = Object.keys(sample).filter((k) => k !== 'clientRequestId');
  if (keys.length > 0) {
    test.each(keys)('field %s, when missing, is either optional or reported at its path', (key) => {
      const { [key]: _dropped, ...rest } = sample;
      const issues = issuesOf(name, rest);
      if (issues.length > 0) expect(reportedAt(issues, [key], name)).toBe(true);
    });
  }
});

/** Non-empty arrays in a sample, with their first entry. */
function leavesOfLists(value: unknown, path: Path = []): [Path, unknown][] {
  if (Array.isArray(value)) return value.length > 0 ? [[path, value[0]]] : [];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leavesOfLists(v, [...path, k]));
  }
  return [];
}

describe('the command registry', () => {
  test('names are looked up safely', () => {
    expect(isCommandName('order.create')).toBe(true);
    expect(isCommandName('toString')).toBe(false);
    expect(COMMAND_NAMES.length).toBe(Object.keys(VALID_SAMPLES).length);
  });

  test('grantable roles are every role but the platform’s own', () => {
    expect([...GRANTABLE_ROLES]).toEqual(ROLES.filter((r) => r !== 'system'));
  });

  test('schemas import nothing but zod and the pure core, so the mini-program can use them', () => {
    const dir = join(__dirname, '../../../core/schemas');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const [, from] of source.matchAll(/from '([^']+)'/g)) {
        expect([file, from]).toEqual([
          file,
          expect.stringMatching(
            /^(zod|\.\/[\w.-]+|\.\.\/(kernel|org|lifecycle|reputation|auth|files)\/[\w.-]+)$/,
          ),
        ]);
      }
    }
  });
});
