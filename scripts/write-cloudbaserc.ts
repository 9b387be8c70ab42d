/** `npm run cloudbaserc`: rewrite cloudbaserc.json from the functions' config.json files. */
import { CLOUDBASERC, writeManifest } from './cloudbaserc';

writeManifest();
console.log(`已更新 ${CLOUDBASERC}`);
