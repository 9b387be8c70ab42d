/**
 * What a page shows instead of its content: `loading` (a spinner and what is being read), `error` (what went
 * wrong and the way out: `action`, usually 重新加载) or `empty` (why there is nothing and the way onward).
 * Each state says itself in words, and each way out is a full-size button. Renders nothing for `state: ''`.
 *
 * Events: `action` (the main button), `secondary` (the second one).
 */
export type PageState = '' | 'loading' | 'error' | 'empty';

Component({
  options: { virtualHost: true, styleIsolation: 'apply-shared' },
  properties: {
    state: { type: String, value: '' },
    /** The state's heading; '' for the usual words (没有加载成功 / 这里还没有内容). */
    title: { type: String, value: '' },
    /** What is being read, what went wrong, or why the list is empty. */
    text: { type: String, value: '' },
    /** The main button's words ('' for none). */
    action: { type: String, value: '' },
    /** A second way onward ('' for none). */
    secondary: { type: String, value: '' },
  },
  methods: {
    onAction() {
      this.triggerEvent('action', {});
    },
    onSecondary() {
      this.triggerEvent('secondary', {});
    },
  },
});
