import { cachedSessionDeadline, keepAliveDeadline, onTick } from './broker-clock';
import { clientMachine } from './machines/client.machine';
import { type ConnectionEvent, connectionMachine, type DeleteRule } from './machines/connection.machine';
import { type SessionEvent, sessionMachine } from './machines/session.machine';
import { type MachineEffect, type Snap, Stepper } from './machines/stepper';
import { outcomeFromTrace } from './outcome';
import { type BrokerProfile, type ServerDisconnectEvent, SPEC } from './profiles';
import { EventQueue } from './queue';
import { nextU32, type Rng, rngFrom } from './rng';
import { type WhyCode, why } from './rules';
import { topicMatches } from './topic';
import {
  type BrokerClock,
  type ClientDef,
  type CloseCause,
  OBSERVER,
  OFFLINE_SUBSCRIBER,
  type Outcome,
  type PacketDetail,
  type PacketType,
  type ProtocolLevel,
  type RunResult,
  type Scenario,
  SEI_NEVER,
  type Step,
  type SubscriptionDef,
  type TimerKind,
  type TraceEntry,
  type Why,
  type WillDef,
} from './types';

// Machines are shared by every run: their memo is a cache of pure results, not state of a run.
const clientStepper = new Stepper(clientMachine);
const connectionStepper = new Stepper(connectionMachine);
const sessionStepper = new Stepper(sessionMachine);

/** How often XState itself was evaluated (memo misses), for the benchmark. Not part of any run. */
export function machineEvaluations(): number {
  return clientStepper.evaluations + connectionStepper.evaluations + sessionStepper.evaluations;
}

const PHASE_TIMER = 0;
const PHASE_STEP = 1;
/** The run stops (truncated) after this many queue events: a guard against runaway scenarios. */
export const DEFAULT_EVENT_BUDGET = 2_000_000;

const ms = (seconds: number): number => Math.round(seconds * 1000);

// DISCONNECT Reason Codes of MQTT 5.0 §3.14.2.1; anything else is a Malformed Packet [MQTT-3.14.2-1].
const DISCONNECT_CODES = new Set([
  0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8b, 0x8d, 0x8e, 0x8f, 0x90, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98,
  0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2,
]);

interface Message {
  topic: string;
  payload: string;
  qos: 0 | 1 | 2;
  retain: boolean;
  /** Message Expiry Interval in seconds (5.0), counted from `publishedAt`. */
  expiry: number | null;
  publishedAt: number;
  willOf?: { from: string; conn: number };
  /** Connection id of the publisher, for No Local. */
  publisherConn: number;
}

interface QueuedMessage {
  msg: Message;
  qos: 0 | 1 | 2;
  retain: boolean;
}

interface TimerItem {
  kind: 'timer';
  timer: TimerKind | 'messageExpiry' | 'retainedExpiry';
  target: ConnRt | SessionRt | ClientRt | null;
  topic?: string;
}

interface StepItem {
  kind: 'step';
  index: number;
  step: Step;
}

interface SetupItem {
  kind: 'setup';
  run: () => void;
}

type Item = TimerItem | StepItem | SetupItem;

interface ClientRt {
  def: ClientDef;
  name: string;
  implicit: boolean;
  snap: Snap;
  state: string;
  connCount: number;
  conn: ConnRt | null;
  lastSentAt: number;
  ping: ReturnType<EventQueue<Item>['push']> | null;
  /** Indices of this client's steps, in file order. */
  steps: number[];
}

interface ConnRt {
  id: number;
  no: number;
  client: ClientRt;
  clientId: string;
  v: ProtocolLevel;
  snap: Snap | null;
  state: string;
  open: boolean;
  cleanStart: boolean;
  /** Keep Alive in force (seconds); the broker's window is factor x this. */
  keepAlive: number;
  windowMs: number;
  lastRecvAt: number;
  ka: ReturnType<EventQueue<Item>['push']> | null;
  session: SessionRt | null;
  connectedAt: number;
  step: number;
  subscriptions: SubscriptionDef[];
}

interface SessionRt {
  no: number;
  clientId: string;
  snap: Snap;
  state: string;
  v: ProtocolLevel;
  /** Session Expiry in force (seconds; SEI_NEVER = never). 3.1.1: 0 for CleanSession 1, never for 0. */
  sei: number;
  cleanStart: boolean;
  will: { def: WillDef; from: string; conn: number; connectedAt: number } | null;
  subs: Map<string, SubscriptionDef>;
  queue: QueuedMessage[];
  inflight: QueuedMessage[];
  conn: ConnRt | null;
  owner: string;
  closedAt: number | null;
  lastCause: CloseCause | null;
  timers: {
    willDelay: ReturnType<EventQueue<Item>['push']> | null;
    sessionExpiry: ReturnType<EventQueue<Item>['push']> | null;
  };
  ended: boolean;
}

interface ConnectParams {
  cleanStart: boolean;
  sessionExpiry: number | null;
  keepAlive: number;
  protocol: ProtocolLevel;
  will: WillDef | null;
}

interface RetainedMessage {
  msg: Message;
  expiry: ReturnType<EventQueue<Item>['push']> | null;
}

export interface SimulateOptions {
  profile?: BrokerProfile;
  /** Stop at this virtual ms instead of the scenario's end. */
  untilMs?: number;
  eventBudget?: number;
  /** Where a real broker's coarse clocks stood at t = 0 (recordings); read by profiles with ticks. */
  clock?: BrokerClock;
}

