/**
 * page-state on its real WXML: loading says what is being read; an error says what went wrong with the way
 * out; an empty list says why, with the way onward; each way a full-size button that tells its host.
 */
import {
  find,
  loadPage,
  openComponent,
  tapButton,
  textOf,
  type HostEvent,
  type RenderedPage,
} from '../support/page-harness';

describe('page-state', () => {
  let componentId: string;
  let events: HostEvent[];

  async function open(properties: Record<string, string>): Promise<RenderedPage> {
    const opened = await openComponent(componentId, ['action', 'secondary']);
    events = opened.events;
    opened.component.setData(properties);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return opened.component;
  }

  beforeAll(() => {
    componentId = loadPage('components/page-state/page-state');
  });

  it('should render nothing for no state', async () => {
    const state = await open({ state: '' });
    expect(textOf(state)).toBe('');
  });

  it('should say what is being read while loading', async () => {
    const state = await open({ state: 'loading', text: '正在读取您的订单…' });
    expect(textOf(find(state, '#state-loading'))).toContain('正在读取您的订单…');
  });

  it('should say what went wrong and offer the way out, telling its host which was tapped', async () => {
    const state = await open({
      state: 'error',
      text: '系统繁忙，请稍后重试',
      action: '重新加载',
      secondary: '返回首页',
    });
    expect(textOf(find(state, '#state-error'))).toBe('没有加载成功系统繁忙，请稍后重试重新加载返回首页');

    await tapButton(state, '#state-action');
    await tapButton(state, '#state-secondary');
    expect(events.map((e) => e.name)).toEqual(['action', 'secondary']);
  });

  it('should say why a list is empty, with its own heading when given one', async () => {
    const state = await open({
      state: 'empty',
      title: '还没有订单',
      text: '去首页勾选需要的服务吧',
      action: '去首页',
    });
    expect(textOf(find(state, '#state-empty'))).toBe('还没有订单去首页勾选需要的服务吧去首页');
    expect(state.querySelector('#state-secondary')).toBeUndefined();
  });
});
