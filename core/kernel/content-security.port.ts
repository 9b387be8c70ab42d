/**
 * The ContentSecurity port: checks user text before it is stored or shown to others (WeChat's
 * `security.msgSecCheck`, version 2). The adapter maps the reply's `result.suggest`.
 */

/** `pass`: fine; `review`: doubtful, store it hidden until a worker looks; `risky`: refuse it. */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** msgSecCheck's scenes: 1 资料 (profile), 2 评论 (comment), 3 论坛 (forum), 4 社交日志 (log). */
export type ContentScene = 'profile' | 'comment' | 'forum' | 'log';

export interface ContentSecurity {
  check(text: string, openid: string, scene: ContentScene): Promise<ContentVerdict>;
}
