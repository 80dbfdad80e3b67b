/**
 * Engine input and output types. The engine reads a validated {@link Scenario} (times in seconds, as
 * written by people) and produces a {@link RunResult} whose trace uses integer virtual milliseconds.
 * Everything here is plain JSON-safe data: no classes, no functions, no Infinity.
 */

import type { Why } from './rules';
import type { ProtocolLevel } from './script/names';

export type { Why } from './rules';
export { OBSERVER, OFFLINE_SUBSCRIBER, type ProtocolLevel, SEI_NEVER } from './script/names';

/** One User Property: a name/value pair. A name may repeat and the order is kept [MQTT-3.1.3-10]. */
export interface UserProperty {
  name: string;
  value: string;
}

/** The Will Properties of a 5.0 CONNECT (§3.1.3.2) that travel with the will to its subscribers. */
export interface WillProps {
  payloadFormatIndicator?: boolean;
  contentType?: string;
  responseTopic?: string;
  correlationData?: string;
  userProperties?: UserProperty[];
}

export interface WillDef {
  topic: string;
  payload: string;
  /** 3 only with `allowInvalid` (a Malformed Packet the broker refuses, [MQTT-3.1.2-12]). */
  qos: 0 | 1 | 2 | 3;
  retain: boolean;
  /**
   * The scenario knowingly gives an invalid will (QoS 3, a wildcard or empty will topic): the run
   * shows the broker refusing the CONNECT instead of the file being rejected (docs/decisions.md).
   */
  allowInvalid?: boolean;
  /** Will Delay Interval in seconds; null = property absent (= 0). 5.0 only. */
  delay: number | null;
  /** Message Expiry Interval in seconds; null = absent. 5.0 only. */
  messageExpiry: number | null;
  props: WillProps | null;
}

export interface SubscriptionDef {
  filter: string;
  qos: 0 | 1 | 2;
  retainAsPublished: boolean;
  noLocal: boolean;
  retainHandling: 0 | 1 | 2;
}

export interface ClientDef {
  name: string;
  clientId: string;
  protocol: ProtocolLevel;
  cleanStart: boolean;
  /** Seconds; null = property absent (= 0); SEI_NEVER = never expires. Ignored for 3.1.1. */
  sessionExpiry: number | null;
  keepAlive: number;
  will: WillDef | null;
  /** Subscriptions made right after every accepted connect of this client. */
  subscriptions: SubscriptionDef[];
}

export interface BrokerSettings {
  /** Whether sessions and retained messages survive a brokerRestart. */
  persistence: 'volatile' | 'persist';
  /** Maximum QoS (CONNACK property); a 5.0 will above it is refused with 0x9B. */
  maximumQos: 0 | 1 | 2;
  /** Retain Available; a 5.0 retained will is refused with 0x9A when false. */
  retainAvailable: boolean;
  /** Server Keep Alive in seconds sent in CONNACK to 5.0 clients; null = not sent. */
  serverKeepAlive: number | null;
  /** Largest Session Expiry the broker grants (CONNACK override); null = no limit. */
  maxSessionExpiry: number | null;
}

export interface ObserverDef {
  protocol: ProtocolLevel;
  subscriptionQos: 0 | 1 | 2;
  retainAsPublished: boolean;
}

interface StepBase {
  /** Seconds from the start of the scenario. */
  t: number;
}

export type Step =
  | (StepBase & { action: 'connect'; client: string })
  | (StepBase & {
      action: 'reconnect';
      client: string;
      cleanStart?: boolean;
      sessionExpiry?: number | null;
      keepAlive?: number;
      protocol?: ProtocolLevel;
      will?: WillDef | null;
      afterClose?: number;
    })
  | (StepBase & { action: 'drop' | 'reset' | 'silence' | 'protoerr' | 'badpacket'; client: string })
  | (StepBase & { action: 'disconnect'; client: string; reason?: number; sessionExpiry?: number | null })
  | (StepBase & { action: 'takeover'; client: string; of: string; cleanStart?: boolean })
  | (StepBase & {
      action: 'publish';
      client: string;
      topic?: string;
      topicOf?: string;
      payload: string;
      qos: 0 | 1 | 2;
      retain: boolean;
      messageExpiry?: number | null;
    })
  | (StepBase & {
      action: 'subscribe';
      client: string;
      filter: string;
      qos: 0 | 1 | 2;
      retainAsPublished?: boolean;
      noLocal?: boolean;
      retainHandling?: 0 | 1 | 2;
    })
  | (StepBase & { action: 'unsubscribe'; client: string; filter: string })
  | (StepBase & { action: 'kick'; client: string })
  | (StepBase & { action: 'brokerRestart'; client: null });

export type StepAction = Step['action'];

export interface Scenario {
  version: 1;
  title: string;
  /** Broker profile id; "spec" follows the standard. */
  profile: string;
  /** Seed of the run's PRNG (used for assigned Client Identifiers). */
  seed: number;
  /** Default protocol of every client. */
  protocol: ProtocolLevel;
  broker: BrokerSettings;
  /** The implicit observer that subscribes to every will topic; null = none. */
  observer: ObserverDef | null;
  /** Adds FORMAT.md's offline persistent subscriber. */
  offlineSubscriber: boolean;
  clients: ClientDef[];
  steps: Step[];
  /** Seconds; the run stops here. */
  end: number;
}

/**
 * Where a real broker's coarse clocks stood at t = 0 of a recorded run (conformance/FORMAT.md
 * `t0Phase`, plus the diagnostics a recording carries). Only profiles with coarse timers read it;
 * the spec ignores it.
 */
