/**
 * admin-api's people routes (docs/people-and-places.md): the people of a unit, a role granted or withdrawn,
 * a console account made or its password reset (the one-time password is shown once).
 */
import type { AccountIssuedReply } from '../../../../core/console/console.replies';
import type { PeopleListReply, RoleGrantResult } from '../../../../core/console/people.replies';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

export const people = (filters: Filters) => get<PeopleListReply>(`/console/api/people${queryOf(filters)}`);

export interface RoleChange {
  readonly op: 'grant' | 'revoke';
  readonly targetOpenid: string;
  readonly role: string;
  readonly orgUnitId: string;
  readonly note?: string;
  readonly clientRequestId: string;
}

export const changeRole = (change: RoleChange) => post<RoleGrantResult>('/console/api/people/roles', change);

export const issueAccount = (openid: string, loginName: string) =>
  post<AccountIssuedReply>('/console/api/accounts', { openid, loginName });

export const resetAccount = (loginName: string) =>
  post<AccountIssuedReply>(`/console/api/accounts/${encodeURIComponent(loginName)}/reset`, {});
