/**
 * `profile`: the caller's own profile (docs/functions.md): read it, bind the grid or community they live in,
 * set their contact phone with consent (typed, or WeChat's phone-number button); and their rights over
 * their personal data: a copy of it, withdrawing the phone consent, deleting the account, and the
 * requests a worker decides; and their message centre (消息中心): every notice, read or marked read.
 */
import { listMessages, readMessages } from '../../core/messaging/inbox.usecase';
import { bindProfile } from '../../core/profile/bind-profile.usecase';
import { deleteAccount } from '../../core/profile/delete-account.usecase';
import { exportProfile } from '../../core/profile/export-profile.usecase';
import { getProfile } from '../../core/profile/get-profile.usecase';
import { listPrivacyRequests, submitPrivacyRequest } from '../../core/profile/privacy-requests.usecase';
import { setPhone } from '../../core/profile/set-phone.usecase';
import { withdrawPhone } from '../../core/profile/withdraw-phone.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'profile.get': (ctx, command) => getProfile({ ...ctx, command }),
  'profile.bind': (ctx, command) => bindProfile({ ...ctx, command }),
  'profile.phone.set': (ctx, command) => setPhone({ ...ctx, command }),
  'profile.phone.withdraw': (ctx, command) => withdrawPhone({ ...ctx, command }),
  'profile.export': (ctx, command) => exportProfile({ ...ctx, command }),
  'profile.delete': (ctx, command) => deleteAccount({ ...ctx, command }),
  'privacy.request.submit': (ctx, command) => submitPrivacyRequest({ ...ctx, command }),
  'privacy.request.list': (ctx, command) => listPrivacyRequests({ ...ctx, command }),
  'message.list': (ctx, command) => listMessages({ ...ctx, command }),
  'message.read': (ctx, command) => readMessages({ ...ctx, command }),
});
