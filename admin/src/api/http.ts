/**
 * The console's one way to its backend (admin-api at /console/api and /console/auth, same origin): JSON in
 * and out, the session cookie sent by the browser (HttpOnly: this code never sees it), and the session's CSRF
 * token in `X-CSRF-Token` on every write. Every answer is `{code, message, data}`; anything but OK rejects
 * with an ApiError carrying the code and the Chinese message to show.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';

/** Set from every session reply (sign-in, password change, GET session). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
let onUnauthenticated: Listener = () => undefined;

/** Called when a session has ended (401): the app goes back to the sign-in page. */
export function whenSignedOut(listener: Listener): void {
  onUnauthenticated = listener;
}

interface Envelope<T> {
  code: string;
  message: string;
  data?: T;
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  let envelope: Envelope<T>;
  try {
    envelope = (await response.json()) as Envelope<T>;
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', `服务器返回了无法识别的内容（${response.status}）`);
  }
  if (envelope.code === 'OK') return envelope.data as T;
  const error = new ApiError(response.status, envelope.code, envelope.message, envelope.data);
  if (response.status === 401 && !path.startsWith('/console/auth/login')) onUnauthenticated(error);
  throw error;
}

/** Query string of the filters that are set. */
export function queryOf(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return s === '' ? '' : `?${s}`;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);
