/** Small display helpers the governance screens share (no rule of the platform here). */
import type { ApplicationStatus } from '../../../../../core/lifecycle/application.lifecycle';
import type { ApplicationIndustry } from '../../../../../core/providers/application.replies';

export type TagTheme = 'default' | 'primary' | 'success' | 'warning' | 'danger';

/** An application's status tag colour. */
export function statusTheme(status: ApplicationStatus): TagTheme {
  switch (status) {
    case 'applied':
    case 'under_review':
      return 'primary';
    case 'returned':
      return 'warning';
    case 'noticed':
      return 'success';
    case 'agreement_signed':
      return 'success';
    case 'rejected':
      return 'danger';
    default:
      return 'default';
  }
}

export const industryText = (industries: readonly ApplicationIndustry[]): string =>
  industries.map((i) => i.label).join('、') || '—';

/** A step that needs a reason in words, as ReasonDialog sends it. */
export interface ReasonStep {
  readonly header: string;
  readonly label: string;
  readonly hint?: string;
  readonly confirm?: string;
  readonly danger?: boolean;
  readonly success: string;
  readonly send: (reason: string, clientRequestId: string) => Promise<unknown>;
}
