import type { BrokerProfile } from '../profiles';
import type { WhyCode } from '../rules';
import type { ConnectParams } from '../script/steps';
import { topicProblem } from '../topic';
import { type BrokerSettings, type ProtocolLevel, SEI_NEVER, type WillDef } from '../types';

/**
 * CONNECT (5.0 §3.1.4, §3.2.2; 3.1.1 §3.1.4): whether the broker accepts it, and the Session Expiry
 * it puts in force. Pure decisions; the engine applies them.
 */

export interface Refusal {
  code: Extract<WhyCode, `conn.refused.${string}`>;
  /**
   * CONNACK Reason Code (5.0) or return code (3.1.1); null when the broker closes the network
   * connection without a CONNACK (3.1.1 [MQTT-3.1.4-1], or a profile's choice for 5.0, §4.13).
   */
  reason: number | null;
  params: Record<string, string | number | null>;
  /** The profile, not the spec, decided how (a 5.0 refusal without CONNACK): cite its deviation. */
  byProfile: boolean;
}

/**
 * Why the broker refuses the CONNECT, or null. Checked before anything is stored or taken over
 * (§3.1.4; ambiguity A3: only an accepted CONNECT cancels a pending will). No session is created or
 * changed and no will is stored.
 */
export function connectRefusal(
  p: ConnectParams,
  broker: BrokerSettings,
  clientId: string,
  profile: Pick<BrokerProfile, 'invalidWillClosesWithoutConnack' | 'refusesEmptyWillPayload'> = {},
): Refusal | null {
  const v = p.protocol;
  // NanoMQ (mqtt_parser.c conn_handler): a will payload of length 0 makes the CONNECT malformed.
  if (p.will && p.will.payload === '' && profile.refusesEmptyWillPayload)
    return { code: 'conn.refused.emptyWill', reason: 0x81, params: {}, byProfile: true };
  const w = willRefusal(p.will, v, broker, profile);
  if (w) return w;
  // 3.1.1 [MQTT-3.1.3-8]: a zero-length Client Identifier needs CleanSession 1 (return code 0x02).
  if (clientId === '' && v === 4 && !p.cleanStart)
    return { code: 'conn.refused.clientId', reason: 0x02, params: {}, byProfile: false };
  return null;
}

/**
 * The part of the refusal that is about the will; the editor words the same answer before a run.
 * Invalid wills reach here only when the scenario marks them `allowInvalid` (docs/decisions.md).
 */
export function willRefusal(
  w: WillDef | null,
  v: ProtocolLevel,
  broker: BrokerSettings,
  profile: Pick<BrokerProfile, 'invalidWillClosesWithoutConnack'> = {},
): Refusal | null {
  if (!w) return null;
  // 5.0 lets the broker send a CONNACK >= 0x80 before closing on an invalid CONNECT (§4.13); a
  // profile may close without one, as 3.1.1 always does [MQTT-3.1.4-1].
  const silent = v === 4 || profile.invalidWillClosesWithoutConnack === true;
  const byProfile = v === 5 && silent;
  // 5.0 [MQTT-3.1.2-12] / 3.1.1 [MQTT-3.1.2-14]: Will QoS 3 is a Malformed Packet (5.0 0x81).
  if (w.qos === 3) return { code: 'conn.refused.willQos3', reason: silent ? null : 0x81, params: {}, byProfile };
  const problem = topicProblem(w.topic);
  if (problem !== null) {
    // A null character makes the string malformed [MQTT-1.5.4-2]; an empty or wildcard topic is a
    // well-formed string that is not a Topic Name ([MQTT-4.7.3-1], 5.0 [MQTT-4.7.0-1] / 3.1.1
    // [MQTT-4.7.1-1]): 0x90 Topic Name invalid.
    const reason = silent ? null : problem === 'topic.null' ? 0x81 : 0x90;
    return { code: 'conn.refused.willTopic', reason, params: { problem }, byProfile };
  }
  // Maximum QoS and Retain Available are 5.0 CONNACK properties; 3.1.1 has neither.
  // 5.0 [MQTT-3.2.2-12]: a Will QoS above the Maximum QoS is refused with 0x9B.
  if (v === 5 && w.qos > broker.maximumQos)
    return {
      code: 'conn.refused.qos',
      reason: 0x9b,
      params: { qos: w.qos, maximumQos: broker.maximumQos },
      byProfile: false,
    };
  // 5.0 [MQTT-3.2.2-13]: a retained will where Retain Available is 0 is refused with 0x9A.
  if (v === 5 && w.retain && !broker.retainAvailable)
    return { code: 'conn.refused.retain', reason: 0x9a, params: {}, byProfile: false };
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
