/**
 * The start of every timer job: the platform's own actor (refused for anyone else), the configuration and
 * one "now" read from the clock, so every record a run touches is judged against the same instant.
 */
import { SYSTEM_ACTOR, type Actor } from '../auth/roles';
import type { DatabasePort } from './database.port';
import { requireSystemActor } from './identity';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from './platform.config';
import type { PlatformPorts, TimerInput } from './use-case';

/** What one run of a timer works with: its ports, the (checked) system actor, its configuration, one "now". */
export interface TimerRun {
  readonly ports: PlatformPorts;
  readonly db: DatabasePort;
  readonly actor: Actor;
  readonly config: PlatformConfig;
  readonly now: number;
}

/** Start a timer run: SYSTEM_ACTOR unless a test says otherwise, refused for anyone else; the clock read once. */
export function startTimerRun(input: TimerInput): TimerRun {
  const actor = input.actor ?? SYSTEM_ACTOR;
  requireSystemActor(actor);
  const { ports } = input;
  return {
    ports,
    db: ports.db,
    actor,
    config: input.config ?? DEFAULT_PLATFORM_CONFIG,
    now: ports.clock.now(),
  };
}
