/* global document, getComputedStyle, NodeFilter */
/**
 * Runs in Chromium on a page written by static-page.ts (evaluated as one expression): collects what the
 * audit judges, and judges nothing itself (criteria.ts does, in Node). For every visible text: its size,
 * line height, colour, the backgrounds behind it up to the page, and the first box it does not fit in; for
 * every tap target (outermost `data-audit-tap`): its box, role and name.
 */
(() => {
  const viewportWidth = document.documentElement.clientWidth;

  /** '#id .class' for a report: the nearest id, and the element's own first class without its prefix. */
  function describe(el) {
    const named = el.closest('[id], [data-host-id]');
    const name = named ? `#${named.id || named.getAttribute('data-host-id')}` : '';
    const cls =
      el.classList.length > 0 ? `.${el.classList[0].replace(/^.+?--/, '')}` : el.tagName.toLowerCase();
    return named === el ? name : `${name} ${cls}`.trim();
  }

  function hiddenByStyle(el) {
    for (let a = el; a && a.nodeType === 1; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return true;
      if ((cs.clipPath && cs.clipPath !== 'none') || (cs.clip && cs.clip !== 'auto')) return true;
    }
    return false;
  }

  function opacityOf(el) {
    let opacity = 1;
    for (let a = el; a && a.nodeType === 1; a = a.parentElement)
      opacity *= Number(getComputedStyle(a).opacity);
    return opacity;
  }

  /** The backgrounds from the element up, nearest first, up to the first opaque one. */
  function backgroundsOf(el) {
    const layers = [];
    for (let a = el; a && a.nodeType === 1; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const layer = { color: cs.backgroundColor, image: cs.backgroundImage };
      if (layer.color !== 'rgba(0, 0, 0, 0)' || layer.image !== 'none') layers.push(layer);
      if (/^rgb\(/.test(layer.color) && layer.image === 'none') break;
    }
    return layers;
  }

  function union(rects) {
    return rects.reduce(
      (u, r) => ({
        left: Math.min(u.left, r.left),
        top: Math.min(u.top, r.top),
        right: Math.max(u.right, r.right),
        bottom: Math.max(u.bottom, r.bottom),
      }),
      { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity },
    );
  }

  /** The first box the text does not fit in: an ancestor's border box, or the page's width. */
  function overflowOf(el, box) {
    if (box.left < -1 || box.right > viewportWidth + 1) {
      return { where: 'page', by: Math.round(Math.max(-box.left, box.right - viewportWidth)) };
    }
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.display === 'inline' || cs.display === 'contents') continue;
      const r = a.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const by = Math.max(r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom);
      if (by > 1) return { where: describe(a), by: Math.round(by) };
    }
    return null;
  }

  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\s+/g, ' ').trim();
    const el = node.parentElement;
    if (text === '' || !el || el.tagName === 'STYLE' || hiddenByStyle(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue;
    const cs = getComputedStyle(el);
    const lineHeight = cs.lineHeight === 'normal' ? null : parseFloat(cs.lineHeight);
    // A glyph box taller than its line (line height under the font's own) is not an overflow of the text.
    const slack = lineHeight === null ? 0 : Math.max(0, (rects[0].height - lineHeight) / 2);
    const glyphs = union(rects);
    const box = { ...glyphs, top: glyphs.top + slack, bottom: glyphs.bottom - slack };
    texts.push({
      where: describe(el),
      text: text.slice(0, 16),
      fontSize: parseFloat(cs.fontSize),
      fontWeight: Number(cs.fontWeight) || 400,
      lineHeight,
      color: cs.color,
      opacity: opacityOf(el),
      backgrounds: backgroundsOf(el),
      overflow: overflowOf(el, box),
    });
  }

  const targets = [];
  for (const el of Array.from(document.querySelectorAll('[data-audit-tap]'))) {
    if (el.parentElement && el.parentElement.closest('[data-audit-tap]')) continue;
    if (hiddenByStyle(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const implicit =
      el.tagName === 'WX-BUTTON' ? 'button' : /^WX-(INPUT|TEXTAREA)$/.test(el.tagName) ? 'textbox' : '';
    targets.push({
      where: describe(el),
      width: Math.round(r.width * 10) / 10,
      height: Math.round(r.height * 10) / 10,
      role: el.getAttribute('aria-role') || implicit,
      name: (el.getAttribute('aria-label') || el.innerText || el.getAttribute('placeholder') || '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 24),
    });
  }

  return { texts, targets, height: document.documentElement.scrollHeight };
})();
