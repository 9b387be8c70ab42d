/**
 * The Word document (.docx) of a removal report (服务机构清退情况报备), generated from its
 * `regulator_reports` record with the `docx` package: the title, the units reported to, the provider's
 * particulars with its unified social credit code, the reasons, the problem list it failed to fix, its
 * evaluation history, the reporting unit and the date. Pure: the record in, the file's bytes (base64) out.
 */
import type { Document } from 'docx';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { chineseDate, heading, para, table, title, wordBase64, wordDocument } from '../kernel/word-document';
import type { RegulatorReport } from '../model/evaluation.model';

/** The file name the console and the mini-program save it under. */
export function reportFileName(report: Pick<RegulatorReport, 'providerName' | 'createdAt'>): string {
  const day = formatShanghaiMinute(report.createdAt).slice(0, 10).replace(/-/g, '');
  return `服务机构清退报备-${report.providerName}-${day}.docx`;
}

export function regulatorReportDocument(report: RegulatorReport): Document {
  const particulars: string[][] = [
    ['机构名称', report.providerName],
    ['统一社会信用代码', report.creditCode],
    ['法定代表人', report.legalRepresentative || '—'],
    ['机构地址', report.address || '—'],
    ['联系电话', report.contactPhone || '—'],
    ['所属社区（单位）', report.unitName || '—'],
    ['服务项目', report.itemNames.length === 0 ? '—' : report.itemNames.join('、')],
  ];
  const history =
    report.evaluationHistory.length === 0
      ? [para('无考核评价记录。')]
      : [
          table(
            [
              ['考核年度', '考核等次', '考核结果', '考核意见', '公布时间'],
              ...report.evaluationHistory.map((e) => [
                String(e.year),
                e.gradeLabel,
                e.outcomeLabel,
                e.summary || '—',
                formatShanghaiMinute(e.at),
              ]),
            ],
            true,
          ),
        ];
  return wordDocument(`服务机构清退情况报备：${report.providerName}`, [
    title('关于服务机构清退并列入黑名单的情况报备'),
    para(`${report.reportedToNames.filter((n) => n.length > 0).join('、')}：`),
    para(
      `经考核评价和整改验收，${report.providerName}（统一社会信用代码：${report.creditCode}）已被取消入驻资格、清退出平台并列入黑名单。现将有关情况报备如下。`,
    ),
    heading('一、机构基本情况'),
    table(particulars, false),
    heading('二、清退原因'),
    ...report.reasons.map((r, i) => para(`${i + 1}. ${r}`)),
    heading('三、问题清单'),
    ...(report.problems.length === 0
      ? [para('无限期整改问题清单（因严重违规直接清退）。')]
      : report.problems.map((p, i) => para(`${i + 1}. ${p}`))),
    heading('四、考核评价记录'),
    ...history,
    heading('五、报备单位'),
    para(report.reportedToNames.filter((n) => n.length > 0).join('、') || '—'),
    para(''),
    para(`${report.unitName}（报备）`, { align: 'right' }),
    para(chineseDate(report.createdAt), { align: 'right' }),
  ]);
}

/** The .docx file of the report, base64. */
export async function regulatorReportBase64(report: RegulatorReport): Promise<string> {
  return wordBase64(regulatorReportDocument(report));
}
