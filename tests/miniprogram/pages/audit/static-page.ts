/**
 * A page rendered by miniprogram-simulate, as a static HTML file Chromium can lay out with the real styles
 * (docs/testing.md, "Measuring a rendered page in a real browser"): the page's DOM, the styles simulate
 * compiled for it and its components, and app.wxss (plus the page's own wxss) compiled for every component
 * that takes page styles, as WeChat applies them. rpx become px at a 750 px-wide viewport (1 px = 1 rpx).
 *
 * The DOM is annotated first with what WeChat keeps and simulate drops: the `id`s (for `#id` rules), the
 * class a page puts on a TDesign component (a virtual host: WeChat hands its class to the component's root;
 * its id, kept as `data-host-id`, only names the element in reports), the `aria-*` attributes and a
 * field's placeholder, and a `data-audit-tap` mark on every element the user can tap
 * (a handler of the page or of our components, or a TDesign control: button, checkbox, radio, a cell the page
 * listens to, a field).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedPage } from '../support/page-harness';
import { MINIPROGRAM_ROOT } from '../support/page-harness';

// miniprogram-simulate's own WXSS compiler (class prefixes as its renderer writes them); untyped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wxss = require('miniprogram-simulate/src/wxss') as {
  compile(css: string, options: { prefix: string }): string;
};

/** Our components with WeChat's default style isolation: app.wxss does not reach inside them. */
const ISOLATED_COMPONENTS = new Set(['privacy-popup']);

/** TDesign components the user taps by nature; others count only when the page listens to them. */
const TDESIGN_CONTROLS = new Set(['t-button', 't-checkbox', 't-radio', 't-switch', 't-rate']);

const TAP_EVENTS = ['tap', 'longpress', 'touchstart'];

/** WeChat's own styles for its tags, at 750 px wide (WeChat's px are 375-wide: doubled here). */
const BASE_CSS = `
html, body { margin: 0; padding: 0; }
body { width: 750px; font-family: "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 32px; }
wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-navigator, wx-cover-view, wx-radio-group,
wx-checkbox-group, wx-block { display: block; }
wx-text, wx-label { display: inline; }
wx-image { display: inline-block; overflow: hidden; }
wx-button { position: relative; display: block; margin-left: auto; margin-right: auto; padding-left: 28px;
  padding-right: 28px; box-sizing: border-box; font-size: 36px; text-align: center; line-height: 2.55555556;
  border-radius: 10px; overflow: hidden; color: #000; background-color: #f8f8f8; border: 0; }
wx-input { display: block; height: 1.4rem; min-height: 1.4rem; overflow: hidden; white-space: nowrap; }
wx-textarea { display: block; position: relative; width: 600px; min-height: 1.5em; }
`;

interface ExparserNode {
  is?: string;
  id?: string;
  class?: string;
  $$?: Element;
  parentNode?: ExparserNode | null;
  ownerShadowRoot?: ExparserNode | null;
  __wxHost?: ExparserNode;
  __virtual?: boolean;
  __wxEvents?: Record<string, unknown>;
  __componentOptions?: { classPrefix?: string };
  _vt?: { attrs?: Array<{ name: string; value: unknown }> };
}

function nodeOf(el: Element): ExparserNode | undefined {
  return (el as unknown as { __wxElement?: ExparserNode }).__wxElement;
}

function isShadowRoot(node: ExparserNode | null | undefined): boolean {
  return node !== null && node !== undefined && node.is === 'shadow' && node.__wxHost !== undefined;
}

/** The component whose template holds `node` (its shadow root's host). */
function ownerOf(node: ExparserNode): ExparserNode | undefined {
  return node.ownerShadowRoot?.__wxHost;
}

function prefixOf(node: ExparserNode | undefined): string {
  return node?.__componentOptions?.classPrefix ?? '';
}

function hasListener(node: ExparserNode | undefined, names: readonly string[]): boolean {
  const events = node?.__wxEvents ?? {};
  return names.some((name) => events[name] !== undefined);
}

