import type { BrokerSettings, ProtocolLevel } from '../types';

/**
 * A client's DISCONNECT (5.0 §3.14; 3.1.1 §3.14): whether its Reason Code is one, and what it does
 * to the Session Expiry in force.
 */

// 5.0 §3.14.2.1: the DISCONNECT Reason Codes; anything else is a Malformed Packet [MQTT-3.14.2-1].
const DISCONNECT_CODES = new Set([
  0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8b, 0x8d, 0x8e, 0x8f, 0x90, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98,
  0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2,
]);

/** 3.1.1 has no reason codes: every DISCONNECT is a normal one. */
export const isDisconnectCode = (v: ProtocolLevel, reason: number): boolean => v === 4 || DISCONNECT_CODES.has(reason);

export interface DisconnectSessionExpiry {
  /** §3.14.2.2.2: a non-zero value where the CONNECT carried 0 (or none) is a Protocol Error. */
  raisedFromZero: boolean;
  /** The Session Expiry in force after the DISCONNECT, or null when it does not change. */
  granted: number | null;
  /** The raise from 0 was taken as it is (a profile's departure, NanoMQ). */
  raiseAccepted?: boolean;
}

/**
 * 5.0 §3.14.2.2.2: "If the Session Expiry Interval is absent, the Session Expiry Interval in the
 * CONNECT packet is used" (so absent changes nothing), and "If the Session Expiry Interval in the
 * CONNECT packet was zero, then it is a Protocol Error to set a non-zero Session Expiry Interval in
 * the DISCONNECT packet". The comparison is with the CONNECT packet's value (`requested`), not the
 * value in force after the broker's maximum. A value the broker would not grant at CONNECT is
 * capped the same way (§3.2.2.3.2).
 */
export function disconnectSessionExpiry(
  v: ProtocolLevel,
  reason: number,
  value: number | null | undefined,
  requested: number,
  broker: BrokerSettings,
  acceptsRaise = false,
): DisconnectSessionExpiry {
  if (v === 4 || value === undefined || value === null) return { raisedFromZero: false, granted: null };
  const raising = requested === 0 && value !== 0;
  if (raising && !acceptsRaise) return { raisedFromZero: true, granted: null };
  if (!isDisconnectCode(v, reason)) return { raisedFromZero: false, granted: null };
  const max = broker.maxSessionExpiry;
  const granted = max !== null && value > max ? max : value;
  return raising ? { raisedFromZero: false, granted, raiseAccepted: true } : { raisedFromZero: false, granted };
}
