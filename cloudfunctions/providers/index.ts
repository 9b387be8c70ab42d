/**
 * `providers`: provider governance (docs/functions.md, docs/governance.md): the application (入驻申请) with its
 * review by the unit and the industry regulator, the public notice (公示) and objections, the agreement; the
 * provider's own offerings; 差评 follow-up tickets, second ratings and appeals; complaints; evaluations,
 * rectification and removal to the blacklist; the red-star board (红星榜). Every command is checked by role,
 * org-unit scope and, for regulators, industry.
 */
import { commandFunction } from '../../function-kit/command-function';
import { applicationsRoutes } from './routes/applications.routes';
import { evaluationRoutes } from './routes/evaluation.routes';
import { feedbackRoutes } from './routes/feedback.routes';

export const main = commandFunction({ ...applicationsRoutes, ...feedbackRoutes, ...evaluationRoutes });
