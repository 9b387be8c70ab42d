/**
 * The deploy script's checks, case by case: CloudBase's 7-field cron, trigger names, the security-rule
 * language, index declarations, function limits and runtimes.
 */
import { cronProblem, triggerProblems } from '../../scripts/deploy/cron';
import { checkIndexes } from '../../scripts/deploy/indexes';
import {
  functionNameProblem,
  memoryProblem,
  runtimeProblem,
  timeoutProblem,
} from '../../scripts/deploy/limits';
import { ruleProblem } from '../../scripts/deploy/security-rules';

describe('cron expressions (second minute hour day month weekday year)', () => {
  it.each([
    '0 */5 * * * * *',
    '0 30 2 * * * *',
    '0 0 8-18/2 * * MON-FRI *',
    '15,45 0 0 1 JAN,jul 0 2026-2030',
    '0 0 0 31 12 6 2099',
  ])('accepts %s', (expr) => {
    expect(cronProblem(expr)).toBeNull();
  });

  it.each([
    ['*/5 * * * *', /有 5 段/],
    ['', /有 0 段/],
    ['60 * * * * * *', /第 1 段\(秒\):“60”不在 0-59 之内/],
    ['0 0 0 0 * * *', /第 4 段\(日\):“0”不在 1-31 之内/],
    ['0 0 0 * 13 * *', /第 5 段\(月\)/],
    ['0 0 0 * * 7 *', /第 6 段\(星期\)/],
    ['0 0 0 * * * 1969', /第 7 段\(年\)/],
    ['0 0 0 * * * 2100', /第 7 段\(年\)/],
    ['0 */0 * * * * *', /步长必须是正整数/],
    ['0 30-10 * * * * *', /起点大于终点/],
    ['0 0 ? * * * *', /第 3 段/],
  ])('refuses %j', (expr, message) => {
    expect(cronProblem(expr)).toMatch(message);
  });

  it('refuses a second trigger, a bad name and a type other than timer', () => {
    const problems = triggerProblems([
      { name: '9lives', type: 'timer', config: '0 0 * * * * *' },
      { name: 'ok', type: 'cos', config: '0 0 * * * * *' },
    ]);
    expect(problems.map((p) => p.where)).toEqual(['triggers', 'triggers[0].name', 'triggers[1].type']);
  });
});

describe('security rules', () => {
  it.each([
    true,
    false,
    'auth.openid == doc._openid',
    "doc.status in ['open', 'done'] && now > doc.expiresAt",
    '!(auth == null) || request.data.kind != "x"',
    "get(`database.users.${auth.openid}`).role == 'admin'",
  ])('accepts %j', (rule) => {
    expect(ruleProblem(rule)).toBeNull();
  });

  it.each([
    ['auth.openid ==', /表达式不完整/],
    ['(auth != null', /缺少“\)”/],
    ['user.id == 1', /未知的变量“user”/],
    ['doc.a = 1', /“=”不是规则语言的一部分/],
    ["doc.a == 'x", /没有结束引号/],
    ['doc.a == 1 doc.b', /多出了“doc”/],
    [1, /只能是 true、false 或表达式字符串/],
    ['a'.repeat(1025), /超过 1024 个字符/],
  ])('refuses %j', (rule, message) => {
    expect(ruleProblem(rule)).toMatch(message);
  });
});

describe('index declarations', () => {
  const index = (fields: unknown, extra: Record<string, unknown> = {}) => ({
    c: { indexes: [{ name: 'a_1', fields, ...extra }] },
  });

  it('accepts a well-formed declaration and returns it', () => {
    const { issues, declared } = checkIndexes({
      orders: {
        indexes: [
          {
            name: 'status_1_dueAt_-1',
            fields: [
              ['status', 1],
              ['dueAt', -1],
            ],
            unique: true,
          },
        ],
      },
    });
    expect(issues).toEqual([]);
    expect(declared.get('orders')).toEqual([
      {
        name: 'status_1_dueAt_-1',
        fields: [
          ['status', 1],
          ['dueAt', -1],
        ],
        unique: true,
      },
    ]);
  });

  it.each([
    [index([]), /1-8 个/],
    [index([['a', 0]]), /排序方向只能是 1 或 -1/],
    [index([['$a', 1]]), /字段路径“\$a”不合法/],
    [index([['_id', 1]]), /_id 总有索引/],
    [
      index([
        ['a', 1],
        ['a', -1],
      ]),
      /出现两次/,
    ],
    [index([['a', 1]], { unique: 'yes' }), /unique 只能是 true 或 false/],
    [index([['a', 1]], { sparse: true }), /未知的索引属性“sparse”/],
    [{ 'bad name!': { indexes: [] } }, /集合名“bad name!”不合法/],
    [{ c: {} }, /indexes 数组/],
  ])('refuses %j', (collections, message) => {
    expect(
      checkIndexes(collections)
        .issues.map((i) => i.message)
        .join('\n'),
    ).toMatch(message);
  });
});

describe('function limits', () => {
  it('takes the names, memory sizes and timeouts CloudBase takes', () => {
    expect(functionNameProblem('order-timers')).toBeNull();
    expect(functionNameProblem('x')).toMatch(/2-60 个字符/);
    expect(functionNameProblem('orders-')).toMatch(/字母或数字结尾/);
    expect(memoryProblem(64)).toBeNull();
    expect(memoryProblem(384)).toBeNull();
    expect(memoryProblem(200)).toMatch(/128 的倍数/);
    expect(memoryProblem(4096)).toMatch(/不超过 3072/);
    expect(timeoutProblem(900)).toBeNull();
    expect(timeoutProblem(0)).toMatch(/1-900/);
  });

  it('deploys on Nodejs20.19 and names the runtimes CloudBase offers when given another', () => {
    expect(runtimeProblem('Nodejs20.19')).toBeNull();
    expect(runtimeProblem('Nodejs16.13')).toMatch(/统一部署在 Nodejs20\.19/);
    expect(runtimeProblem('nodejs20')).toMatch(
      /Nodejs16\.13、Nodejs18\.15、Nodejs20\.19、Nodejs22\.21、Nodejs24\.11/,
    );
  });
});
