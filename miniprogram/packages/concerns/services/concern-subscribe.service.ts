/**
 * Subscribe-message consent for a concern, asked first thing in the tap that submits it (WeChat shows its
 * dialog only from a tap): its progress (TPL_CONCERN_PROGRESS) and, for a wish, its claiming
 * (TPL_WISH_CLAIMED). Through services/cloud-api's requestSubscribe, so local mode records the grants with
 * the local cloud as for the order loop. Declining never blocks the submission. Both are one-time templates
 * (database/message-templates.json), so they are asked for at this moment, each time.
 */
import { subscribeTemplates } from '../../../config';
import { requestSubscribe } from '../../../services/cloud-api';

export const CONCERN_TEMPLATES = {
  concernProgress: subscribeTemplates.concernProgress,
  wishClaimed: subscribeTemplates.wishClaimed,
} as const;

/** The templates accepted, of those asked; none when the dialog could not be shown. */
export async function askConcernUpdates(): Promise<string[]> {
  const ids = [CONCERN_TEMPLATES.concernProgress, CONCERN_TEMPLATES.wishClaimed];
  try {
    const result = await requestSubscribe(ids);
    return ids.filter((id) => result[id] === 'accept');
  } catch {
    return [];
  }
}
