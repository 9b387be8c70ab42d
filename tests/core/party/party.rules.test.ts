/** The rules of 双报到 without I/O (core/party/party.rules.ts) and the form's checks (core/schemas/party.schema.ts). */
import type { RoleGrant } from '../../../core/auth/roles';
import {
  countsRegisteredMembers,
  registrationGrant,
  registrationIdOf,
  rosterPhone,
  withGrant,
  withoutGrant,
} from '../../../core/party/party.rules';
import { PARTY_ERRORS } from '../../../core/party/party.errors';
import { checkCommand } from '../../../core/schemas/command.parser';
import { dualRegistrationConfirmSchema, dualRegistrationSchema } from '../../../core/schemas/party.schema';

const COMMUNITY = '/450900/450902/450902001/450902001001/';

describe('registration ids', () => {
  test('one id per applicant, community and sequence; ids fit the id field', () => {
    const a1 = registrationIdOf('o-applicant-1', '450902001001', 1);
    expect(registrationIdOf('o-applicant-1', '450902001001', 1)).toBe(a1);
    expect(registrationIdOf('o-applicant-1', '450902001001', 2)).not.toBe(a1);
    expect(registrationIdOf('o-applicant-2', '450902001001', 1)).not.toBe(a1);
    expect(registrationIdOf('o-applicant-1', '450981001001', 1)).not.toBe(a1);
    expect(a1).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe('the grant a confirmation gives', () => {
  test.each([
    ['party_org', { role: 'party_member', orgPath: COMMUNITY, partyOrgId: 'po-1', position: 'secretary' }],
    ['party_member', { role: 'party_member', orgPath: COMMUNITY, partyOrgId: 'po-1' }],
  ] as const)('%s', (kind, grant) => {
    expect(registrationGrant(kind, COMMUNITY, 'po-1')).toEqual(grant);
  });

  test('added once, removed exactly (other grants kept)', () => {
    const worker: RoleGrant = { role: 'worker', orgPath: COMMUNITY };
    const member = registrationGrant('party_member', COMMUNITY, 'po-1');
    const secretary = registrationGrant('party_org', COMMUNITY, 'po-1');
    const once = withGrant([worker], member);
    expect(withGrant(once, member)).toEqual([worker, member]);
    expect(withoutGrant([worker, member, secretary], member)).toEqual([worker, secretary]);
  });
});

describe('who counts registered members (decision 0041)', () => {
  test.each([
    [{ type: 'organ', registeredAt: 1 }, true],
    [{ type: 'enterprise', registeredAt: 1 }, true],
    [{ type: 'community', registeredAt: null }, false],
    [{ type: 'grid', registeredAt: null }, false],
    [{ type: 'organ', registeredAt: null }, false],
  ] as const)('%o -> %s', (org, counts) => {
    expect(countsRegisteredMembers(org)).toBe(counts);
  });
});

test('roster phones: in full, or masked', () => {
  expect(rosterPhone('13907758802', true)).toEqual({ phone: '13907758802', phoneMasked: false });
  expect(rosterPhone('13907758802', false)).toEqual({ phone: '139****8802', phoneMasked: true });
});

describe('the 双报到 form', () => {
  const member = {
    clientRequestId: 'req-2024-0001',
    kind: 'party_member',
    communityId: '450902001001',
    name: '韦建明',
    workUnit: '玉林市财政局',
    contactPhone: '13907758801',
  };
  const org = {
    ...member,
    kind: 'party_org',
    name: '玉林市税务局第一党支部',
    orgType: 'organ',
    rank: 'branch',
    secretaryName: '黄丽萍',
    memberCount: 28,
    contactPhone: '0775-2831234',
  };
  const problems = (schema: Parameters<typeof checkCommand>[0], input: unknown) => {
    const result = checkCommand(schema, input);
    return result.ok ? [] : result.issues;
  };

  test('a member and an organisation as filled in are accepted', () => {
    expect(problems(dualRegistrationSchema, member)).toEqual([]);
    expect(problems(dualRegistrationSchema, org)).toEqual([]);
  });

  test('an organisation names its type, rank, member count, host unit and secretary', () => {
    const { orgType: _t, rank: _r, memberCount: _m, secretaryName: _s, ...bare } = org;
    expect(problems(dualRegistrationSchema, { ...bare, workUnit: '' })).toEqual([
      { path: 'orgType', message: '请选择党组织类型' },
      { path: 'rank', message: '请选择党组织级别' },
      { path: 'memberCount', message: '请填写党员人数' },
      { path: 'workUnit', message: '请填写党组织所在单位' },
      { path: 'secretaryName', message: '请填写书记姓名' },
    ]);
  });

  test('a member names their work unit', () => {
    expect(problems(dualRegistrationSchema, { ...member, workUnit: ' ' })).toEqual([
      { path: 'workUnit', message: '请填写工作单位' },
    ]);
  });

  test('declining needs a reason', () => {
    const base = { clientRequestId: 'req-2024-0001', registrationId: 'reg-1' };
    expect(problems(dualRegistrationConfirmSchema, { ...base, approve: false })).toEqual([
      { path: 'reason', message: '不予确认时请填写原因' },
    ]);
    expect(problems(dualRegistrationConfirmSchema, { ...base, approve: true })).toEqual([]);
  });
});

test('every error code is upper snake with a Chinese message', () => {
  for (const [code, message] of Object.entries(PARTY_ERRORS)) {
    expect(code).toMatch(/^PARTY_[A-Z_]+$/);
    expect(message).toMatch(/[\u4e00-\u9fa5]/);
  }
});
