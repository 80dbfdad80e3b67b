import type { BrokerProfile } from '../profiles';
import type { WhyCode } from '../rules';
import { topicProblem } from '../topic';
import type { BrokerSettings, ProtocolLevel, WillDef } from '../types';

/**
 * Whether the broker refuses a CONNECT because of its will, and how. One home for the rule: the
 * engine applies it to every CONNECT and the editor words the same answer before a run.
 *
 * `reason` is the CONNACK Reason Code (5.0, §3.2.2.2), or null when the broker closes the network
 * connection without a CONNACK (3.1.1 [MQTT-3.1.4-1]). In either case no session is created or
 * changed and no will is stored, so none is ever published.
 */
export interface WillRefusal {
  code: Extract<WhyCode, `conn.refused.${string}`>;
  reason: number | null;
  params: Record<string, string | number | null>;
  /** The profile, not the spec, decided how (a 5.0 refusal without CONNACK): cite its deviation. */
  byProfile: boolean;
}

export function willRefusal(
  w: WillDef | null,
  v: ProtocolLevel,
  broker: BrokerSettings,
  profile: Pick<BrokerProfile, 'invalidWillClosesWithoutConnack'> = {},
): WillRefusal | null {
  if (!w) return null;
  // 5.0 lets the broker send a CONNACK >= 0x80 before closing on an invalid CONNECT (§4.13); a
  // profile may close without one, as 3.1.1 always does [MQTT-3.1.4-1].
  const silent = v === 4 || profile.invalidWillClosesWithoutConnack === true;
  // 5.0 [MQTT-3.1.2-12] / 3.1.1 [MQTT-3.1.2-14]: Will QoS 3 is a Malformed Packet (5.0 0x81).
  const byProfile = v === 5 && silent;
  if (w.qos === 3) return { code: 'conn.refused.willQos3', reason: silent ? null : 0x81, params: {}, byProfile };
  const problem = topicProblem(w.topic);
  if (problem !== null) {
    // A null character makes the string malformed [MQTT-1.5.4-2]; an empty or wildcard topic is a
    // well-formed string that is not a Topic Name ([MQTT-4.7.3-1], 5.0 [MQTT-4.7.0-1] / 3.1.1
    // [MQTT-4.7.1-1]): 0x90 Topic Name invalid.
    const reason = silent ? null : problem === 'topic.null' ? 0x81 : 0x90;
    return { code: 'conn.refused.willTopic', reason, params: { problem }, byProfile };
  }
  // Maximum QoS and Retain Available are 5.0 CONNACK properties; 3.1.1 has neither (§3.2.2.3.4, §3.2.2.3.5).
  if (v === 5 && w.qos > broker.maximumQos)
    return {
      code: 'conn.refused.qos',
      reason: 0x9b,
      params: { qos: w.qos, maximumQos: broker.maximumQos },
      byProfile: false,
    };
  if (v === 5 && w.retain && !broker.retainAvailable)
    return { code: 'conn.refused.retain', reason: 0x9a, params: {}, byProfile: false };
  return null;
}