/**
 * Runs a validated scenario to its end and returns the trace and the FORMAT.md outcome.
 * Pure: the same scenario and profile give the same result, byte for byte.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunResult {
  const sim = new Simulation(
    scenario,
    options.profile ?? SPEC,
    options.eventBudget ?? DEFAULT_EVENT_BUDGET,
    options.clock ?? { t0Phase: 0 },
  );
  return sim.run(options.untilMs ?? ms(scenario.end));
}

class Simulation {
  private readonly q = new EventQueue<Item>();
  private readonly trace: TraceEntry[] = [];
  private now = 0;
  private events = 0;
  private transitions = 0;
  private readonly rng: Rng;
  private readonly clients = new Map<string, ClientRt>();
  private readonly sessions = new Map<string, SessionRt>();
  /** Open connections by Client Identifier. */
  private readonly live = new Map<string, ConnRt>();
  private readonly retained = new Map<string, RetainedMessage>();
  private connIds = 0;
  private sessionNos = 0;
  private readonly willTopics: string[];
  private truncated = false;

  constructor(
    private readonly sc: Scenario,
    private readonly profile: BrokerProfile,
    private readonly budget: number,
    private readonly clock: BrokerClock,
  ) {
    this.rng = rngFrom(sc.seed);
    const topics: string[] = [];
    const add = (w: WillDef | null | undefined) => {
      if (w && !topics.includes(w.topic)) topics.push(w.topic);
    };
    for (const c of sc.clients) add(c.will);
    for (const s of sc.steps) if (s.action === 'reconnect') add(s.will);
    this.willTopics = topics;

    for (const def of sc.clients) this.addClient(def, false);
    if (sc.observer) {
      const o = sc.observer;
      this.addClient(
        {
          name: OBSERVER,
          clientId: '__observer__',
          protocol: o.protocol,
          cleanStart: true,
          sessionExpiry: null,
          keepAlive: 0,
          will: null,
          subscriptions: topics.map((filter) => ({
            filter,
            qos: o.subscriptionQos,
            retainAsPublished: o.retainAsPublished,
            noLocal: false,
            retainHandling: 0,
          })),
        },
        true,
      );
    }
    if (sc.offlineSubscriber) {
      this.addClient(
        {
          name: OFFLINE_SUBSCRIBER,
          clientId: '__offline__',
          protocol: 5,
          cleanStart: false,
          sessionExpiry: 3600,
          keepAlive: 0,
          will: null,
          subscriptions: topics.map((filter) => ({
            filter,
            qos: 2,
            retainAsPublished: true,
            noLocal: false,
            retainHandling: 0,
          })),
        },
        true,
      );
    }
  }

  private addClient(def: ClientDef, implicit: boolean): void {
    const r = clientStepper.init(undefined);
    this.transitions++;
    this.clients.set(def.name, {
      def,
      name: def.name,
      implicit,
      snap: r.snap,
      state: r.value,
      connCount: 0,
      conn: null,
      lastSentAt: 0,
      ping: null,
      steps: [],
    });
  }

  // ------------------------------------------------------------------------------------------
  // The loop

  run(untilMs: number): RunResult {
    // FORMAT.md: the observer is connected and subscribed before anything else happens at t = 0.
    const observer = this.clients.get(OBSERVER);
    if (observer) this.q.push(0, PHASE_STEP, { kind: 'setup', run: () => this.connect(observer, -1, null) });
    const offline = this.clients.get(OFFLINE_SUBSCRIBER);
    if (offline)
      this.q.push(0, PHASE_STEP, {
        kind: 'setup',
        run: () => {
          this.connect(offline, -1, null);
          this.clientDisconnect(offline, 0, undefined);
        },
      });
    this.sc.steps.forEach((step, index) => {
      this.q.push(ms(step.t), PHASE_STEP, { kind: 'step', index, step });
      if (step.client !== null) this.clients.get(step.client)?.steps.push(index);
    });

    for (;;) {
      const next = this.q.peek();
      if (next === undefined || next.at > untilMs) break;
      this.q.pop();
      if (next.cancelled) continue;
      if (++this.events > this.budget) {
        this.truncated = true;
        this.note(null, why('run.truncated', this.sc.protocol, { events: this.budget }));
        break;
      }
      this.now = next.at;
      const item = next.item;
      if (item.kind === 'step') this.applyStep(item.index, item.step);
      else if (item.kind === 'setup') item.run();
      else this.fire(item);
    }
    if (!this.truncated) this.now = untilMs;

    return {
      trace: this.trace,
      outcome: this.outcome(),
      endMs: this.now,
      stats: { events: this.events, transitions: this.transitions },
      truncated: this.truncated,
    };
  }

  private schedule(at: number, item: TimerItem) {
    return this.q.push(at, PHASE_TIMER, item);
  }

  private emit(e: TraceEntry): void {
    this.trace.push(e);
  }

  private note(client: string | null, w: Why): void {
    this.emit({ t: this.now, kind: 'note', client, why: w });
  }

  private packet(dir: 'in' | 'out', conn: ConnRt, type: PacketType, detail: PacketDetail = {}): void {
    if (dir === 'in') {
      conn.lastRecvAt = this.now;
      conn.client.lastSentAt = this.now;
      if (conn.windowMs > 0) detail.kaDue = this.keepAliveDue(conn);
    }
    this.emit({ t: this.now, kind: 'packet', dir, client: conn.client.name, conn: conn.no, type, detail });
  }

  private timerTrace(
    op: 'armed' | 'cancelled' | 'fired',
    timer: TimerKind,
    conn: ConnRt | null,
    s: SessionRt | null,
    due: number | null,
  ) {
    const client = conn ? conn.client.name : (s?.owner ?? '');
    const connNo = conn ? conn.no : (s?.will?.conn ?? 0);
    const clientId = conn ? conn.clientId : (s?.clientId ?? '');
    this.emit({ t: this.now, kind: 'timer', op, timer, client, conn: connNo, clientId, due });
  }

  // ------------------------------------------------------------------------------------------
  // Machines

  private sendClient(c: ClientRt, event: Parameters<typeof clientMachine.transition>[1]): MachineEffect[] {
    const r = clientStepper.send(c.snap, event);
    this.transitions++;
    c.snap = r.snap;
    if (r.value !== c.state) {
      c.state = r.value;
      this.emit({ t: this.now, kind: 'state', machine: 'client', id: c.name, value: r.value });
    }
    return r.effects;
  }

  private sendConnection(conn: ConnRt, event: ConnectionEvent): MachineEffect[] {
    if (!conn.snap) return [];
    const r = connectionStepper.send(conn.snap, event);
    this.transitions++;
    conn.snap = r.snap;
    if (r.value !== conn.state) {
      conn.state = r.value;
      this.emit({
        t: this.now,
        kind: 'state',
        machine: 'connection',
        id: `${conn.client.name}#${conn.no}`,
        value: r.value,
      });
    }
    return r.effects;
  }

  private sendSession(s: SessionRt, event: SessionEvent, ctx: SessionCtx): void {
    const r = sessionStepper.send(s.snap, event);
    this.transitions++;
    s.snap = r.snap;
    const changed = r.value !== s.state;
    s.state = r.value;
    this.sessionEffects(s, r.effects, ctx);
    if (changed)
      this.emit({ t: this.now, kind: 'state', machine: 'session', id: `${s.clientId}@${s.no}`, value: r.value });
  }

  private clientConnected(c: ClientRt): boolean {
    return c.state.startsWith('connected');
  }

  // ------------------------------------------------------------------------------------------
  // Scenario steps

  private applyStep(index: number, step: Step): void {
    // A step runs once: an afterClose reconnect may have been brought forward (FORMAT.md).
    if (this.doneSteps.has(index)) return;
    this.doneSteps.add(index);
    this.emit({ t: this.now, kind: 'step', index, action: step.action, client: step.client });
    if (step.action === 'brokerRestart') {
      this.brokerRestart();
      return;
    }
    const c = this.clients.get(step.client);
    if (!c) return; // validated earlier; unreachable for a valid scenario
    switch (step.action) {
      case 'connect':
        if (this.clientConnected(c) || c.state === 'connecting') {
          this.note(c.name, why('step.alreadyConnected', c.def.protocol));
          return;
        }
        this.connect(c, index, null);
        return;
      case 'reconnect': {
        const params: ConnectParams = {
          cleanStart: step.cleanStart ?? c.def.cleanStart,
          sessionExpiry: step.sessionExpiry !== undefined ? step.sessionExpiry : c.def.sessionExpiry,
          keepAlive: step.keepAlive ?? c.def.keepAlive,
          protocol: step.protocol ?? c.def.protocol,
          // FORMAT.md: a reconnect carries no will unless the step gives one.
          will: step.will ?? null,
        };
        if (c.conn?.open) {
          // The client gave up on a socket the broker still thinks is open: it opens a new one and
          // the broker sees a second connection for the same Client Identifier.
          this.abandon(c);
        } else if (this.clientConnected(c)) {
          this.abandon(c);
        }
        this.connect(c, index, params);
        return;
      }
      case 'takeover': {
        const of = this.clients.get(step.of);
        if (!of?.conn?.open) this.note(c.name, why('step.takeoverTargetGone', c.def.protocol, { of: step.of }));
        if (this.clientConnected(c)) {
          this.note(c.name, why('step.alreadyConnected', c.def.protocol));
          return;
        }
        const params: ConnectParams = {
          cleanStart: step.cleanStart ?? c.def.cleanStart,
          sessionExpiry: c.def.sessionExpiry,
          keepAlive: c.def.keepAlive,
          protocol: c.def.protocol,
          will: c.def.will,
        };
        this.connect(c, index, params);
        return;
      }
      case 'drop':
      case 'reset': {
        if (!this.requireConnected(c, true)) return;
        const conn = c.conn as ConnRt;
        this.sendClient(c, { type: 'cmd.drop' });
        this.stopPing(c);
        c.conn = null;
        if (conn.open) this.closeConnection(conn, { type: 'net.closed', reset: step.action === 'reset' }, {});
        return;
      }
      case 'silence': {
        if (!this.requireConnected(c, false)) return;
        this.sendClient(c, { type: 'cmd.silence' });
        this.stopPing(c);
        return;
      }
      case 'disconnect':
        if (!this.requireConnected(c, true)) return;
        this.clientDisconnect(c, step.reason ?? 0, step.sessionExpiry);
        return;
      case 'protoerr':
      case 'badpacket': {
        if (!this.requireConnected(c, false)) return;
        const conn = c.conn as ConnRt;
        if (step.action === 'protoerr') {
          this.packet('in', conn, 'CONNECT', { cleanStart: conn.cleanStart, keepAlive: conn.keepAlive });
          this.closeConnection(conn, { type: 'packet.secondConnect' }, {});
        } else {
          this.packet('in', conn, 'RESERVED', {});
          this.closeConnection(conn, { type: 'packet.malformed' }, {});
        }
        return;
      }
      case 'publish': {
        if (!this.requireConnected(c, false)) return;
        const conn = c.conn as ConnRt;
        let topic = step.topic ?? '';
        if (step.topicOf !== undefined) topic = this.clients.get(step.topicOf)?.def.will?.topic ?? topic;
        const expiry = conn.v === 5 ? (step.messageExpiry ?? null) : null;
        this.packet('in', conn, 'PUBLISH', {
          topic,
          payload: step.payload,
          qos: step.qos,
          retain: step.retain,
          messageExpiry: expiry,
        });
        this.brokerAcksPublish(conn, step.qos);
        this.route({
          topic,
          payload: step.payload,
          qos: step.qos,
          retain: step.retain,
          expiry,
          publishedAt: this.now,
          publisherConn: conn.id,
        });
        return;
      }
      case 'subscribe': {
        if (!this.requireConnected(c, false)) return;
        const conn = c.conn as ConnRt;
        this.subscribe(conn, {
          filter: step.filter,
          qos: step.qos,
          retainAsPublished: step.retainAsPublished ?? false,
          noLocal: step.noLocal ?? false,
          retainHandling: step.retainHandling ?? 0,
        });
        return;
      }
      case 'unsubscribe': {
        if (!this.requireConnected(c, false)) return;
        const conn = c.conn as ConnRt;
        this.packet('in', conn, 'UNSUBSCRIBE', { filter: step.filter });
        const s = conn.session;
        if (s && !s.subs.delete(step.filter))
          this.note(c.name, why('step.notSubscribed', conn.v, { filter: step.filter }));
        this.packet('out', conn, 'UNSUBACK', { filter: step.filter });
        return;
      }
      case 'kick': {
        const conn = c.conn;
        if (!conn?.open) {
          this.note(c.name, why('step.notConnected', c.def.protocol));
          return;
        }
        this.closeConnection(conn, { type: 'admin.kick' }, {});
        return;
      }
    }
  }

  private readonly doneSteps = new Set<number>();

  private requireConnected(c: ClientRt, allowSilent: boolean): boolean {
    if (!this.clientConnected(c) || !c.conn) {
      this.note(c.name, why('step.notConnected', c.def.protocol));
      return false;
    }
    if (!allowSilent && c.state === 'connected.silent') {
      this.note(c.name, why('step.silent', c.def.protocol));
      return false;
    }
    return true;
  }

  /** The client forgets its socket without closing it (no FIN reaches the broker). */
  private abandon(c: ClientRt): void {
    this.stopPing(c);
    this.sendClient(c, { type: 'socket.closed' });
    c.conn = null;
  }

  // ------------------------------------------------------------------------------------------
  // CONNECT (§3.1.4)

  private connect(c: ClientRt, stepIndex: number, override: ConnectParams | null): void {
    const p: ConnectParams = override ?? {
      cleanStart: c.def.cleanStart,
      sessionExpiry: c.def.sessionExpiry,
      keepAlive: c.def.keepAlive,
      protocol: c.def.protocol,
      will: c.def.will,
    };
    const v = p.protocol;
    this.sendClient(c, { type: 'cmd.connect' });
    c.connCount++;
    let clientId = c.def.clientId;
    const conn: ConnRt = {
      id: ++this.connIds,
      no: c.connCount,
      client: c,
      clientId,
      v,
      snap: null, // the connection machine starts once the CONNECT is accepted
      state: 'connecting',
      open: false,
      cleanStart: p.cleanStart,
      keepAlive: p.keepAlive,
      windowMs: 0,
      lastRecvAt: this.now,
      ka: null,
      session: null,
      connectedAt: this.now,
      step: stepIndex,
      subscriptions: c.def.subscriptions,
    };
    c.conn = conn;
    this.packet('in', conn, 'CONNECT', {
      cleanStart: p.cleanStart,
      sessionExpiry: v === 5 ? p.sessionExpiry : undefined,
      keepAlive: p.keepAlive,
      hasWill: p.will !== null,
      step: stepIndex,
    });

    // Validation first: nothing is stored and nobody is taken over unless the CONNECT is accepted
    // (§3.1.4; ambiguity A3: only an accepted CONNECT cancels a pending will).
    const refuse = (code: WhyCode, reason: number) => {
      this.emit({
        t: this.now,
        kind: 'connection',
        op: 'refused',
        client: c.name,
        conn: conn.no,
        clientId,
        why: why(code, v, { reason }),
      });
      this.packet('out', conn, 'CONNACK', { reason, sessionPresent: false, step: stepIndex });
      this.sendClient(c, { type: 'connack', accepted: false });
      c.conn = null;
    };
    const b = this.sc.broker;
    if (v === 5 && p.will && p.will.qos > b.maximumQos) {
      refuse('conn.refused.qos', 0x9b);
      return;
    }
    if (v === 5 && p.will?.retain && !b.retainAvailable) {
      refuse('conn.refused.retain', 0x9a);
      return;
    }
    if (clientId === '') {
      if (v === 4 && !p.cleanStart) {
        refuse('conn.refused.clientId', 0x02);
        return;
      }
      clientId = `auto-${nextU32(this.rng).toString(16).padStart(8, '0')}`;
      conn.clientId = clientId;
      this.note(c.name, why('conn.clientIdAssigned', v, { clientId }));
    }

    // [MQTT-3.1.4-3] (5.0) / [MQTT-3.1.4-2] (3.1.1): the existing connection is closed first, so a
    // will published "at takeover" precedes the new CONNACK.
    const existing = this.live.get(clientId);
    if (existing?.open) this.closeConnection(existing, { type: 'takeover' }, { takeoverBy: conn });

    // Session Expiry in force: 3.1.1 has none (CleanSession decides); 5.0 absent means 0.
    let sei = v === 4 ? (p.cleanStart ? 0 : SEI_NEVER) : (p.sessionExpiry ?? 0);
    let connackSei: number | undefined;
    if (v === 5 && b.maxSessionExpiry !== null && sei > b.maxSessionExpiry) {
      sei = b.maxSessionExpiry;
      connackSei = sei;
      this.note(c.name, why('session.expiryCapped', v, { requested: p.sessionExpiry ?? 0, granted: sei }));
    }

    let s = this.sessions.get(clientId);
    let sessionPresent = false;
    const willDelayZero = !p.will || v === 4 || (p.will.delay ?? 0) === 0;
    const attach: SessionEvent = {
      type: 'conn.attached',
      v,
      cleanStart: p.cleanStart,
      hasWill: p.will !== null,
      willDelayZero,
    };
    const ctx: SessionCtx = {
      pendingWill: p.will ? { def: p.will, from: c.name, conn: conn.no, connectedAt: this.now } : null,
      conn,
    };
    // Only a Session Expiry 0 session still waiting for its will (mosquitto#3505) is found
    // detached with Session Expiry 0: it ends now, it is not resumed.
    const notResumable =
      this.profile.sessionQuirks.seiZeroWillWaitsForDelay === true && s !== undefined && s.sei === 0 && s.conn === null;
    if (s && (p.cleanStart || notResumable)) {
      // Clean Start 1 ends the existing session (publishing a pending will at once, ambiguity A1).
      const dropWill = this.profile.newConnectionDropsDelayedWill === true;
      this.sendSession(
        s,
        { type: 'session.discard', why: p.cleanStart ? 'cleanStart' : 'closedSeiZero', dropWill },
        { pendingWill: null, conn: null, ...(dropWill ? { deleteRule: 'newConnection' as const } : {}) },
      );
      s = undefined;
    }
    if (s) {
      sessionPresent = true;
      s.sei = sei;
      s.v = v;
      s.cleanStart = p.cleanStart;
      s.conn = conn;
      s.owner = c.name;
      conn.session = s;
      this.sendSession(s, attach, ctx);
    } else {
      s = this.newSession(clientId, v, sei, p.cleanStart, c.name);
      s.conn = conn;
      conn.session = s;
      this.emit({
        t: this.now,
        kind: 'session',
        op: 'created',
        clientId,
        session: s.no,
        client: c.name,
        why: why(p.cleanStart ? 'session.created.cleanStart' : 'session.created.noneStored', v),
      });
      this.sendSession(s, attach, ctx);
    }

    // Keep Alive in force: 5.0 Server Keep Alive replaces the client's value [MQTT-3.2.2-21].
    const serverKa = v === 5 ? b.serverKeepAlive : null;
    conn.keepAlive = serverKa ?? p.keepAlive;
    // ejabberd 23.01 rounds the grace to whole seconds (keepAliveGraceWholeSeconds).
    conn.windowMs = this.profile.keepAliveGraceWholeSeconds
      ? Math.round(conn.keepAlive * this.profile.keepAliveFactor) * 1000
      : Math.round(conn.keepAlive * 1000 * this.profile.keepAliveFactor);
    const deletes = this.profile.disconnectDeletesWill;
    const r = connectionStepper.init({
      v,
      anyDisconnectDeletesWill: deletes === 'all' || deletes === 'allBut0x04',
      ...(deletes === 'allBut0x04' ? { keeps0x04: true } : {}),
    });
    this.transitions++;
    conn.snap = r.snap;
    conn.state = r.value;
    conn.open = true;
    this.live.set(clientId, conn);

    this.emit({
      t: this.now,
      kind: 'connection',
      op: 'opened',
      client: c.name,
      conn: conn.no,
      clientId,
      why: why('conn.accepted', v, { sessionPresent }),
    });
    const connack: PacketDetail = { reason: 0, sessionPresent, step: stepIndex };
    if (connackSei !== undefined) connack.sessionExpiry = connackSei;
    if (serverKa !== null) connack.keepAlive = serverKa;
    this.packet('out', conn, 'CONNACK', connack);

    if (conn.windowMs > 0) {
      const kaDue = this.keepAliveDue(conn);
      conn.ka = this.schedule(kaDue, { kind: 'timer', timer: 'keepAlive', target: conn });
      this.timerTrace('armed', 'keepAlive', conn, null, kaDue);
    }
    const effects = this.sendClient(c, { type: 'connack', accepted: true });
    if (effects.some((e) => e.type === 'startKeepAlive')) this.startPing(c);

    if (sessionPresent) this.deliverBacklog(conn, s);
    else for (const sub of conn.subscriptions) this.subscribe(conn, sub);
  }

  private newSession(clientId: string, v: ProtocolLevel, sei: number, cleanStart: boolean, owner: string): SessionRt {
    const r = sessionStepper.init({ quirks: this.profile.sessionQuirks });
    this.transitions++;
    const s: SessionRt = {
      no: ++this.sessionNos,
      clientId,
      snap: r.snap,
      state: r.value,
      v,
      sei,
      cleanStart,
      will: null,
      subs: new Map(),
      queue: [],
      inflight: [],
      conn: null,
      owner,
      closedAt: null,
      lastCause: null,
      timers: { willDelay: null, sessionExpiry: null },
      ended: false,
    };
    this.sessions.set(clientId, s);
    return s;
  }

  // ------------------------------------------------------------------------------------------
  // Closing a connection

  private clientDisconnect(c: ClientRt, reason: number, sessionExpiry: number | null | undefined): void {
    const conn = c.conn as ConnRt;
    const v = conn.v;
    this.sendClient(c, { type: 'cmd.disconnect' });
    this.stopPing(c);
    c.conn = null;
    const detail: PacketDetail = {};
    if (v === 5) {
      detail.reason = reason;
      if (sessionExpiry !== undefined) detail.sessionExpiry = sessionExpiry;
    }
    this.packet('in', conn, 'DISCONNECT', detail);
    const s = conn.session;
    // §3.14.2.2.2: raising the Session Expiry from 0 (absent counts as 0, ambiguity A4) is a
    // Protocol Error; otherwise the new value replaces the one from CONNECT.
    const newSei = v === 5 && sessionExpiry !== undefined ? (sessionExpiry ?? 0) : undefined;
    const raisedFromZero = newSei !== undefined && s !== null && s.sei === 0 && newSei !== 0;
    if (newSei !== undefined && !raisedFromZero && s && DISCONNECT_CODES.has(reason)) {
      let granted = newSei;
      const max = this.sc.broker.maxSessionExpiry;
      if (max !== null && granted > max) granted = max;
      if (granted !== s.sei) this.note(c.name, why('session.expiryChanged', v, { from: s.sei, to: granted }));
      s.sei = granted;
    }
    this.closeConnection(
      conn,
      {
        type: 'packet.disconnect',
        normal: v === 4 || reason === 0,
        known: v === 4 || DISCONNECT_CODES.has(reason),
        seiRaisedFromZero: raisedFromZero,
        reason,
      },
      { reason },
    );
  }

  private closeConnection(
    conn: ConnRt,
    event: ConnectionEvent,
    extra: { takeoverBy?: ConnRt; reason?: number; shutdownDropsWill?: boolean },
  ): void {
    if (!conn.open) return;
    const effects = this.sendConnection(conn, event);
    let cause: CloseCause = 'network';
    let deleteRule: DeleteRule = 'none';
    let specReason: number | null = null;
    for (const e of effects) {
      if (e.type === 'sendDisconnect') specReason = e.params.reason as number;
      else if (e.type === 'close') {
        cause = e.params.cause as CloseCause;
        deleteRule = e.params.deleteRule as DeleteRule;
      }
    }
    // A profile may send another DISCONNECT than the spec's choice here, or none (5.0 only). A
    // DISCONNECT with an unknown Reason Code is a malformed packet like any other.
    const key = event.type === 'packet.disconnect' && cause === 'malformed' ? 'packet.malformed' : event.type;
    const over = conn.v === 5 ? this.profile.serverDisconnect?.[key as ServerDisconnectEvent] : undefined;
    const sentReason = over === undefined ? specReason : over;
    if (sentReason !== null) this.packet('out', conn, 'DISCONNECT', { reason: sentReason });
    conn.open = false;
    if (this.live.get(conn.clientId) === conn) this.live.delete(conn.clientId);
    if (conn.ka) {
      conn.ka.cancelled = true;
      conn.ka = null;
      this.timerTrace('cancelled', 'keepAlive', conn, null, null);
    }
    const v = conn.v;
    const code: WhyCode =
      cause === 'protocolError' && event.type === 'packet.disconnect'
        ? 'conn.closed.seiRaised'
        : (`conn.closed.${cause}` as WhyCode);
    const params: Why['params'] = { cause };
    if (extra.reason !== undefined && v === 5) params.reason = extra.reason;
    if (cause === 'keepAlive') params.keepAlive = conn.keepAlive;
    const sweep = this.profile.keepAliveSweepMs;
    // Rounding the grace departs from the spec only where 1.5 x Keep Alive is not whole seconds.
    const rounded = this.profile.keepAliveGraceWholeSeconds === true && conn.windowMs !== conn.keepAlive * 1500;
    let deviation =
      cause === 'keepAlive' && (this.profile.keepAliveFactor !== 1.5 || sweep !== undefined || rounded)
        ? this.deviation('conn.closed.keepAlive')
        : undefined;
    if (deviation) params.factor = this.profile.keepAliveFactor;
    if (deviation && rounded) params.grace = conn.windowMs / 1000;
    if (deviation && sweep !== undefined) params.sweep = sweep / 1000;
    if (over !== undefined) {
      params.disconnect = over;
      deviation = this.deviation(code);
    }
    this.emit({
      t: this.now,
      kind: 'connection',
      op: 'closed',
      client: conn.client.name,
      conn: conn.no,
      clientId: conn.clientId,
      cause,
      why: why(code, v, params, deviation),
    });

    // The client learns that its socket is gone (unless it closed it itself).
    const c = conn.client;
    if (c.conn === conn) {
      this.stopPing(c);
      this.sendClient(c, { type: 'socket.closed' });
      c.conn = null;
    }

    const s = conn.session;
    if (s && s.conn === conn) {
      s.conn = null;
      s.closedAt = this.now;
      s.lastCause = cause;
      // In-flight messages the client never acknowledged go back to the front of the queue.
      if (s.inflight.length > 0) {
        s.queue = [...s.inflight, ...s.queue];
        s.inflight = [];
      }
      let deleteWill = deleteRule !== 'none';
      let rule: SessionCtx['deleteRule'] = deleteRule;
      // Mosquitto 2.0: the failed second CONNECT clears the will, Clean Start and Session Expiry.
      if (event.type === 'packet.secondConnect' && this.profile.secondConnectEndsSession) {
        deleteWill = true;
        rule = 'quirkSecondConnect';
        s.sei = 0;
        s.cleanStart = true;
      }
      // Mosquitto 2.0: a takeover that keeps the session removes the will instead of publishing it.
      if (
        cause === 'takeover' &&
        this.profile.takeoverKeepsWillOnlyIfSessionEnds &&
        extra.takeoverBy &&
        !extra.takeoverBy.cleanStart &&
        s.sei !== 0
      ) {
        deleteWill = true;
        rule = 'quirkTakeover';
      }
      // ejabberd 23.01: a stopping node delivers no will (restart.deliversWills false).
      if (extra.shutdownDropsWill) {
        deleteWill = true;
        rule = 'quirkShutdown';
      }
      const seiZero = s.sei === 0;
      const seiNever = s.v === 4 ? !seiZero : s.sei === SEI_NEVER;
      const kicked = cause === 'takeover' || cause === 'adminKick';
      this.sendSession(
        s,
        { type: 'conn.closed', deleteWill, seiZero, seiNever, kicked },
        { pendingWill: null, conn, deleteRule: rule, reason: extra.reason },
      );
    }

    // FORMAT.md afterClose: if the client's next step is a reconnect "s seconds after the broker
    // closed the previous connection", it happens then (its own t is only the latest time).
    const nextIndex = c.steps.find((i) => !this.doneSteps.has(i));
    const next = nextIndex === undefined ? undefined : this.sc.steps[nextIndex];
    if (nextIndex !== undefined && next?.action === 'reconnect' && next.afterClose !== undefined) {
      const due = this.now + ms(next.afterClose);
      if (due < ms(next.t)) this.q.push(due, PHASE_STEP, { kind: 'step', index: nextIndex, step: next });
    }
  }

  // ------------------------------------------------------------------------------------------
  // Session effects

  private deviation(code: string): Why['deviation'] | undefined {
    const d = this.profile.deviations[code];
    return d ? { profile: this.profile.id, source: d.source } : undefined;
  }

  private roundToTick(at: number): number {
    return onTick(at, this.profile, this.clock);
  }

  /** When the broker closes a connection that sends nothing more after `conn.lastRecvAt`. */
  private keepAliveDue(conn: ConnRt): number {
    return keepAliveDeadline(conn.lastRecvAt, conn.windowMs, conn.keepAlive, this.profile, this.clock);
  }

  private sessionEffects(s: SessionRt, effects: MachineEffect[], ctx: SessionCtx): void {
    for (const e of effects) {
      switch (e.type) {
        case 'storeWill': {
          s.will = ctx.pendingWill;
          const w = s.will;
          if (w) {
            this.emit({
              t: this.now,
              kind: 'will',
              op: 'stored',
              clientId: s.clientId,
              from: w.from,
              conn: w.conn,
              topic: w.def.topic,
              payload: w.def.payload,
              why: why('will.stored', s.v, {
                delay: s.v === 5 ? w.def.delay : null,
                qos: w.def.qos,
                retain: w.def.retain,
              }),
            });
          }
          break;
        }
        case 'armTimer': {
          const timer = e.params.timer as 'willDelay' | 'sessionExpiry';
          const due = this.timerDue(s, timer);
          if (due === null) break;
          s.timers[timer] = this.schedule(due, { kind: 'timer', timer, target: s });
          this.timerTrace('armed', timer, null, s, due);
          if (timer === 'willDelay') this.joinDelayQueue(s, due);
          break;
        }
        case 'cancelTimer': {
          const timer = e.params.timer as 'willDelay' | 'sessionExpiry';
          const h = s.timers[timer];
          if (h) {
            h.cancelled = true;
            s.timers[timer] = null;
            this.timerTrace('cancelled', timer, null, s, null);
          }
          if (timer === 'willDelay') this.leaveDelayQueue(s);
          break;
        }
        case 'publishWill': {
          const w = s.will;
          if (!w) break;
          s.will = null;
          const reason = e.params.why as string;
          let code = `will.published.${reason}` as WhyCode;
          // Profile departures that the machine's reasons do not name (see BrokerProfile).
          if (reason === 'delayElapsed' && s.sei === 0 && s.v === 5) code = 'will.published.seiZeroDelayed';
          if (reason === 'brokerStopped' && ctx.flush) code = 'will.published.flushedAtShutdown';
          this.leaveDelayQueue(s);
          const params = this.willParams(s, w);
          this.emit({
            t: this.now,
            kind: 'will',
            op: 'published',
            clientId: s.clientId,
            from: w.from,
            conn: w.conn,
            topic: w.def.topic,
            payload: w.def.payload,
            why: why(code, s.v, params, this.deviation(code)),
          });
          let retain = w.def.retain;
          if (retain && this.profile.ignoresWillRetain) {
            retain = false;
            this.note(
              w.from,
              why('will.retainIgnored', s.v, { topic: w.def.topic }, this.deviation('will.retainIgnored')),
            );
          }
          this.route({
            topic: w.def.topic,
            payload: w.def.payload,
            qos: w.def.qos,
            retain,
            expiry: s.v === 5 ? w.def.messageExpiry : null,
            publishedAt: this.now,
            willOf: { from: w.from, conn: w.conn },
            publisherConn: -1,
          });
          break;
        }
        case 'deleteWill': {
          const w = s.will;
          if (!w) break;
          s.will = null;
          this.leaveDelayQueue(s);
          const code: WhyCode =
            ctx.deleteRule === 'quirkAnyDisconnect' && ctx.reason !== 0
              ? 'will.deleted.quirkAnyDisconnect'
              : ctx.deleteRule === 'quirkTakeover'
                ? 'will.deleted.quirkTakeover'
                : ctx.deleteRule === 'newConnection'
                  ? 'will.deleted.quirkNewConnection'
                  : ctx.deleteRule === 'quirkSecondConnect'
                    ? 'will.deleted.quirkSecondConnect'
                    : ctx.deleteRule === 'quirkShutdown'
                      ? 'will.deleted.quirkShutdown'
                      : 'will.deleted.normalDisconnect';
          this.emit({
            t: this.now,
            kind: 'will',
            op: 'deleted',
            clientId: s.clientId,
            from: w.from,
            conn: w.conn,
            topic: w.def.topic,
            payload: w.def.payload,
            why: why(code, s.v, { reason: ctx.reason ?? 0 }, this.deviation(code)),
          });
          break;
        }
        case 'scheduleWill': {
          const w = s.will;
          if (!w) break;
          const delayDue = (s.closedAt ?? this.now) + ms(w.def.delay ?? 0);
          // mosquitto#3505: Session Expiry 0 does not cut the delay short.
          const end = s.sei === 0 && this.profile.sessionQuirks.seiZeroWillWaitsForDelay ? null : this.sessionEnd(s);
          const due = end !== null && end < delayDue ? end : delayDue;
          this.emit({
            t: this.now,
            kind: 'will',
            op: 'scheduled',
            clientId: s.clientId,
            from: w.from,
            conn: w.conn,
            topic: w.def.topic,
            payload: w.def.payload,
            due: this.roundToTick(due),
            why: why('will.scheduled', s.v, { ...this.willParams(s, w), delayDue, sessionEnd: end }),
          });
          break;
        }
        case 'cancelWill':
        case 'withholdWill': {
          const w = s.will;
          if (!w) break;
          if (e.type === 'cancelWill') s.will = null;
          const code: WhyCode = e.type === 'cancelWill' ? 'will.cancelled.resumed' : 'will.withheld.cachedSession';
          this.emit({
            t: this.now,
            kind: 'will',
            op: e.type === 'cancelWill' ? 'cancelled' : 'withheld',
            clientId: s.clientId,
            from: w.from,
            conn: w.conn,
            topic: w.def.topic,
            payload: w.def.payload,
            why: why(code, s.v, this.willParams(s, w), this.deviation(code)),
          });
          break;
        }
        case 'keepSession': {
          const mode = e.params.mode as 'expires' | 'never' | 'cached';
          const code = `session.kept.${mode}` as WhyCode;
          const endsAt = mode === 'never' ? null : mode === 'cached' ? this.cachedDeadline(s) : this.sessionEnd(s);
          this.emit({
            t: this.now,
            kind: 'session',
            op: 'kept',
            clientId: s.clientId,
            session: s.no,
            client: s.owner,
            endsAt,
            why: why(
              code,
              s.v,
              { sessionExpiry: s.v === 5 ? s.sei : null, cleanStart: s.cleanStart },
              this.deviation(code),
            ),
          });
          break;
        }
        case 'endSession': {
          const reason = e.params.why as string;
          const code = `session.ended.${reason}` as WhyCode;
          s.ended = true;
          if (this.sessions.get(s.clientId) === s) this.sessions.delete(s.clientId);
          this.emit({
            t: this.now,
            kind: 'session',
            op: 'ended',
            clientId: s.clientId,
            session: s.no,
            client: s.owner,
            why: why(
              code,
              s.v,
              { sessionExpiry: s.v === 5 ? s.sei : null, cleanStart: s.cleanStart },
              this.deviation(code),
            ),
          });
          for (const qm of s.queue) this.discardQueued(s, qm, 'message.droppedWithSession');
          s.queue = [];
          break;
        }
        case 'resumeSession':
          this.emit({
            t: this.now,
            kind: 'session',
            op: 'resumed',
            clientId: s.clientId,
            session: s.no,
            client: ctx.conn?.client.name ?? s.owner,
            why: why('session.resumed', ctx.conn?.v ?? s.v),
          });
          break;
        default:
          break;
      }
    }
  }

  private willParams(s: SessionRt, w: NonNullable<SessionRt['will']>): Why['params'] {
    return {
      cause: s.lastCause,
      closedAt: s.closedAt,
      delay: s.v === 5 ? w.def.delay : null,
      sessionExpiry: s.v === 5 ? s.sei : null,
      cleanStart: s.cleanStart,
    };
  }

  /** When the session ends if nothing resumes it (ms), or null for never. */
  private sessionEnd(s: SessionRt): number | null {
    if (s.sei === SEI_NEVER || (s.v === 4 && s.sei !== 0)) return null;
    return (s.closedAt ?? this.now) + ms(s.sei);
  }

  private timerDue(s: SessionRt, timer: 'willDelay' | 'sessionExpiry'): number | null {
    const closedAt = s.closedAt ?? this.now;
    if (timer === 'willDelay') return this.roundToTick(closedAt + ms(s.will?.def.delay ?? 0));
    if (s.state.startsWith('detached') && this.profile.cachedSessionDeadline === 'nanomq' && !s.cleanStart)
      return this.cachedDeadline(s);
    const end = this.sessionEnd(s);
    return end === null ? null : this.roundToTick(end);
  }

  private cachedDeadline(s: SessionRt): number | null {
    const w = s.will;
    return cachedSessionDeadline(
      {
        v: s.v,
        sei: s.sei,
        closedAt: s.closedAt ?? this.now,
        willDelay: w ? w.def.delay : null,
        willConnectedAt: w ? w.connectedAt : null,
      },
      this.profile.cachedSessionTickMs,
    );
  }

  // ------------------------------------------------------------------------------------------
  // Timers

  private fire(item: TimerItem): void {
    switch (item.timer) {
      case 'keepAlive': {
        const conn = item.target as ConnRt;
        conn.ka = null;
        if (!conn.open) return;
        const deadline = this.keepAliveDue(conn);
        if (deadline > this.now) {
          // A packet arrived since the timer was armed: move the deadline (plain data, no machine).
          conn.ka = this.schedule(deadline, item);
          return;
        }
        this.timerTrace('fired', 'keepAlive', conn, null, this.now);
        this.closeConnection(conn, { type: 'keepAlive.expired' }, {});
        return;
      }
      case 'ping': {
        const c = item.target as ClientRt;
        c.ping = null;
        const conn = c.conn;
        if (!conn?.open || c.state !== 'connected.active' || conn.keepAlive <= 0) return;
        const due = c.lastSentAt + conn.keepAlive * 1000;
        if (due > this.now) {
          c.ping = this.schedule(due, item);
          return;
        }
        this.packet('in', conn, 'PINGREQ');
        this.packet('out', conn, 'PINGRESP');
        c.ping = this.schedule(this.now + conn.keepAlive * 1000, item);
        return;
      }
      case 'willDelay':
      case 'sessionExpiry': {
        const s = item.target as SessionRt;
        if (item.timer === 'willDelay' && this.heldBehind(s, item)) return;
        s.timers[item.timer] = null;
        this.timerTrace('fired', item.timer, null, s, this.now);
        this.sendSession(
          s,
          { type: item.timer === 'willDelay' ? 'timer.willDelay' : 'timer.sessionExpiry' },
          { pendingWill: null, conn: null },
        );
        return;
      }
      case 'retainedExpiry': {
        const topic = item.topic ?? '';
        const r = this.retained.get(topic);
        if (!r) return;
        this.retained.delete(topic);
        this.emit({
          t: this.now,
          kind: 'message',
          op: 'expired',
          to: null,
          topic,
          payload: r.msg.payload,
          qos: r.msg.qos,
          retain: true,
          willOf: r.msg.willOf,
          why: why('message.retainedExpired', 5, { expiry: r.msg.expiry }),
        });
        return;
      }
      case 'messageExpiry': {
        const s = item.target as SessionRt;
        const keep: QueuedMessage[] = [];
        for (const qm of s.queue) {
          if (this.expired(qm.msg)) this.discardQueued(s, qm, 'message.expired');
          else keep.push(qm);
        }
        s.queue = keep;
        return;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // One list of waiting wills, ordered by Will Delay Interval (BrokerProfile.willDelayQueue)

  private readonly delayQueue: { s: SessionRt; interval: number; natural: number; held: boolean }[] = [];

  private joinDelayQueue(s: SessionRt, due: number): void {
    if (this.profile.willDelayQueue !== 'byInterval') return;
    this.leaveDelayQueue(s, false);
    const interval = s.will?.def.delay ?? 0;
    // Before the first entry whose interval is not smaller: newest first among equals.
    let i = this.delayQueue.findIndex((x) => x.interval >= interval);
    if (i < 0) i = this.delayQueue.length;
    this.delayQueue.splice(i, 0, { s, interval, natural: due, held: false });
  }

  /** The latest deadline among the waiting wills ahead of entry `i` (they go first). */
  private aheadBound(i: number): number {
    let bound = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < i; j++) bound = Math.max(bound, (this.delayQueue[j] as { natural: number }).natural);
    return bound;
  }

  private leaveDelayQueue(s: SessionRt, recheck = true): void {
    const i = this.delayQueue.findIndex((x) => x.s === s);
    if (i < 0) return;
    this.delayQueue.splice(i, 1);
    if (!recheck) return;
    // Wills held behind this one are looked at again at the broker's next check.
    const tick = this.profile.timerTickMs;
    const onTick = !tick || (this.now + (Math.round(this.clock.t0Phase * 1000) % tick)) % tick === 0;
    for (let j = i; j < this.delayQueue.length; j++) {
      const e = this.delayQueue[j] as (typeof this.delayQueue)[number];
      if (!e.held) continue;
      const bound = this.aheadBound(j);
      const at = bound > this.now ? Math.max(bound, e.natural) : onTick ? this.now : this.roundToTick(this.now);
      this.rearmWillDelay(e.s, at);
    }
  }

  private rearmWillDelay(s: SessionRt, at: number): void {
    const h = s.timers.willDelay;
    if (h) h.cancelled = true;
    s.timers.willDelay = this.schedule(at, { kind: 'timer', timer: 'willDelay', target: s });
  }

  /** True if a will whose delay has passed must wait for wills ahead of it in the list. */
  private heldBehind(s: SessionRt, item: TimerItem): boolean {
    if (this.profile.willDelayQueue !== 'byInterval') return false;
    const i = this.delayQueue.findIndex((x) => x.s === s);
    if (i < 0) return false;
    const bound = this.aheadBound(i);
    if (bound <= this.now) return false;
    const e = this.delayQueue[i] as (typeof this.delayQueue)[number];
    e.held = true;
    s.timers.willDelay = this.schedule(bound, item);
    const w = s.will;
    this.note(w?.from ?? s.owner, why('will.heldBehind', s.v, { until: bound }, this.deviation('will.heldBehind')));
    return true;
  }

  private startPing(c: ClientRt): void {
    const conn = c.conn;
    if (!conn || conn.keepAlive <= 0) return;
    this.stopPing(c);
    c.ping = this.schedule(c.lastSentAt + conn.keepAlive * 1000, { kind: 'timer', timer: 'ping', target: c });
  }

  private stopPing(c: ClientRt): void {
    if (c.ping) {
      c.ping.cancelled = true;
      c.ping = null;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Routing (plain data: matching, QoS downgrade, retained messages, offline queues)

  private brokerAcksPublish(conn: ConnRt, qos: number): void {
    if (qos === 1) this.packet('out', conn, 'PUBACK');
    else if (qos === 2) {
      this.packet('out', conn, 'PUBREC');
      this.packet('in', conn, 'PUBREL');
      this.packet('out', conn, 'PUBCOMP');
    }
  }

  private expired(m: Message): boolean {
    return m.expiry !== null && this.now >= m.publishedAt + ms(m.expiry);
  }

  private route(m: Message): void {
    if (m.retain) this.retain(m);
    for (const s of this.sessions.values()) {
      let best: SubscriptionDef | null = null;
      for (const sub of s.subs.values()) {
        if (!topicMatches(sub.filter, m.topic)) continue;
        // No Local [MQTT-3.8.3-3]; a will counts as published by its closed connection (A6).
        if (sub.noLocal && s.conn !== null && s.conn.id === m.publisherConn) continue;
        if (best === null || sub.qos > best.qos) best = sub;
      }
      if (best === null) continue;
      const qos = Math.min(m.qos, best.qos) as 0 | 1 | 2;
      // Live deliveries carry RETAIN only with Retain As Published (5.0); 3.1.1 always clears it.
      const retain = s.v === 5 && best.retainAsPublished ? m.retain : false;
      const qm: QueuedMessage = { msg: m, qos, retain };
      // ejabberd 23.01 queues a QoS 0 copy behind an unacknowledged QoS 1 or 2 one (queuesQos0BehindUnacked).
      const behind =
        qos === 0 && this.profile.queuesQos0BehindUnacked === true && s.queue.length + s.inflight.length > 0;
      if (s.conn?.open) this.deliver(s.conn, s, qm, 'message.delivered');
      else if (qos > 0 || behind) {
        s.queue.push(qm);
        this.emit({
          t: this.now,
          kind: 'message',
          op: 'queued',
          to: s.owner,
          topic: m.topic,
          payload: m.payload,
          qos,
          retain,
          willOf: m.willOf,
          why: behind
            ? why('message.queuedQos0BehindUnacked', s.v, {}, this.deviation('message.queuedQos0BehindUnacked'))
            : why('message.queued', s.v),
        });
        if (m.expiry !== null)
          this.schedule(m.publishedAt + ms(m.expiry), { kind: 'timer', timer: 'messageExpiry', target: s });
      } else {
        this.emit({
          t: this.now,
          kind: 'message',
          op: 'discarded',
          to: s.owner,
          topic: m.topic,
          payload: m.payload,
          qos,
          retain,
          willOf: m.willOf,
          why: why('message.qos0NotQueued', s.v),
        });
      }
    }
  }

  private retain(m: Message): void {
    const old = this.retained.get(m.topic);
    if (old?.expiry) old.expiry.cancelled = true;
    const v: ProtocolLevel = 5;
    if (m.payload === '') {
      // [MQTT-3.3.1-6], [MQTT-3.3.1-7]: an empty retained payload clears the topic and is not stored.
      this.retained.delete(m.topic);
      this.emit({
        t: this.now,
        kind: 'message',
        op: 'retainCleared',
        to: null,
        topic: m.topic,
        payload: '',
        qos: m.qos,
        retain: true,
        willOf: m.willOf,
        why: why('message.retainCleared', v),
      });
      return;
    }
    const expiry =
      m.expiry !== null
        ? this.schedule(m.publishedAt + ms(m.expiry), {
            kind: 'timer',
            timer: 'retainedExpiry',
            target: null,
            topic: m.topic,
          })
        : null;
    this.retained.set(m.topic, { msg: m, expiry });
    this.emit({
      t: this.now,
      kind: 'message',
      op: 'retained',
      to: null,
      topic: m.topic,
      payload: m.payload,
      qos: m.qos,
      retain: true,
      willOf: m.willOf,
      why: why('message.retained', v),
    });
  }

  private deliver(conn: ConnRt, s: SessionRt, qm: QueuedMessage, code: WhyCode): void {
    const m = qm.msg;
    const remaining = m.expiry === null ? null : Math.max(0, m.expiry - Math.floor((this.now - m.publishedAt) / 1000));
    this.emit({
      t: this.now,
      kind: 'message',
      op: 'delivered',
      to: conn.client.name,
      topic: m.topic,
      payload: m.payload,
      qos: qm.qos,
      retain: qm.retain,
      willOf: m.willOf,
      why: why(code, conn.v, { messageExpiry: remaining }),
    });
    if (qm.qos === 0) return;
    if (conn.client.state !== 'connected.active') {
      // A silent client does not acknowledge: the message stays in flight in the session.
      s.inflight.push(qm);
      return;
    }
    if (qm.qos === 1) this.packet('in', conn, 'PUBACK');
    else {
      this.packet('in', conn, 'PUBREC');
      this.packet('out', conn, 'PUBREL');
      this.packet('in', conn, 'PUBCOMP');
    }
  }

  private discardQueued(s: SessionRt, qm: QueuedMessage, code: WhyCode): void {
    const m = qm.msg;
    this.emit({
      t: this.now,
      kind: 'message',
      op: code === 'message.expired' ? 'expired' : 'discarded',
      to: s.owner,
      topic: m.topic,
      payload: m.payload,
      qos: qm.qos,
      retain: qm.retain,
      willOf: m.willOf,
      why: why(code, s.v, { expiry: m.expiry }),
    });
  }

  private deliverBacklog(conn: ConnRt, s: SessionRt): void {
    const backlog = s.queue;
    s.queue = [];
    for (const qm of backlog) {
      if (this.expired(qm.msg)) this.discardQueued(s, qm, 'message.expired');
      else this.deliver(conn, s, qm, 'message.queueDelivered');
    }
  }

  private subscribe(conn: ConnRt, sub: SubscriptionDef): void {
    const s = conn.session;
    if (!s) return;
    this.packet('in', conn, 'SUBSCRIBE', { filter: sub.filter, qos: sub.qos });
    const existed = s.subs.has(sub.filter);
    s.subs.set(sub.filter, sub);
    this.packet('out', conn, 'SUBACK', { filter: sub.filter, qos: sub.qos });
    // Retained messages on subscribe, per Retain Handling ([MQTT-3.3.1-9] to [MQTT-3.3.1-11]).
    if (sub.retainHandling === 2 || (sub.retainHandling === 1 && existed)) return;
    for (const r of this.retained.values()) {
      if (!topicMatches(sub.filter, r.msg.topic) || this.expired(r.msg)) continue;
      const qos = Math.min(r.msg.qos, sub.qos) as 0 | 1 | 2;
      this.deliver(conn, s, { msg: r.msg, qos, retain: true }, 'message.deliveredRetained');
    }
  }

  // ------------------------------------------------------------------------------------------
  // Broker restart

  private brokerRestart(): void {
    const persist = this.sc.broker.persistence === 'persist';
    const v = this.sc.protocol;
    // Close user connections first, implicit clients last, so the observer sees the wills.
    const open = [...this.live.values()];
    const r = this.profile.restart;
    // ejabberd 23.01: no will goes out while the node stops, and no session survives it.
    const dropsWills = r?.deliversWills === false;
    const keepsSessions = persist && r?.keepsSessions !== false;
    for (const conn of open)
      if (!conn.client.implicit)
        this.closeConnection(conn, { type: 'broker.shutdown' }, dropsWills ? { shutdownDropsWill: true } : {});
    if (r?.publishesWaitingWills) {
      for (const s of [...this.sessions.values()]) {
        if (s.state !== 'detached.willDelayed') continue;
        this.sendSession(s, { type: 'will.flush' }, { pendingWill: null, conn: null, flush: true });
        // A Session Expiry 0 session only waited for its will (mosquitto#3505).
        if (s.sei === 0)
          this.sendSession(s, { type: 'session.discard', why: 'closedSeiZero' }, { pendingWill: null, conn: null });
      }
    }
    if (persist && r?.persistsOnlyCleanStart0)
      for (const s of [...this.sessions.values()])
        if (s.cleanStart && !s.ended && s.conn === null && !s.clientId.startsWith('__'))
          this.sendSession(s, { type: 'session.discard', why: 'notPersisted' }, { pendingWill: null, conn: null });
    // A volatile broker loses every session: pending wills go out now, while the observer listens.
    if (!keepsSessions) for (const s of [...this.sessions.values()]) this.discardSession(s, persist, dropsWills);
    for (const conn of open) if (conn.client.implicit) this.closeConnection(conn, { type: 'broker.shutdown' }, {});
    if (!keepsSessions) for (const s of [...this.sessions.values()]) this.discardSession(s, persist, dropsWills);
    if (!persist) {
      for (const [topic, r] of this.retained) {
        if (r.expiry) r.expiry.cancelled = true;
        this.emit({
          t: this.now,
          kind: 'message',
          op: 'discarded',
          to: null,
          topic,
          payload: r.msg.payload,
          qos: r.msg.qos,
          retain: true,
          willOf: r.msg.willOf,
          why: why('message.retainedLost', v),
        });
      }
      this.retained.clear();
    }
    if (persist && r && !r.restoredSessionsExpire)
      for (const s of this.sessions.values()) {
        const h = s.timers.sessionExpiry;
        if (s.ended || s.conn !== null || !h) continue;
        h.cancelled = true;
        s.timers.sessionExpiry = null;
        this.timerTrace('cancelled', 'sessionExpiry', null, s, null);
        this.note(s.owner, why('session.restoredNoExpiry', s.v, {}, this.deviation('session.restoredNoExpiry')));
      }
    this.note(null, why('broker.restarted', v, { persistence: this.sc.broker.persistence }));
    // FORMAT.md: the observer reconnects with Clean Start 0 at once (and re-subscribes if needed).
    const observer = this.clients.get(OBSERVER);
    if (observer)
      this.connect(observer, -1, {
        cleanStart: false,
        sessionExpiry: null,
        keepAlive: 0,
        protocol: observer.def.protocol,
        will: null,
      });
  }

  private discardSession(s: SessionRt, persist = false, dropWill = false): void {
    if (s.ended) return;
    if (s.state.startsWith('detached'))
      this.sendSession(
        s,
        // With persistence, only a broker that keeps sessions in memory alone loses them (ejabberd).
        { type: 'session.discard', why: persist ? 'inMemoryOnly' : 'brokerStopped', dropWill },
        { pendingWill: null, conn: null, ...(dropWill ? { deleteRule: 'quirkShutdown' as const } : {}) },
      );
  }

  // ------------------------------------------------------------------------------------------
  // Outcome (FORMAT.md)

  private outcome(): Outcome {
    const { wills, sessionPresent, disconnectReasons } = outcomeFromTrace(this.trace);
    const messages: { topic: string; payload: string }[] = [];
    for (const topic of this.willTopics) {
      const r = this.retained.get(topic);
      if (r && !this.expired(r.msg)) messages.push({ topic, payload: r.msg.payload });
    }
    const out: Outcome = { wills, sessionPresent, disconnectReasons, retainedAfter: { t: this.now / 1000, messages } };
    if (this.sc.offlineSubscriber) {
      const s = this.sessions.get('__offline__');
      const msgs = s ? s.queue.filter((qm) => !this.expired(qm.msg)) : [];
      out.offlineSubscriber = {
        messages: msgs.map((qm) => ({ topic: qm.msg.topic, payload: qm.msg.payload, qos: qm.qos, retain: qm.retain })),
      };
    }
    return out;
  }
}

interface SessionCtx {
  pendingWill: SessionRt['will'];
  conn: ConnRt | null;
  deleteRule?: DeleteRule | 'quirkTakeover' | 'newConnection' | 'quirkSecondConnect' | 'quirkShutdown';
  reason?: number;
  /** The broker is stopping and publishes waiting wills (BrokerProfile.restart). */
  flush?: boolean;
}
