/**
 * `concerns`: 忧心事 / 微心愿 from intake to closure (docs/functions.md, docs/concerns.md): submit (or file for a
 * resident, 代办), similar ones and 我也关心, withdraw; review and publish; claim, release, progress, resolve;
 * the resident's honest confirmation; push up and refer by hand; the joint meeting's take, tasks and
 * minutes; lists and the detail with its timeline. Every command is checked by role and org-unit scope.
 */
import { concernDetail, listConcerns } from '../../core/concerns/concern-queries';
import {
  similarConcerns,
  submitConcern,
  supportConcern,
  withdrawConcern,
} from '../../core/concerns/concern-intake.usecase';
import {
  claimConcern,
  confirmConcern,
  escalateConcernByHand,
  publishConcern,
  referConcern,
  releaseConcern,
  resolveConcern,
  reviewConcern,
  updateConcern,
} from '../../core/concerns/concern-steps.usecase';
import {
  addJointTasks,
  completeJointTask,
  recordJointMinutes,
  takeByJointMeeting,
} from '../../core/concerns/joint-meeting.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'concern.submit': (ctx, command) => submitConcern({ ...ctx, command }),
  'concern.similar': (ctx, command) => similarConcerns({ ...ctx, command }),
  'concern.support': (ctx, command) => supportConcern({ ...ctx, command }),
  'concern.withdraw': (ctx, command) => withdrawConcern({ ...ctx, command }),
  'concern.review': (ctx, command) => reviewConcern({ ...ctx, command }),
  'concern.publish': (ctx, command) => publishConcern({ ...ctx, command }),
  'concern.claim': (ctx, command) => claimConcern({ ...ctx, command }),
  'concern.release': (ctx, command) => releaseConcern({ ...ctx, command }),
  'concern.update': (ctx, command) => updateConcern({ ...ctx, command }),
  'concern.resolve': (ctx, command) => resolveConcern({ ...ctx, command }),
  'concern.confirm': (ctx, command) => confirmConcern({ ...ctx, command }),
  'concern.escalate': (ctx, command) => escalateConcernByHand({ ...ctx, command }),
  'concern.refer': (ctx, command) => referConcern({ ...ctx, command }),
  'concern.list': (ctx, command) => listConcerns({ ...ctx, command }),
  'concern.detail': (ctx, command) => concernDetail({ ...ctx, command }),
  'joint_meeting.take': (ctx, command) => takeByJointMeeting({ ...ctx, command }),
  'joint_meeting.task.add': (ctx, command) => addJointTasks({ ...ctx, command }),
  'joint_meeting.task.done': (ctx, command) => completeJointTask({ ...ctx, command }),
  'joint_meeting.minutes': (ctx, command) => recordJointMinutes({ ...ctx, command }),
});
