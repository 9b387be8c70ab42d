/**
 * What every order-loop use case is handed: the ports (database, clock, ids, messaging, content security),
 * the actor (identity from the WeChat context plus stored grants), the raw command (validated by the use
 * case itself) and the configuration.
 */
import type { Actor } from '../auth/roles';
import type { ContentSecurity } from '../shared/content-security.port';
import type { DatabasePort } from '../shared/database.port';
import type { Notifier } from '../shared/notifier.port';
import type { Clock, IdGenerator } from '../shared/ports';
import type { OrderLoopConfig } from './order-loop.config';

export interface OrderLoopPorts {
  readonly db: DatabasePort;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly notifier: Notifier;
  readonly contentSecurity: ContentSecurity;
}

/** Input of a command or query use case. */
export interface UseCaseInput {
  readonly ports: OrderLoopPorts;
  readonly actor: Actor;
  /** The raw input from the event; the use case validates it (INVALID_INPUT). */
  readonly command: unknown;
  /** Absent: DEFAULT_ORDER_LOOP_CONFIG. */
  readonly config?: OrderLoopConfig;
}

/** Input of a timer job: it acts as the platform (SYSTEM_ACTOR unless a test says otherwise). */
export interface TimerInput {
  readonly ports: OrderLoopPorts;
  readonly actor?: Actor;
  readonly config?: OrderLoopConfig;
}
