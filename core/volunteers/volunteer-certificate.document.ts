/**
 * The Word document (.docx) of a volunteer service certificate (志愿服务证明), generated from its
 * `volunteer_certificates` record with the `docx` package (as core/providers/regulator-report.document.ts
 * builds the removal report): the number, the volunteer's number and name (never an identity number), the
 * confirmed hours with the activities they come from, the issuing platform and the date. Pure: the record
 * in, the file's bytes (base64) out. Issued free (民政部令第67号).
 */
import type { Document } from 'docx';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { chineseDate, para, table, title, wordBase64, wordDocument } from '../kernel/word-document';
import type { VolunteerCertificate } from '../model/volunteer.model';

/** Minutes as hours with one decimal ('12.5'). */
export function hoursText(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}

export function certificateFileName(certificate: Pick<VolunteerCertificate, 'certificateNo'>): string {
  return `志愿服务证明-${certificate.certificateNo}.docx`;
}

export function volunteerCertificateDocument(certificate: VolunteerCertificate): Document {
  const span = certificate.year === null ? '累计' : `${certificate.year}年度`;
  return wordDocument(`志愿服务证明 ${certificate.certificateNo}`, [
    title('志愿服务证明'),
    para(`证明编号：${certificate.certificateNo}`, { align: 'right' }),
    para(
      `兹证明志愿者 ${certificate.name}（志愿者编号：${certificate.volunteerNo}）${span}经组织方确认的志愿服务时长共计 ${hoursText(certificate.totalMinutes)} 小时，明细如下。`,
    ),
    table(
      [
        ['序号', '服务活动', '服务日期', '服务时长（小时）'],
        ...certificate.lines.map((l, i) => [
          String(i + 1),
          l.title,
          formatShanghaiMinute(l.serviceAt).slice(0, 10),
          hoursText(l.minutes),
        ]),
      ],
      true,
    ),
    para('本证明依据平台记录的志愿服务信息出具，免费提供。'),
    para(''),
    para('为民红绳志愿服务平台', { align: 'right' }),
    para(chineseDate(certificate.issuedAt), { align: 'right' }),
  ]);
}

/** The .docx file of the certificate, base64. */
export async function volunteerCertificateBase64(certificate: VolunteerCertificate): Promise<string> {
  return wordBase64(volunteerCertificateDocument(certificate));
}
