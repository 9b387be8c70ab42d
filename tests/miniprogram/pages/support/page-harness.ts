/**
 * Rendering a page of the mini-program from its real WXML with miniprogram-simulate (docs/testing.md):
 * TDesign from miniprogram/miniprogram_npm, the official WXML compiler, the page's TypeScript through jest.
 * A page is loaded once per test file (its module registers its Component on first require) and rendered
 * afresh in every test.
 */
import { join } from 'node:path';
import * as simulate from 'miniprogram-simulate';

export const MINIPROGRAM_ROOT = join(__dirname, '..', '..', '..', '..', 'miniprogram');

export type RenderedPage = ReturnType<typeof simulate.render>;
type Node = NonNullable<ReturnType<RenderedPage['querySelector']>>;

export function loadPage(pagePath: string): string {
  return simulate.load(join(MINIPROGRAM_ROOT, pagePath), { rootPath: MINIPROGRAM_ROOT });
}

/** Let pending promises, service calls and simulated async wx APIs finish. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await simulate.sleep(0);
}

/** j-component's page lifetimes (`pageLifetimes.show`...), which miniprogram-simulate's typings leave out. */
function pageLifetimes(page: RenderedPage): { triggerPageLifeTime(name: string): void } {
  return page as unknown as { triggerPageLifeTime(name: string): void };
}

/**
 * Render, attach (lifetimes run), open with `query` and show, as WeChat does when navigating to the page
 * (onLoad, then onShow).
 */
export async function openPage(id: string, query: Record<string, string> = {}): Promise<RenderedPage> {
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  const instance = page.instance as unknown as {
    onLoad?: (q: Record<string, string>) => void;
    onShow?: () => void;
  };
  instance.onLoad?.(query);
  pageLifetimes(page).triggerPageLifeTime('show');
  instance.onShow?.();
  await settle();
  return page;
}

export interface HostEvent {
  name: string;
  detail: unknown;
}

/**
 * Render and attach a component on its own, as a host's `wx:if` does, recording the events it triggers
 * for its host (`name`s), in order.
 */
export async function openComponent(
  id: string,
  names: readonly string[],
): Promise<{ component: RenderedPage; events: HostEvent[] }> {
  const component = simulate.render(id);
  const events: HostEvent[] = [];
  // j-component's root has addEventListener; miniprogram-simulate's typings leave it out.
  const root = component as unknown as {
    addEventListener(name: string, handler: (e: { detail: unknown }) => void): void;
  };
  for (const name of names) root.addEventListener(name, (e) => events.push({ name, detail: e.detail }));
  component.attach(document.createElement('parent-wrapper'));
  await settle();
  return { component, events };
}

export function find(root: RenderedPage | Node, selector: string): Node {
  const node = root.querySelector(selector);
  if (!node) throw new Error(`no element matches ${selector}`);
  return node;
}

interface TreeNode {
  childNodes?: TreeNode[];
  __wxSlotChildren?: TreeNode[];
  textContent?: string;
}

/** Text of the composed tree (TDesign hosts are virtual: they have no DOM element of their own). */
function composedText(node: TreeNode): string {
  const children = node.__wxSlotChildren ?? node.childNodes;
  if (children === undefined) return node.textContent ?? '';
  return children.map(composedText).join('');
}

/** Visible text, whitespace collapsed. */
export function textOf(root: RenderedPage | Node): string {
  const tree = (root as unknown as { _exparserNode: TreeNode })._exparserNode;
  return composedText(tree).replace(/\s+/g, ' ').trim();
}

/** An `aria-*` attribute as the template set it (`ariaLabel`, `ariaRole`...): simulate keeps them off the DOM. */
export function ariaOf(node: RenderedPage | Node, name: string): unknown {
  type Attrs = { _vt?: { attrs?: Array<{ name: string; value: unknown }> } };
  const element = (node as unknown as { _exparserNode?: Attrs })._exparserNode;
  return element?._vt?.attrs?.find((a) => a.name === name)?.value;
}

/** Tap a TDesign checkbox the way a finger does: on its label part (docs/testing.md). */
export async function tapCheckbox(root: RenderedPage | Node, selector: string): Promise<void> {
  find(find(root, selector), '.t-checkbox__content').dispatchEvent('tap');
  await settle();
}

/** Tap a TDesign button (its inner native button). */
export async function tapButton(root: RenderedPage | Node, selector: string): Promise<void> {
  find(find(root, selector), '.t-button').dispatchEvent('tap');
  await settle();
}

/** Tap a TDesign cell (its inner view emits the cell's `click`). */
export async function tapCell(root: RenderedPage | Node, selector: string): Promise<void> {
  find(find(root, selector), '.t-cell').dispatchEvent('tap');
  await settle();
}

/** Tap a plain view. */
export async function tap(root: RenderedPage | Node, selector: string): Promise<void> {
  find(root, selector).dispatchEvent('tap');
  await settle();
}

/** What a TDesign form component (textarea, input, rate, radio-group...) emits when the user changes it. */
export async function change(root: RenderedPage | Node, selector: string, detail: object): Promise<void> {
  const node = find(root, selector);
  (node.instance as unknown as { triggerEvent(name: string, detail: object): void }).triggerEvent(
    'change',
    detail,
  );
  await settle();
}

/** The text of the page's notice (notice-bar, utils/notice.ts), '' when none is shown. */
export function noticeText(page: RenderedPage): string {
  return (page.data['notice'] as { text?: string } | null | undefined)?.text ?? '';
}

/** The kind of the page's notice ('success', 'error', 'warning', 'info'), '' when none is shown. */
export function noticeKind(page: RenderedPage): string {
  return (page.data['notice'] as { kind?: string } | null | undefined)?.kind ?? '';
}

/** The page shows again (back from another page, or its tab chosen), as WeChat tells a page built with `Component`. */
export async function showAgain(page: RenderedPage): Promise<void> {
  pageLifetimes(page).triggerPageLifeTime('show');
  (page.instance as unknown as { onShow?: () => void }).onShow?.();
  await settle();
}

/** The root view's classes (`page`, and `elder` in 长辈模式), without the simulator's `main--` prefix. */
export function rootClasses(page: RenderedPage): string[] {
  const root = find(page, '.page').dom;
  if (!root) throw new Error('the page root is not a view');
  return root.className
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.replace(/^main--/, ''));
}

/**
 * A device storage for the test (miniprogram-simulate's wx has none that keeps values): `wx.getStorageSync`,
 * `setStorageSync` and `removeStorageSync` on one Map, cleared by the caller between tests.
 */
export function fakeStorage(): Map<string, unknown> {
  const storage = new Map<string, unknown>();
  jest.spyOn(wx, 'getStorageSync').mockImplementation((k: string) => storage.get(k) ?? '');
  jest.spyOn(wx, 'setStorageSync').mockImplementation((k: string, v: unknown) => void storage.set(k, v));
  jest.spyOn(wx, 'removeStorageSync').mockImplementation((k: string) => void storage.delete(k));
  return storage;
}
