import { onTick } from './broker/clock';
import { keepAliveDeadline } from './broker/keep-alive';
import { WillDelayQueue } from './broker/will-delay';
import { type ClientEffect, clientMachine } from './machines/client.machine';
import {
  type ConnectionEffect,
  type ConnectionEvent,
  connectionMachine,
  type DeleteRule,
} from './machines/connection.machine';
import { type SessionEffect, sessionMachine } from './machines/session.machine';
import { type Snap, Stepper } from './machines/stepper';
import type { BrokerProfile } from './profiles';
import { EventQueue, type Queued } from './queue';
import { type Rng, rngFrom } from './rng';
import type { WhyCode } from './rules';
import { TraceWriter } from './trace/emit';
import type {
  BrokerClock,
  ClientDef,
  CloseCause,
  PacketDetail,
  PacketType,
  ProtocolLevel,
  Scenario,
  Step,
  SubscriptionDef,
  TimerKind,
  Why,
  WillDef,
  WillProps,
} from './types';

/**
 * The runtime records of a run (plain data: clients, connections, sessions, messages, queue
 * items) and the primitives every part of the engine shares: the queue, the trace writer, the
 * profile and the clock. src/engine/sim.ts runs the loop over these; delivery.ts and effects.ts
 * act on them.
 */

export interface Message {
  topic: string;
  payload: string;
  qos: 0 | 1 | 2;
  retain: boolean;
  /** Message Expiry Interval in seconds (5.0), counted from `publishedAt`. */
  expiry: number | null;
  publishedAt: number;
  willOf?: { from: string; conn: number };
  /** A 5.0 will's properties, forwarded unaltered to subscribers ([MQTT-3.1.3-10], §3.1.3.2). */
  props?: WillProps;
  /** Protocol of the publisher (for a will, of its session), for the clauses of retained entries. */
  v: ProtocolLevel;
  /** Client Identifier of the publishing connection (for a will, its session's), for No Local. */
  publisherClientId: string;
}

/** One subscriber's copy of a message. */
export interface Copy {
  msg: Message;
  qos: 0 | 1 | 2;
  retain: boolean;
  /** Onward delivery started (sent, not acknowledged): resent with DUP, never expired [MQTT-3.3.2-5]. */
  started: boolean;
}

export interface TimerItem {
  kind: 'timer';
  timer: TimerKind | 'messageExpiry' | 'retainedExpiry';
  target: ConnRt | SessionRt | ClientRt | null;
  topic?: string;
}

export type Item = TimerItem | { kind: 'step'; index: number; step: Step } | { kind: 'setup'; run: () => void };

export type Handle = Queued<Item>;

export interface ClientRt {
  def: ClientDef;
  name: string;
  implicit: boolean;
  snap: Snap;
  state: string;
  connCount: number;
  conn: ConnRt | null;
  lastSentAt: number;
  ping: Handle | null;
}

export interface ConnRt {
  id: number;
  no: number;
  client: ClientRt;
  clientId: string;
  v: ProtocolLevel;
  snap: Snap | null;
  state: string;
  open: boolean;
  cleanStart: boolean;
  /** The Session Expiry the CONNECT packet carried (absent = 0), for DISCONNECT (§3.14.2.2.2). */
  requestedSei: number;
  /** Keep Alive in force (seconds); the broker's window is factor x this. */
  keepAlive: number;
  /** The Keep Alive in force is the broker's Server Keep Alive [MQTT-3.2.2-21]. */
  serverKeepAlive: boolean;
  windowMs: number;
  lastRecvAt: number;
  /** When the CONNECT was accepted (NanoMQ's connection timer counts from it). */
  connectedAt: number;
  ka: Handle | null;
  session: SessionRt | null;
  subscriptions: SubscriptionDef[];
}

export interface StoredWill {
  def: WillDef;
  from: string;
  conn: number;
  connectedAt: number;
}

export interface SessionRt {
  no: number;
  clientId: string;
  snap: Snap;
  state: string;
  v: ProtocolLevel;
  /** Session Expiry in force (seconds; SEI_NEVER = never). 3.1.1: 0 for CleanSession 1, never for 0. */
  sei: number;
  cleanStart: boolean;
  will: StoredWill | null;
  subs: Map<string, SubscriptionDef>;
  queue: Copy[];
  inflight: Copy[];
  conn: ConnRt | null;
  owner: string;
  closedAt: number | null;
  lastCause: CloseCause | null;
  /** The last connection's CONNECT and last packet (NanoMQ's connection timer goes on after it). */
  lastTimer: { connectedAt: number; lastRecvAt: number } | null;
  /** The client's DISCONNECT Reason Code at the last close (5.0), or null. */
  lastReason: number | null;
  /** Number of the connection last attached (the actor of session timers). */
  lastConn: number;
  timers: { willDelay: Handle | null; sessionExpiry: Handle | null };
  ended: boolean;
}

