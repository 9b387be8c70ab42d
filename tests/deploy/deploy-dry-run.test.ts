/**
 * `npm run deploy -- --dry-run` checks every input file offline and prints the plan: it passes on the
 * repository as it is, and an error planted in any input file (a cron expression, an index, a security
 * rule, a runtime, a cloud-call declaration, the template ids) makes it fail, naming the file, the place
 * and the reason in Chinese with a stable code, and deploy nothing. A real deployment without its
 * configuration or credentials stops before anything is sent.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_NAMES } from '../../core/model/collections.model';
import { functionNames } from '../../scripts/build-functions';
import { buildRepo, copyInputs, deploy, plant, REPO, type BuiltRepo } from './support/deploy-inputs';

const TEMPLATE_IDS = {
  TPL_ORDER_NEW: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_ORDER_STATUS: 'b1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_FOLLOWUP_DUE: 'c1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_REVIEW_REMINDER: 'd1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_CONCERN_PROGRESS: 'e1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_WISH_CLAIMED: 'f1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_URGENT_REQUEST: 'g1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_CONCERN_TODO: 'h1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_APPLICATION_PROGRESS: 'i1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_APPLICATION_TODO: 'j1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_GOVERNANCE_NOTICE: 'k1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_FEEDBACK_TODO: 'l1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_ACTIVITY_REMINDER: 'm1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
  TPL_PARTY_REGISTRATION: 'n1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V',
};
/** A test key (32 bytes); never a real one. */
const PII_KEYS = `test-1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('npm run deploy -- --dry-run', () => {
  let built: BuiltRepo;

  beforeAll(async () => {
    built = await buildRepo();
  });

  afterAll(() => built.remove());

  it('passes on the repository and prints the plan: functions, collections, templates, what is left to do', async () => {
    const { code, output } = await deploy(built, ['--dry-run']);
    expect(code).toBe(0);
    expect(output).toContain('检查通过(仅检查,未连接 CloudBase)');
    expect(output).toMatch(
      /order-timers:Nodejs20\.19,index\.main,超时 60 s,内存 256 MB.*定时 every5Minutes “0 \*\/5 \* \* \* \* \*”/,
    );
    expect(output).toMatch(/profile:.*\n.*云调用权限:security\.msgSecCheck、phonenumber\.getPhoneNumber/);
    expect(output).toContain(`数据库集合 ${COLLECTION_NAMES.length} 个`);
    expect(output).toContain('users:read=false write=false;openid_1(唯一)');
    expect(output).toContain(`订阅消息模板 ${Object.keys(TEMPLATE_IDS).length} 个`);
    expect(output).toMatch(
      /管理后台静态文件:(管理后台尚无构建结果.*跳过静态网站托管|\d+ 个文件.*上传到静态网站托管 console\/)/,
    );
    expect(output).toContain(
      functionNames().includes('admin-api')
        ? '管理后台 HTTP 访问路径:/console/api、/console/auth → 云函数 admin-api'
        : '云函数 admin-api 尚不存在',
    );
    expect(output).toContain('环境变量 PII_KEYS');
  });

  describe('a planted error in an input file fails it with a clear message', () => {
    let copy: ReturnType<typeof copyInputs>;

    beforeEach(() => {
      copy = copyInputs(built.inputs);
    });

    afterEach(() => copy.remove());

    async function expectProblem(code: string, where: RegExp, message: RegExp): Promise<void> {
      const run = await deploy(built, ['--dry-run'], copy.inputs);
      expect(run.code).toBe(1);
      expect(run.output).toContain('未部署任何内容');
      const line = run.output.split('\n').find((l) => l.startsWith(`[${code}]`) && where.test(l));
      expect(line).toBeDefined();
      expect(line).toMatch(message);
    }

    it('a cron expression of six fields in a function config.json', async () => {
      plant(
        join(copy.inputs.functionsSrc, 'order-timers', 'config.json'),
        '"0 */5 * * * * *"',
        '"0 */5 * * * *"',
      );
      await expectProblem(
        'DEPLOY_CRON_INVALID',
        /order-timers\/config\.json triggers\[0\]\.config/,
        /有 6 段,CloudBase 要求 7 段\(秒 分 时 日 月 星期 年\)/,
      );
    });

    it('an hour out of range in a cron expression', async () => {
      plant(
        join(copy.inputs.functionsSrc, 'reputation-nightly', 'config.json'),
        '"0 30 2 * * * *"',
        '"0 30 24 * * * *"',
      );
      await expectProblem('DEPLOY_CRON_INVALID', /reputation-nightly/, /第 3 段\(时\):“24”不在 0-23 之内/);
    });

    it('an index field with a direction other than 1 or -1', async () => {
      plant(copy.inputs.indexes, '"fields": [["path", 1]]', '"fields": [["path", 2]]');
      await expectProblem(
        'DEPLOY_INDEX_INVALID',
        /indexes\.json org_units\.indexes\[0\]\.fields\[0\]/,
        /排序方向只能是 1 或 -1,现为 2/,
      );
    });

    it('an index whose name does not say its fields', async () => {
      plant(copy.inputs.indexes, '"name": "parentId_1"', '"name": "byParent"');
      await expectProblem(
        'DEPLOY_INDEX_INVALID',
        /org_units\.indexes\[1\]\.name/,
        /索引名应为其字段与方向的组合“parentId_1”/,
      );
    });

    it('a security rule that does not parse', async () => {
      plant(copy.inputs.securityRules, '"read": false', '"read": "auth.openid == "');
      await expectProblem(
        'DEPLOY_RULE_INVALID',
        /security-rules\.json providers\.read/,
        /表达式“auth\.openid == ”不合法:表达式不完整/,
      );
    });

    it('a rule that lets the mini-program read a collection with personal data', async () => {
      const rules = copy.inputs.securityRules;
      plant(
        rules,
        '"users": {\n      "read": false',
        '"users": {\n      "read": "doc._openid == auth.openid"',
      );
      await expectProblem(
        'DEPLOY_RULE_TOO_OPEN',
        /users\.read/,
        /集合 users 含个人信息,小程序端不得直接读取/,
      );
    });

    it('a runtime CloudBase does not offer', async () => {
      plant(copy.inputs.cloudbaserc, '"runtime": "Nodejs20.19"', '"runtime": "Nodejs20.9"');
      await expectProblem(
        'DEPLOY_RUNTIME_INVALID',
        /cloudbaserc\.json functions\[0\]\.runtime/,
        /运行时“Nodejs20\.9”不是 CloudBase 提供的 Node\.js 运行时/,
      );
    });

    it('a function that makes a cloud call it does not declare', async () => {
      plant(
        join(copy.inputs.functionsSrc, 'orders', 'config.json'),
        '["subscribeMessage.send", "security.msgSecCheck"]',
        '["subscribeMessage.send"]',
      );
      await expectProblem(
        'DEPLOY_CLOUD_CALLS_MISMATCH',
        /orders\/config\.json permissions\.openapi/,
        /代码会调用 security\.msgSecCheck,但未声明:线上调用会以 -604101 失败/,
      );
    });

    it('a function that declares a cloud call it never makes', async () => {
      plant(
        join(copy.inputs.functionsSrc, 'catalog', 'config.json'),
        '"openapi": []',
        '"openapi": ["subscribeMessage.send"]',
      );
      await expectProblem(
        'DEPLOY_CLOUD_CALLS_MISMATCH',
        /catalog\/config\.json/,
        /声明了 subscribeMessage\.send,但代码从不调用/,
      );
    });

    it('a cloudbaserc.json that no longer matches the functions', async () => {
      plant(join(copy.inputs.functionsSrc, 'jobs', 'config.json'), '"timeout": 10', '"timeout": 20');
      await expectProblem('DEPLOY_MANIFEST_STALE', /cloudbaserc\.json/, /请运行 npm run cloudbaserc/);
    });

    it('a template id file that misses a template', async () => {
      const file = join(copy.dir, 'templates.json');
      const { TPL_WISH_CLAIMED: _left, ...ids } = TEMPLATE_IDS;
      writeFileSync(file, JSON.stringify(ids));
      const run = await deploy(built, ['--dry-run', '--templates', file], copy.inputs);
      expect(run.code).toBe(1);
      expect(run.output).toContain(
        `[DEPLOY_ENV_CONFIG_INVALID] ${file}:缺少模板 TPL_WISH_CLAIMED 的微信模板 id`,
      );
    });
  });

  it('takes the template ids of a city from a file, and lists nothing left to provide once the keys are set', async () => {
    const copy = copyInputs(built.inputs);
    try {
      const file = join(copy.dir, 'templates.json');
      writeFileSync(file, JSON.stringify(TEMPLATE_IDS));
      const run = await deploy(built, ['--dry-run', '--templates', file], copy.inputs, { PII_KEYS });
      expect(run.code).toBe(0);
      expect(run.output).toContain(`微信模板 id 来自 ${file},写入云函数环境变量 TEMPLATE_IDS`);
      expect(run.output).toContain('环境变量:TEMPLATE_IDS、PII_KEYS=***');
      expect(run.output).not.toContain('正式部署前还需提供');
      expect(run.output).not.toContain(PII_KEYS);
    } finally {
      copy.remove();
    }
  });

  it.each([
    [['--env'], /--env 后面缺少取值/],
    [['--production'], /不认识的参数“--production”/],
    [[], /请用 --env 指定环境,或用 --dry-run 只检查/],
    [['--env', 'prod env!'], /环境 ID“prod env!”不合法/],
  ])('refuses the arguments %j with DEPLOY_ARGS_INVALID', async (argv, message) => {
    const run = await deploy(built, argv);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/^\[DEPLOY_ARGS_INVALID\] /);
    expect(run.output).toMatch(message);
  });

  it('stops a real deployment before anything is sent: first for missing configuration, then for missing credentials', async () => {
    const noConfig = await deploy(built, ['--env', 'yulin-prod-1a2b3c']);
    expect(noConfig.code).toBe(2);
    expect(noConfig.output).toMatch(/\[DEPLOY_CONFIG_MISSING\] 正式部署还缺少:订阅消息模板 id/);
    const noCredentials = await deploy(built, ['--env', 'yulin-prod-1a2b3c'], built.inputs, {
      TEMPLATE_IDS: JSON.stringify(TEMPLATE_IDS),
      PII_KEYS,
    });
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.output).toMatch(/\[DEPLOY_CREDENTIALS_MISSING\] 缺少腾讯云 API 密钥/);
  });

  it('runs as `npm run deploy -- --dry-run` from the command line, building first, and exits 0', () => {
    const out = execFileSync('npm', ['run', '--silent', 'deploy', '--', '--dry-run'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
      timeout: 120_000,
    });
    expect(out).toContain('部署计划(仅检查,不部署)');
    expect(out).toContain('检查通过');
  });
});
