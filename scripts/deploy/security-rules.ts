/**
 * database/security-rules.json checked against CloudBase's security-rule language (文档型数据库安全规则):
 * per collection, operation keys `read`, `write`, `create`, `update`, `delete`, each `true`, `false` or an
 * expression of at most 1024 characters over the variables `auth`, `doc`, `now` and `request` (member access,
 * `get('database.<collection>.<id>')`, literals, `== != > >= < <= in`, `&& || !`, parentheses).
 *
 * And the platform's own posture (database/README.md): the mini-program writes nothing directly, and reads
 * only the public catalogue collections, none of which holds personal data.
 */
import { PERSONAL_DATA_FIELDS } from '../../core/privacy/personal-data.fields';

export const RULE_OPERATIONS = ['read', 'write', 'create', 'update', 'delete'] as const;
export const MAX_RULE_CHARS = 1024;
const VARIABLES = new Set(['auth', 'doc', 'now', 'request']);
const FUNCTIONS = new Set(['get']);

/**
 * The only collections the mini-program may read directly: the org tree and the service catalogue, public
 * and free of personal data. Everything else is read through a function (scope checks, masking, paging).
 */
export const CLIENT_READABLE_COLLECTIONS: readonly string[] = [
  'org_units',
  'service_categories',
  'service_items',
];

type Token = { kind: 'num' | 'str' | 'id' | 'op' | 'punct'; text: string; at: number };

const OPERATORS = ['==', '!=', '>=', '<=', '&&', '||', '>', '<', '!'];

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = expr.slice(i);
    const num = /^\d+(\.\d+)?/.exec(rest);
    const id = /^[A-Za-z_$][\w$]*/.exec(rest);
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (num) tokens.push({ kind: 'num', text: num[0], at: i });
    else if (id) tokens.push({ kind: 'id', text: id[0], at: i });
    else if (op) tokens.push({ kind: 'op', text: op, at: i });
    else if ('()[].,'.includes(c)) tokens.push({ kind: 'punct', text: c, at: i });
    else if (c === "'" || c === '"' || c === '`') {
      const end = expr.indexOf(c, i + 1);
      if (end < 0) throw new Error(`第 ${i + 1} 个字符起的字符串没有结束引号`);
      tokens.push({ kind: 'str', text: expr.slice(i, end + 1), at: i });
      i = end + 1;
      continue;
    } else throw new Error(`第 ${i + 1} 个字符“${c}”不是规则语言的一部分`);
    i += (num ?? id)?.[0].length ?? op?.length ?? 1;
  }
  return tokens;
}

