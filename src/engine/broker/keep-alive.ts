import type { BrokerProfile, ConnectionTimer } from '../profiles';
import type { BrokerClock, BrokerSettings, ProtocolLevel } from '../types';
import { nextConnectionTick } from './clock';

/**
 * Keep Alive (5.0 §3.1.2.10, §3.2.2.3.14; 3.1.1 §3.1.2.10): the value in force, the broker's
 * window and when it closes a connection that has gone silent.
 */

export interface KeepAlive {
  /** Seconds in force; 0 = off. */
  keepAlive: number;
  /** The Server Keep Alive the CONNACK carries (5.0), or null. */
  serverKeepAlive: number | null;
}

/** 5.0 [MQTT-3.2.2-21]: a Server Keep Alive replaces the client's value (even 0, ambiguity A7). */
export function keepAliveInForce(v: ProtocolLevel, requested: number, broker: BrokerSettings): KeepAlive {
  const serverKeepAlive = v === 5 ? broker.serverKeepAlive : null;
  return { keepAlive: serverKeepAlive ?? requested, serverKeepAlive };
}

/** 5.0 [MQTT-3.1.2-22] / 3.1.1 [MQTT-3.1.2-24]: the broker allows factor x Keep Alive of silence. */
export function keepAliveWindowMs(keepAlive: number, profile: BrokerProfile): number {
  // ejabberd 23.01: round(Secs * 1.5) whole seconds (keepAliveGraceWholeSeconds; halves up).
  if (profile.keepAliveGraceWholeSeconds) return Math.round(keepAlive * profile.keepAliveFactor) * 1000;
  return Math.round(keepAlive * 1000 * profile.keepAliveFactor);
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

/**
 * NanoMQ (NanoNNG nmq_mqtt.c nano_pipe_timer_cb): at each tick of the connection's timer, it is
 * closed when ka_refresh x everyMs > factor x Keep Alive, else ka_refresh grows by one; every packet
 * received resets it (nano_pipe_recv_cb). So the close is at the j-th tick after the last packet,
 * j = floor(factor x KA / every) + 2, Keep Alive 0 included (closed at the second tick).
 */
export function connectionTimerKeepAlive(
  connectedAt: number,
  lastRecvAt: number,
  keepAlive: number,
  factor: number,
  timer: ConnectionTimer,
): number {
  return (
    nextConnectionTick(connectedAt, lastRecvAt, timer) + (ticksToClose(keepAlive, factor, timer) - 1) * timer.everyMs
  );
}

const ticksToClose = (keepAlive: number, factor: number, timer: ConnectionTimer): number =>
  Math.floor((factor * keepAlive * 1000) / timer.everyMs) + 2;

/**
 * The latest a broker under `profile` closes a connection that went silent right after a packet
 * (seconds after that packet, whatever the clocks' phases): 1.5 x Keep Alive for the spec; with a
 * periodic sweep, the whole seconds of grace plus one, plus one sweep period. Code that places
 * steps "after the broker's close" (the explorer's cells) uses this, never its own 1.5.
 */
export function latestClose(keepAlive: number, profile: BrokerProfile): number {
  const timer = profile.connectionTimer;
  // NanoMQ: the first tick after the packet is at most max(first, every) later (Keep Alive 0 too).
  if (timer)
    return (
      (Math.max(timer.firstMs, timer.everyMs) +
        (ticksToClose(keepAlive, profile.keepAliveFactor, timer) - 1) * timer.everyMs) /
      1000
    );
  if (keepAlive <= 0) return Number.POSITIVE_INFINITY;
  const sweep = profile.keepAliveSweepMs;
  if (!sweep) return keepAliveWindowMs(keepAlive, profile) / 1000;
  return Math.floor(keepAlive * profile.keepAliveFactor) + 1 + sweep / 1000;
}
