/**
 * The application commands of `providers` (docs/functions.md, docs/governance.md): apply (or enter a paper
 * form), the applicant's own and the reviewers' lists, the detail, assessment, the unit's decisions, the
 * public notice (公示) and its objections, withdrawal, and the agreement with activation.
 */
import { signAgreement } from '../../../core/providers/agreement-sign.usecase';
import { applyForProvider } from '../../../core/providers/application-apply.usecase';
import {
  applicationDetail,
  listApplications,
  listNotices,
  myApplications,
} from '../../../core/providers/application-queries';
import {
  assessApplication,
  decideApplication,
  withdrawApplication,
} from '../../../core/providers/application-review.usecase';
import { answerObjection, objectToApplication } from '../../../core/providers/objection-steps.usecase';
import type { CommandRoute } from '../../../function-kit/command-function';

export const applicationsRoutes: Readonly<Record<string, CommandRoute>> = {
  'provider.apply': (ctx, command) => applyForProvider({ ...ctx, command }),
  'provider.application.mine': (ctx, command) => myApplications({ ...ctx, command }),
  'provider.application.list': (ctx, command) => listApplications({ ...ctx, command }),
  'provider.application.detail': (ctx, command) => applicationDetail({ ...ctx, command }),
  'provider.application.assess': (ctx, command) => assessApplication({ ...ctx, command }),
  'provider.application.decide': (ctx, command) => decideApplication({ ...ctx, command }),
  'provider.application.withdraw': (ctx, command) => withdrawApplication({ ...ctx, command }),
  'provider.notice.list': (ctx, command) => listNotices({ ...ctx, command }),
  'provider.application.object': (ctx, command) => objectToApplication({ ...ctx, command }),
  'provider.objection.answer': (ctx, command) => answerObjection({ ...ctx, command }),
  'provider.application.sign': (ctx, command) => signAgreement({ ...ctx, command }),
};
