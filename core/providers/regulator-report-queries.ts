/**
 * provider.report.list and provider.report.document: the removal reports (报市、县两级监管部门备案) for the
 * regulators, leaders and workers whose units contain the removed provider's (`provider.report.view`);
 * the document is the Word file generated from the record (core/providers/regulator-report.document.ts).
 * A report outside the caller's units answers REPORT_NOT_FOUND, like one that does not exist.
 */
import { can } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { RegulatorReport } from '../model/evaluation.model';
import { parseCommand } from '../schemas/command.parser';
import { providerReportDocumentSchema, providerReportListSchema } from '../schemas/evaluation.schema';
import { evaluationError } from './evaluation.errors';
import type {
  RegulatorReportDocumentResult,
  RegulatorReportListItem,
  RegulatorReportListResult,
} from './evaluation.replies';
import { pageOfUnion, unitWheres } from './feedback-common';
import { regulatorReportBase64, reportFileName } from './regulator-report.document';

function itemOf(r: RegulatorReport): RegulatorReportListItem {
  return {
    reportId: r._id,
    providerId: r.providerId,
    providerName: r.providerName,
    creditCode: r.creditCode,
    reasons: r.reasons,
    reportedToNames: r.reportedToNames,
    createdAt: r.createdAt,
  };
}

export async function listRegulatorReports(input: UseCaseInput): Promise<RegulatorReportListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(providerReportListSchema, input.command);
  const wheres = unitWheres(ports.db, actor, 'provider.report.view', {});
  return pageOfUnion<RegulatorReport, RegulatorReportListItem>(
    ports.db,
    COLLECTIONS.regulatorReports,
    wheres,
    query,
    itemOf,
  );
}

export async function regulatorReportDocument(input: UseCaseInput): Promise<RegulatorReportDocumentResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(providerReportDocumentSchema, input.command);
  orThrow(listScope(actor, 'provider.report.view'));
  const report = await ports.db.get<RegulatorReport>(COLLECTIONS.regulatorReports, query.reportId);
  if (report === null || !can(actor, 'provider.report.view', { orgPath: report.orgPath })) {
    throw evaluationError('REPORT_NOT_FOUND', { reportId: query.reportId });
  }
  return { fileName: reportFileName(report), contentBase64: await regulatorReportBase64(report) };
}
