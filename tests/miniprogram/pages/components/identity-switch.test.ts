/**
 * identity-switch on its real WXML, with the real client API module: `wx.request` answers as the local
 * cloud's `GET /gateway/identities` would. Local mode lists the demo identities and switches on the device;
 * cloud mode renders nothing.
 */
import { appConfig } from '../../../../miniprogram/config';
import type { LocalIdentityReply } from '../../../../miniprogram/services/cloud-api';
import {
  fakeStorage,
  find,
  loadPage,
  openComponent,
  tapButton,
  tapCell,
  textOf,
  type HostEvent,
  type RenderedPage,
} from '../support/page-harness';

const IDENTITIES: LocalIdentityReply[] = [
  { openid: 'demo-resident-1', role: 'resident', label: '居民（东门社区金港花园小区）', nickname: '黄阿姨' },
  {
    openid: 'demo-provider-manager-1',
    role: 'provider_staff',
    label: '服务机构负责人（第一家演示机构）',
    nickname: '梁师傅',
  },
];

describe('identity-switch', () => {
  let componentId: string;
  let storage: Map<string, unknown>;
  let events: HostEvent[];
  let listed: boolean;

  /** Render it as 我的 does; `events` are what it tells its host. */
  async function render(): Promise<RenderedPage> {
    const opened = await openComponent(componentId, ['change']);
    events = opened.events;
    return opened.component;
  }

  beforeAll(() => {
    componentId = loadPage('components/identity-switch/identity-switch');
  });

  beforeEach(() => {
    listed = true;
    storage = fakeStorage();
    jest.spyOn(wx, 'request').mockImplementation((o: WechatMiniprogram.RequestOption) => {
      const answer = listed
        ? { statusCode: 200, data: { identities: IDENTITIES } }
        : { statusCode: 404, data: { code: 'NOT_FOUND', message: '没有这个地址' } };
      void Promise.resolve().then(() => o.success?.(answer as never));
      return {} as WechatMiniprogram.RequestTask;
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('should show the demo identity in use', async () => {
    storage.set('localOpenid', 'demo-provider-manager-1');
    const component = await render();
    expect(textOf(find(component, '#identity'))).toContain('切换演示身份');
    expect(textOf(find(component, '#identity'))).toContain('demo-provider-manager-1');
    expect(component.querySelector('#identity-picker')).toBeUndefined();
  });

  it('should list the local cloud’s identities with their roles, the one in use marked', async () => {
    const component = await render();
    await tapCell(component, '#identity');

    expect(textOf(find(component, '#identity-picker'))).toContain('仅本地模式可用');
    const resident = textOf(find(component, '#identity-demo-resident-1'));
    expect(resident).toContain('黄阿姨（居民）');
    expect(resident).toContain('当前');
    const manager = textOf(find(component, '#identity-demo-provider-manager-1'));
    expect(manager).toContain('梁师傅（服务机构人员）');
    expect(manager).not.toContain('当前');
  });

  it('should switch to the identity tapped, keep it on the device and tell its host', async () => {
    const component = await render();
    await tapCell(component, '#identity');
    await tapCell(component, '#identity-demo-provider-manager-1');

    expect(storage.get('localOpenid')).toBe('demo-provider-manager-1');
    expect(events).toEqual([
      { name: 'change', detail: { openid: 'demo-provider-manager-1', title: '梁师傅（服务机构人员）' } },
    ]);
    expect(component.querySelector('#identity-picker')).toBeUndefined();
    expect(textOf(find(component, '#identity'))).toContain('demo-provider-manager-1');
  });

  it('should close the list without switching when cancelled', async () => {
    const component = await render();
    await tapCell(component, '#identity');
    await tapButton(component, '#identity-close');

    expect(component.querySelector('#identity-picker')).toBeUndefined();
    expect(storage.has('localOpenid')).toBe(false);
    expect(events).toEqual([]);
  });

  it('should say in place why the local cloud lists no identities, with a retry', async () => {
    listed = false;
    const component = await render();
    await tapCell(component, '#identity');

    expect(component.querySelector('#identity-picker')).toBeUndefined();
    expect(textOf(find(component, '#identity-error'))).toContain(
      '本地云未提供演示身份列表,请用 npm start 启动',
    );
    expect(events).toEqual([]);

    listed = true;
    await tapButton(component, '#identity-retry');
    expect(component.querySelector('#identity-error')).toBeUndefined();
    expect(textOf(find(component, '#identity-picker'))).toContain('切换演示身份');
  });

  it('should render nothing in cloud mode', async () => {
    appConfig.mode = 'cloud';
    try {
      const component = await render();
      expect(component.querySelector('#identity')).toBeUndefined();
      expect(textOf(component)).toBe('');
    } finally {
      appConfig.mode = 'local';
    }
  });
});
