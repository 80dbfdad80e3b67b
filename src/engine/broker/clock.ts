import type { BrokerProfile } from '../profiles';
import { type BrokerClock, SEI_NEVER } from '../types';

/**
 * When a broker acts on a deadline, as pure arithmetic over virtual milliseconds. The spec profile
 * acts at the deadline itself; profiles of real brokers serve deadlines on their coarse ticks,
 * whose phase at t = 0 a recording provides (BrokerClock).
 */

/** The deadline as served on the profile's timer ticks (whole ticks of the broker's wall clock). */
export function onTick(at: number, profile: BrokerProfile, clock: BrokerClock): number {
  const tick = profile.timerTickMs;
  if (!tick) return at;
  // Ticks fall on whole seconds of the broker's wall clock: t + phase is a multiple of the tick.
  const off = Math.round(clock.t0Phase * 1000) % tick;
  const k = profile.timerTickAfter ? Math.floor((at + off) / tick) + 1 : Math.ceil((at + off) / tick);
  return k * tick - off;
}

/**
 * NanoMQ 0.23.2 closes a cached session on its periodic timer once Session Expiry has passed
 * (never for 0), or once the will's deadline, counted from CONNECT, has passed.
 */
export function cachedSessionDeadline(
  s: { v: 4 | 5; sei: number; closedAt: number; willDelay: number | null; willConnectedAt: number | null },
  tickMs: number,
): number | null {
  const candidates: number[] = [];
  if (s.v === 5 && s.sei > 0 && s.sei !== SEI_NEVER) candidates.push(s.closedAt + s.sei * 1000);
  if (s.v === 5 && s.willConnectedAt !== null && (s.willDelay ?? 0) > 0)
    candidates.push(s.willConnectedAt + (s.willDelay ?? 0) * 1000);
  if (candidates.length === 0) return null;
  const deadline = Math.max(Math.min(...candidates), s.closedAt);
  return (Math.floor(deadline / tickMs) + 1) * tickMs;
}

/** When the broker next looks at its timers from `now`: now itself on the spec or on a tick. */
export function nextCheck(now: number, profile: BrokerProfile, clock: BrokerClock): number {
  const tick = profile.timerTickMs;
  if (!tick || (now + (Math.round(clock.t0Phase * 1000) % tick)) % tick === 0) return now;
  return onTick(now, profile, clock);
}
