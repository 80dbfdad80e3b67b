import type { WhyCode } from '../rules';
import type { ConnectParams } from '../script/steps';
import { type BrokerSettings, type ProtocolLevel, SEI_NEVER } from '../types';

/**
 * CONNECT (5.0 §3.1.4, §3.2.2; 3.1.1 §3.1.4): whether the broker accepts it, and the Session Expiry
 * it puts in force. Pure decisions; the engine applies them.
 */

export interface Refusal {
  code: Extract<WhyCode, 'conn.refused.qos' | 'conn.refused.retain' | 'conn.refused.clientId'>;
  /** CONNACK Reason Code (5.0) or return code (3.1.1). */
  reason: number;
}

/**
 * Why the broker refuses the CONNECT, or null. Checked before anything is stored or taken over
 * (§3.1.4; ambiguity A3: only an accepted CONNECT cancels a pending will).
 */
export function connectRefusal(p: ConnectParams, broker: BrokerSettings, clientId: string): Refusal | null {
  const v = p.protocol;
  // 5.0 [MQTT-3.2.2-12]: a Will QoS above the Maximum QoS is refused with 0x9B.
  if (v === 5 && p.will && p.will.qos > broker.maximumQos) return { code: 'conn.refused.qos', reason: 0x9b };
  // 5.0 [MQTT-3.2.2-13]: a retained will where Retain Available is 0 is refused with 0x9A.
  if (v === 5 && p.will?.retain && !broker.retainAvailable) return { code: 'conn.refused.retain', reason: 0x9a };
  // 3.1.1 [MQTT-3.1.3-8]: a zero-length Client Identifier needs CleanSession 1 (return code 0x02).
  if (clientId === '' && v === 4 && !p.cleanStart) return { code: 'conn.refused.clientId', reason: 0x02 };
  return null;
}

export interface SessionExpiry {
  /** In force (seconds; SEI_NEVER = never). 3.1.1: 0 for CleanSession 1, never for 0. */
  sei: number;
  /** The value the CONNECT packet carried (absent = 0); DISCONNECT compares with this (§3.14.2.2.2). */
  requested: number;
  /** Set when the broker's maximum lowered it: the CONNACK carries the value in force (§3.2.2.3.2). */
  capped: number | undefined;
}

/** 5.0 §3.1.2.11.2: absent means 0; the broker may grant less (§3.2.2.3.2). 3.1.1 has none. */
export function sessionExpiryInForce(p: ConnectParams, broker: BrokerSettings): SessionExpiry {
  if (p.protocol === 4) return { sei: p.cleanStart ? 0 : SEI_NEVER, requested: 0, capped: undefined };
  const requested = p.sessionExpiry ?? 0;
  const max = broker.maxSessionExpiry;
  if (max !== null && requested > max) return { sei: max, requested, capped: max };
  return { sei: requested, requested, capped: undefined };
}

/** The Will Delay is 0 (or absent, or 3.1.1, which has none): the will goes out at the close. */
export function willDelayZero(p: ConnectParams): boolean {
  return !p.will || p.protocol === 4 || (p.will.delay ?? 0) === 0;
}

/** True if a 5.0 session with this Session Expiry never ends by itself. */
export const neverExpires = (v: ProtocolLevel, sei: number): boolean => (v === 4 ? sei !== 0 : sei === SEI_NEVER);
