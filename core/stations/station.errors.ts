/** Stable codes of the stations' refusals (docs/stations.md#refusals). */
import { domainErrorsOf } from '../kernel/errors';

export const STATION_ERRORS = {
  /** Outside the caller's units, or none: one answer (403). */
  STATION_NOT_FOUND: '孵化管理中心（站）不存在或不在您的权限范围内',
  STATION_UNIT_NOT_FOUND: '所选社区（小区、网格）不存在或不在您的权限范围内',
  STATION_UNIT_LEVEL: '孵化管理中心（站）只能设在社区或小区（网格）',
  STATION_EXISTS: '该社区（小区、网格）已有孵化管理中心（站），请在原站点上修改',
  /** The message names the item (see `evidenceRequired`). */
  STATION_EVIDENCE_REQUIRED: '标记为已达标的项目须上传 1 至 3 张佐证照片',
  STATION_INSPECTOR_LEVEL: '站点检查须由街道（镇）及以上单位的工作人员进行',
  STATION_INSPECTION_DATE_FUTURE: '检查日期不能晚于今天',
  STATION_INSPECTION_NOTE_REQUIRED: '检查结果为“需整改”或“不合格”时，请填写检查意见',
  STATION_DEMONSTRATOR_LEVEL: '示范点须由县（市、区）或市级单位命名或撤销',
  /** The message says how many are met (see `notComplete`). */
  STATION_NOT_COMPLETE: '“十有”尚未全部达标，不能命名为示范点',
  STATION_NOT_INSPECTED: '该站点还没有检查记录，检查合格后才能命名为示范点',
  STATION_INSPECTION_NOT_PASSED: '该站点最近一次检查未合格，整改并复查合格后才能命名为示范点',
  STATION_DEMONSTRATION_UNCHANGED: '该站点的示范点状态没有变化',
} as const;

export type StationErrorCode = keyof typeof STATION_ERRORS;
export const stationError = domainErrorsOf(STATION_ERRORS);
