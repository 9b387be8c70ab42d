/**
 * 我的 - 切换演示身份 on its real WXML, with the real client API module (not the fake cloud): `wx.request`
 * is answered as the local cloud would, and records the identity each call is sent as. In local mode the
 * switch lists the local cloud's demo identities and the next call goes out as the chosen one; in cloud
 * mode there is no switch at all.
 */
import type { ProfileGetReply } from 'weimin-core';
import { appConfig } from '../../../miniprogram/config';
import type { LocalIdentityReply } from '../../../miniprogram/services/cloud-api';
import {
  fakeStorage,
  find,
  loadPage,
  noticeText,
  openPage,
  tapButton,
  tapCell,
  textOf,
  type RenderedPage,
} from './support/page-harness';

interface Sent {
  method: string;
  url: string;
  openid: string | undefined;
  data: unknown;
}

const PROFILE: ProfileGetReply = { nickname: '黄阿姨', phone: null, homeUnitId: null, homeUnitName: null };
const IDENTITIES: LocalIdentityReply[] = [
  {
    openid: 'demo-resident-1',
    role: 'resident',
    label: '居民（玉城街道东门社区金港花园小区）',
    nickname: '黄阿姨',
  },
  {
    openid: 'demo-provider-manager-1',
    role: 'provider_staff',
    label: '服务机构负责人（第一家演示机构）',
    nickname: '梁师傅',
  },
];

type RequestOptions = WechatMiniprogram.RequestOption;

/** The page's identity-switch component, where the switch and its list render. */
const switchOf = (page: RenderedPage) => find(page, '#identity-switch');

describe('我的 - 切换演示身份', () => {
  let pageId: string;
  let storage = new Map<string, unknown>();
  const sent: Sent[] = [];
  let identitiesRoute = true;

  /** The local cloud: the gateway answers profile.get; GET /gateway/identities lists the demo identities. */
  function answer(o: RequestOptions): { statusCode: number; data: unknown } {
    if (o.url.endsWith('/gateway/identities')) {
      return identitiesRoute
        ? { statusCode: 200, data: { identities: IDENTITIES } }
        : { statusCode: 404, data: { code: 'NOT_FOUND', message: '没有这个地址' } };
    }
    const result = { code: 'OK', message: '成功', data: PROFILE };
    return { statusCode: 200, data: { errMsg: 'callFunction:ok', result } };
  }

  beforeAll(() => {
    pageId = loadPage('pages/profile/profile');
  });

  beforeEach(() => {
    sent.length = 0;
    identitiesRoute = true;
    storage = fakeStorage();
    jest.spyOn(wx, 'request').mockImplementation((o: RequestOptions) => {
      const header = (o.header ?? {}) as Record<string, string>;
      sent.push({ method: o.method ?? 'GET', url: o.url, openid: header['X-WX-OPENID'], data: o.data });
      void Promise.resolve().then(() => o.success?.(answer(o) as never));
      return {} as WechatMiniprogram.RequestTask;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('should list the demo identities and send the next call as the one chosen', async () => {
    const page = await openPage(pageId);
    // profile.get, then the message centre's unread count beside 消息中心.
    expect(sent).toEqual([
      expect.objectContaining({ method: 'POST', openid: 'demo-resident-1', data: expect.anything() }),
      expect.objectContaining({ method: 'POST', openid: 'demo-resident-1', data: expect.anything() }),
    ]);
    expect(sent[0]!.url).toMatch(/\/gateway\/call\/profile$/);
    const identity = switchOf(page);
    expect(textOf(find(identity, '#identity'))).toContain('demo-resident-1');

    await tapCell(identity, '#identity');
    expect(textOf(find(identity, '#identity-picker'))).toContain('仅本地模式可用');
    expect(textOf(find(identity, '#identity-demo-resident-1'))).toContain('黄阿姨（居民）');
    expect(textOf(find(identity, '#identity-demo-resident-1'))).toContain('当前');
    expect(textOf(find(identity, '#identity-demo-provider-manager-1'))).toContain(
      '服务机构负责人（第一家演示机构）',
    );

    sent.length = 0;
    await tapCell(identity, '#identity-demo-provider-manager-1');

    expect(storage.get('localOpenid')).toBe('demo-provider-manager-1');
    expect(noticeText(page)).toBe('已切换为梁师傅（服务机构人员）');
    expect(identity.querySelector('#identity-picker')).toBeUndefined();
    expect(sent).toEqual([
      expect.objectContaining({
        method: 'POST',
        openid: 'demo-provider-manager-1',
        data: { data: { command: 'profile.get', input: {} } },
      }),
      expect.objectContaining({
        method: 'POST',
        openid: 'demo-provider-manager-1',
        data: { data: { command: 'message.list', input: { pageSize: 1, unreadOnly: true } } },
      }),
    ]);
    expect(textOf(find(identity, '#identity'))).toContain('demo-provider-manager-1');
  });

  it('should keep acting as the chosen identity when the page opens again', async () => {
    storage.set('localOpenid', 'demo-provider-manager-1');
    await openPage(pageId);
    expect(sent.map((s) => s.openid)).toEqual(['demo-provider-manager-1', 'demo-provider-manager-1']);
  });

  it('should say so when the local cloud lists no identities', async () => {
    identitiesRoute = false;
    const page = await openPage(pageId);
    await tapCell(switchOf(page), '#identity');
    expect(switchOf(page).querySelector('#identity-picker')).toBeUndefined();
    // Said in place, with a retry, not in a toast that goes.
    expect(textOf(find(switchOf(page), '#identity-error'))).toContain(
      '本地云未提供演示身份列表,请用 npm start 启动',
    );
    identitiesRoute = true;
    await tapButton(switchOf(page), '#identity-retry');
    expect(switchOf(page).querySelector('#identity-error')).toBeUndefined();
    expect(textOf(find(switchOf(page), '#identity-picker'))).toContain('黄阿姨（居民）');
  });

  it('should offer no switch in cloud mode, and call as WeChat says', async () => {
    const calls: string[] = [];
    const globals = wx as unknown as Record<string, unknown>;
    const hadCloud = 'cloud' in globals;
    const before = globals['cloud'];
    globals['cloud'] = {
      init: () => undefined,
      callFunction: async (o: { name: string }) => {
        calls.push(o.name);
        return { result: { code: 'OK', message: '成功', data: PROFILE } };
      },
    };
    appConfig.mode = 'cloud';
    storage.set('localOpenid', 'demo-provider-manager-1');
    try {
      const page = await openPage(pageId);
      expect(switchOf(page).querySelector('#identity')).toBeUndefined();
      expect(textOf(page)).not.toContain('切换演示身份');
      // profile.get and the unread count, both through wx.cloud.
      expect(calls).toEqual(['profile', 'profile']);
      expect(sent).toEqual([]);
    } finally {
      appConfig.mode = 'local';
      if (hadCloud) globals['cloud'] = before;
      else delete globals['cloud'];
    }
  });
});
