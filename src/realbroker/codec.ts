import { Buffer } from 'buffer';
import * as mqtt from 'mqtt-packet';
import type { ProtocolLevel, WillDef } from '../engine/types';

/**
 * The packets the player sends and reads, encoded and parsed by mqtt-packet (one parser per
 * connection: the protocol level decides how properties are read). Works in Node and, with the
 * `buffer` package mqtt-packet imports, in the browser.
 */
export type Packet = mqtt.Packet;

export interface ConnectOptions {
  clientId: string;
  protocol: ProtocolLevel;
  cleanStart: boolean;
  keepAlive: number;
  /** 5.0: Session Expiry Interval; null = property absent. */
  sessionExpiry: number | null;
  will: WillDef | null;
  /** User Name and Password (ejabberd's mod_mqtt refuses a CONNECT without them). */
  username?: string;
  password?: string;
}

export function connectPacket(o: ConnectOptions): mqtt.IConnectPacket {
  const p: mqtt.IConnectPacket = {
    cmd: 'connect',
    protocolId: 'MQTT',
    protocolVersion: o.protocol,
    clientId: o.clientId,
    clean: o.cleanStart,
    keepalive: o.keepAlive,
  };
  if (o.username !== undefined) p.username = o.username;
  // 3.1.1 [MQTT-3.1.2-22]: a Password only with a User Name.
  if (o.password !== undefined && o.username !== undefined) p.password = Buffer.from(o.password, 'utf8');
  if (o.protocol === 5 && o.sessionExpiry !== null) p.properties = { sessionExpiryInterval: o.sessionExpiry };
  const w = o.will;
  if (w) {
    const will: NonNullable<mqtt.IConnectPacket['will']> = {
      topic: w.topic,
      payload: w.payload,
      qos: w.qos,
      retain: w.retain,
    };
    if (o.protocol === 5) {
      const props: NonNullable<NonNullable<mqtt.IConnectPacket['will']>['properties']> = {};
      if (w.delay !== null) props.willDelayInterval = w.delay;
      if (w.messageExpiry !== null) props.messageExpiryInterval = w.messageExpiry;
      const x = w.props;
      if (x?.payloadFormatIndicator !== undefined) props.payloadFormatIndicator = x.payloadFormatIndicator;
      if (x?.contentType !== undefined) props.contentType = x.contentType;
      if (x?.responseTopic !== undefined) props.responseTopic = x.responseTopic;
      if (x?.correlationData !== undefined) props.correlationData = Buffer.from(x.correlationData, 'utf8');
      if (x?.userProperties !== undefined) props.userProperties = x.userProperties;
      if (Object.keys(props).length > 0) will.properties = props;
    }
    p.will = will;
  }
  return p;
}

export function encode(p: Packet, protocol: ProtocolLevel): Uint8Array {
  return mqtt.generate(p, { protocolVersion: protocol });
}

/** Bytes of a packet of reserved type 0 with no payload: malformed in every version. */
export const RESERVED_PACKET = new Uint8Array([0x00, 0x00]);

/** A streaming parser for one connection. */
export function packetReader(protocol: ProtocolLevel, onPacket: (p: Packet) => void, onError: (e: Error) => void) {
  const parser = mqtt.parser({ protocolVersion: protocol });
  parser.on('packet', onPacket);
  parser.on('error', onError);
  return (bytes: Uint8Array) => {
    parser.parse(bytes as never);
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const utf8 = (s: string): Uint8Array => encoder.encode(s);
export function text(payload: string | Uint8Array | undefined): string {
  if (payload === undefined) return '';
  return typeof payload === 'string' ? payload : decoder.decode(payload);
}
