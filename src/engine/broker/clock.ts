import type { BrokerProfile, ConnectionTimer } from '../profiles';
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
 * NanoMQ with a per-connection timer (NanoNNG nmq_mqtt.c nano_pipe_timer_cb): the cached session is
 * closed (and its will published) at the first tick of the old connection's timer after the close
 * at which either the will's deadline, CONNECT + Will Delay (only when the property was sent, 0
 * included), has passed (`nng_clock() > will_delay_interval`), or ka_refresh x every exceeds Session
 * Expiry (0.23.2: only for Session Expiry > 0; `seiZeroExpires` (0.23.3): for 0 too). ka_refresh
 * goes on from its value at the close. NanoMQ has no Session Expiry for 3.1.1: its value is 0.
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

/** When the broker next looks at its timers from `now`: now itself on the spec or on a tick. */
export function nextCheck(now: number, profile: BrokerProfile, clock: BrokerClock): number {
  const tick = profile.timerTickMs;
  if (!tick || (now + (Math.round(clock.t0Phase * 1000) % tick)) % tick === 0) return now;
  return onTick(now, profile, clock);
}