export interface BrokerClock {
  /** Fraction of a second of the broker's wall clock at t = 0 (Will Delay, Session Expiry). */
  t0Phase: number;
  /** Fraction of a second of the clock that times keep-alive (Mosquitto: monotonic); default t0Phase. */
  monotonicPhase?: number;
  /** Virtual time (s) of one keep-alive sweep; the others follow at the profile's period. Default 0. */
  keepAliveSweepAt?: number;
}

// ---------------------------------------------------------------------------------------------
// Trace

export type PacketType =
  | 'CONNECT'
  | 'CONNACK'
  | 'PUBLISH'
  | 'PUBACK'
  | 'PUBREC'
  | 'PUBREL'
  | 'PUBCOMP'
  | 'SUBSCRIBE'
  | 'SUBACK'
  | 'UNSUBSCRIBE'
  | 'UNSUBACK'
  | 'PINGREQ'
  | 'PINGRESP'
  | 'DISCONNECT'
  | 'RESERVED';

export interface PacketDetail {
  cleanStart?: boolean;
  sessionExpiry?: number | null;
  keepAlive?: number;
  hasWill?: boolean;
  sessionPresent?: boolean;
  reason?: number;
  topic?: string;
  payload?: string;
  qos?: number;
  retain?: boolean;
  dup?: boolean;
  messageExpiry?: number | null;
  filter?: string;
  /** Index of the scenario step that caused a CONNECT/CONNACK. */
  step?: number;
  /** Keep-alive deadline after this client packet, in ms. */
  kaDue?: number;
  willOf?: { from: string; conn: number };
}

export type TimerKind = 'keepAlive' | 'willDelay' | 'sessionExpiry' | 'ping';

export type CloseCause =
  | 'network'
  | 'reset'
  | 'keepAlive'
  | 'clientDisconnect'
  | 'protocolError'
  | 'malformed'
  | 'takeover'
  | 'adminKick'
  | 'shutdown';

export type TraceEntry =
  | { t: number; kind: 'step'; index: number; action: StepAction; client: string | null }
  | {
      t: number;
      kind: 'packet';
      /** in = client to broker; out = broker to client. */
      dir: 'in' | 'out';
      client: string;
      conn: number;
      type: PacketType;
      detail: PacketDetail;
    }
  | {
      t: number;
      kind: 'timer';
      op: 'armed' | 'cancelled' | 'fired';
      timer: TimerKind;
      client: string;
      conn: number;
      clientId: string;
      due: number | null;
    }
  | {
      t: number;
      kind: 'connection';
      op: 'opened' | 'closed' | 'refused';
      client: string;
      conn: number;
      clientId: string;
      cause?: CloseCause;
      why: Why;
    }
  | {
      t: number;
      kind: 'session';
      op: 'created' | 'resumed' | 'kept' | 'ended';
      clientId: string;
      session: number;
      client: string;
      why: Why;
      endsAt?: number | null;
    }
  | {
      t: number;
      kind: 'will';
      op: 'stored' | 'deleted' | 'scheduled' | 'cancelled' | 'published' | 'withheld';
      clientId: string;
      from: string;
      conn: number;
      topic: string;
      payload: string;
      due?: number | null;
      why: Why;
    }
  | {
      t: number;
      kind: 'message';
      op: 'delivered' | 'queued' | 'expired' | 'retained' | 'retainCleared' | 'discarded';
      to: string | null;
      topic: string;
      payload: string;
      qos: number;
      retain: boolean;
      willOf?: { from: string; conn: number };
      /** The will's properties as the subscriber receives them (5.0 will to a 5.0 subscriber). */
      props?: WillProps;
      why?: Why;
    }
  | { t: number; kind: 'state'; machine: 'client' | 'connection' | 'session'; id: string; value: string }
  | { t: number; kind: 'note'; client: string | null; why: Why };

export type TraceKind = TraceEntry['kind'];

// ---------------------------------------------------------------------------------------------
// Outcome in the shape of ../conformance/FORMAT.md

export interface OutcomeWill {
  from: string;
  conn: number;
  t: number;
  topic: string;
  payload: string;
  qos: number;
  retain: boolean;
}

export interface Outcome {
  wills: OutcomeWill[];
  sessionPresent: { client: string; step: number; value: boolean }[];
  disconnectReasons: { client: string; reason: number; t?: number }[];
  retainedAfter: { t: number; messages: { topic: string; payload: string }[] };
  offlineSubscriber?: { messages: { topic: string; payload: string; qos: number; retain: boolean }[] };
  /**
   * What named clients received, in order (a scenario-document case's `expect.received`; filled
   * from the trace only when a case asks for it: docs/scenario-format.md).
   */
  received?: Record<string, ReceivedMessage[]>;
}

/** One PUBLISH the broker sent to a client: `dup` when it was a resend [MQTT-4.4.0-1]. */
export interface ReceivedMessage {
  t: number;
  topic: string;
  payload: string;
  qos: number;
  retain: boolean;
  dup: boolean;
  /** The will's properties as received (a 5.0 will to a 5.0 client), when the message has any. */
  props?: WillProps;
}

export interface RunResult {
  trace: TraceEntry[];
  outcome: Outcome;
  /** Virtual ms at which the run stopped. */
  endMs: number;
  /** Queue events processed and machine transitions taken (deterministic). */
  stats: { events: number; transitions: number };
  /** Set when the run hit the event budget before `end`. */
  truncated: boolean;
}