/** What the engine tells the session effects beside the machine's own effects. */
export interface SessionCtx {
  pendingWill: StoredWill | null;
  conn: ConnRt | null;
  deleteRule?: DeleteRule | 'newConnection' | 'quirkShutdown';
  reason?: number;
}

export interface RetainedMessage {
  msg: Message;
  expiry: Handle | null;
}

// Machines are shared by every run: their memo is a cache of pure results, not state of a run.
export const clientStepper = new Stepper<ClientEffect>(clientMachine);
export const connectionStepper = new Stepper<ConnectionEffect>(connectionMachine);
export const sessionStepper = new Stepper<SessionEffect>(sessionMachine);

/** How often XState itself was evaluated (memo misses), for the benchmark. Not part of any run. */
export function machineEvaluations(): number {
  return clientStepper.evaluations + connectionStepper.evaluations + sessionStepper.evaluations;
}

export const PHASE_TIMER = 0;
export const PHASE_STEP = 1;

/** The state of one run and the primitives shared by the loop, delivery and session effects. */
export class Runtime {
  readonly q = new EventQueue<Item>();
  readonly trace = new TraceWriter();
  readonly rng: Rng;
  readonly clients = new Map<string, ClientRt>();
  readonly sessions = new Map<string, SessionRt>();
  /** Open connections by Client Identifier. */
  readonly live = new Map<string, ConnRt>();
  readonly retained = new Map<string, RetainedMessage>();
  readonly delayQueue: WillDelayQueue<SessionRt>;
  transitions = 0;

  constructor(
    readonly sc: Scenario,
    readonly profile: BrokerProfile,
    readonly clock: BrokerClock,
  ) {
    this.rng = rngFrom(sc.seed);
    this.delayQueue = new WillDelayQueue(profile.willDelayQueue === 'byInterval');
  }

  get now(): number {
    return this.trace.now;
  }

  schedule(at: number, item: TimerItem): Handle {
    return this.q.push(at, PHASE_TIMER, item);
  }

  note(client: string | null, w: Why): void {
    this.trace.note(client, w);
  }

  packet(dir: 'in' | 'out', conn: ConnRt, type: PacketType, detail: PacketDetail = {}): void {
    if (dir === 'in') {
      conn.lastRecvAt = this.now;
      conn.client.lastSentAt = this.now;
      if (conn.windowMs > 0) detail.kaDue = this.keepAliveDue(conn);
    }
    this.trace.packet(dir, conn.client.name, conn.no, type, detail);
  }

  timerTrace(
    op: 'armed' | 'cancelled' | 'fired',
    timer: TimerKind,
    conn: ConnRt | null,
    s: SessionRt | null,
    due: number | null,
  ): void {
    const client = conn ? conn.client.name : (s?.owner ?? '');
    const connNo = conn ? conn.no : (s?.will?.conn ?? s?.lastConn ?? 0);
    const clientId = conn ? conn.clientId : (s?.clientId ?? '');
    this.trace.timer(op, timer, client, connNo, clientId, due);
  }

  /** The profile's citation where it departs from the spec at this decision. */
  deviation(code: WhyCode): Why['deviation'] | undefined {
    const d = this.profile.deviations[code];
    return d ? { profile: this.profile.id, source: d.source } : undefined;
  }

  roundToTick(at: number): number {
    return onTick(at, this.profile, this.clock);
  }

  /** When the broker closes a connection that sends nothing more after `conn.lastRecvAt`. */
  keepAliveDue(conn: ConnRt): number {
    return keepAliveDeadline(
      conn.lastRecvAt,
      conn.windowMs,
      conn.keepAlive,
      this.profile,
      this.clock,
      conn.connectedAt,
    );
  }

  // --- machine stepping: one transition, its state entry, its effects ---------------------------

  protected sendClient(c: ClientRt, event: Parameters<typeof clientMachine.transition>[1]): ClientEffect[] {
    const r = clientStepper.send(c.snap, event);
    this.transitions++;
    c.snap = r.snap;
    if (r.value !== c.state) {
      c.state = r.value;
      this.trace.state('client', c.name, r.value);
    }
    return r.effects;
  }

  protected sendConnection(conn: ConnRt, event: ConnectionEvent): ConnectionEffect[] {
    if (!conn.snap) return [];
    const r = connectionStepper.send(conn.snap, event);
    this.transitions++;
    conn.snap = r.snap;
    if (r.value !== conn.state) {
      conn.state = r.value;
      this.trace.state('connection', `${conn.client.name}#${conn.no}`, r.value);
    }
    return r.effects;
  }

  protected startPing(c: ClientRt): void {
    const conn = c.conn;
    if (!conn || conn.keepAlive <= 0) return;
    this.stopPing(c);
    c.ping = this.schedule(c.lastSentAt + conn.keepAlive * 1000, { kind: 'timer', timer: 'ping', target: c });
  }

  protected stopPing(c: ClientRt): void {
    if (c.ping) c.ping.cancelled = true;
    c.ping = null;
  }
}
