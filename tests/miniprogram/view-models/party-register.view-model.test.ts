/**
 * 双报到's view model (packages/community/view-models/party-register.view-model.ts): the form's checks before
 * sending, in the form's order, and what is sent; the organisations to name; a registration as its row.
 */
import type { MyRegistrationItem } from 'weimin-core';
import {
  NO_ORG,
  checkForm,
  orgOptions,
  splitServices,
  toRegistrationRow,
  type FormInput,
} from '../../../miniprogram/packages/community/view-models/party-register.view-model';

const MEMBER: FormInput = {
  kind: 'party_member',
  communityId: '450902001001001',
  name: ' 韦建明 ',
  workUnit: '玉林市财政局',
  contactPhone: '13907758801',
  services: '法律咨询、政策宣讲，法律咨询',
  partyOrgId: NO_ORG,
  orgType: '',
  rank: '',
  secretaryName: '',
  memberCount: '',
};
const ORG: FormInput = {
  ...MEMBER,
  kind: 'party_org',
  name: '玉林市税务局第一党支部',
  workUnit: '玉林市税务局',
  contactPhone: '0775-2831234',
  orgType: 'organ',
  rank: 'branch',
  secretaryName: '黄丽萍',
  memberCount: '28',
};

test('services are split on 、，, and spaces, once each', () => {
  expect(splitServices(' 理发、卫生清洁, 理发  治安巡防 ')).toEqual(['理发', '卫生清洁', '治安巡防']);
});

test('a member’s form is sent trimmed, without an organisation unless one was chosen', () => {
  expect(checkForm(MEMBER)).toEqual({
    ok: true,
    value: {
      kind: 'party_member',
      communityId: '450902001001001',
      name: '韦建明',
      workUnit: '玉林市财政局',
      contactPhone: '13907758801',
      services: ['法律咨询', '政策宣讲'],
    },
  });
  const named = checkForm({ ...MEMBER, partyOrgId: 'po-organ-01' });
  expect(named.ok && named.value.partyOrgId).toBe('po-organ-01');
});

test.each([
  [{ communityId: '' }, '请先在“我的”中绑定所在小区（网格）'],
  [{ name: '  ' }, '请填写姓名'],
  [{ workUnit: '' }, '请填写工作单位'],
  [{ contactPhone: '12345' }, '请填写正确的联系电话'],
  [{ services: '一、二、三、四、五、六、七、八、九、十、十一' }, '可提供的服务最多填写 10 项'],
])('a member’s form %o: %s', (change, message) => {
  expect(checkForm({ ...MEMBER, ...change })).toEqual({ ok: false, message });
});

test.each([
  [{ name: '' }, '请填写党组织名称'],
  [{ workUnit: '' }, '请填写党组织所在单位'],
  [{ orgType: '' }, '请选择党组织类型'],
  [{ rank: '' }, '请选择党组织级别'],
  [{ secretaryName: ' ' }, '请填写书记姓名'],
  [{ memberCount: '0' }, '请填写党员人数'],
  [{ memberCount: '2.5' }, '请填写党员人数'],
])('an organisation’s form %o: %s', (change, message) => {
  expect(checkForm({ ...ORG, ...change })).toEqual({ ok: false, message });
});

test('an organisation’s form is sent with its type, rank, secretary and member count', () => {
  const checked = checkForm(ORG);
  expect(checked.ok && checked.value).toMatchObject({
    kind: 'party_org',
    orgType: 'organ',
    rank: 'branch',
    secretaryName: '黄丽萍',
    memberCount: 28,
  });
});

test('the organisations to name start with “none” (the community’s own)', () => {
  expect(
    orgOptions([
      {
        partyOrgId: 'po-1',
        name: '玉林市财政局机关党支部',
        typeLabel: '机关党组织',
        workUnit: '玉林市财政局',
      },
    ]),
  ).toEqual([
    { value: NO_ORG, label: '不在以下党组织（归入本社区党组织）' },
    { value: 'po-1', label: '玉林市财政局机关党支部（玉林市财政局）' },
  ]);
});

describe('a registration as its row', () => {
  const item = (extra: Partial<MyRegistrationItem>): MyRegistrationItem => ({
    registrationId: 'reg-1',
    kind: 'party_member',
    kindLabel: '在职党员',
    communityId: '450902001001',
    communityName: '东门社区',
    name: '韦建明',
    workUnit: '玉林市财政局',
    contactPhone: '13907758801',
    services: [],
    status: 'pending',
    statusLabel: '待确认',
    orgTypeLabel: null,
    rankLabel: null,
    memberCount: null,
    secretaryName: null,
    partyOrgId: null,
    partyOrgName: null,
    registrantId: null,
    reason: null,
    createdAt: 0,
    createdAtText: '2026-12-07 09:30',
    decidedAt: null,
    decidedAtText: null,
    left: false,
    ...extra,
  });

  test.each([
    [{}, '待确认', 'warning', '等待社区确认，确认后会通知您', ''],
    [
      { status: 'confirmed', statusLabel: '已确认' },
      '已确认',
      'success',
      '已在本社区报到，可认领本社区的忧心事和微心愿、报名志愿活动',
      '',
    ],
    [
      { status: 'rejected', statusLabel: '未通过', reason: '请补充报到函' },
      '未通过',
      'danger',
      '社区未予确认，可按意见修改后重新报到',
      '请补充报到函',
    ],
    [
      { status: 'confirmed', statusLabel: '已确认', left: true },
      '已退出',
      'default',
      '已退出本社区的报到',
      '',
    ],
  ] as const)('%o', (extra, status, theme, hint, reason) => {
    expect(toRegistrationRow(item(extra))).toMatchObject({
      status,
      theme,
      hint,
      reason,
      community: '东门社区',
    });
  });
});
