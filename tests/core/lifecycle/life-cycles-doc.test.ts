/**
 * docs/life-cycles.md shows each transition table generated from the code; this keeps them equal.
 * After changing a table: `UPDATE_DOCS=1 npx jest tests/core/lifecycle/life-cycles-doc`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIFECYCLES, lifecycleTableMarkers, renderLifecycle } from '../../../core/lifecycle/lifecycle.table';
import type { Lifecycle } from '../../../core/lifecycle/state-machine';

const DOC = join(__dirname, '../../../docs/life-cycles.md');
const names = Object.keys(LIFECYCLES) as (keyof typeof LIFECYCLES)[];

test.each(names)('docs/life-cycles.md carries the current %s table', (name) => {
  const doc = readFileSync(DOC, 'utf8');
  const { start: startMarker, end: endMarker } = lifecycleTableMarkers(name);
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const current = doc.slice(start, end + endMarker.length);
  const expected = renderLifecycle(name, LIFECYCLES[name] as Lifecycle<string>);
  if (process.env.UPDATE_DOCS === '1' && current !== expected) {
    writeFileSync(DOC, doc.slice(0, start) + expected + doc.slice(end + endMarker.length));
    return;
  }
  expect(current).toBe(expected);
});
