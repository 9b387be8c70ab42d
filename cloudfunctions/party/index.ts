/**
 * `party`: 双报到 (docs/party.md) — party organisations and serving party members register with a community;
 * the community's workers and leaders confirm or decline; the applicant's own registrations; the community's
 * roster of registered organisations and members with their service; a member leaves (or is removed). Every
 * command is checked by role and org-unit scope.
 */
import { listRegistrations, partyMine, partyOrgs, partyRoster } from '../../core/party/party-queries';
import { confirmRegistration, leaveParty, registerParty } from '../../core/party/party-registration.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'party.register': (ctx, command) => registerParty({ ...ctx, command }),
  'party.register.confirm': (ctx, command) => confirmRegistration({ ...ctx, command }),
  'party.registrations.list': (ctx, command) => listRegistrations({ ...ctx, command }),
  'party.mine': (ctx, command) => partyMine({ ...ctx, command }),
  'party.orgs': (ctx, command) => partyOrgs({ ...ctx, command }),
  'party.roster': (ctx, command) => partyRoster({ ...ctx, command }),
  'party.member.leave': (ctx, command) => leaveParty({ ...ctx, command }),
});
