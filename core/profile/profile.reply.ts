/**
 * What the `profile` function answers (`profile.get`, `profile.bind`, `profile.phone.set`,
 * `profile.phone.withdraw`; `profile.export`, `profile.delete`; `privacy.request.*`): written once here, read
 * by the mini-program through `weimin-core` as types. Type-only and free of zod.
 */

/** What `profile.get` answers. */
export interface ProfileGetReply {
  readonly nickname: string;
  /** Masked (138****1234); null when none was given. */
  readonly phone: string | null;
  /** The bound grid or community; null before `profile.bind`. */
  readonly homeUnitId: string | null;
  /** Its full name, e.g. 玉林市玉州区玉城街道东门社区; null when not bound. */
  readonly homeUnitName: string | null;
}

/** One labelled value of the copy (`{ label: '联系电话', value: '13907750001' }`). */
export interface ExportField {
  readonly label: string;
  readonly value: string;
}

/** One record of the copy: the account, an order, a concern, a request. */
export interface ExportRecord {
  readonly heading: string;
  readonly fields: readonly ExportField[];
}

export type ExportSectionKey = 'account' | 'orders' | 'concerns' | 'privacy_requests';

export interface ExportSection {
  readonly key: ExportSectionKey;
  /** 账号信息, 服务订单, 忧心事和微心愿, 个人信息申请. */
  readonly title: string;
  readonly records: readonly ExportRecord[];
  /** What the section leaves out (e.g. only the newest orders); null when it shows everything. */
  readonly note: string | null;
}

/**
 * What `profile.export` answers: everything the platform holds about the caller, in Chinese-labelled,
 * readable form (values are display text: times in Asia/Shanghai, prices as the resident saw them), the
 * full phone and addresses included: it is the caller's own copy (PIPL art. 45).
 */
export interface ProfileExportReply {
  readonly title: string;
  readonly exportedAt: number;
  readonly sections: readonly ExportSection[];
}

/** What `profile.delete` answers: the account is gone; what was kept, de-identified, and why. */
export interface AccountDeletedReply {
  readonly deletedAt: number;
  /** Orders kept for the provider and the unit, with name, address and note removed. */
  readonly ordersKept: number;
  /** Concerns kept likewise. */
  readonly concernsKept: number;
}

/** One privacy request as its resident (or a worker) sees it. */
export interface PrivacyRequestView {
  readonly requestId: string;
  readonly kind: 'correction' | 'deletion' | 'other';
  /** 更正个人信息, 注销账号, 其他个人信息事项. */
  readonly kindLabel: string;
  readonly status: 'pending' | 'completed' | 'refused';
  /** 处理中, 已办结, 不予办理. */
  readonly statusLabel: string;
  readonly content: string;
  readonly orderId: string | null;
  readonly createdAt: number;
  /** The answer is due by then: 15 working days. */
  readonly dueAt: number;
  /** Still waiting after `dueAt`. */
  readonly overdue: boolean;
  readonly decidedAt: number | null;
  /** The answer; the reason when refused. */
  readonly reply: string | null;
}

/** What `privacy.request.list` answers: the caller's requests, newest first. */
export interface PrivacyRequestListReply {
  readonly items: readonly PrivacyRequestView[];
}
