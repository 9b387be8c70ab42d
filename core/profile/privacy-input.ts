/** What the resident's rights use cases take besides the platform's ports: their bounds (privacy.config.ts). */
import type { UseCaseInput } from '../kernel/use-case';
import type { PrivacyConfig } from '../privacy/privacy.config';

export interface PrivacyUseCaseInput extends UseCaseInput {
  /** Absent: DEFAULT_PRIVACY_CONFIG. */
  readonly privacy?: PrivacyConfig;
}
