/**
 * 我的个人信息: the copy `profile.export` answers (weimin-core's ProfileExportReply), mapped once into what
 * the page renders, and into the text copied to the clipboard. What only this phone keeps (the service
 * address remembered for the next order, utils/service-address.store.ts) is added as a section of its own:
 * the platform does not hold it, but it is the resident's data too.
 */
import type { ExportSection, ProfileExportReply } from 'weimin-core';
import { formatShanghaiMinute } from '../../../utils/time.format';

export interface MyDataRow {
  label: string;
  value: string;
}

export interface MyDataRecord {
  heading: string;
  rows: MyDataRow[];
}

export interface MyDataSection {
  key: string;
  title: string;
  /** What the section leaves out; '' when nothing. */
  note: string;
  records: MyDataRecord[];
}

export interface MyDataView {
  title: string;
  exportedAt: string;
  sections: MyDataSection[];
}

export const DEVICE_SECTION_KEY = 'device';

function section(s: ExportSection): MyDataSection {
  return {
    key: s.key,
    title: s.title,
    note: s.note ?? '',
    records: s.records.map((r) => ({ heading: r.heading, rows: r.fields.map((f) => ({ ...f })) })),
  };
}

export function toMyDataView(reply: ProfileExportReply, deviceAddress: string): MyDataView {
  const sections = reply.sections.map(section);
  if (deviceAddress !== '') {
    sections.push({
      key: DEVICE_SECTION_KEY,
      title: '只保存在本机的信息',
      note: '平台不保存，可在本页清除',
      records: [{ heading: '下单时自动填写', rows: [{ label: '常用服务地址', value: deviceAddress }] }],
    });
  }
  return { title: reply.title, exportedAt: formatShanghaiMinute(reply.exportedAt), sections };
}

/** The whole copy as plain text, as it is put on the clipboard. */
export function myDataText(view: MyDataView): string {
  const lines = [view.title, `导出时间：${view.exportedAt}`];
  for (const s of view.sections) {
    lines.push('', `【${s.title}】`);
    for (const r of s.records) {
      lines.push(r.heading, ...r.rows.map((row) => `${row.label}：${row.value}`));
    }
    if (s.note !== '') lines.push(`（${s.note}）`);
  }
  return lines.join('\n');
}

/** A section as the page shows it first: at most `limit` records, and how many more there are. */
export function firstRecords(s: MyDataSection, limit: number): MyDataSection & { more: number } {
  return { ...s, records: s.records.slice(0, limit), more: Math.max(0, s.records.length - limit) };
}
