/** The demo identities as 我的 lists them in local mode: who each is, in the core's role names. */
import { ROLE_LABELS } from 'weimin-core';
import type { LocalIdentityReply } from '../services/local-identity/local-identity.service';

export interface IdentityChoiceView {
  openid: string;
  /** '梁师傅（服务机构人员）'. */
  title: string;
  /** What the identity demonstrates, e.g. '服务机构负责人（第一家演示机构）'. */
  description: string;
  current: boolean;
}

function roleLabel(role: string): string {
  return Object.prototype.hasOwnProperty.call(ROLE_LABELS, role)
    ? ROLE_LABELS[role as keyof typeof ROLE_LABELS]
    : role;
}

export function identityTitle(identity: LocalIdentityReply): string {
  return `${identity.nickname}（${roleLabel(identity.role)}）`;
}

/** In the local cloud's order (by role), the one in use marked. */
export function toIdentityChoices(
  identities: readonly LocalIdentityReply[],
  currentOpenid: string,
): IdentityChoiceView[] {
  return identities.map((identity) => ({
    openid: identity.openid,
    title: identityTitle(identity),
    description: identity.label,
    current: identity.openid === currentOpenid,
  }));
}
