/**
 * Evaluation, rectification, removal with the regulators' report, and the red-star board
 * (docs/governance.md): one line per command, the rules in core/providers.
 */
import { startEvaluationCampaign } from '../../../core/providers/evaluation-campaign.usecase';
import { evaluationDetail, listEvaluations } from '../../../core/providers/evaluation-queries';
import { decideEvaluation, inputEvaluation } from '../../../core/providers/evaluation-steps.usecase';
import { boardQuery } from '../../../core/providers/red-star-board-query';
import {
  listRegulatorReports,
  regulatorReportDocument,
} from '../../../core/providers/regulator-report-queries';
import { recheckProvider, removeProvider } from '../../../core/providers/removal-steps.usecase';
import { providerStanding } from '../../../core/providers/standing-query';
import type { CommandRoute } from '../../../function-kit/command-function';

export const evaluationRoutes: Readonly<Record<string, CommandRoute>> = {
  'evaluation.campaign.start': (ctx, command) => startEvaluationCampaign({ ...ctx, command }),
  'evaluation.list': (ctx, command) => listEvaluations({ ...ctx, command }),
  'evaluation.detail': (ctx, command) => evaluationDetail({ ...ctx, command }),
  'evaluation.input': (ctx, command) => inputEvaluation({ ...ctx, command }),
  'provider.evaluate': (ctx, command) => decideEvaluation({ ...ctx, command }),
  'provider.recheck': (ctx, command) => recheckProvider({ ...ctx, command }),
  'provider.remove': (ctx, command) => removeProvider({ ...ctx, command }),
  'provider.report.list': (ctx, command) => listRegulatorReports({ ...ctx, command }),
  'provider.report.document': (ctx, command) => regulatorReportDocument({ ...ctx, command }),
  'provider.board': (ctx, command) => boardQuery({ ...ctx, command }),
  'provider.standing': (ctx, command) => providerStanding({ ...ctx, command }),
};
