/**
 * A notice that stays (utils/notice.ts): the kind in a mark and a word, the text, and 知道了 to close it. It
 * sticks to the top of the screen while the page scrolls, so a message about a button at the bottom is seen.
 * Nothing closes it but the user or the next notice. Renders nothing while `notice` is null.
 *
 * Events: `close` (知道了 was tapped; the host clears its notice).
 */
import type { NoticeView } from '../../utils/notice';

Component({
  // The bar itself is the page's child, so `position: sticky` holds across the whole page.
  options: { virtualHost: true, styleIsolation: 'apply-shared' },
  properties: {
    notice: { type: Object, value: null as NoticeView | null },
  },
  methods: {
    onClose() {
      this.triggerEvent('close', {});
    },
  },
});
