/** 双报到's demo records (demo/demo-party.ts): what docs/party.md and decision 0041 promise of them. */
import { DAY_MS, DEFAULT_DEMO_NOW, DEFAULT_DEMO_SEED, DEMO_COMMUNITY_ID } from '../../demo/demo.constants';
import { DEMO_IDENTITIES, DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import { generatePeople } from '../../demo/demo-people';
import { buildYulinGeography } from '../../demo/yulin.geography';

const now = DEFAULT_DEMO_NOW;
const people = generatePeople(DEFAULT_DEMO_SEED, buildYulinGeography(now - 900 * DAY_MS), now);
const inDemo = <T extends { orgPath: string }>(records: readonly T[]) =>
  records.filter((r) => r.orgPath === DEMO_PATHS.community);

test('the demo community has registered organisations, each with its confirmed 双报到 and its secretary', () => {
  const registered = inDemo(people.partyOrgs).filter((o) => o.registeredAt !== null);
  expect(registered.length).toBeGreaterThanOrEqual(2);
  for (const org of registered) {
    const reg = people.dualRegistrations.find((r) => r.registrantId === org._id)!;
    expect(reg).toMatchObject({
      kind: 'party_org',
      status: 'confirmed',
      orgPath: org.orgPath,
      name: org.name,
    });
    expect(org.secretaryOpenid).toBe(reg.applicantOpenid);
    expect(org.declaredMemberCount).toBe(reg.memberCount);
  }
});

test('a registered organisation counts its registered members (decision 0041)', () => {
  for (const org of people.partyOrgs.filter((o) => o.registeredAt !== null)) {
    const members = people.partyMembers.filter(
      (m) => m.partyOrgId === org._id && m.memberType === 'in_service',
    );
    expect([org._id, org.memberCount]).toEqual([org._id, members.length]);
    for (const m of members) expect(m.orgPath).toBe(org.orgPath);
  }
});

test('every in-service member has a confirmed 双报到; members are active', () => {
  for (const m of people.partyMembers) {
    expect(m.leftAt).toBeNull();
    if (m.memberType !== 'in_service') continue;
    expect(people.dualRegistrations.find((r) => r.registrantId === m._id)).toMatchObject({
      kind: 'party_member',
      status: 'confirmed',
      partyOrgId: m.partyOrgId,
      orgPath: m.orgPath,
    });
  }
});

test('demo-party-member-1’s grant is its member record’s community and organisation', () => {
  const identity = DEMO_IDENTITIES.find((d) => d.openid === 'demo-party-member-1')!;
  const member = people.partyMembers.find((m) => m.openid === identity.openid)!;
  expect(member).toMatchObject({ partyOrgId: DEMO_REFS.partyOrgId, orgPath: DEMO_PATHS.community });
  expect(identity.grants).toContainEqual({
    role: 'party_member',
    orgPath: member.orgPath,
    partyOrgId: member.partyOrgId,
  });
});

test('the demo worker has an organisation’s and a member’s request to review', () => {
  const pending = people.dualRegistrations.filter(
    (r) => r.status === 'pending' && r.communityId === DEMO_COMMUNITY_ID,
  );
  expect(pending.map((r) => r.kind).sort()).toEqual(['party_member', 'party_org']);
  const org = pending.find((r) => r.kind === 'party_org')!;
  expect(org).toMatchObject({
    orgType: 'institution',
    rank: 'branch',
    memberCount: 36,
    secretaryName: '莫志强',
  });
});
