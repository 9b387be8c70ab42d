/**
 * What deployment declares matches what the code does, read from the code itself (scripts/deploy/code-scan.ts):
 * every function's config.json declares exactly the cloud calls its bundle can make, and every collection
 * the code uses has a security rule and declared indexes; the rules give the mini-program no access to
 * personal data and no write access at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_NAMES } from '../../core/model/collections.model';
import { PERSONAL_DATA_FIELDS } from '../../core/privacy/personal-data.fields';
import { readFunctionConfig } from '../../localcloud/functions/function-config';
import { functionNames } from '../../scripts/build-functions';
import { cloudCallsOf } from '../../scripts/deploy/code-scan';
import { CLIENT_READABLE_COLLECTIONS, securityRuleIssues } from '../../scripts/deploy/security-rules';
import { buildRepo, REPO, type BuiltRepo } from './support/deploy-inputs';

const rules = (
  JSON.parse(readFileSync(join(REPO, 'database', 'security-rules.json'), 'utf8')) as {
    collections: Record<string, Record<string, unknown>>;
  }
).collections;
const indexes = (
  JSON.parse(readFileSync(join(REPO, 'database', 'indexes.json'), 'utf8')) as {
    collections: Record<string, { indexes: unknown[] }>;
  }
).collections;

let built: BuiltRepo;

beforeAll(async () => {
  built = await buildRepo();
});

afterAll(() => built.remove());

describe('cloud calls', () => {
  it('ties every open API the kit calls to the port its adapter implements', () => {
    expect(Object.fromEntries(built.scan.portApis)).toEqual({
      Notifier: ['subscribeMessage.send'],
      ContentSecurity: ['security.msgSecCheck'],
      PhoneNumberResolver: ['phonenumber.getPhoneNumber'],
    });
    expect(built.scan.strayOpenApiCalls).toEqual([]);
  });

  it('finds the call sites of those ports in the core', () => {
    expect(built.scan.callSites.map((s) => `${s.file} ${s.callee}`)).toEqual(
      expect.arrayContaining([
        'core/messaging/message-outbox.ts notifier.send',
        'core/kernel/text-screening.ts ports.contentSecurity.check',
        'core/profile/set-phone.usecase.ts resolver.resolve',
      ]),
    );
  });

  it.each(functionNames())('%s declares exactly the cloud calls its bundle makes', (name) => {
    const made = cloudCallsOf(join(built.inputs.functionsBuild, name, 'index.js'), built.scan);
    const declared = readFunctionConfig(join(REPO, 'cloudfunctions', name)).permissions.openapi;
    expect([...declared].sort()).toEqual(made);
  });

  it('sees a call only where the bundle keeps it: the resident functions send messages, the catalog does not', () => {
    const calls = (name: string) =>
      cloudCallsOf(join(built.inputs.functionsBuild, name, 'index.js'), built.scan);
    expect(calls('orders')).toEqual(['security.msgSecCheck', 'subscribeMessage.send']);
    expect(calls('profile')).toEqual(['phonenumber.getPhoneNumber', 'security.msgSecCheck']);
    expect(calls('catalog')).toEqual([]);
  });
});

describe('collections', () => {
  it('finds the collections the code uses through the database port', () => {
    expect(built.scan.collections).toEqual(expect.arrayContaining(['orders', 'users', 'message_outbox']));
    for (const name of built.scan.collections) expect(COLLECTION_NAMES).toContain(name);
  });

  it('gives every collection the code uses a security rule and its declared indexes', () => {
    for (const name of built.scan.collections) {
      expect(rules[name]).toBeDefined();
      expect(Array.isArray(indexes[name]?.indexes)).toBe(true);
    }
    expect(Object.keys(rules).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(Object.keys(indexes).sort()).toEqual([...COLLECTION_NAMES].sort());
  });
});

describe('security rules: the production posture', () => {
  it('are valid rules and pass the posture checks', () => {
    expect(securityRuleIssues(rules)).toEqual([]);
  });

  it('let the mini-program read only the public catalogue, none of which holds personal data', () => {
    const readable = Object.entries(rules)
      .filter(([, r]) => r['read'] !== false)
      .map(([name]) => name);
    expect(readable.sort()).toEqual([...CLIENT_READABLE_COLLECTIONS].sort());
    for (const name of readable) expect(Object.keys(PERSONAL_DATA_FIELDS)).not.toContain(name);
  });

  it('let the mini-program write nothing', () => {
    for (const rule of Object.values(rules)) {
      for (const op of ['write', 'create', 'update', 'delete'])
        expect([undefined, false]).toContain(rule[op]);
    }
  });

  it.each([
    ['orders', { read: 'doc.residentOpenid == auth.openid', write: false }, /含个人信息/],
    ['providers', { read: true, write: false }, /不在可由小程序端直接读取的公开集合/],
    ['service_items', { read: true, write: 'auth != null' }, /不得直接写入任何集合/],
  ])('refuse a rule that opens %s to the client', (name, rule, message) => {
    const issues = securityRuleIssues({ ...rules, [name]: rule }).filter((i) => i.kind === 'posture');
    expect(issues).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })]);
  });
});
