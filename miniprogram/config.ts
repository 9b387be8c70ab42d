/**
 * How the mini-program reaches its cloud functions. Production: `cloud` (wx.cloud.callFunction in the
 * CloudBase environment). Off-line development: `local`, through the local cloud's gateway as a demo identity
 * (`npm start` prints them). Switching is configuration only: no page or service changes.
 */
export interface AppConfig {
  mode: 'cloud' | 'local';
  /** CloudBase environment id (cloud mode). */
  envId: string;
  /** The local cloud's address (local mode); DevTools needs “不校验合法域名” ticked for it. */
  gatewayUrl: string;
  /**
   * The demo identity local mode acts as, unless another is chosen on the device (我的 - 切换演示身份,
   * local mode only; see services/cloud-api.ts).
   */
  localOpenid: string;
}

export const appConfig: AppConfig = {
  mode: 'local',
  envId: 'weimin-hongsheng-prod',
  gatewayUrl: 'http://127.0.0.1:3910',
  localOpenid: 'demo-resident-1',
};

/**
 * Subscribe-message templates the mini-program asks consent for (database/message-templates.json). On
 * deployment these ids are replaced by the real template ids WeChat assigns.
 */
export const subscribeTemplates = {
  /** To the resident: order accepted, declined, expired, done... */
  orderStatus: 'TPL_ORDER_STATUS',
  /** To the resident: the job is done, please rate it. */
  reviewReminder: 'TPL_REVIEW_REMINDER',
  /** To provider staff: a new order for their provider. */
  orderNew: 'TPL_ORDER_NEW',
  /** To provider staff: a follow-up (回访) is coming due. */
  followUpDue: 'TPL_FOLLOWUP_DUE',
  /** To the resident: their concern was reviewed, published, pushed up, is in progress, resolved. */
  concernProgress: 'TPL_CONCERN_PROGRESS',
  /** To the resident: somebody claimed their concern. */
  wishClaimed: 'TPL_WISH_CLAIMED',
} as const;
