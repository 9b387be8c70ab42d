/**
 * `volunteers`: volunteer activities (志愿服务活动) from scheduling to the hours credited (docs/volunteers.md):
 * schedule, edit and cancel; the lists and the detail; sign-up (capacity held under concurrency) and its
 * cancellation; the organiser's single-use check-in codes and the scan; the attendance; the organiser's
 * confirmation of hours; the residents' ratings; the volunteer's own record, the yearly ranking and the
 * numbered service certificate. Every command is checked by role and org-unit scope.
 */
import { activityAttendance, activityDetail, listActivities } from '../../core/volunteers/activity-queries';
import { checkIn, issueCheckinCode } from '../../core/volunteers/activity-checkin.usecase';
import { confirmHours, rateActivity } from '../../core/volunteers/activity-hours.usecase';
import { cancelActivity, saveActivity } from '../../core/volunteers/activity-save.usecase';
import { cancelSignup, signupActivity } from '../../core/volunteers/activity-signup.usecase';
import { volunteerCertificate, volunteerMe, volunteerRanking } from '../../core/volunteers/volunteer-records';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'activity.save': (ctx, command) => saveActivity({ ...ctx, command }),
  'activity.cancel': (ctx, command) => cancelActivity({ ...ctx, command }),
  'activity.list': (ctx, command) => listActivities({ ...ctx, command }),
  'activity.detail': (ctx, command) => activityDetail({ ...ctx, command }),
  'activity.signup': (ctx, command) => signupActivity({ ...ctx, command }),
  'activity.signup.cancel': (ctx, command) => cancelSignup({ ...ctx, command }),
  'activity.checkin.code': (ctx, command) => issueCheckinCode({ ...ctx, command }),
  'activity.checkin': (ctx, command) => checkIn({ ...ctx, command }),
  'activity.attendance': (ctx, command) => activityAttendance({ ...ctx, command }),
  'activity.hours.confirm': (ctx, command) => confirmHours({ ...ctx, command }),
  'activity.rate': (ctx, command) => rateActivity({ ...ctx, command }),
  'volunteer.me': (ctx, command) => volunteerMe({ ...ctx, command }),
  'volunteer.ranking': (ctx, command) => volunteerRanking({ ...ctx, command }),
  'volunteer.certificate': (ctx, command) => volunteerCertificate({ ...ctx, command }),
});
