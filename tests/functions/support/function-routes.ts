/**
 * Which commands each cloud function routes, read from the functions' own code: every folder of
 * cloudfunctions/ is a function, and its `index.ts` hands its route table to `commandFunction`
 * (function-kit/command-function.ts). Here that one call is caught to read the table's keys: the index is
 * loaded in an isolated module registry where `commandFunction` answers its route names instead of a
 * handler, so nothing of the kit runs (no SDK, no keys) and the use cases it imports are plain core code.
 * A command added to a function's table is in this list the day it is added.
 *
 * The tests that use it also send every listed command to the deployed function (a routed command never
 * answers UNKNOWN_COMMAND), so the table read here is the one that is deployed.
 *
 * An HTTP function (`httpFunction` of function-kit/http-function.ts: admin-api, the console's backend) routes
 * no callFunction command (it answers every such event HTTP_REQUEST_REQUIRED): it is not one of the command
 * functions listed here; `routesOf('admin-api').routes` lists its HTTP routes ('GET /console/api/orders'),
 * which tests/console fuzzes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CLOUDFUNCTIONS_DIR = join(__dirname, '..', '..', '..', 'cloudfunctions');
const KIT = join(__dirname, '..', '..', '..', 'function-kit', 'command-function');
const HTTP_KIT = join(__dirname, '..', '..', '..', 'function-kit', 'http-function');

/** One command as one function routes it. */
export interface RoutedCommand {
  readonly fn: string;
  readonly command: string;
}

interface CaughtRoutes {
  readonly routes: readonly string[];
  readonly timer: boolean;
  /** An HTTP function (no callFunction commands). */
  readonly http?: boolean;
}

/** The command functions: every folder of cloudfunctions/ with an index.ts, by name, HTTP functions aside. */
export function functionNames(): string[] {
  return readdirSync(CLOUDFUNCTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CLOUDFUNCTIONS_DIR, d.name, 'index.ts')))
    .map((d) => d.name)
    .filter((name) => routesOf(name).http !== true)
    .sort();
}

/** The route names of one function's table (and whether it has a timer), as its index.ts declares them. */
export function routesOf(fn: string): CaughtRoutes {
  let caught: CaughtRoutes | undefined;
  jest.isolateModules(() => {
    jest.doMock(KIT, () => ({
      commandFunction: (
        routes: Record<string, unknown>,
        options: { timer?: unknown } = {},
      ): CaughtRoutes => ({
        routes: Object.keys(routes),
        timer: options.timer !== undefined,
      }),
    }));
    jest.doMock(HTTP_KIT, () => ({
      httpFunction: (options: { routes: Record<string, unknown> }): CaughtRoutes => ({
        routes: Object.keys(options.routes),
        timer: false,
        http: true,
      }),
    }));
    // The HTTP function's session module reaches for the kit's SDK at load: not wanted here.
    jest.doMock(join(__dirname, '..', '..', '..', 'function-kit', 'console-session'), () => ({}));
    caught = jest.requireActual<{ main: CaughtRoutes }>(join(CLOUDFUNCTIONS_DIR, fn, 'index.ts')).main;
    jest.dontMock(KIT);
    jest.dontMock(HTTP_KIT);
  });
  if (caught === undefined || !Array.isArray(caught.routes)) {
    throw new Error(`cloudfunctions/${fn}/index.ts does not export main = commandFunction(...)`);
  }
  return caught;
}

/** Every function's route table: function name -> its commands, in table order. */
export function functionRoutes(): Record<string, readonly string[]> {
  return Object.fromEntries(functionNames().map((fn) => [fn, routesOf(fn).routes]));
}

/** Every (function, command) pair the functions route, function by function. */
export function routedCommands(): RoutedCommand[] {
  return Object.entries(functionRoutes()).flatMap(([fn, commands]) =>
    commands.map((command) => ({ fn, command })),
  );
}
