/**
 * notice-bar on its real WXML: a notice that stays, its kind said in a mark and a word (not by colour
 * alone), read out as an alert, closed only by 知道了.
 */
import { noticeView } from '../../../../miniprogram/utils/notice';
import {
  ariaOf,
  find,
  loadPage,
  openComponent,
  tap,
  textOf,
  type HostEvent,
  type RenderedPage,
} from '../support/page-harness';

describe('notice-bar', () => {
  let componentId: string;
  let events: HostEvent[];

  async function open(): Promise<RenderedPage> {
    const opened = await openComponent(componentId, ['close']);
    events = opened.events;
    return opened.component;
  }

  beforeAll(() => {
    componentId = loadPage('components/notice-bar/notice-bar');
  });

  it('should render nothing without a notice', async () => {
    const bar = await open();
    expect(bar.querySelector('#notice')).toBeUndefined();
    expect(textOf(bar)).toBe('');
  });

  it('should say the kind in a mark and a word, and be read out as an alert', async () => {
    const bar = await open();
    bar.setData({ notice: noticeView({ text: '系统繁忙，请稍后重试', kind: 'error' }) });
    await new Promise((resolve) => setTimeout(resolve, 0));

    const notice = find(bar, '#notice');
    expect(textOf(notice)).toBe('✕ 没有成功：系统繁忙，请稍后重试 知道了');
    expect(ariaOf(notice, 'ariaRole')).toBe('alert');
    expect(ariaOf(notice, 'ariaLabel')).toBe('没有成功：系统繁忙，请稍后重试');
    expect(ariaOf(find(bar, '#notice-close'), 'ariaRole')).toBe('button');
  });

  it('should stay until 知道了 is tapped, then tell its host', async () => {
    const bar = await open();
    bar.setData({ notice: noticeView({ text: '已保存称呼', kind: 'success' }) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(textOf(find(bar, '#notice'))).toContain('✓ 已完成：已保存称呼');

    await tap(bar, '#notice-close');
    expect(events).toEqual([{ name: 'close', detail: {} }]);
  });
});
