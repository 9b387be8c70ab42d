/**
 * `moderation`: the workers' queue of what users wrote that waits for a person (docs/functions.md): texts
 * WeChat's content check held for review and ratings whose stars were held (decision 0013). A worker of a
 * unit lists its pending items and approves or rejects each; the admin console will call the same use cases.
 */
import { decideModeration } from '../../core/moderation/decide-moderation.usecase';
import { listModeration } from '../../core/moderation/list-moderation.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'moderation.list': (ctx, command) => listModeration({ ...ctx, command }),
  'moderation.decide': (ctx, command) => decideModeration({ ...ctx, command }),
});
