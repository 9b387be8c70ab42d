/**
 * The page tests' only stand-in: the client API module (miniprogram/services/cloud-api), replaced with
 * `jest.mock(..., () => require('./support/fake-cloud').cloudApiModule)`. The pages and their real
 * services run; `callFunction` records what they sent (`{ command, input }` per docs/functions.md) and
 * answers with the reply the test scripted, typed with the core's reply type of that command (what the
 * function answers). Nothing behind it (functions, database) is imitated.
 */
import type {
  AccountDeletedReply,
  AnnouncementDetail,
  AnnouncementListResult,
  CatalogListReply,
  CreateOrderResult,
  MarkDoneResult,
  MatchProvidersResult,
  MessageListReply,
  MessageReadReply,
  OrderDetailResult,
  OrderEndedResult,
  OrderListResult,
  OrderStepResult,
  OrgChildrenReply,
  PrivacyRequestListReply,
  PrivacyRequestView,
  ProfileExportReply,
  ProfileGetReply,
  RateOrderResult,
  RecordFollowUpResult,
  StaffBindReply,
  StaffInviteReply,
} from 'weimin-core';
import type * as CloudApi from '../../../../miniprogram/services/cloud-api';
import { appConfig } from '../../../../miniprogram/config';

type FunctionReply<T> = CloudApi.FunctionReply<T>;

/** What each function's command answers (docs/functions.md): the core's reply types. */
export interface Replies {
  catalog: { 'catalog.list': CatalogListReply; 'org.children': OrgChildrenReply };
  profile: {
    'profile.get': ProfileGetReply;
    'profile.bind': ProfileGetReply;
    'profile.phone.set': ProfileGetReply;
    'profile.phone.withdraw': ProfileGetReply;
    'profile.export': ProfileExportReply;
    'profile.delete': AccountDeletedReply;
    'privacy.request.submit': PrivacyRequestView;
    'privacy.request.list': PrivacyRequestListReply;
    'message.list': MessageListReply;
    'message.read': MessageReadReply;
  };
  orders: {
    'match.request': MatchProvidersResult;
    'order.create': CreateOrderResult;
    'order.cancel': OrderStepResult;
    'order.list': OrderListResult;
    'order.detail': OrderDetailResult;
    'order.rate': RateOrderResult;
  };
  jobs: {
    'order.list': OrderListResult;
    'order.detail': OrderDetailResult;
    'order.accept': OrderStepResult;
    'order.decline': OrderEndedResult;
    'order.done': MarkDoneResult;
    'order.follow_up': RecordFollowUpResult;
    'provider.staff.bind': StaffBindReply;
  };
  'provider-admin': { 'provider.staff.invite': StaffInviteReply };
  announcements: { 'announcement.list': AnnouncementListResult; 'announcement.detail': AnnouncementDetail };
}
type Fn = keyof Replies;
type CommandOf<F extends Fn> = keyof Replies[F] & string;

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

/** The notices 首页 shows when a test says nothing of them. */
const NO_NOTICES: AnnouncementListResult = { items: [], total: 0, page: 1, pageSize: 3, hasMore: false };

export const fakeCloud = {
  calls,
  subscribeRequests,
  /** Answer `name` / `command` with `code: 'OK'` and this reply (or a function of the input). */
  ok<F extends Fn, C extends CommandOf<F>, I = Record<string, unknown>>(
    name: F,
    command: C,
    data: Replies[F][C] | ((input: I) => Replies[F][C]),
  ): void {
    answers.set(
      key(name, command),
      typeof data === 'function'
        ? (input) => ({ code: 'OK', message: '成功', data: (data as (i: unknown) => unknown)(input) })
        : { code: 'OK', message: '成功', data },
    );
  },
  /** Answer with a stable error code and its Chinese message. */
  fail<F extends Fn>(name: F, command: CommandOf<F>, code: string, message: string): void {
    answers.set(key(name, command), { code, message, data: { details: {} } });
  },
  /** The next call of `command` never comes back (the network failed): the page cannot know if it ran. */
  dropOnce<F extends Fn>(name: F, command: CommandOf<F>): void {
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
    // 首页 reads its community's notices whenever it loads: none, unless a test scripts them.
    fakeCloud.ok('announcements', 'announcement.list', NO_NOTICES);
  },
};

// Before any test's reset, too.
fakeCloud.ok('announcements', 'announcement.list', NO_NOTICES);

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
  // Cloud storage as in production (wx.cloud.*, which a page test stands in for: concern-support.ts).
  uploadFile: (file) => actual.uploadFile(file, { ...appConfig, mode: 'cloud' }),
  getTempFileURL: (fileIds) => actual.getTempFileURL(fileIds, { ...appConfig, mode: 'cloud' }),
};
