/**
 * `profile`: the caller's own profile (docs/functions.md): read it, bind the grid or community they live in,
 * set their contact phone with consent (typed, or WeChat's phone-number button).
 */
import { bindProfile } from '../../core/profile/bind-profile.usecase';
import { getProfile } from '../../core/profile/get-profile.usecase';
import { setPhone } from '../../core/profile/set-phone.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'profile.get': (ctx, command) => getProfile({ ...ctx, command }),
  'profile.bind': (ctx, command) => bindProfile({ ...ctx, command }),
  'profile.phone.set': (ctx, command) => setPhone({ ...ctx, command }),
});
