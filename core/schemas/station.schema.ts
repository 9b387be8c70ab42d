/** The stations' commands and queries (docs/stations.md; core/stations). */
import { z } from 'zod';
import { STATION_CHECKLIST, type StationChecklistKey } from './operations.schema';
import {
  bool,
  calendarDate,
  command,
  contactPhone,
  fileId,
  id,
  list,
  oneOf,
  optionalText,
  paging,
  query,
  text,
} from './fields.schema';

export { STATION_CHECKLIST, type StationChecklistKey };

export const STATION_CHECKLIST_KEYS = Object.keys(STATION_CHECKLIST) as [
  StationChecklistKey,
  ...StationChecklistKey[],
];

/** An inspection's result: 合格 / 需整改 / 不合格. */
export const STATION_INSPECTION_RESULTS = ['pass', 'rectify', 'fail'] as const;
export type StationInspectionResult = (typeof STATION_INSPECTION_RESULTS)[number];
export const STATION_INSPECTION_RESULT_LABELS: Readonly<Record<StationInspectionResult, string>> = {
  pass: '合格',
  rectify: '需整改',
  fail: '不合格',
};

/** At most this many evidence photos per item; a met item needs at least one (STATION_EVIDENCE_REQUIRED). */
export const STATION_MAX_PHOTOS = 3;

/** Create (with `orgUnitId`, a community or grid) or edit (with `stationId`) a station's details. */
export const stationSaveSchema = command({
  stationId: id('孵化管理中心（站）').optional(),
  orgUnitId: id('所在社区或小区（网格）').optional(),
  name: text('站点名称', { min: 2, max: 50 }),
  address: text('地址', { max: 100 }),
  phone: contactPhone,
  openingHours: text('开放时间', { max: 50 }),
  managerName: text('负责人', { max: 20 }),
  note: optionalText('说明', 500, { multiline: true }),
}).refine((c) => c.stationId !== undefined || c.orgUnitId !== undefined, {
  error: '请选择所在社区或小区（网格）',
  path: ['orgUnitId'],
});
export type StationSaveCommand = z.output<typeof stationSaveSchema>;

const checklistKey = oneOf('“十有”项目', STATION_CHECKLIST_KEYS);

/** One or more of the 十有, each met or not, with its photos and a note; the others stay as they are. */
export const stationChecklistSchema = command({
  stationId: id('孵化管理中心（站）'),
  items: list(
    '“十有”项目',
    z.object(
      {
        key: checklistKey,
        met: bool('是否达标'),
        photos: list('佐证照片', fileId, { min: 0, max: STATION_MAX_PHOTOS, unique: true }).default([]),
        note: optionalText('说明', 200, { multiline: true }),
      },
      { error: '请填写“十有”项目' },
    ),
    { min: 1, max: STATION_CHECKLIST_KEYS.length },
  ).refine((items) => new Set(items.map((i) => i.key)).size === items.length, {
    error: '同一项目只能填写一次',
  }),
});
export type StationChecklistCommand = z.output<typeof stationChecklistSchema>;

/** An inspection: the day, the result, findings per item looked at, a note (required unless 合格). */
export const stationInspectSchema = command({
  stationId: id('孵化管理中心（站）'),
  date: calendarDate('检查日期'),
  result: oneOf('检查结果', STATION_INSPECTION_RESULTS),
  findings: list(
    '检查发现',
    z.object(
      { key: checklistKey, ok: bool('是否符合'), note: optionalText('说明', 200, { multiline: true }) },
      { error: '请填写检查发现' },
    ),
    { min: 0, max: STATION_CHECKLIST_KEYS.length },
  )
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, {
      error: '同一项目只能填写一次',
    })
    .default([]),
  note: optionalText('检查意见', 500, { multiline: true }),
});
export type StationInspectCommand = z.output<typeof stationInspectSchema>;

/** Name (true) or unname (false) a 示范点, with the reason. */
export const stationDemonstrationSchema = command({
  stationId: id('孵化管理中心（站）'),
  demonstration: bool('是否为示范点'),
  reason: optionalText('说明', 200, { multiline: true }),
});
export type StationDemonstrationCommand = z.output<typeof stationDemonstrationSchema>;

export const stationListSchema = query({
  orgUnitId: id('单位').optional(),
  completion: oneOf('“十有”完成情况', ['complete', 'incomplete']).optional(),
  demonstration: oneOf('示范点', ['yes', 'no']).optional(),
  ...paging,
});
export type StationListQuery = z.output<typeof stationListSchema>;

/** A station with a page of its inspection history. */
export const stationDetailSchema = query({ stationId: id('孵化管理中心（站）'), ...paging });
export type StationDetailQuery = z.output<typeof stationDetailSchema>;
