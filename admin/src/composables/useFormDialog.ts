/**
 * A dialog that sends one change: its fields, a fresh clientRequestId each time it opens (a retried click
 * is the same request), a busy flag on the confirm button and the error text shown in the dialog.
 *
 *   const category = useFormDialog({ categoryId: '', name: '' }, { reload });
 *   // open:    category.open({ categoryId: c.categoryId, name: c.name }, 'category');
 *   // confirm: category.submit(
 *   //            () => saveCategory({ name: category.name, clientRequestId: category.requestId }),
 *   //            (result) => `已保存服务类别：${result.name}`,
 *   //          );
 *   // template: <t-dialog v-model:visible="category.visible" :confirm-btn="{ content: '保存', loading: category.busy }">
 *   //             <p v-if="category.error" class="danger-text">{{ category.error }}</p>
 */
import { MessagePlugin } from 'tdesign-vue-next';
import { reactive } from 'vue';
import { requestId } from '../api/console';
import { ApiError } from '../api/http';

/** The text a failed change shows: the server's own message, or a generic one. */
export const failureText = (e: unknown, fallback = '操作失败，请稍后重试'): string =>
  e instanceof ApiError ? e.message : fallback;

export interface DialogState {
  visible: boolean;
  busy: boolean;
  error: string;
  /** The clientRequestId of this opening ('' when opened without a request id prefix). */
  requestId: string;
}

export interface FormDialogOptions {
  /** Run after a change succeeded (the dialog closed, its message shown): the screen's own reload. */
  readonly reload?: () => Promise<void>;
}

export type FormDialog<F extends object> = DialogState &
  F & {
    /** Shows the dialog with these field values, no error and, given a prefix, a fresh request id. */
    open(values: F, requestPrefix?: string): void;
    /**
     * Sends the change once at a time: on success closes the dialog, shows the success text (when `done`
     * returns one) and reloads; on failure keeps the dialog open with the error text.
     */
    submit<R>(action: () => Promise<R>, done?: (result: R) => string | void): Promise<void>;
  };

export function useFormDialog<F extends object>(fields: F, options: FormDialogOptions = {}): FormDialog<F> {
  const state = reactive({
    visible: false,
    busy: false,
    error: '',
    requestId: '',
    ...fields,
  }) as DialogState & F;

  function open(values: F, requestPrefix?: string): void {
    Object.assign(state, {
      ...values,
      visible: true,
      error: '',
      requestId: requestPrefix === undefined ? '' : requestId(requestPrefix),
    });
  }

  async function submit<R>(action: () => Promise<R>, done?: (result: R) => string | void): Promise<void> {
    if (state.busy) return;
    state.busy = true;
    state.error = '';
    try {
      const result = await action();
      state.visible = false;
      const text = done?.(result);
      if (text) void MessagePlugin.success(text);
      await options.reload?.();
    } catch (e) {
      state.error = failureText(e);
    } finally {
      state.busy = false;
    }
  }

  return Object.assign(state, { open, submit }) as FormDialog<F>;
}

export interface ChangeOptions<R> {
  /** The success message, or how to word it from the result. */
  readonly success: string | ((result: R) => string);
  /** Shown when the change fails without a message of the server's own. */
  readonly failure: string;
  /** Run after the success message: the screen's own reload (and closing what the change came from). */
  readonly reload?: () => Promise<void>;
}

/**
 * Sends a change started from a row or a switch (no form of its own to show an error in): its success and
 * its failure both as a message; never throws.
 */
export async function sendChange<R>(action: () => Promise<R>, options: ChangeOptions<R>): Promise<void> {
  try {
    const result = await action();
    void MessagePlugin.success(
      typeof options.success === 'string' ? options.success : options.success(result),
    );
    await options.reload?.();
  } catch (e) {
    void MessagePlugin.error(failureText(e, options.failure));
  }
}