/** A virtual-host component whose template `node` is a top element of (no DOM element in between). */
function virtualHostAbove(node: ExparserNode): ExparserNode | undefined {
  let up = node.parentNode;
  while (up && !up.$$) {
    if (isShadowRoot(up)) {
      const host = up.__wxHost;
      return host && host.__virtual === true ? host : undefined;
    }
    up = up.parentNode;
  }
  return undefined;
}

function classOf(node: ExparserNode): string {
  try {
    return node.class ?? '';
  } catch {
    return '';
  }
}

/** The `aria-*` attributes, and a field's placeholder (what a screen reader says for an empty field). */
function copyAria(el: Element, node: ExparserNode): void {
  for (const { name, value } of node._vt?.attrs ?? []) {
    if (value === '' || value === undefined || value === null || value === false) continue;
    if (name === 'placeholder') el.setAttribute('placeholder', String(value));
    if (!/^aria/i.test(name)) continue;
    const attribute = name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    el.setAttribute(attribute.toLowerCase(), String(value));
  }
}

function isTapTarget(el: Element, node: ExparserNode): boolean {
  if (el.tagName === 'WX-INPUT' || el.tagName === 'WX-TEXTAREA') return true;
  if (!hasListener(node, TAP_EVENTS)) return false;
  const owner = ownerOf(node);
  const tag = prefixOf(owner);
  if (!tag.startsWith('t-')) return true;
  return TDESIGN_CONTROLS.has(tag) || hasListener(owner, ['click', 'tap', 'change']);
}

/** Write onto the DOM what WeChat would have there (see the file comment). */
function annotate(root: Element): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const node = nodeOf(el);
    if (node === undefined) continue;
    if (node.id && !el.id) el.id = node.id;
    copyAria(el, node);
    const host = virtualHostAbove(node);
    if (host !== undefined) {
      const hostClass = classOf(host).trim();
      if (hostClass !== '') el.classList.add(...hostClass.split(/\s+/));
      // WeChat renders no virtual host, so its id is no selector's: kept only to name the element.
      if (host.id && !el.hasAttribute('data-host-id')) el.setAttribute('data-host-id', host.id);
      if (host._vt) copyAria(el, host);
    }
    if (isTapTarget(el, node)) el.setAttribute('data-audit-tap', '');
  }
}

/** The class prefixes on the page: `main` (the page) and one per component tag. */
function prefixesIn(root: Element): Set<string> {
  const prefixes = new Set<string>();
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of Array.from(el.classList)) {
      const match = /^(.+?)--/.exec(name);
      if (match) prefixes.add(match[1]!);
    }
  }
  return prefixes;
}

function readWxss(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** rpx to px (1:1 at 750 px wide), `page` to `body`. */
function toBrowserCss(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx/g, '$1px').replace(/(^|[{};,\s])page(?=[\s{,:.[#>+~])/g, '$1body');
}

/** The HTML of `page` (rendered from `pagePath`, loaded as `pageId`), ready for Chromium. */
export function staticPageHtml(page: RenderedPage, pageId: string, pagePath: string, title: string): string {
  const root = page.dom as unknown as Element;
  annotate(root);
  const appWxss = readWxss(join(MINIPROGRAM_ROOT, 'app.wxss'));
  const pageWxss = readWxss(join(MINIPROGRAM_ROOT, `${pagePath}.wxss`));
  const shared = [...prefixesIn(root)].filter((p) => !ISOLATED_COMPONENTS.has(p));
  // WeChat's order: app.wxss first, then the page's and the components' own styles (which win a tie).
  const styles = [
    BASE_CSS,
    ...shared.map((prefix) => wxss.compile(appWxss, { prefix })),
    ...shared.filter((p) => p !== 'main').map((prefix) => wxss.compile(pageWxss, { prefix })),
    document.querySelector(`style#${pageId}`)?.innerHTML ?? '',
  ];
  const body = root.outerHTML.replace(/(-?\d*\.?\d+)rpx/g, '$1px');
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${title}</title>`,
    `<style>${toBrowserCss(styles.join('\n'))}</style>`,
    `</head><body>${body}</body></html>`,
  ].join('');
}
