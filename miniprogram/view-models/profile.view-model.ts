/** 我的: where the resident lives and their contact phone, and the org tree to choose a home from. */
import { maskPhone, type ProfileGetReply } from 'weimin-core';
import type { OrgUnitReply } from '../services/catalog/catalog.service';
import { isMasked } from '../utils/phone.format';

export interface ProfileView {
  nickname: string;
  home: string;
  hasHome: boolean;
  /** The bound unit (a nickname is saved with it); '' when none. */
  homeUnitId: string;
  phone: string;
  hasPhone: boolean;
}

export function toProfileView(reply: ProfileGetReply): ProfileView {
  const phone = reply.phone ?? '';
  return {
    nickname: reply.nickname || '未填写',
    home: reply.homeUnitName || (reply.homeUnitId ? '已选择' : '未选择'),
    hasHome: reply.homeUnitId !== null && reply.homeUnitId !== '',
    homeUnitId: reply.homeUnitId ?? '',
    // The function sends it masked; mask again in case a full number ever arrives.
    phone: phone === '' ? '未填写' : isMasked(phone) ? phone : maskPhone(phone),
    hasPhone: phone !== '',
  };
}

export interface OrgChoiceView {
  id: string;
  name: string;
  /** Tapping it binds the resident here (a grid, or “the whole community”). */
  choose: boolean;
}

/**
 * The rows of one level of the picker. Under a community the resident picks their estate (小区/网格) or
 * the community itself when their estate is not listed.
 */
export function toOrgChoices(
  units: readonly OrgUnitReply[],
  parent?: { id: string; name: string; level: string },
): OrgChoiceView[] {
  const rows = units.map((u) => ({ id: u._id, name: u.name, choose: u.level === 'grid' }));
  if (parent !== undefined && parent.level === 'community') {
    return [{ id: parent.id, name: `${parent.name}（不指定小区）`, choose: true }, ...rows];
  }
  return rows;
}
