import type { BrokerSettings, ProtocolLevel } from '../types';

/**
 * A client's PUBLISH against what the broker announced in its CONNACK (5.0 only; 3.1.1 announces
 * neither): a QoS above Maximum QoS is a Protocol Error answered with DISCONNECT 0x9B (§3.2.2.3.4,
 * [MQTT-3.2.2-11]); RETAIN 1 where Retain Available is 0 is answered with DISCONNECT 0x9A
 * (§3.2.2.3.5, [MQTT-3.2.2-14], §3.3.1.3). Either way the connection closes on an error, so the
 * will is published [MQTT-3.1.2-8], and the message is not routed.
 */
export type PublishRefusal = 0x9b | 0x9a;

export function publishRefusal(
  v: ProtocolLevel,
  qos: 0 | 1 | 2,
  retain: boolean,
  broker: BrokerSettings,
): PublishRefusal | null {
  if (v !== 5) return null;
  if (qos > broker.maximumQos) return 0x9b;
  if (retain && !broker.retainAvailable) return 0x9a;
  return null;
}
