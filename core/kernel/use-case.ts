/**
 * What every use case is handed, whatever its capability: the ports (database, clock, ids, messaging,
 * content security), the actor (identity from the caller's context plus stored grants), the raw command
 * (validated by the use case itself) and the platform configuration. Timer jobs get the same ports and act
 * as the platform.
 */
import type { Actor } from '../auth/roles';
import type { AuditSource } from './audit';
import type { ContentSecurity } from './content-security.port';
import type { DatabasePort } from './database.port';
import type { Notifier } from './notifier.port';
import type { Clock, IdGenerator } from './ports';
import type { PlatformConfig } from './platform.config';

export interface PlatformPorts {
  readonly db: DatabasePort;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly notifier: Notifier;
  readonly contentSecurity: ContentSecurity;
  /**
   * Set for calls from the workers' console: every write is then recorded in the audit log with this source,
   * in the write's own transaction (core/kernel/audit.ts). Absent for the mini-program's functions and timers.
   */
  readonly audit?: AuditSource;
}

/** Input of a command or query use case. */
export interface UseCaseInput {
  readonly ports: PlatformPorts;
  readonly actor: Actor;
  /** The raw input from the event; the use case validates it (INVALID_INPUT). */
  readonly command: unknown;
  /** Absent: DEFAULT_PLATFORM_CONFIG. */
  readonly config?: PlatformConfig;
}

/** Input of a timer job: it acts as the platform (SYSTEM_ACTOR unless a test says otherwise). */
export interface TimerInput {
  readonly ports: PlatformPorts;
  readonly actor?: Actor;
  readonly config?: PlatformConfig;
}
