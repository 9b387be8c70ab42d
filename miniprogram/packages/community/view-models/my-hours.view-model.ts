/**
 * 我的志愿服务 as the page shows it (volunteer.me, volunteer.ranking, volunteer.certificate): the volunteer
 * number, hours, star level and the hours to the next star; the five kinds of record of 民政部令第67号 as
 * sections (基本信息 first); the community's yearly ranking; where the certificate is written on the phone.
 */
import type {
  RankingRow,
  VolunteerMeResult,
  VolunteerRankingResult,
  VolunteerRecordKind,
  VolunteerRecordView,
} from 'weimin-core';
import { EVALUATION_GRADE_LABELS, VOLUNTEER_RECORD_KIND_LABELS } from 'weimin-core';
import { starsText } from '../../../utils/stars.format';
import { formatShanghaiMinute } from '../../../utils/time.format';
import { minutesText } from './activity.view-model';

const day = (millis: number): string => formatShanghaiMinute(millis).slice(0, 10);

/** Hours with at most one decimal: 150 min → '2.5'. */
export function hoursOf(minutes: number): string {
  return String(Math.round((minutes / 60) * 10) / 10);
}

export interface RecordRowView {
  id: string;
  title: string;
  detail: string;
}

export interface RecordSectionView {
  kind: VolunteerRecordKind;
  title: string;
  rows: RecordRowView[];
  empty: string;
}

const EMPTY: Readonly<Record<Exclude<VolunteerRecordKind, 'basic'>, string>> = {
  service: '还没有确认的服务时长。参加活动并签到签退，组织者确认后会记录在这里',
  training: '还没有培训记录',
  award: '还没有表彰奖励记录',
  evaluation: '还没有评价记录',
};

function recordRow(r: VolunteerRecordView): RecordRowView {
  const parts = [day(r.serviceAt)];
  if (r.kind === 'service') {
    parts.push(
      r.correctsRecordId === null
        ? minutesText(r.minutes)
        : `更正 ${r.minutes > 0 ? '+' : ''}${r.minutes} 分钟`,
    );
  }
  if (r.grade !== null) parts.push(EVALUATION_GRADE_LABELS[r.grade]);
  if (r.issuer !== '') parts.push(r.issuer);
  if (r.note !== '') parts.push(r.note);
  return { id: r.recordId, title: r.title, detail: parts.join(' · ') };
}

export interface MyHoursView {
  volunteerNo: string;
  name: string;
  since: string;
  hours: string;
  serviceCount: number;
  stars: string;
  starLabel: string;
  next: string;
  sections: RecordSectionView[];
}

export function toMyHoursView(me: VolunteerMeResult): MyHoursView {
  const { basic } = me;
  const kinds = ['service', 'training', 'award', 'evaluation'] as const;
  return {
    volunteerNo: basic.volunteerNo,
    name: basic.name,
    since: day(basic.since),
    hours: hoursOf(me.totalMinutes),
    serviceCount: me.serviceCount,
    stars: starsText(me.starLevel),
    starLabel: me.starLevel === 0 ? '暂无星级' : `${me.starLevel} 星志愿者`,
    next:
      me.nextStarHours === null
        ? '已是最高星级'
        : `再服务 ${me.nextStarHours} 小时可升为 ${me.starLevel + 1} 星志愿者`,
    sections: [
      {
        kind: 'basic',
        title: VOLUNTEER_RECORD_KIND_LABELS.basic,
        rows: [
          { id: 'no', title: '志愿者编号', detail: basic.volunteerNo },
          { id: 'name', title: '姓名', detail: basic.name === '' ? '（未填写）' : basic.name },
          { id: 'since', title: '注册时间', detail: day(basic.since) },
          {
            id: 'teams',
            title: '所在微团队',
            detail: basic.teamIds.length === 0 ? '无' : `${basic.teamIds.length} 个`,
          },
        ],
        empty: '',
      },
      ...kinds.map((kind) => ({
        kind,
        title: VOLUNTEER_RECORD_KIND_LABELS[kind],
        rows: me.records[kind].map(recordRow),
        empty: EMPTY[kind],
      })),
    ],
  };
}

export interface RankingRowView {
  key: string;
  rank: number;
  name: string;
  volunteerNo: string;
  hours: string;
  stars: string;
  label: string;
}

export function toRankingRows(ranking: VolunteerRankingResult): RankingRowView[] {
  return ranking.rows.map((r: RankingRow) => ({
    key: r.volunteerNo,
    rank: r.rank,
    name: r.name,
    volunteerNo: r.volunteerNo,
    hours: `${hoursOf(r.minutes)} 小时`,
    stars: starsText(r.starLevel),
    label: `第 ${r.rank} 名，${r.name}，${hoursOf(r.minutes)} 小时，${r.starLevel} 星`,
  }));
}

/** The year (Asia/Shanghai) of `now`: the ranking shown first. */
export function shanghaiYear(now: number): number {
  return Number(formatShanghaiMinute(now).slice(0, 4));
}

/** Where the certificate is written: the user's data folder, its file name kept to safe characters. */
export function certificatePath(userDataPath: string, fileName: string): string {
  const safe = fileName.replace(/[^\w.\-\u4e00-\u9fa5]/g, '_');
  return `${userDataPath}/${safe.endsWith('.docx') ? safe : `${safe}.docx`}`;
}
