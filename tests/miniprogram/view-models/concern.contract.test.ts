/**
 * Contract: the concerns subpackage's real services, through the real client API module in local mode,
 * against a real local cloud running the real `concerns` function on the seeded Yulin demo data; the replies
 * go into the real view models. It keeps the page tests' scripted replies honest (every field a canned
 * reply of tests/miniprogram/pages/concern-replies.ts has, the real reply has too, with the same type) and
 * the wall's rule for its 可认领 tab true (the function refuses a resident the open list).
 *
 * One user-visible flow, in order: a resident reads the wall and files a concern after looking for similar
 * ones; a neighbour says 我也关心 to the demo's published 楼道灯 concern; a party member finds it among those
 * they may claim, claims, works and resolves it; the resident answers 部分解决. (Review and publishing are
 * the console's.)
 */
import { appConfig } from '../../../miniprogram/config';
import { callFunction } from '../../../miniprogram/services/cloud-api';
import { bindHome } from '../../../miniprogram/services/profile/profile.service';
import { switchLocalIdentity } from '../../../miniprogram/services/local-identity/local-identity.service';
import {
  claimConcern,
  concernDetail,
  confirmConcern,
  listConcerns,
  resolveConcern,
  similarConcerns,
  submitConcern,
  supportConcern,
  updateConcern,
} from '../../../miniprogram/packages/concerns/services/concerns.service';
import { checkConcernDraft } from '../../../miniprogram/packages/concerns/view-models/concern.forms';
import {
  toConcernDetail,
  toConcernRow,
  toSimilarRow,
} from '../../../miniprogram/packages/concerns/view-models/concern.view-model';
import { DEMO_GRID_ID } from '../../../demo/demo.constants';
import { functionCloud } from '../../functions/support/function-cloud';
import { detail as cannedDetail, listItem, listPage } from '../pages/concern-replies';
import { installWx, removeWx } from '../support/local-wx';

const cloud = functionCloud();

const RESIDENT = 'demo-resident-1';
const NEIGHBOUR = 't-contract-neighbour';
const PARTY_MEMBER = 'demo-party-member-1';
const LAMP = '楼道灯坏了很久，晚上上下楼不安全';

beforeAll(() => {
  appConfig.gatewayUrl = cloud.started.cloud.url;
  installWx({ allow: true });
});
afterAll(() => removeWx());

const actAs = (openid: string): void => switchLocalIdentity(openid);

/** A reply's data as the function sent it, before any service reads it. */
async function wire(command: string, input: object): Promise<unknown> {
  return (await callFunction('concerns', { command, input })).data;
}

/**
 * Where the real reply lacks a field of the canned one or sends another type there (null on either side is
 * a nullable field; each canned array element must fit some real one). As services-vs-functions.test.ts.
 */
function shapeGaps(canned: unknown, real: unknown, at = 'data'): string[] {
  if (canned === null || real === null) return [];
  if (Array.isArray(canned)) {
    if (!Array.isArray(real)) return [`${at}: not an array`];
    if (real.length === 0) return [];
    return canned.flatMap((c, i) => {
      const gaps = real.map((r) => shapeGaps(c, r, `${at}[${i}]`));
      return gaps.some((g) => g.length === 0) ? [] : gaps[0]!;
    });
  }
  if (typeof canned !== 'object') return typeof canned === typeof real ? [] : [`${at}: ${typeof real}`];
  if (typeof real !== 'object' || Array.isArray(real)) return [`${at}: not an object`];
  const c = canned as Record<string, unknown>;
  const r = real as Record<string, unknown>;
  return Object.keys(c).flatMap((k) =>
    k in r ? shapeGaps(c[k], r[k], `${at}.${k}`) : [`${at}.${k}: missing`],
  );
}

const flow = { lampId: '', filedId: '' };

