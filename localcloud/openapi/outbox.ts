/**
 * The outbox: every subscribe message the local cloud accepted for sending, for people to read
 * (`GET /outbox` as JSON, `GET /outbox.html` as a page, the admin page later). Nothing leaves the machine.
 */
import type { LocalDatabase } from '../db/local-database';
import { decodeStored } from '../protocol/ejson.codec';
import type { TemplateCatalog } from './message-templates';

export const OUTBOX_COLLECTION = 'sys_outbox';
export const MAX_OUTBOX_PAGE = 100;
export const DEFAULT_OUTBOX_PAGE = 20;

export interface OutboxMessage {
  msgid: number;
  touser: string;
  templateId: string;
  /** The template's Chinese title at the time of sending. */
  title: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  lang: string;
  /** Local cloud clock time of the send. */
  sentAt: Date;
}

export interface OutboxPage {
  total: number;
  offset: number;
  limit: number;
  messages: OutboxMessage[];
}

export interface OutboxFilter {
  touser?: string;
  templateId?: string;
}

let seq = 0;

/**
 * A message id of at most 15 digits: wx-server-sdk parses replies with json-bigint, which turns any number
 * literal longer than 15 characters into a BigNumber object (not only those above 2^53). Seconds of the
 * local clock times 100000 plus a sequence: unique up to 100000 sends a second.
 */
export function nextMsgId(now: number): number {
  seq = (seq + 1) % 100_000;
  return Math.floor(now / 1000) * 100_000 + seq;
}

export function insertOutbox(db: LocalDatabase, message: OutboxMessage): void {
  db.insert(OUTBOX_COLLECTION, [{ ...message }]);
}

/** Messages newest first. */
export function listOutbox(
  db: LocalDatabase,
  filter: OutboxFilter,
  offset: number,
  limit: number,
): OutboxPage {
  const query: Record<string, unknown> = {};
  if (filter.touser) query['touser'] = filter.touser;
  if (filter.templateId) query['templateId'] = filter.templateId;
  if (!db.store.has(OUTBOX_COLLECTION)) return { total: 0, offset, limit, messages: [] };
  const total = db.count(OUTBOX_COLLECTION, query);
  const messages = db
    .find(OUTBOX_COLLECTION, query, { order: { sentAt: -1, msgid: -1 }, offset, limit })
    .map((text) => {
      const { _id: _ignored, ...doc } = decodeStored(text);
      return doc as unknown as OutboxMessage;
    });
  return { total, offset, limit, messages };
}

export function outboxJson(page: OutboxPage): Record<string, unknown> {
  return {
    total: page.total,
    offset: page.offset,
    limit: page.limit,
    messages: page.messages.map((m) => ({ ...m, sentAt: new Date(m.sentAt).toISOString() })),
  };
}

// ---------- HTML ----------

export function escapeHtml(value: unknown): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Beijing time (UTC+8), as the people reading the outbox live by it. */
export function beijingTime(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
}

const STATE_NAMES: Record<string, string> = { developer: '开发版', trial: '体验版', formal: '正式版' };

function pageLink(page: OutboxPage, filter: OutboxFilter, offset: number, text: string): string {
  const q = new URLSearchParams();
  q.set('offset', String(offset));
  q.set('limit', String(page.limit));
  if (filter.touser) q.set('touser', filter.touser);
  if (filter.templateId) q.set('templateId', filter.templateId);
  return `<a href="?${escapeHtml(q.toString())}">${text}</a>`;
}

export function renderOutboxHtml(page: OutboxPage, filter: OutboxFilter, templates: TemplateCatalog): string {
  const rows = page.messages.map((m) => {
    const tpl = templates.get(m.templateId);
    const content = Object.entries(m.data ?? {})
      .map(([key, v]) => {
        const label = tpl?.keys.find((k) => k.key === key)?.label ?? key;
        return `<div><span class="k">${escapeHtml(label)}:</span>${escapeHtml(v?.value ?? '')}</div>`;
      })
      .join('');
    return `<tr>
<td class="nowrap">${escapeHtml(beijingTime(new Date(m.sentAt)))}</td>
<td><code>${escapeHtml(m.touser)}</code></td>
<td><strong>${escapeHtml(m.title)}</strong><br><code>${escapeHtml(m.templateId)}</code></td>
<td>${content}</td>
<td>${m.page ? `<code>${escapeHtml(m.page)}</code>` : '(无跳转)'}</td>
<td>${escapeHtml(STATE_NAMES[m.miniprogramState] ?? m.miniprogramState)}</td>
<td><code>${escapeHtml(m.msgid)}</code></td>
</tr>`;
  });
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.messages.length;
  const nav = [
    page.offset > 0 ? pageLink(page, filter, Math.max(0, page.offset - page.limit), '上一页') : '',
    last < page.total ? pageLink(page, filter, page.offset + page.limit, '下一页') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const filterText = [
    filter.touser ? `接收者 ${escapeHtml(filter.touser)}` : '',
    filter.templateId ? `模板 ${escapeHtml(filter.templateId)}` : '',
  ]
    .filter(Boolean)
    .join(',');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>订阅消息发件箱 · 为民红绳本地云</title>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ddd; padding: 6px 8px; vertical-align: top; text-align: left; font-size: 14px; }
th { background: #f6f6f6; }
.k { color: #666; }
.nowrap { white-space: nowrap; }
.note { color: #666; }
</style>
</head>
<body>
<h1>订阅消息发件箱</h1>
<p class="note">本地云不会把消息真正发到微信;这里列出云函数通过 <code>cloud.openapi.subscribeMessage.send</code> 发出的每一条消息,最新的在前。</p>
<p>${filterText ? `筛选:${filterText}。` : ''}共 ${page.total} 条${page.total ? `,当前第 ${first}-${last} 条` : ''}。</p>
${
  page.messages.length === 0
    ? '<p>还没有发出任何消息。</p>'
    : `<table>
<thead><tr><th>发送时间(北京时间)</th><th>接收者 openid</th><th>模板</th><th>内容</th><th>跳转页面</th><th>小程序版本</th><th>消息 ID</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
}
${nav ? `<p>${nav}</p>` : ''}
</body>
</html>
`;
}
