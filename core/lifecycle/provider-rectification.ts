/**
 * Which rectification a rectifying provider is under now: the one ordered by hand (provider.status.change,
 * kept on the provider as `rectification`) or the one the latest evaluation ordered. The hand-ordered one is
 * in force when the provider carries its deadline and it was ordered no earlier than that evaluation's
 * publication (the rule of the timer step 'rectification' and of the removal report, docs/governance.md).
 */
import type { Provider, ProviderRectification } from '../model/provider.model';

/** Where a rectification came from, as the console names it. */
export type RectificationSource = 'evaluation' | 'hand';

export const RECTIFICATION_SOURCE_LABELS: Readonly<Record<RectificationSource, string>> = {
  evaluation: '考核整改',
  hand: '责令整改',
};

/**
 * The provider's hand-ordered rectification when it is the one in force; null when the latest evaluation's
 * is (or none was ordered by hand). `latestEvaluationAt`: when the latest evaluation that ordered a
 * rectification was published (null: none).
 */
export function handRectificationInForce(
  provider: Pick<Provider, 'rectifyDeadline'> & { readonly rectification?: ProviderRectification | null },
  latestEvaluationAt: number | null,
): ProviderRectification | null {
  const byHand = provider.rectification ?? null;
  if (byHand === null || byHand.deadline !== provider.rectifyDeadline) return null;
  if (latestEvaluationAt !== null && latestEvaluationAt > byHand.orderedAt) return null;
  return byHand;
}
