/**
 * Serves the console's pages at /console/ on a local cloud started without `consoleDir` (the built app in
 * build/console; a page saying how to build it when there is none). `npm start` passes `consoleDir` to
 * the local cloud itself; this stays for callers that add the pages afterwards.
 */
import type { LocalCloud } from '../localcloud/local-cloud';
import { registerConsoleSite } from '../localcloud/http/console-site';
import { CONSOLE_OUT } from './build-console';

export function registerConsolePage(cloud: LocalCloud, root = CONSOLE_OUT): void {
  registerConsoleSite(cloud.server, root);
}
