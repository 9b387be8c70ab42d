/**
 * `provider-admin`: a provider manager's side of running the provider (docs/functions.md): for now, issuing
 * invite codes for colleagues to bind to the provider (provider.staff.invite).
 */
import { inviteStaff } from '../../core/providers/staff-invite.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'provider.staff.invite': (ctx, command) => inviteStaff({ ...ctx, command }),
});
