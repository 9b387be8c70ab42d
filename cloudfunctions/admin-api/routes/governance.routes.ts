/**
 * admin-api's routes for provider governance (docs/console.md: 入驻审核, 入驻公示, 考核评价, 投诉与差评, 清退报备):
 * one line each over the same use cases as the `providers` function (core/providers/*), the actor from the
 * console session; the screens' forms and queues the function has no list for (core/console/governance-*).
 * The fixed paths (`notice`, `campaigns`, `rectification`, `pending`) come before the parameter ones: the
 * first route that fits answers.
 */
import { governanceForm } from '../../../core/console/governance-form.query';
import { noticeBoard } from '../../../core/console/governance-notice.query';
import {
  campaignList,
  pendingOfferings,
  rectificationQueue,
} from '../../../core/console/governance-queues.query';
import { decideAppeal, listAppeals } from '../../../core/providers/appeal-rating.usecase';
import { signAgreement } from '../../../core/providers/agreement-sign.usecase';
import { applyForProvider } from '../../../core/providers/application-apply.usecase';
import {
  applicationDetail,
  listApplications,
  listNotices,
} from '../../../core/providers/application-queries';
import { assessApplication, decideApplication } from '../../../core/providers/application-review.usecase';
import { startEvaluationCampaign } from '../../../core/providers/evaluation-campaign.usecase';
import { evaluationDetail, listEvaluations } from '../../../core/providers/evaluation-queries';
import { decideEvaluation, inputEvaluation } from '../../../core/providers/evaluation-steps.usecase';
import { decideComplaint, listComplaints } from '../../../core/providers/complaint-handling.usecase';
import { listFeedbackTickets } from '../../../core/providers/feedback-ticket.usecase';
import { answerObjection } from '../../../core/providers/objection-steps.usecase';
import { reviewOffering } from '../../../core/providers/offering-save.usecase';
import {
  listRegulatorReports,
  regulatorReportDocument,
} from '../../../core/providers/regulator-report-queries';
import { recheckProvider, removeProvider } from '../../../core/providers/removal-steps.usecase';
import type { HttpRoute, RoutedRequest } from '../../../function-kit/http-function';

/** A write on one record: its body with the record named by the path. */
const on = (r: RoutedRequest) => ({ ...r.body, ...r.params });

/** A list's query: the page numbers as the numbers their decimal text spells (a URL carries text). */
function listQuery(r: RoutedRequest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...r.query, ...extra };
  for (const key of ['page', 'pageSize']) {
    const value = r.query[key];
    if (value !== undefined && /^\d{1,9}$/.test(value)) out[key] = Number(value);
  }
  return out;
}

export const governanceRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/governance/form': (ctx, r) => governanceForm({ ...ctx, command: r.query }),
  // 入驻审核 and 入驻公示
  'GET /console/api/applications': (ctx, r) => listApplications({ ...ctx, command: listQuery(r) }),
  'GET /console/api/applications/notice': async (ctx, r) =>
    noticeBoard(ctx, await listNotices({ ...ctx, command: listQuery(r) })),
  'GET /console/api/applications/:applicationId': (ctx, r) =>
    applicationDetail({ ...ctx, command: r.params }),
  'POST /console/api/applications': (ctx, r) => applyForProvider({ ...ctx, command: r.body }),
  'POST /console/api/applications/:applicationId/assess': (ctx, r) =>
    assessApplication({ ...ctx, command: on(r) }),
  'POST /console/api/applications/:applicationId/decide': (ctx, r) =>
    decideApplication({ ...ctx, command: on(r) }),
  'POST /console/api/applications/:applicationId/sign': (ctx, r) => signAgreement({ ...ctx, command: on(r) }),
  'POST /console/api/objections/:objectionId/answer': (ctx, r) => answerObjection({ ...ctx, command: on(r) }),
  // 考核评价
  'GET /console/api/evaluations': (ctx, r) => listEvaluations({ ...ctx, command: listQuery(r) }),
  'GET /console/api/evaluations/campaigns': (ctx, r) => campaignList({ ...ctx, command: r.query }),
  'POST /console/api/evaluations/campaigns': (ctx, r) => startEvaluationCampaign({ ...ctx, command: r.body }),
  'GET /console/api/evaluations/rectification': (ctx, r) => rectificationQueue({ ...ctx, command: r.query }),
  'GET /console/api/evaluations/:evaluationId': (ctx, r) => evaluationDetail({ ...ctx, command: r.params }),
  'POST /console/api/evaluations/:evaluationId/input': (ctx, r) =>
    inputEvaluation({ ...ctx, command: on(r) }),
  'POST /console/api/evaluations/:evaluationId/evaluate': (ctx, r) =>
    decideEvaluation({ ...ctx, command: on(r) }),
  'POST /console/api/providers/:providerId/recheck': (ctx, r) => recheckProvider({ ...ctx, command: on(r) }),
  'POST /console/api/providers/:providerId/remove': (ctx, r) => removeProvider({ ...ctx, command: on(r) }),
  // 清退报备
  'GET /console/api/reports': (ctx, r) => listRegulatorReports({ ...ctx, command: listQuery(r) }),
  'GET /console/api/reports/:reportId/document': (ctx, r) =>
    regulatorReportDocument({ ...ctx, command: r.params }),
  // 投诉与差评
  'GET /console/api/complaints': (ctx, r) =>
    listComplaints({ ...ctx, command: listQuery(r, { view: 'unit' }) }),
  'POST /console/api/complaints/:complaintId/decide': (ctx, r) => decideComplaint({ ...ctx, command: on(r) }),
  'GET /console/api/tickets': (ctx, r) =>
    listFeedbackTickets({ ...ctx, command: listQuery(r, { view: 'unit' }) }),
  'GET /console/api/appeals': (ctx, r) => listAppeals({ ...ctx, command: listQuery(r, { view: 'unit' }) }),
  'POST /console/api/appeals/:appealId/decide': (ctx, r) => decideAppeal({ ...ctx, command: on(r) }),
  'GET /console/api/offerings/pending': (ctx, r) => pendingOfferings({ ...ctx, command: r.query }),
  'POST /console/api/offerings/:offeringId/review': (ctx, r) => reviewOffering({ ...ctx, command: on(r) }),
};
