/**
 * A screen's loading state: `run` shows the spinner while its task runs and turns a failure into the error
 * text the screen shows (the server's own message, or a generic one); the last error clears on the next run.
 *
 *   const { loading, error, run } = useLoading();
 *   const load = () => run(async () => { reply.value = await dutyRoster(); });
 */
import { ref } from 'vue';
import { failureText } from './useFormDialog';

export function useLoading(initiallyLoading = false) {
  const loading = ref(initiallyLoading);
  const error = ref('');

  async function run(task: () => Promise<void>): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      await task();
    } catch (e) {
      error.value = failureText(e, '加载失败，请稍后重试');
    } finally {
      loading.value = false;
    }
  }

  return { loading, error, run };
}
