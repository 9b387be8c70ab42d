/**
 * Whether an index's numbers may be trusted to sort as the documents' values do (the local cloud's ordered
 * read of sorted pages): known per key column, remembered across restarts, and unknown (so not trusted) for
 * an index built before it was recorded.
 */
import { rmSync } from 'node:fs';
import { SqliteStore } from '../../../localcloud/db/sqlite.store';
import { catalog, tempDir } from '../../helpers/local-cloud.fixture';

const CATALOG = catalog({
  things: [
    {
      name: 'kind_1_score_-1',
      fields: [
        ['kind', 1],
        ['score', -1],
      ],
    },
  ],
});

describe('numbers an index may sort by', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = () => new SqliteStore({ dataDir: dir, catalog: CATALOG });

  it('holds for a column of numbers, not after a boolean or a date was stored there, also after a restart', () => {
    let store = open();
    store.createCollection('things', 0);
    store.put('things', { _id: 'a', kind: 'x', score: 3.5 }, false);
    store.put('things', { _id: 'b', kind: 'x', score: 7 }, false);
    expect([0, 1].map((col) => store.keysAreNumbers('things', 'kind_1_score_-1', col))).toEqual([true, true]);

    store.put('things', { _id: 'c', kind: 'x', score: true }, false);
    expect(store.keysAreNumbers('things', 'kind_1_score_-1', 1)).toBe(false);
    // Removing the boolean does not make the column trusted again (it is recorded once, conservatively).
    store.delete('things', 'c');
    expect(store.keysAreNumbers('things', 'kind_1_score_-1', 1)).toBe(false);
    store.close();

    store = open();
    expect(store.keysAreNumbers('things', 'kind_1_score_-1', 1)).toBe(false);
    store.put('things', { _id: 'd', kind: new Date(0), score: 1 }, false);
    expect(store.keysAreNumbers('things', 'kind_1_score_-1', 0)).toBe(false);
    store.close();
  });

  it('is not trusted for an index built before it was recorded', () => {
    let store = open();
    store.createCollection('things', 0);
    store.put('things', { _id: 'a', kind: 'x', score: 1 }, false);
    store.db.exec('DELETE FROM index_alias_tracking');
    store.close();
    store = open();
    expect(store.keysAreNumbers('things', 'kind_1_score_-1', 1)).toBe(false);
    store.close();
  });
});
