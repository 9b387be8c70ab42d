/**
 * Page tests render TDesign from miniprogram/miniprogram_npm, as WeChat does. `npm install` copies it
 * (postinstall); this makes a bare `npx jest` on a fresh checkout work too.
 */
import { copyMiniprogramNpm } from '../../../../scripts/copy-miniprogram-npm';

export default function globalSetup(): void {
  copyMiniprogramNpm();
}
