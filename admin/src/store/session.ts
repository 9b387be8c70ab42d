/**
 * The signed-in worker (who, where, what their roles open), shared by the frame and the pages. The session
 * itself lives server-side; this is what GET /console/api/session answered last.
 */
import { reactive } from 'vue';
import type { ConsoleSessionReply } from '../../../core/console/console.replies';
import { currentSession } from '../api/console';
import { ApiError, setCsrfToken } from '../api/http';

export const sessionState = reactive<{ session: ConsoleSessionReply | null; checked: boolean }>({
  session: null,
  checked: false,
});

export function setSession(session: ConsoleSessionReply | null): void {
  sessionState.session = session;
  sessionState.checked = true;
  setCsrfToken(session?.csrfToken ?? '');
}

/** The session, asked for once per page load (and again after it ended); null when signed out. */
export async function loadSession(): Promise<ConsoleSessionReply | null> {
  if (sessionState.checked) return sessionState.session;
  try {
    setSession(await currentSession());
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    setSession(null);
  }
  return sessionState.session;
}
