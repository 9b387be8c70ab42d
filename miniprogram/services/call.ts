/**
 * How every service reaches a platform function: `{ command, input }` in, `{ code, message, data }` out
 * (docs/functions.md). Reads are `query`; writes are `write`, which adds the `clientRequestId` of their
 * intent. Failures come out as ServiceError with a Chinese message.
 */
import { callFunction } from './cloud-api';
import { RequestIdBook } from './request-id';
import { ServiceError, toServiceError, userMessage } from './service-error';

export type FunctionName =
  | 'profile'
  | 'catalog'
  | 'orders'
  | 'jobs'
  | 'provider-admin'
  | 'concerns'
  | 'providers'
  | 'volunteers'
  | 'party'
  | 'announcements';

const requestIds = new RequestIdBook();

async function send<T>(fn: FunctionName, command: string, input: object): Promise<T> {
  let reply;
  try {
    reply = await callFunction<T>(fn, { command, input });
  } catch (e) {
    throw toServiceError(e);
  }
  if (reply === null || typeof reply !== 'object' || typeof reply.code !== 'string') {
    throw new ServiceError('INTERNAL', userMessage('INTERNAL'));
  }
  if (reply.code !== 'OK') {
    const details = (reply.data as { details?: Record<string, unknown> } | undefined)?.details;
    throw new ServiceError(reply.code, userMessage(reply.code, reply.message), false, details);
  }
  return reply.data as T;
}

export function query<T>(fn: FunctionName, command: string, input: object = {}): Promise<T> {
  return send<T>(fn, command, input);
}

/**
 * A writing command for one intent (e.g. `order.accept:<orderId>`): while the outcome of an earlier
 * attempt is unknown its request id is reused, so a retry never books twice.
 */
export async function write<T>(fn: FunctionName, command: string, intent: string, input: object): Promise<T> {
  const clientRequestId = requestIds.idFor(intent);
  try {
    const data = await send<T>(fn, command, { ...input, clientRequestId });
    requestIds.settle(intent);
    return data;
  } catch (e) {
    const error = toServiceError(e);
    if (!error.transport) requestIds.settle(intent);
    throw error;
  }
}
