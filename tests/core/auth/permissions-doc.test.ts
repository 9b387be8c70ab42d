/**
 * docs/permissions.md shows the matrix generated from the code; this keeps the two equal.
 * After changing the matrix: `UPDATE_DOCS=1 npx jest --selectProjects core tests/core/auth/permissions-doc`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MATRIX_TABLE_END,
  MATRIX_TABLE_START,
  renderPermissionTables,
} from '../../../core/auth/permissions.table';

const DOC = join(__dirname, '../../../docs/permissions.md');

test('docs/permissions.md carries the current authorization matrix', () => {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(MATRIX_TABLE_START);
  const end = doc.indexOf(MATRIX_TABLE_END);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const current = doc.slice(start, end + MATRIX_TABLE_END.length);
  const expected = renderPermissionTables();
  if (process.env.UPDATE_DOCS === '1' && current !== expected) {
    writeFileSync(DOC, doc.slice(0, start) + expected + doc.slice(end + MATRIX_TABLE_END.length));
    return;
  }
  expect(current).toBe(expected);
});
