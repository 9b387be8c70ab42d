/**
 * A form sent from the page itself (not a dialog: 录入纸质申请, a reviewer's input, an evaluation's outcome):
 * its fields, one clientRequestId per filled-in form (a retried click is the same request, a new one after
 * it succeeded), a busy flag for the submit button and the error text shown under the form.
 *
 *   const review = usePageForm({ score: 80, comment: '' }, 'input');
 *   // submit: review.submit(
 *   //           () => inputEvaluation(id, { comment: review.comment.trim(), clientRequestId: review.requestId }),
 *   //           async (r) => { void MessagePlugin.success(`已提交（${r.reviewCount} 份）`); await load(); },
 *   //         );
 *   // template: <p v-if="review.error" class="danger-text">{{ review.error }}</p>
 *   //           <t-button :loading="review.busy" @click="sendReview">提交</t-button>
 */
import { reactive } from 'vue';
import { requestId } from '../api/console';
import { failureText } from './useFormDialog';

export interface PageFormState {
  busy: boolean;
  error: string;
  /** The clientRequestId of the form as filled in now. */
  requestId: string;
}

export type PageForm<F extends object> = PageFormState &
  F & {
    /**
     * Sends the form once at a time: on success a fresh request id, then `done` (its message, its reset, the
     * screen's reload); on failure the error text (the server's own message, or `failure`).
     */
    submit<R>(
      action: () => Promise<R>,
      done: (result: R) => Promise<void> | void,
      failure?: string,
    ): Promise<void>;
  };

export function usePageForm<F extends object>(fields: F, requestPrefix: string): PageForm<F> {
  const state = reactive({
    ...fields,
    busy: false,
    error: '',
    requestId: requestId(requestPrefix),
  }) as PageFormState & F;

  async function submit<R>(
    action: () => Promise<R>,
    done: (result: R) => Promise<void> | void,
    failure?: string,
  ): Promise<void> {
    if (state.busy) return;
    state.busy = true;
    state.error = '';
    try {
      const result = await action();
      state.requestId = requestId(requestPrefix);
      await done(result);
    } catch (e) {
      state.error = failureText(e, failure);
    } finally {
      state.busy = false;
    }
  }

  return Object.assign(state, { submit }) as PageForm<F>;
}