/** A recursive-descent parser that only checks the syntax (the rule is evaluated by CloudBase, not here). */
class RuleParser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): void {
    if (this.tokens.length === 0) throw new Error('表达式为空');
    this.or();
    const extra = this.peek();
    if (extra) throw new Error(`第 ${extra.at + 1} 个字符处多出了“${extra.text}”`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private take(text?: string): Token {
    const t = this.tokens[this.pos];
    if (!t) throw new Error(text ? `表达式不完整,缺少“${text}”` : '表达式不完整');
    if (text !== undefined && t.text !== text) {
      throw new Error(`第 ${t.at + 1} 个字符处应为“${text}”,却是“${t.text}”`);
    }
    this.pos++;
    return t;
  }

  private binary(ops: readonly string[], next: () => void): void {
    next();
    while (this.peek() && ops.includes(this.peek()!.text)) {
      this.pos++;
      next();
    }
  }

  private or(): void {
    this.binary(['||'], () => this.and());
  }

  private and(): void {
    this.binary(['&&'], () => this.comparison());
  }

  private comparison(): void {
    this.binary(['==', '!=', '>', '>=', '<', '<=', 'in'], () => this.unary());
  }

  private unary(): void {
    if (this.peek()?.text === '!') {
      this.pos++;
      this.unary();
    } else this.primary();
  }

  private primary(): void {
    const t = this.take();
    if (t.kind === 'num' || t.kind === 'str') return;
    if (t.text === '(') {
      this.or();
      this.take(')');
      return;
    }
    if (t.text === '[') {
      if (this.peek()?.text !== ']') this.binary([','], () => this.or());
      this.take(']');
      return;
    }
    if (t.kind !== 'id') throw new Error(`第 ${t.at + 1} 个字符处不应出现“${t.text}”`);
    if (['true', 'false', 'null'].includes(t.text)) return;
    if (FUNCTIONS.has(t.text) && this.peek()?.text === '(') {
      this.pos++;
      this.or();
      this.take(')');
    } else if (!VARIABLES.has(t.text)) {
      throw new Error(`未知的变量“${t.text}”(只能使用 auth、doc、now、request 和 get())`);
    }
    this.members();
  }

  private members(): void {
    for (;;) {
      const t = this.peek();
      if (t?.text === '.') {
        this.pos++;
        const name = this.take();
        if (name.kind !== 'id') throw new Error(`第 ${name.at + 1} 个字符处“.”后应为字段名`);
      } else if (t?.text === '[') {
        this.pos++;
        this.or();
        this.take(']');
      } else return;
    }
  }
}

/** What is wrong with a rule value, in Chinese; null when CloudBase accepts it. */
export function ruleProblem(value: unknown): string | null {
  if (typeof value === 'boolean') return null;
  if (typeof value !== 'string') return `规则只能是 true、false 或表达式字符串,现为 ${JSON.stringify(value)}`;
  if (value.length > MAX_RULE_CHARS) return `表达式超过 ${MAX_RULE_CHARS} 个字符`;
  try {
    new RuleParser(tokenize(value)).parse();
    return null;
  } catch (e) {
    return `表达式“${value}”不合法:${(e as Error).message}`;
  }
}

export interface RuleIssue {
  where: string;
  message: string;
  /** `syntax`: CloudBase would refuse it; `posture`: CloudBase would take it, the platform must not. */
  kind: 'syntax' | 'posture';
}

/** Every problem of the rules file's `collections` object. */
export function securityRuleIssues(collections: Record<string, unknown>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [name, rule] of Object.entries(collections)) {
    if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) {
      issues.push({
        where: name,
        kind: 'syntax',
        message: '每个集合的规则必须是 { "read": …, "write": … } 对象',
      });
      continue;
    }
    const ops = rule as Record<string, unknown>;
    for (const key of Object.keys(ops)) {
      if (!(RULE_OPERATIONS as readonly string[]).includes(key)) {
        issues.push({
          where: `${name}.${key}`,
          kind: 'syntax',
          message: `未知的操作类型“${key}”(只能是 ${RULE_OPERATIONS.join('、')})`,
        });
        continue;
      }
      const problem = ruleProblem(ops[key]);
      if (problem !== null) issues.push({ where: `${name}.${key}`, kind: 'syntax', message: problem });
    }
    for (const key of ['read', 'write'] as const) {
      if (!(key in ops)) issues.push({ where: name, kind: 'syntax', message: `缺少“${key}”规则` });
    }
    issues.push(...postureIssues(name, ops));
  }
  return issues;
}

function postureIssues(name: string, ops: Record<string, unknown>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const key of ['write', 'create', 'update', 'delete'] as const) {
    if (key in ops && ops[key] !== false) {
      issues.push({
        where: `${name}.${key}`,
        kind: 'posture',
        message: `小程序端不得直接写入任何集合(所有写入经云函数校验),“${key}”必须是 false`,
      });
    }
  }
  const personal = name in PERSONAL_DATA_FIELDS;
  if (ops['read'] !== false && (personal || !CLIENT_READABLE_COLLECTIONS.includes(name))) {
    issues.push({
      where: `${name}.read`,
      kind: 'posture',
      message: personal
        ? `集合 ${name} 含个人信息,小程序端不得直接读取,“read”必须是 false`
        : `集合 ${name} 不在可由小程序端直接读取的公开集合(${CLIENT_READABLE_COLLECTIONS.join('、')})之列,“read”必须是 false`,
    });
  }
  return issues;
}