describe('the concerns services against the real function', () => {
  it('shows the resident the wall of their community, with the demo’s 楼道灯 concern', async () => {
    actAs(RESIDENT);
    const wall = await listConcerns('wall', 1);
    const rows = wall.items.map((i) => toConcernRow(i, Date.now()));
    const lamp = rows.find((r) => r.title === LAMP);
    expect(lamp).toMatchObject({ statusLabel: '已发布待认领', levelLabel: expect.any(String) });
    flow.lampId = lamp!.id;
    const real = await wire('concern.list', { view: 'wall', page: 1, pageSize: 20 });
    expect(shapeGaps(listPage([listItem()]), real)).toEqual([]);
  });

  it('refuses the resident the open list, so the wall shows them no 可认领 tab', async () => {
    actAs(RESIDENT);
    await expect(listConcerns('open', 1)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('files a concern after looking for similar ones, and lists it under 我的诉求 as 待审核', async () => {
    actAs(RESIDENT);
    const draft = checkConcernDraft({
      kind: 'wish',
      title: '想请志愿者教用智能手机',
      content: '想学用手机挂号、视频通话，希望有志愿者周末来教一教。',
      sensitive: false,
      sensitiveConsent: false,
    });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    // Nothing like it is open: the form goes on to file it.
    const similar = await similarConcerns(draft.value.title, draft.value.content);
    expect(similar.items.map(toSimilarRow)).toEqual([]);
    // The 楼道灯 concern is found for a text like it.
    const lamp = await similarConcerns('楼道灯坏了', '晚上楼道灯不亮，上下楼不安全');
    expect(lamp.items.map(toSimilarRow).map((r) => r.id)).toContain(flow.lampId);
    const filed = await submitConcern('contract-draft-1', {
      ...draft.value,
      images: [],
      anonymous: false,
      crossDepartment: false,
      sensitive: false,
      sensitiveConsent: false,
    });
    expect(filed.status).toBe('submitted');
    flow.filedId = filed.concernId;
    const mine = (await listConcerns('mine', 1)).items.map((i) => toConcernRow(i, Date.now()));
    expect(mine.find((r) => r.id === filed.concernId)).toMatchObject({ statusLabel: '待审核' });

    const own = await concernDetail(filed.concernId);
    expect(toConcernDetail(own, Date.now()).buttons).toMatchObject({ withdraw: true, support: false });
    expect(shapeGaps(cannedDetail(), await wire('concern.detail', { concernId: filed.concernId }))).toEqual(
      [],
    );
  });

  it('lets a neighbour who binds the same grid say 我也关心 once', async () => {
    actAs(NEIGHBOUR);
    await bindHome(DEMO_GRID_ID);
    const view = toConcernDetail(await concernDetail(flow.lampId), Date.now());
    expect(view.buttons.support).toBe(true);
    const { supportCount } = await supportConcern(flow.lampId);
    const after = toConcernDetail(await concernDetail(flow.lampId), Date.now());
    expect(after.supportText).toBe(`${supportCount} 人也关心`);
    expect(after.supportedByMe).toBe(true);
    expect(after.buttons.support).toBe(false);
  });

  it('lets a party member claim, work and resolve it, and the resident confirm it', async () => {
    actAs(PARTY_MEMBER);
    const open = (await listConcerns('open', 1)).items.map((i) => toConcernRow(i, Date.now()));
    expect(open.map((r) => r.id)).toContain(flow.lampId);
    const before = toConcernDetail(await concernDetail(flow.lampId), Date.now());
    expect(before.buttons.claim).toBe(true);
    await claimConcern(flow.lampId, before.claimOptions[0]!.value);
    const claimed = (await listConcerns('claimed', 1)).items.map((i) => i.concernId);
    expect(claimed).toContain(flow.lampId);
    expect(toConcernDetail(await concernDetail(flow.lampId), Date.now()).buttons).toMatchObject({
      update: true,
      resolve: true,
      claim: false,
    });
    await updateConcern(flow.lampId, '已联系物业，周六换灯', []);
    await resolveConcern(flow.lampId, '已更换 4 盏楼道灯', []);

    actAs(RESIDENT);
    const resolved = toConcernDetail(await concernDetail(flow.lampId), Date.now());
    expect(resolved.buttons.confirm).toBe(true);
    expect(resolved.timeline.map((t) => t.title)).toEqual(
      expect.arrayContaining(['认领', '开始办理', '办结']),
    );
    await confirmConcern(flow.lampId, 'partly', '五楼还差一盏');
    const answered = toConcernDetail(await concernDetail(flow.lampId), Date.now());
    expect(answered.confirmation).toContain('部分解决');
  });
});
