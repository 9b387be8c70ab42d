/**
 * The `database.*` actions of the CloudBase admin protocol (docs/wire-protocol.md section 3): decode the
 * request fields, call the local database, and shape the reply exactly as the SDKs expect it.
 */
import { invalidParam } from '../protocol/cloud-error';
import { decodeEjson, decodeEjsonObject, isPlainObject, type Doc } from '../protocol/ejson.codec';
import type { ActionHandler, ActionRegistry } from '../http/action-registry';
import { DEFAULT_LIMIT, MAX_LIMIT, type LocalDatabase } from './local-database';

type Body = Record<string, unknown>;

function collectionName(body: Body): string {
  const name = body['collectionName'];
  if (typeof name !== 'string' || name.length === 0) throw invalidParam('缺少参数 collectionName');
  return name;
}

function optionalString(body: Body, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw invalidParam(`参数 ${key} 必须是字符串`);
  return v;
}

function queryOf(body: Body, now: () => number): Doc {
  const text = body['query'];
  if (text === undefined || text === null || text === '') return {};
  return decodeEjsonObject(text, 'query', now);
}

function docQuery(body: Body, now: () => number): { filter: Doc; id?: string } {
  const filter = queryOf(body, now);
  if (body['queryType'] === 'DOC') {
    const id = filter['_id'];
    if (id === undefined) throw invalidParam('DOC 查询缺少 _id');
    return typeof id === 'string' && Object.keys(filter).length === 1 ? { filter, id } : { filter };
  }
  if (body['queryType'] !== undefined && body['queryType'] !== 'WHERE') {
    throw invalidParam(`不支持的 queryType: ${String(body['queryType'])}`);
  }
  return { filter };
}

function nonNegativeInt(body: Body, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw invalidParam(`参数 ${key} 必须是非负整数`);
  return v;
}

function orderOf(body: Body, now: () => number): Record<string, 1 | -1> | undefined {
  const text = body['order'];
  if (text === undefined || text === null || text === '') return undefined;
  const order = decodeEjsonObject(text, 'order', now);
  const out: Record<string, 1 | -1> = {};
  for (const [field, dir] of Object.entries(order)) {
    if (dir !== 1 && dir !== -1) throw invalidParam(`排序方向必须是 1 或 -1:${field}`);
    out[field] = dir;
  }
  return out;
}

function updateData(body: Body, now: () => number): Doc {
  return decodeEjsonObject(body['data'], 'data', now);
}

function bool(body: Body, key: string, fallback: boolean): boolean {
  const v = body[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw invalidParam(`参数 ${key} 必须是布尔值`);
  return v;
}

export function registerDatabaseActions(registry: ActionRegistry, db: LocalDatabase): void {
  const now = db.now;
  const actions: Record<string, ActionHandler> = {
    'database.getDocument': (body) => {
      const name = collectionName(body);
      const txId = optionalString(body, 'transactionId');
      const { filter, id } = docQuery(body, now);
      const projection = body['projection']
        ? decodeEjsonObject(body['projection'], 'projection', now)
        : undefined;
      if (id !== undefined && !projection && !txId) return { data: { list: db.getRawById(name, id) } };
      const isDoc = body['queryType'] === 'DOC';
      const requested = nonNegativeInt(body, 'limit');
      const limit = isDoc ? undefined : Math.min(requested || DEFAULT_LIMIT, MAX_LIMIT);
      const offset = nonNegativeInt(body, 'offset');
      const order = orderOf(body, now);
      const list = db.find(
        name,
        filter,
        {
          ...(order ? { order } : {}),
          ...(offset ? { offset } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(projection ? { projection } : {}),
        },
        txId,
      );
      return { data: { list } };
    },
    'database.calculateDocument': (body) => {
      const name = collectionName(body);
      return { data: { total: db.count(name, queryOf(body, now)) } };
    },
    'database.insertDocument': (body) => {
      const name = collectionName(body);
      const data = body['data'];
      if (!Array.isArray(data) || data.length === 0) throw invalidParam('参数 data 必须是非空数组');
      if (data.length > MAX_LIMIT) throw invalidParam(`一次最多插入 ${MAX_LIMIT} 条记录`);
      const docs = data.map((text, i) => decodeEjsonObject(text, `data[${i}]`, now));
      return { data: { insertedIds: db.insert(name, docs, optionalString(body, 'transactionId')) } };
    },
    'database.modifyDocument': (body) => {
      const name = collectionName(body);
      const { filter } = docQuery(body, now);
      const merge = bool(body, 'merge', true);
      const result = db.update(
        name,
        filter,
        updateData(body, now),
        { multi: bool(body, 'multi', false), merge, upsert: bool(body, 'upsert', false) },
        optionalString(body, 'transactionId'),
      );
      return {
        data:
          result.upsertId !== undefined
            ? { updated: result.updated, upsert_id: result.upsertId }
            : { updated: result.updated },
      };
    },
    'database.removeDocument': (body) => {
      const name = collectionName(body);
      const { filter } = docQuery(body, now);
      const multi = bool(body, 'multi', body['queryType'] !== 'DOC');
      return { data: { deleted: db.remove(name, filter, multi, optionalString(body, 'transactionId')) } };
    },
    'database.modifyAndReturnDoc': (body) => {
      const name = collectionName(body);
      const { filter } = docQuery(body, now);
      const result = db.updateAndReturn(
        name,
        filter,
        updateData(body, now),
        optionalString(body, 'transactionId'),
      );
      return {
        data: result.doc === null ? { updated: 0, doc: null } : { updated: result.updated, doc: result.doc },
      };
    },
    'database.aggregateDocuments': (body) => {
      const name = collectionName(body);
      const stages = body['stages'];
      if (!Array.isArray(stages)) throw invalidParam('参数 stages 必须是数组');
      const pipeline = stages.map((s: unknown, i) => {
        if (!isPlainObject(s) || typeof s['stageKey'] !== 'string' || !s['stageKey'].startsWith('$')) {
          throw invalidParam(`stages[${i}] 必须是 {stageKey, stageValue}`);
        }
        return { [s['stageKey']]: decodeEjson(s['stageValue'], `stages[${i}].stageValue`, now) };
      });
      return { data: { list: db.aggregate(name, pipeline) } };
    },
    'database.addCollection': (body) => {
      db.createCollection(collectionName(body));
      return {};
    },
    'database.startTransaction': () => ({ transactionId: db.startTransaction() }),
    'database.commitTransaction': (body) => {
      const id = optionalString(body, 'transactionId');
      if (!id) throw invalidParam('缺少参数 transactionId');
      db.commitTransaction(id);
      return {};
    },
    'database.abortTransaction': (body) => {
      const id = optionalString(body, 'transactionId');
      if (!id) throw invalidParam('缺少参数 transactionId');
      db.abortTransaction(id);
      return {};
    },
  };
  for (const [name, handler] of Object.entries(actions)) registry.register(name, handler);
}
