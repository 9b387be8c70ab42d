/**
 * `volunteers`: volunteer activities (志愿服务活动) from scheduling to the hours credited (docs/volunteers.md):
 * schedule, edit and cancel; the lists and the detail; sign-up (capacity held under concurrency) and its
 * cancellation; the organiser's single-use check-in codes and the scan; the attendance; the organiser's
 * confirmation of hours; the residents' ratings; the volunteer's own record, the yearly ranking and the
 * numbered service certificate; the training, awards and evaluations a unit records; volunteer teams (微团队):
 * forming and editing them, invitation codes, joining and applications, leaving and removal, the leader and
 * deactivation, the lists and the detail (docs/volunteers.md#teams). Every command is checked by role and
 * org-unit scope.
 */
import { activityAttendance, activityDetail, listActivities } from '../../core/volunteers/activity-queries';
import { checkIn, issueCheckinCode } from '../../core/volunteers/activity-checkin.usecase';
import { confirmHours, rateActivity } from '../../core/volunteers/activity-hours.usecase';
import { cancelActivity, saveActivity } from '../../core/volunteers/activity-save.usecase';
import { cancelSignup, signupActivity } from '../../core/volunteers/activity-signup.usecase';
import { volunteerCertificate, volunteerMe, volunteerRanking } from '../../core/volunteers/volunteer-records';
import { addVolunteerRecord } from '../../core/volunteers/volunteer-unit-records';
import {
  decideApplication,
  inviteToTeam,
  joinTeam,
  leaveTeam,
  removeMember,
} from '../../core/volunteers/team-join.usecase';
import { listTeams, myTeams, teamDetail } from '../../core/volunteers/team-queries';
import { deactivateTeam, saveTeam, setTeamLeader } from '../../core/volunteers/team-save.usecase';
import { commandFunction } from '../../function-kit/command-function';
import { withQrImage } from '../../function-kit/qr-image';

export const main = commandFunction({
  'team.save': (ctx, command) => saveTeam({ ...ctx, command }),
  'team.invite': (ctx, command) => inviteToTeam({ ...ctx, command }),
  'team.join': (ctx, command) => joinTeam({ ...ctx, command }),
  'team.application.decide': (ctx, command) => decideApplication({ ...ctx, command }),
  'team.leave': (ctx, command) => leaveTeam({ ...ctx, command }),
  'team.member.remove': (ctx, command) => removeMember({ ...ctx, command }),
  'team.leader.set': (ctx, command) => setTeamLeader({ ...ctx, command }),
  'team.deactivate': (ctx, command) => deactivateTeam({ ...ctx, command }),
  'team.list': (ctx, command) => listTeams({ ...ctx, command }),
  'team.detail': (ctx, command) => teamDetail({ ...ctx, command }),
  'team.mine': (ctx, command) => myTeams({ ...ctx, command }),
  'activity.save': (ctx, command) => saveActivity({ ...ctx, command }),
  'activity.cancel': (ctx, command) => cancelActivity({ ...ctx, command }),
  'activity.list': (ctx, command) => listActivities({ ...ctx, command }),
  'activity.detail': (ctx, command) => activityDetail({ ...ctx, command }),
  'activity.signup': (ctx, command) => signupActivity({ ...ctx, command }),
  'activity.signup.cancel': (ctx, command) => cancelSignup({ ...ctx, command }),
  // The code with its QR image, drawn here so the core stays pure (decision 0045).
  'activity.checkin.code': async (ctx, command) => withQrImage(await issueCheckinCode({ ...ctx, command })),
  'activity.checkin': (ctx, command) => checkIn({ ...ctx, command }),
  'activity.attendance': (ctx, command) => activityAttendance({ ...ctx, command }),
  'activity.hours.confirm': (ctx, command) => confirmHours({ ...ctx, command }),
  'activity.rate': (ctx, command) => rateActivity({ ...ctx, command }),
  'volunteer.me': (ctx, command) => volunteerMe({ ...ctx, command }),
  'volunteer.ranking': (ctx, command) => volunteerRanking({ ...ctx, command }),
  'volunteer.certificate': (ctx, command) => volunteerCertificate({ ...ctx, command }),
  'volunteer.record.add': (ctx, command) => addVolunteerRecord({ ...ctx, command }),
});
