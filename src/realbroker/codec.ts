import { Buffer } from 'buffer';
import * as mqtt from 'mqtt-packet';
import type { ProtocolLevel, UserProperty, WillDef, WillProps } from '../engine/types';

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
      // mqtt-packet's type stops at 2; a QoS 3 will (allowInvalid) is sent as it is, to be refused.
      qos: w.qos as mqtt.QoS,
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
      if (x?.userProperties !== undefined) props.userProperties = userPropertiesObject(x.userProperties);
      if (Object.keys(props).length > 0) will.properties = props;
    }
    p.will = will;
  }
  return p;
}

/**
 * mqtt-packet takes User Properties as an object (a repeated name as an array of values): the order
 * of values under one name is kept, but names interleaved (a, b, a) are sent grouped (a, a, b).
 * `userPropertiesList` reads them back the same way, so a comparison of the two sees no difference.
 */
export function userPropertiesObject(list: readonly UserProperty[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const { name, value } of list) {
    const had = out[name];
    out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

export function userPropertiesList(o: Record<string, string | string[]> | undefined): UserProperty[] {
  const out: UserProperty[] = [];
  for (const [name, v] of Object.entries(o ?? {}))
    for (const value of Array.isArray(v) ? v : [v]) out.push({ name, value });
  return out;
}

const show = (v: unknown) => (v === undefined ? 'none' : JSON.stringify(v));

/**
 * How the will properties a 5.0 subscriber received differ from those the CONNECT sent (one line per
 * difference; empty when they arrived unaltered, [MQTT-3.1.3-10]). `got` is mqtt-packet's parsed
 * PUBLISH properties. The Message Expiry may have counted down, never up.
 */
export function willPropsDifferences(
  sent: WillProps | null,
  messageExpiry: number | null,
  got: Record<string, unknown> | undefined,
): string[] {
  const out: string[] = [];
  const g = got ?? {};
  const same = (what: string, want: unknown, have: unknown) => {
    if (want !== have) out.push(`${what} ${show(have)}, sent ${show(want)}`);
  };
  same('Payload Format Indicator', sent?.payloadFormatIndicator === true, g.payloadFormatIndicator === true);
  same('Content Type', sent?.contentType, g.contentType);
  same('Response Topic', sent?.responseTopic, g.responseTopic);
  const cd = g.correlationData;
  same(
    'Correlation Data',
    sent?.correlationData,
    cd === undefined ? undefined : new TextDecoder().decode(cd as Uint8Array),
  );
  const want = JSON.stringify(userPropertiesList(userPropertiesObject(sent?.userProperties ?? [])));
  const have = JSON.stringify(userPropertiesList(g.userProperties as Record<string, string | string[]> | undefined));
  if (want !== have) out.push(`User Properties ${have}, sent ${want}`);
  const mei = g.messageExpiryInterval as number | undefined;
  if (messageExpiry === null ? mei !== undefined : mei === undefined || mei > messageExpiry)
    out.push(`Message Expiry ${show(mei)}, sent ${show(messageExpiry ?? undefined)}`);
  return out;
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
