/**
 * database/indexes.json checked against what the CloudBase database (managed MongoDB) accepts, and against
 * the file's own conventions (database/README.md): collection names of letters, digits, `_` and `-`;
 * per index a name of its fields and directions joined (`status_1_dueAt_-1`, as MongoDB names them), one to
 * eight fields, each `[dotted path, 1 | -1]` with no `$`, no empty segment, no `_id` (always indexed) and no
 * field twice, `unique` a boolean; no two indexes of a collection with the same name or the same keys; at most
 * 63 declared indexes per collection (MongoDB's 64, `_id` included).
 */

export const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
export const MAX_INDEX_FIELDS = 8;
export const MAX_INDEXES_PER_COLLECTION = 63;

export interface DeclaredIndex {
  name: string;
  fields: Array<[string, 1 | -1]>;
  unique: boolean;
}

export interface IndexIssue {
  where: string;
  message: string;
}

/** The name MongoDB gives an index of these keys. */
export function indexNameOf(fields: ReadonlyArray<readonly [string, number]>): string {
  return fields.map(([f, d]) => `${f}_${d}`).join('_');
}

function fieldIssues(where: string, fields: unknown): IndexIssue[] {
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_INDEX_FIELDS) {
    return [
      { where: `${where}.fields`, message: `fields 必须是 1-${MAX_INDEX_FIELDS} 个 [字段路径, 1 | -1]` },
    ];
  }
  const issues: IndexIssue[] = [];
  const seen = new Set<string>();
  fields.forEach((f: unknown, i) => {
    const at = `${where}.fields[${i}]`;
    if (!Array.isArray(f) || f.length !== 2) {
      issues.push({ where: at, message: '每个字段必须写成 [字段路径, 1 | -1]' });
      return;
    }
    const [path, dir] = f as [unknown, unknown];
    if (typeof path !== 'string' || !FIELD_PATH.test(path)) {
      issues.push({
        where: at,
        message: `字段路径“${String(path)}”不合法(字母、数字、_,以 . 分隔,不能以 $ 开头)`,
      });
    } else if (path === '_id') {
      issues.push({ where: at, message: '_id 总有索引,不需要声明' });
    } else if (seen.has(path)) {
      issues.push({ where: at, message: `字段“${path}”在同一索引中出现两次` });
    } else seen.add(path);
    if (dir !== 1 && dir !== -1) {
      issues.push({ where: at, message: `排序方向只能是 1 或 -1,现为 ${JSON.stringify(dir)}` });
    }
  });
  return issues;
}

function indexIssues(where: string, index: unknown): IndexIssue[] {
  if (index === null || typeof index !== 'object' || Array.isArray(index)) {
    return [{ where, message: '索引必须是 { "name", "fields", "unique"? } 对象' }];
  }
  const { name, fields, unique, ...rest } = index as Record<string, unknown>;
  const issues = fieldIssues(where, fields);
  for (const key of Object.keys(rest))
    issues.push({ where: `${where}.${key}`, message: `未知的索引属性“${key}”` });
  if (unique !== undefined && typeof unique !== 'boolean') {
    issues.push({ where: `${where}.unique`, message: 'unique 只能是 true 或 false' });
  }
  if (issues.length === 0) {
    const expected = indexNameOf(fields as Array<[string, number]>);
    if (name !== expected) {
      issues.push({
        where: `${where}.name`,
        message: `索引名应为其字段与方向的组合“${expected}”,现为“${String(name)}”`,
      });
    }
  }
  return issues;
}

/** Every problem of the file's `collections` object, and the indexes it declares when there is none. */
export function checkIndexes(collections: unknown): {
  issues: IndexIssue[];
  declared: Map<string, DeclaredIndex[]>;
} {
  const issues: IndexIssue[] = [];
  const declared = new Map<string, DeclaredIndex[]>();
  if (collections === null || typeof collections !== 'object' || Array.isArray(collections)) {
    return {
      issues: [{ where: 'collections', message: 'collections 必须是 { 集合名: { "indexes": [...] } } 对象' }],
      declared,
    };
  }
  for (const [name, spec] of Object.entries(collections)) {
    if (!COLLECTION_NAME.test(name)) {
      issues.push({
        where: name,
        message: `集合名“${name}”不合法(字母开头,字母、数字、_、-,最多 64 个字符)`,
      });
    }
    const list = (spec as { indexes?: unknown } | null)?.indexes;
    if (!Array.isArray(list)) {
      issues.push({ where: `${name}.indexes`, message: '每个集合必须有 indexes 数组(没有索引时写 [])' });
      continue;
    }
    if (list.length > MAX_INDEXES_PER_COLLECTION) {
      issues.push({
        where: `${name}.indexes`,
        message: `一个集合最多 ${MAX_INDEXES_PER_COLLECTION} 个索引(_id 之外)`,
      });
    }
    const ok: DeclaredIndex[] = [];
    list.forEach((index: unknown, i) => {
      const found = indexIssues(`${name}.indexes[${i}]`, index);
      issues.push(...found);
      if (found.length > 0) return;
      const idx = index as { name: string; fields: Array<[string, 1 | -1]>; unique?: boolean };
      if (ok.some((o) => o.name === idx.name)) {
        issues.push({ where: `${name}.indexes[${i}]`, message: `索引“${idx.name}”重复声明` });
      } else ok.push({ name: idx.name, fields: idx.fields, unique: idx.unique === true });
    });
    declared.set(name, ok);
  }
  return { issues, declared };
}
