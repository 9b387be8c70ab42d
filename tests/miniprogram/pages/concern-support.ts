/**
 * The concerns pages' scripted function and storage: concern replies typed with the core's reply types
 * (weimin-core), the `concerns` function answered through the shared fake cloud (support/fake-cloud.ts, whose
 * `Replies` table does not list `concerns` yet: `concernOk` / `concernFail` type them here), and a stand-in
 * for WeChat's photo picker and cloud storage (`wx.chooseMedia`, `wx.cloud.uploadFile`, `getTempFileURL`)
 * that records every upload, so a test can say nothing was uploaded.
 */
import type {
  ConcernDetail,
  ConcernListResult,
  ConcernSimilarResult,
  ConcernStepResult,
  ConcernSupportResult,
} from 'weimin-core';
import * as simulate from 'miniprogram-simulate';
import { fakeCloud } from './support/fake-cloud';
export * from './concern-replies';

interface ConcernReplies {
  'concern.list': ConcernListResult;
  'concern.detail': ConcernDetail;
  'concern.similar': ConcernSimilarResult;
  'concern.support': ConcernSupportResult;
  'concern.submit': ConcernStepResult;
  'concern.withdraw': ConcernStepResult;
  'concern.claim': ConcernStepResult;
  'concern.release': ConcernStepResult;
  'concern.update': ConcernStepResult;
  'concern.resolve': ConcernStepResult;
  'concern.confirm': ConcernStepResult;
}
type Command = keyof ConcernReplies;

type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
  dropOnce(name: string, command: string): void;
};

/** Answer a `concerns` command with `code: 'OK'` and this reply (or a function of the input). */
export function concernOk<C extends Command>(
  command: C,
  data: ConcernReplies[C] | ((input: Record<string, unknown>) => ConcernReplies[C]),
): void {
  (fakeCloud as unknown as Untyped).ok('concerns', command, data);
}

export function concernFail(command: Command, code: string, message: string): void {
  (fakeCloud as unknown as Untyped).fail('concerns', command, code, message);
}

/** The next call of `command` never comes back (the network failed). */
export function concernDropOnce(command: Command): void {
  (fakeCloud as unknown as Untyped).dropOnce('concerns', command);
}

/**
 * A caller whom the function refuses one list (`view`): that call answers PERMISSION_DENIED, every other
 * goes to the fake cloud as scripted. The services read `callFunction` off the (mocked) module at each call.
 */
export function refuseListView(view: string): void {
  type Api = { callFunction(name: string, event?: object): Promise<unknown> };
  const api = jest.requireMock<Api>('../../../miniprogram/services/cloud-api');
  const scripted = api.callFunction.bind(api);
  jest.spyOn(api, 'callFunction').mockImplementation(async (name, event = {}) => {
    const e = event as { command?: string; input?: { view?: string } };
    if (e.command === 'concern.list' && e.input?.view === view) {
      fakeCloud.calls.push({ name, command: e.command, input: e.input as Record<string, unknown> });
      return { code: 'PERMISSION_DENIED', message: '您没有权限进行此操作', data: { details: {} } };
    }
    return scripted(name, event);
  });
}

export interface FakeStorage {
  /** What wx.chooseMedia answers next. */
  picked: Array<{ tempFilePath: string; size: number; fileType: 'image' | 'video' }>;
  /** Every wx.cloud.uploadFile call, in order. */
  uploads: Array<{ cloudPath: string; filePath: string }>;
  reset(): void;
}

/** Stand in for wx.chooseMedia and wx.cloud (which miniprogram-simulate's wx lacks). */
export function installPhotoStorage(): FakeStorage {
  const storage: FakeStorage = {
    picked: [],
    uploads: [],
    reset() {
      storage.picked = [];
      storage.uploads.length = 0;
    },
  };
  const globals = wx as unknown as Record<string, unknown>;
  globals['chooseMedia'] = (o: { success?: (r: object) => void }) =>
    o.success?.({
      type: 'image',
      errMsg: 'chooseMedia:ok',
      tempFiles: storage.picked.map((f) => ({
        ...f,
        duration: 0,
        height: 600,
        width: 800,
        thumbTempFilePath: '',
      })),
    });
  globals['cloud'] = {
    init: () => undefined,
    uploadFile: async (o: { cloudPath: string; filePath: string }) => {
      storage.uploads.push({ cloudPath: o.cloudPath, filePath: o.filePath });
      return { fileID: `cloud://env.bucket/${o.cloudPath}`, statusCode: 200, errMsg: 'uploadFile:ok' };
    },
    getTempFileURL: async (o: { fileList: string[] }) => ({
      errMsg: 'getTempFileURL:ok',
      fileList: o.fileList.map((fileID) => ({
        fileID,
        tempFileURL: `https://tmp.example/${fileID.slice(fileID.lastIndexOf('/') + 1)}`,
        maxAge: 7200,
        status: 0,
        errMsg: 'ok',
      })),
    }),
  };
  return storage;
}

/** Render and open a page without letting its calls finish: what the user sees first. */
export function openWithoutSettling(id: string, query: Record<string, string> = {}) {
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  (page.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  return page;
}
