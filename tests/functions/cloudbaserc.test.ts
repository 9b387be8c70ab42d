/** The deploy manifest lists every function with the timeout, memory and triggers of its config.json. */
import { committedManifest, manifestText } from '../../scripts/cloudbaserc';

it('cloudbaserc.json matches the functions (run `npm run cloudbaserc` after changing a config.json)', () => {
  expect(committedManifest()).toBe(manifestText());
});
