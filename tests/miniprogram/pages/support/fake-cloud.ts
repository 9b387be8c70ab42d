/**
 * The page tests' only stand-in: the client API module (miniprogram/services/cloud-api), replaced with
 * `jest.mock(..., () => require('./support/fake-cloud').cloudApiModule)`. The pages and their real
 * services run; `callFunction` records what they sent (`{ command, input }` per docs/functions.md) and
 * answers with the reply the test scripted. Nothing behind it (functions, database) is imitated.
 */
import type * as CloudApi from '../../../../miniprogram/services/cloud-api';

type FunctionReply<T> = CloudApi.FunctionReply<T>;

export interface SentCall {
  name: string;
  command: string;
  input: Record<string, unknown>;
}

type Answer = FunctionReply<unknown> | ((input: Record<string, unknown>) => FunctionReply<unknown>);

const calls: SentCall[] = [];
const answers = new Map<string, Answer>();
const unexpected: string[] = [];
const subscribeRequests: string[][] = [];
const dropped = new Set<string>();
let subscribeAnswer: Record<string, string> = {};

const key = (name: string, command: string): string => `${name}/${command}`;

export const fakeCloud = {
  calls,
  subscribeRequests,
  /** Answer `name` / `command` with `code: 'OK'` and this data (or a function of the input). */
  ok(name: string, command: string, data: unknown | ((input: Record<string, unknown>) => unknown)): void {
    answers.set(
      key(name, command),
      typeof data === 'function'
        ? (input) => ({
            code: 'OK',
            message: '成功',
            data: (data as (i: Record<string, unknown>) => unknown)(input),
          })
        : { code: 'OK', message: '成功', data },
    );
  },
  /** Answer with a stable error code and its Chinese message. */
  fail(name: string, command: string, code: string, message: string): void {
    answers.set(key(name, command), { code, message, data: { details: {} } });
  },
  /** The next call of `command` never comes back (the network failed): the page cannot know if it ran. */
  dropOnce(name: string, command: string): void {
    dropped.add(key(name, command));
  },
  answerSubscribe(answer: Record<string, string>): void {
    subscribeAnswer = answer;
  },
  /** What was sent with `command`, in order. */
  sent(command: string): SentCall[] {
    return calls.filter((c) => c.command === command);
  },
  unexpected,
  reset(): void {
    calls.length = 0;
    answers.clear();
    unexpected.length = 0;
    subscribeRequests.length = 0;
    subscribeAnswer = {};
    dropped.clear();
  },
};

const actual = jest.requireActual<typeof CloudApi>('../../../../miniprogram/services/cloud-api');

/** Stands in for miniprogram/services/cloud-api in `jest.mock`. */
export const cloudApiModule: typeof CloudApi = {
  ...actual,
  async callFunction<T>(name: string, event: object = {}): Promise<CloudApi.FunctionReply<T>> {
    const data = event as { command: string; input: Record<string, unknown> };
    calls.push({ name, command: data.command, input: data.input });
    if (dropped.delete(key(name, data.command))) {
      throw new actual.CallError('NETWORK_ERROR', '无法连接本地云:request:fail timeout');
    }
    const answer = answers.get(key(name, data.command));
    if (answer === undefined) {
      unexpected.push(key(name, data.command));
      return { code: 'INTERNAL', message: `测试未准备 ${key(name, data.command)} 的应答` };
    }
    return (typeof answer === 'function' ? answer(data.input) : answer) as CloudApi.FunctionReply<T>;
  },
  async requestSubscribe(templateIds: string[]) {
    subscribeRequests.push(templateIds);
    return { errMsg: 'requestSubscribeMessage:ok', ...subscribeAnswer };
  },
};
