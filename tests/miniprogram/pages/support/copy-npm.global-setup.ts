/**
 * Page tests render TDesign from miniprogram/miniprogram_npm, as WeChat does, and the pages import the core
 * from its bundle there (`weimin-core`). `npm install` prepares both (postinstall); this makes a bare
 * `npx jest` on a fresh checkout work too, and rebuilds the bundle from the current core.
 */
import { prepareMiniprogramNpm } from '../../../../scripts/copy-miniprogram-npm';

export default async function globalSetup(): Promise<void> {
  await prepareMiniprogramNpm();
}
