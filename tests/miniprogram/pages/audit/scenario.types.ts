/** The shape of one audited page state (scenarios.ts and the per-area scenario files build them). */
import type { leaveNotice } from '../../../../miniprogram/utils/notice';
import type { fakeCloud } from '../support/fake-cloud';
import type { RenderedPage, find } from '../support/page-harness';

/**
 * The modules a scenario scripts with: each page is loaded in a module registry of its own (TDesign's
 * components register once per registry), so a scenario is handed that registry's fake cloud and notices.
 */
export interface ScenarioKit {
  fakeCloud: typeof fakeCloud;
  leaveNotice: typeof leaveNotice;
  find: typeof find;
}

export interface Scenario {
  /** The row's name in the table. */
  title: string;
  /** The page, as app.json names it. */
  page: string;
  query?: Record<string, string>;
  /** Script the functions' replies (fakeCloud is reset before). */
  replies?: (kit: ScenarioKit) => void;
  /** After opening: put the page in the state audited. */
  prepare?: (page: RenderedPage, kit: ScenarioKit) => void | Promise<void>;
  /** Milliseconds to wait after `prepare` (a popup's opening transition). */
  wait?: number;
}
