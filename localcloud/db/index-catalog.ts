/**
 * The index declarations of database/indexes.json: one file for the local cloud and for deployment.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const fieldSpec = z.tuple([z.string().min(1).max(256), z.union([z.literal(1), z.literal(-1)])]);
const indexSpec = z.object({
  name: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/),
  fields: z.array(fieldSpec).min(1).max(8),
  unique: z.boolean().optional(),
});
const catalogSpec = z.object({
  collections: z.record(
    z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/),
    z.object({ indexes: z.array(indexSpec) }),
  ),
});

export type IndexSpec = z.infer<typeof indexSpec>;
export type IndexCatalog = Record<string, IndexSpec[]>;

export function parseIndexCatalog(json: unknown, source = 'indexes.json'): IndexCatalog {
  const parsed = catalogSpec.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const out: IndexCatalog = {};
  for (const [name, spec] of Object.entries(parsed.data.collections)) {
    const seen = new Set<string>();
    for (const idx of spec.indexes) {
      if (seen.has(idx.name))
        throw new Error(`${source}: collection ${name} declares index ${idx.name} twice`);
      if (idx.fields.some(([f]) => f === '_id'))
        throw new Error(`${source}: ${name}.${idx.name}: _id is always indexed`);
      seen.add(idx.name);
    }
    out[name] = spec.indexes;
  }
  return out;
}

export function loadIndexCatalog(file: string): IndexCatalog {
  return parseIndexCatalog(JSON.parse(readFileSync(file, 'utf8')) as unknown, file);
}
