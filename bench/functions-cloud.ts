/**
 * The local cloud with the platform's built cloud functions, for the matching benchmark: what `npm start`
 * (scripts/start.ts) runs, on a data dir the benchmark built beforehand, minus what would disturb a
 * measurement or the repository (bench/bench-cloud.ts): no timer triggers (the order timers would fire mid-run,
 * also when the benchmark moves the clock between calls), no demo seeding
 * (the data dir holds the demo data at the size being measured), no function build (the benchmark builds
 * once, before starting either cloud) and no mini-program npm copy.
 *
 *   node --import tsx bench/functions-cloud.ts --port 0 --data-dir <dir> --functions-dir <built functions>
 */
import { stopOnSignals } from '../localcloud/local-cloud';
import { benchCloudFromArgs } from './bench-cloud';

async function main(): Promise<void> {
  const cloud = benchCloudFromArgs('functions-cloud.ts');
  const url = await cloud.start();
  console.log(`local cloud ready: ${url}`);
  console.log(
    `  functions: ${cloud.runner
      .list()
      .map((f) => f.name)
      .join(', ')}`,
  );
  stopOnSignals(cloud);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
