import type { BrokerClock, Scenario } from '../engine/types';
import type { ConformanceCase } from '../scenario/cases';
import type { Recording } from './player';

/**
 * Recordings as FORMAT.md cases: the case as it was given, plus `observed`, `t0Phase` and the
 * diagnostics a recording carries (`brokerVersion`, `brokerClock`, `recordedAt`). Unknown fields
 * are ignored by every reader of FORMAT.md, so a recording is still an ordinary case file.
 */

/**
 * Tolerance (s) when a real broker's observation is compared with a coarse-timer profile's
 * prediction. The profile predicts the broker's tick instants; the broker serves a tick in its next
 * loop pass (Mosquitto: epoll_wait times out after 100 ms when idle), the packet crosses loopback,
 * the player's own timers jitter, and recordings round to 0.1 s. 0.3 s covers that on a busy
 * 2-core machine and stays below 0.5 s, the distance from every suite step to a tick, so a model
 * that is one tick (1 s) off cannot pass.
 */
export const TOLERANCE_S = 0.3;

/** The broker's clocks at t = 0 of a recorded case, for `simulate(..., { clock })`. */
export function caseClock(c: Pick<ConformanceCase, 't0Phase' | 'extra'>): BrokerClock | undefined {
  if (c.t0Phase === undefined) return undefined;
  const clock: BrokerClock = { t0Phase: c.t0Phase };
  const extra = c.extra.brokerClock as { monotonicPhase?: unknown; keepAliveSweepAt?: unknown } | undefined;
  if (typeof extra?.monotonicPhase === 'number') clock.monotonicPhase = extra.monotonicPhase;
  if (typeof extra?.keepAliveSweepAt === 'number') clock.keepAliveSweepAt = extra.keepAliveSweepAt;
  return clock;
}

/** The recorded case: `raw` with the observation written into it (without any old `expect`). */
export function recordedCase(
  raw: Record<string, unknown>,
  rec: Recording,
  _clockOf: typeof caseClock = caseClock,
): Record<string, unknown> {
  const { expect: _expect, observed: _observed, t0Phase: _t0, brokerClock: _bc, ...rest } = raw;
  const brokerClock: Record<string, number> = {};
  if (rec.clock.monotonicPhase !== undefined) brokerClock.monotonicPhase = rec.clock.monotonicPhase;
  if (rec.clock.keepAliveSweepAt !== undefined) brokerClock.keepAliveSweepAt = rec.clock.keepAliveSweepAt;
  const out: Record<string, unknown> = {
    ...rest,
    t0Phase: rec.clock.t0Phase,
    brokerVersion: rec.brokerVersion,
    brokerClock,
    recordedAt: rec.startedAt,
    observed: rec.observed,
  };
  if (rec.problems.length > 0) out.problems = rec.problems;
  return out;
}

/** A scenario file as one FORMAT.md case (for recording a scenario that was not a case). */
export function caseFromScenario(sc: Scenario, id: string): Record<string, unknown> {
  return {
    id,
    title: sc.title,
    protocol: sc.protocol,
    broker: sc.broker.persistence,
    ...(sc.observer ? { observer: sc.observer } : {}),
    clients: sc.clients,
    steps: sc.steps,
    end: sc.end,
  };
}
