/**
 * The concerns loop's notices (database/message-templates.json) and who receives them. The resident hears of
 * each step of their concern (TPL_CONCERN_PROGRESS, TPL_WISH_CLAIMED); the people who must act hear of what
 * waits for them (TPL_CONCERN_TODO): the unit's leaders of a concern to review, the level's workers, leaders,
 * party members and volunteer team leaders of a concern to claim, the joint meeting office of a referral, the
 * claimer of the resident's "not resolved". A sensitive worry is named by its public summary only.
 */
import type { Role } from '../auth/roles';
import { COLLECTIONS } from '../model/collections.model';
import type { Concern } from '../model/concern.model';
import type { User } from '../model/user.model';
import type { DatabasePort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { fitThing } from '../messaging/template-values';
import { publicTitleOf } from '../auth/concern-access';

/** The short progress word of TPL_CONCERN_PROGRESS (`phrase`: at most five characters). */
export const CONCERN_PROGRESS_PHRASES = {
  approved: '审核通过',
  rejected: '未通过审核',
  published: '已发布',
  escalated: '已推送上级',
  referred: '联席会议',
  released: '重新待认领',
  in_progress: '办理中',
  resolved: '已办结待确认',
  reopened: '重新办理',
  closed: '已关闭',
} as const;
export type ConcernProgressPhrase = (typeof CONCERN_PROGRESS_PHRASES)[keyof typeof CONCERN_PROGRESS_PHRASES];

/** The kind of work in TPL_CONCERN_TODO (`phrase`). */
export const CONCERN_TODO_PHRASES = {
  review: '待审核',
  claim: '待认领',
  take: '待承接',
  reopened: '居民未解决',
  supervise: '需领导督办',
  taskOverdue: '任务逾期',
} as const;
export type ConcernTodoPhrase = (typeof CONCERN_TODO_PHRASES)[keyof typeof CONCERN_TODO_PHRASES];

type Named = Pick<Concern, '_id' | 'title' | 'sensitive' | 'publicSummary'>;

function page(config: PlatformConfig, concernId: string): string {
  return `${config.pages.concernDetail}?concernId=${encodeURIComponent(concernId)}`;
}

/** TPL_CONCERN_PROGRESS to the resident; none for a concern filed for someone without the mini-program. */
export function progressMessage(
  config: PlatformConfig,
  concern: Named & Pick<Concern, 'residentOpenid'>,
  phrase: ConcernProgressPhrase,
  unitName: string,
  at: number,
): SubscribeMessage[] {
  if (concern.residentOpenid === null) return [];
  return [
    {
      touser: concern.residentOpenid,
      templateId: config.templates.concernProgress,
      page: page(config, concern._id),
      data: {
        thing1: { value: fitThing(publicTitleOf(concern)) },
        phrase2: { value: phrase },
        thing3: { value: fitThing(unitName, '社区') },
        time4: { value: formatShanghaiMinute(at) },
      },
    },
  ];
}

/** TPL_WISH_CLAIMED to the resident: who claimed it. */
export function claimedMessage(
  config: PlatformConfig,
  concern: Named & Pick<Concern, 'residentOpenid'>,
  claimerName: string,
  at: number,
): SubscribeMessage[] {
  if (concern.residentOpenid === null) return [];
  return [
    {
      touser: concern.residentOpenid,
      templateId: config.templates.wishClaimed,
      page: page(config, concern._id),
      data: {
        thing1: { value: fitThing(publicTitleOf(concern)) },
        thing2: { value: fitThing(claimerName) },
        time3: { value: formatShanghaiMinute(at) },
      },
    },
  ];
}

/** TPL_CONCERN_TODO to each recipient. */
export function todoMessages(
  config: PlatformConfig,
  recipients: readonly string[],
  concern: Named,
  phrase: ConcernTodoPhrase,
  unitName: string,
  at: number,
): SubscribeMessage[] {
  return recipients.map((touser) => ({
    touser,
    templateId: config.templates.concernTodo,
    page: page(config, concern._id),
    data: {
      thing1: { value: fitThing(publicTitleOf(concern)) },
      phrase2: { value: phrase },
      thing3: { value: fitThing(unitName, '本单位') },
      time4: { value: formatShanghaiMinute(at) },
    },
  }));
}

/** Who hears of a concern to claim at a level: its workers and leaders, party members and team leaders there. */
export const CLAIM_NOTICE_ROLES: readonly Role[] = ['worker', 'leader', 'party_member', 'volunteer'];

/**
 * The people holding one of `roles` exactly at `unitPath` (a volunteer only as their team's leader), at
 * most `config.concerns.maxRecipients`. Served by the users index `grants.role_1_grants.orgPath_1`.
 */
export async function recipientsAt(
  db: DatabasePort,
  config: PlatformConfig,
  unitPath: string,
  roles: readonly Role[],
): Promise<string[]> {
  const users = await db.find<Pick<User, '_id' | 'grants'>>(
    COLLECTIONS.users,
    { 'grants.role': db.command.in([...roles]), 'grants.orgPath': unitPath },
    { fields: ['grants'], orderBy: [['_id', 'asc']], limit: config.concerns.maxRecipients },
  );
  return users
    .filter((u) =>
      u.grants.some(
        (g) =>
          roles.includes(g.role) &&
          g.orgPath === unitPath &&
          (g.role !== 'volunteer' || g.position === 'leader'),
      ),
    )
    .map((u) => u._id);
}
