/**
 * CloudBase timer triggers as CloudBase accepts them (WeChat 云开发 定时触发器, CloudBase CLI `triggers`):
 * a name of at most 60 characters of [a-zA-Z0-9_-] starting with a letter, type `timer`, at most one trigger
 * per function (what WeChat DevTools uploads from config.json), and a 7-field cron expression:
 *
 *   second minute hour day month weekday year
 *   0-59   0-59   0-23 1-31 1-12 | JAN-DEC   0-6 | SUN-SAT (0 is Sunday)   1970-2099
 *
 * Each field is `*` or a comma list of values, ranges `a-b` and steps (`*\/n`, `a/n`, `a-b/n`). The local
 * cloud runs the same expressions in UTC+8 (localcloud/functions/timer-scheduler.ts).
 */

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: '秒', min: 0, max: 59 },
  { name: '分', min: 0, max: 59 },
  { name: '时', min: 0, max: 23 },
  { name: '日', min: 1, max: 31 },
  {
    name: '月',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: '星期', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: '年', min: 1970, max: 2099 },
];

export const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
export const MAX_TRIGGERS_PER_FUNCTION = 1;

/** A value of a field: a number in range, or (month, weekday) its English abbreviation; null if neither. */
function value(text: string, spec: FieldSpec): number | null {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= spec.min && n <= spec.max ? n : null;
  }
  const at = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  return at >= 0 ? spec.min + at : null;
}

function itemProblem(item: string, spec: FieldSpec): string | null {
  const [range, step, ...extra] = item.split('/');
  if (extra.length > 0 || range === undefined || range === '') return `“${item}”不是合法的写法`;
  if (step !== undefined && !/^[1-9]\d*$/.test(step)) return `“${item}”的步长必须是正整数`;
  if (range === '*') return null;
  const [from, to, ...more] = range.split('-');
  if (more.length > 0 || from === undefined) return `“${item}”不是合法的范围`;
  const a = value(from, spec);
  if (a === null) return `“${from}”不在 ${spec.min}-${spec.max} 之内`;
  if (to === undefined) return null;
  const b = value(to, spec);
  if (b === null) return `“${to}”不在 ${spec.min}-${spec.max} 之内`;
  return a <= b ? null : `范围“${range}”的起点大于终点`;
}

/** What is wrong with a CloudBase cron expression, in Chinese; null when CloudBase accepts it. */
export function cronProblem(expr: string): string | null {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 7 || expr.trim() === '') {
    return `cron 表达式“${expr}”有 ${expr.trim() === '' ? 0 : fields.length} 段,CloudBase 要求 7 段(秒 分 时 日 月 星期 年)`;
  }
  for (let i = 0; i < 7; i++) {
    const spec = FIELDS[i]!;
    for (const item of fields[i]!.split(',')) {
      const problem = itemProblem(item, spec);
      if (problem !== null) return `cron 表达式“${expr}”的第 ${i + 1} 段(${spec.name}):${problem}`;
    }
  }
  return null;
}

export interface TriggerLike {
  name?: unknown;
  type?: unknown;
  config?: unknown;
}

/** Problems of a function's triggers, each with where it is (`triggers[0].config`). */
export function triggerProblems(triggers: readonly TriggerLike[]): Array<{ where: string; message: string }> {
  const out: Array<{ where: string; message: string }> = [];
  if (triggers.length > MAX_TRIGGERS_PER_FUNCTION) {
    out.push({
      where: 'triggers',
      message: `每个云函数最多 ${MAX_TRIGGERS_PER_FUNCTION} 个定时触发器(微信开发者工具按 config.json 上传触发器),现有 ${triggers.length} 个`,
    });
  }
  const names = new Set<string>();
  triggers.forEach((t, i) => {
    if (typeof t.name !== 'string' || !TRIGGER_NAME.test(t.name)) {
      out.push({
        where: `triggers[${i}].name`,
        message: `触发器名称“${String(t.name)}”不合法:最多 60 个字符,只能包含字母、数字、- 和 _,且以字母开头`,
      });
    } else if (names.has(t.name)) {
      out.push({ where: `triggers[${i}].name`, message: `触发器名称“${t.name}”重复` });
    } else names.add(t.name);
    if (t.type !== 'timer') {
      out.push({ where: `triggers[${i}].type`, message: `触发器类型只能是 timer,现为“${String(t.type)}”` });
    }
    const problem = typeof t.config === 'string' ? cronProblem(t.config) : 'cron 表达式必须是字符串';
    if (problem !== null) out.push({ where: `triggers[${i}].config`, message: problem });
  });
  return out;
}
