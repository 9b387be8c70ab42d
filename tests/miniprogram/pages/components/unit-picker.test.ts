/**
 * unit-picker on its real WXML: the org tree a level at a time from org.children, the community itself
 * offered under a community, what it tells its host (choose, close), and a level that cannot be read said
 * in place with a retry.
 */
import type { OrgChildrenReply } from 'weimin-core';
import { fakeCloud } from '../support/fake-cloud';
import {
  find,
  loadPage,
  openComponent,
  tapButton,
  tapCell,
  textOf,
  type HostEvent,
  type RenderedPage,
} from '../support/page-harness';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

/** 玉州区 > 玉城街道 > 东门社区 > 金湖小区. */
function tree(input: { parentId?: string }): OrgChildrenReply {
  switch (input.parentId) {
    case undefined:
      return {
        units: [
          { _id: 'yuzhou', name: '玉州区', level: 'county' },
          { _id: 'fumian', name: '福绵区', level: 'county' },
        ],
      };
    case 'yuzhou':
      return { units: [{ _id: 'yucheng', name: '玉城街道', level: 'street' }] };
    case 'yucheng':
      return { units: [{ _id: 'dongmen', name: '东门社区', level: 'community' }] };
    default:
      return { units: [{ _id: 'jinhu', name: '金湖小区', level: 'grid' }] };
  }
}

describe('unit-picker', () => {
  let componentId: string;
  let events: HostEvent[];

  /** Open it as a host's `wx:if` does; `events` are what it tells its host. */
  async function open(): Promise<RenderedPage> {
    const opened = await openComponent(componentId, ['choose', 'close']);
    events = opened.events;
    return opened.component;
  }

  beforeAll(() => {
    componentId = loadPage('components/unit-picker/unit-picker');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('catalog', 'org.children', tree);
  });

  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should open on the city’s counties', async () => {
    const picker = await open();

    expect(fakeCloud.sent('org.children').map((c) => c.input)).toEqual([{}]);
    expect(textOf(find(picker, '#picker'))).toContain('选择您所在的小区');
    expect(textOf(find(picker, '#picker'))).toContain('玉林市');
    expect(textOf(find(picker, '#unit-yuzhou'))).toContain('玉州区');
    expect(textOf(find(picker, '#unit-fumian'))).toContain('福绵区');
  });

  it('should go down a level on each tap, saying where it is, and offer the community itself under it', async () => {
    const picker = await open();
    await tapCell(picker, '#unit-yuzhou');
    await tapCell(picker, '#unit-yucheng');
    await tapCell(picker, '#unit-dongmen');

    expect(fakeCloud.sent('org.children').map((c) => c.input)).toEqual([
      {},
      { parentId: 'yuzhou' },
      { parentId: 'yucheng' },
      { parentId: 'dongmen' },
    ]);
    expect(textOf(find(picker, '#picker'))).toContain('玉州区 / 玉城街道 / 东门社区');
    expect(textOf(find(picker, '#unit-dongmen'))).toContain('东门社区（不指定小区）');
    expect(textOf(find(picker, '#unit-jinhu'))).toContain('金湖小区');
    expect(events).toEqual([]);
  });

  it('should tell its host the estate chosen', async () => {
    const picker = await open();
    for (const id of ['#unit-yuzhou', '#unit-yucheng', '#unit-dongmen']) await tapCell(picker, id);

    await tapCell(picker, '#unit-jinhu');

    expect(events).toEqual([{ name: 'choose', detail: { unitId: 'jinhu', name: '金湖小区' } }]);
  });

  it('should tell its host the whole community when the resident’s estate is not listed', async () => {
    const picker = await open();
    for (const id of ['#unit-yuzhou', '#unit-yucheng', '#unit-dongmen']) await tapCell(picker, id);

    await tapCell(picker, '#unit-dongmen');

    expect(events).toEqual([
      { name: 'choose', detail: { unitId: 'dongmen', name: '东门社区（不指定小区）' } },
    ]);
    expect(fakeCloud.sent('org.children')).toHaveLength(4);
  });

  it('should tell its host when the resident cancels', async () => {
    const picker = await open();
    await tapButton(picker, '#picker-close');
    expect(events).toEqual([{ name: 'close', detail: {} }]);
  });

  it('should say while it reads a level', async () => {
    const picker = await open();
    (picker.instance as unknown as { showUnits(u: unknown): Promise<void> }).showUnits(undefined);
    expect(textOf(find(picker, '#picker-loading'))).toBe('正在读取…');
  });

  it('should say in place why a level cannot be read, and read it again on 重新读取', async () => {
    fakeCloud.ok('catalog', 'org.children', tree);
    const picker = await open();
    fakeCloud.fail('catalog', 'org.children', 'ORG_UNIT_NOT_FOUND', '所选区域不存在，请重新选择');
    await tapCell(picker, '#unit-yuzhou');

    expect(textOf(find(picker, '#picker-error'))).toContain('所选区域不存在，请重新选择');
    expect(events).toEqual([]);

    fakeCloud.ok('catalog', 'org.children', tree);
    await tapButton(picker, '#picker-retry');
    expect(picker.querySelector('#picker-error')).toBeUndefined();
    expect(textOf(find(picker, '#picker'))).toContain('玉州区');
    expect(textOf(find(picker, '#unit-yucheng'))).toContain('玉城街道');
  });
});
