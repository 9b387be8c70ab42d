/**
 * The collection list of the model, database/indexes.json, database/security-rules.json and
 * docs/data-model.md must name the same collections; indexes are well formed; the mini-program can write
 * nothing directly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, COLLECTION_NAMES, isCollectionName } from '../../../core/model/collections.model';

const ROOT = join(__dirname, '..', '..', '..');

interface IndexSpec {
  readonly name: string;
  readonly fields: [string, 1 | -1][];
  readonly unique?: boolean;
}

const indexFile = JSON.parse(readFileSync(join(ROOT, 'database', 'indexes.json'), 'utf8')) as {
  collections: Record<string, { indexes: IndexSpec[] }>;
};
const rulesFile = JSON.parse(readFileSync(join(ROOT, 'database', 'security-rules.json'), 'utf8')) as {
  collections: Record<string, { read: boolean | string; write: boolean | string }>;
};
const dataModelDoc = readFileSync(join(ROOT, 'docs', 'data-model.md'), 'utf8');

const allIndexes = Object.entries(indexFile.collections).flatMap(([collection, spec]) =>
  spec.indexes.map((index) => [collection, index.name, index] as const),
);

describe('one list of collections', () => {
  test('the issue fixes these names', () => {
    expect(COLLECTION_NAMES).toEqual(
      expect.arrayContaining([
        'org_units',
        'service_categories',
        'service_items',
        'providers',
        'offerings',
        'orders',
        'follow_ups',
        'ratings',
        'concerns',
      ]),
    );
  });

  test('names are unique snake_case plurals and COLLECTIONS maps onto them one to one', () => {
    expect(new Set(COLLECTION_NAMES).size).toBe(COLLECTION_NAMES.length);
    for (const name of COLLECTION_NAMES) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(Object.values(COLLECTIONS).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(isCollectionName('orders')).toBe(true);
    expect(isCollectionName('order')).toBe(false);
  });

  test('database/indexes.json declares exactly the model collections', () => {
    expect(Object.keys(indexFile.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  test('database/security-rules.json covers exactly the model collections', () => {
    expect(Object.keys(rulesFile.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  test.each(COLLECTION_NAMES)('docs/data-model.md has a section for %s', (name) => {
    expect(dataModelDoc).toContain(`### \`${name}\``);
  });
});

describe('indexes', () => {
  test.each(allIndexes)('%s.%s is well formed and named after its fields', (_collection, name, index) => {
    expect(index.fields.length).toBeGreaterThan(0);
    expect(index.fields.length).toBeLessThanOrEqual(8);
    for (const [field, direction] of index.fields) {
      expect(field).not.toBe('_id');
      expect([1, -1]).toContain(direction);
    }
    expect(name).toBe(index.fields.map(([field, direction]) => `${field}_${direction}`).join('_'));
  });

  test.each(allIndexes)('%s.%s is documented in docs/data-model.md', (_collection, name) => {
    expect(dataModelDoc).toContain(`\`${name}\``);
  });

  test.each([
    ['org_units', 'path_1'],
    ['ratings', 'orderId_1'],
    ['follow_ups', 'orderId_1'],
    ['idempotency_keys', 'key_1'],
    ['users', 'openid_1'],
    ['providers', 'creditCode_1'],
    ['blacklist_entries', 'creditCode_1'],
    ['offerings', 'providerId_1_itemId_1'],
    ['staff_invites', 'inviteCode_1'],
    ['subscribe_grants', 'openid_1_templateId_1'],
  ])('%s.%s is unique', (collection, name) => {
    expect(indexFile.collections[collection]!.indexes.find((i) => i.name === name)?.unique).toBe(true);
  });

  test.each([
    ['offerings', 'itemId', 'servedPaths'],
    ['providers', 'status', 'reputation'],
    ['orders', 'residentOpenid', 'createdAt'],
    ['orders', 'providerId', 'status'],
    ['follow_ups', 'status', 'dueAt'],
    ['concerns', 'levelPath', 'status'],
  ])('%s has an index leading with %s then %s (the platform queries it)', (collection, first, second) => {
    const indexes = indexFile.collections[collection]!.indexes;
    expect(indexes.some((i) => i.fields[0]?.[0] === first && i.fields[1]?.[0] === second)).toBe(true);
  });

  test.each([
    'providers',
    'offerings',
    'orders',
    'follow_ups',
    'ratings',
    'concerns',
    'applications',
    'events',
  ])('%s has an index leading with orgPath for scope queries', (collection) => {
    expect(indexFile.collections[collection]!.indexes.some((i) => i.fields[0]?.[0] === 'orgPath')).toBe(true);
  });
});

describe('security rules', () => {
  test.each(COLLECTION_NAMES)('%s: the mini-program can never write directly', (name) => {
    expect(rulesFile.collections[name]!.write).toBe(false);
  });

  const PUBLIC = new Set(['org_units', 'service_categories', 'service_items']);
  test.each(COLLECTION_NAMES)(
    '%s: read from the client only if it is the public org tree or catalog',
    (name) => {
      expect(rulesFile.collections[name]!.read).toBe(PUBLIC.has(name));
    },
  );
});
