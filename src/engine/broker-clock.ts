import type { BrokerProfile } from './profiles';
import { type BrokerClock, SEI_NEVER } from './types';

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
 * When the broker closes a connection that sends nothing after `lastRecvAt`: at the end of its
 * keep-alive window (5.0 [MQTT-3.1.2-22]), or at the first periodic sweep after it (Mosquitto).
 */
export function keepAliveDeadline(
  lastRecvAt: number,
  windowMs: number,
  keepAlive: number,
  profile: BrokerProfile,
  clock: BrokerClock,
): number {
  const sweep = profile.keepAliveSweepMs;
  if (!sweep) return lastRecvAt + windowMs;
  // Whole seconds of the monotonic clock: closed at the first sweep where the seconds since the
  // last packet exceed floor(factor x Keep Alive).
  const phase = Math.round((clock.monotonicPhase ?? clock.t0Phase) * 1000);
  const lastSecond = Math.floor((lastRecvAt + phase) / 1000);
  const grace = Math.floor(keepAlive * profile.keepAliveFactor);
  const earliest = (lastSecond + grace + 1) * 1000 - phase;
  // Sweeps run when a monotonic second turns: snap the recorded sweep onto that grid.
  const anchor = Math.round(((clock.keepAliveSweepAt ?? 0) * 1000 + phase) / 1000) * 1000 - phase;
  return anchor + Math.ceil((earliest - anchor) / sweep) * sweep;
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
