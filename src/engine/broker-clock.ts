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
  connectedAt = 0,
): number {
  const timer = profile.connectionTimer;
  if (timer) return connectionTimerKeepAlive(connectedAt, lastRecvAt, keepAlive, profile.keepAliveFactor, timer);
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

/** A connection's own timer (NanoMQ): ticks at connectedAt + firstMs + k x everyMs. */
export interface ConnectionTimer {
  firstMs: number;
  everyMs: number;
}

/** The first tick of the connection's timer strictly after `t`. */
export function nextConnectionTick(connectedAt: number, t: number, timer: ConnectionTimer): number {
  const first = connectedAt + timer.firstMs;
  if (t < first) return first;
  return first + (Math.floor((t - first) / timer.everyMs) + 1) * timer.everyMs;
}

/** How many of the connection's ticks fell in (from, to]: NanoMQ's `ka_refresh`, reset by every packet. */
export function ticksBetween(connectedAt: number, from: number, to: number, timer: ConnectionTimer): number {
  const next = nextConnectionTick(connectedAt, from, timer);
  return next > to ? 0 : Math.floor((to - next) / timer.everyMs) + 1;
}

/**
 * NanoMQ (NanoNNG nmq_mqtt.c nano_pipe_timer_cb): at each tick, a connection is closed when
 * ka_refresh x everyMs > factor x Keep Alive, else ka_refresh grows by one; every packet received
 * resets it. So the close is at the j-th tick after the last packet, j = floor(factor x KA / every) + 2,
 * Keep Alive 0 included (closed at the second tick).
 */
export function connectionTimerKeepAlive(
  connectedAt: number,
  lastRecvAt: number,
  keepAlive: number,
  factor: number,
  timer: ConnectionTimer,
): number {
  const j = Math.floor((factor * keepAlive * 1000) / timer.everyMs) + 2;
  return nextConnectionTick(connectedAt, lastRecvAt, timer) + (j - 1) * timer.everyMs;
}

/**
 * NanoMQ with a per-connection timer: the cached session is closed (and its will published) at the
 * first tick of the old connection's timer after the close at which either the will's deadline,
 * CONNECT + Will Delay (only when the property was sent, 0 included), has passed (`nng_clock() >
 * will_delay_interval`), or ka_refresh x every exceeds Session Expiry (0.23.2: only for Session
 * Expiry > 0; `seiZeroExpires` (0.23.3): for 0 too). ka_refresh goes on from its value at the close.
 */
export function cachedSessionClose(
  s: {
    v: 4 | 5;
    sei: number;
    closedAt: number;
    connectedAt: number;
    lastRecvAt: number;
    willDelay: number | null;
    willConnectedAt: number | null;
  },
  timer: ConnectionTimer,
  seiZeroExpires: boolean,
): number | null {
  const r0 = ticksBetween(s.connectedAt, s.lastRecvAt, s.closedAt, timer);
  const first = nextConnectionTick(s.connectedAt, s.closedAt, timer);
  let best: number | null = null;
  // NanoMQ has no Session Expiry for 3.1.1: its value is 0.
  const sei = s.v === 4 ? 0 : s.sei;
  if (sei !== SEI_NEVER && (sei > 0 || seiZeroExpires)) {
    // (r0 + j) x every > sei x 1000, j >= 1.
    const j = Math.max(1, Math.floor((sei * 1000) / timer.everyMs) + 1 - r0);
    best = first + (j - 1) * timer.everyMs;
  }
  if (s.v === 5 && s.willConnectedAt !== null && s.willDelay !== null) {
    const deadline = s.willConnectedAt + s.willDelay * 1000;
    const at = deadline < first ? first : nextConnectionTick(s.connectedAt, deadline, timer);
    if (best === null || at < best) best = at;
  }
  return best;
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
