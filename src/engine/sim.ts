import { connectRefusal, neverExpires, sessionExpiryInForce, willDelayZero } from './broker/connect';
import { disconnectSessionExpiry, isDisconnectCode } from './broker/disconnect';
import { keepAliveInForce, keepAliveWindowMs } from './broker/keep-alive';
import { publishRefusal } from './broker/publish';
import { type RestartPlan, restartPlan } from './broker/restart';
import { dropsExpired } from './broker/routing';
import { brokerAcksPublish, deliverBacklog, expireQueued, expireRetained, route, subscribe } from './delivery';
import { sessionEffects } from './effects';
import { clientMachine } from './machines/client.machine';
import { type ConnectionEvent, connectionMachine, type DeleteRule } from './machines/connection.machine';
import { type SessionEvent, sessionMachine } from './machines/session.machine';
import { type MachineEffect, Stepper } from './machines/stepper';
import { type BrokerProfile, profileById, type ServerDisconnectEvent, SPEC } from './profiles';
import { nextU32 } from './rng';
import { type WhyCode, why } from './rules';
import {
  type ClientRt,
  type ConnRt,
  type Item,
  PHASE_STEP,
  Runtime,
  type SessionCtx,
  type SessionRt,
  type TimerItem,
} from './runtime';
import {
  afterCloseDue,
  type ConnectParams,
  connectParams,
  implicitClients,
  isImplicitClientId,
  OBSERVER,
  OFFLINE_CLIENT_ID,
  OFFLINE_SUBSCRIBER,
  publishTopic,
  rejoinParams,
  StepCursor,
  toMs,
  willTopics,
} from './script';
import { outcomeFromTrace } from './trace/outcome';
import type {
  BrokerClock,
  ClientDef,
  CloseCause,
  Outcome,
  PacketDetail,
  RunResult,
  Scenario,
  Step,
  Why,
} from './types';

/** What a close needs beyond its event: the takeover's new connection, the client's Reason Code,
 * and whether a stopping broker delivers no will (ejabberd 23.01, profile.restart.deliversWills). */
interface CloseExtra {
  takeoverBy?: ConnRt;
  reason?: number;
  shutdownDropsWill?: boolean;
}

/**
 * The engine's loop: the event queue, the runtime records, dispatch of steps and timers, stepping
 * the machines and carrying out their effects. What a scenario means is in ./script, what the
 * broker decides in ./broker, how entries are written and read in ./trace.
 */

// Machines are shared by every run: their memo is a cache of pure results, not state of a run.
const clientStepper = new Stepper(clientMachine);
const connectionStepper = new Stepper(connectionMachine);
const sessionStepper = new Stepper(sessionMachine);

/** How often XState itself was evaluated (memo misses), for the benchmark. Not part of any run. */
export function machineEvaluations(): number {
  return clientStepper.evaluations + connectionStepper.evaluations + sessionStepper.evaluations;
}

/** The run stops (truncated) after this many queue events: a guard against runaway scenarios. */
export const DEFAULT_EVENT_BUDGET = 2_000_000;

export interface SimulateOptions {
  /** Default: the scenario's own profile (`scenario.profile`), or the spec if it names none we know. */
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
  const profile = options.profile ?? profileById(scenario.profile) ?? SPEC;
  const sim = new Simulation(scenario, profile, options.eventBudget ?? DEFAULT_EVENT_BUDGET, options.clock);
  return sim.run(options.untilMs ?? toMs(scenario.end));
}

class Simulation extends Runtime {
  private events = 0;
  private connIds = 0;
  private sessionNos = 0;
  private truncated = false;
  private readonly willTopics: string[];
  private readonly cursor: StepCursor;
  private readonly doneSteps = new Set<number>();

  constructor(
    sc: Scenario,
    profile: BrokerProfile,
    private readonly budget: number,
    clock: BrokerClock = { t0Phase: 0 },
  ) {
    super(sc, profile, clock);
    this.willTopics = willTopics(sc);
    for (const def of sc.clients) this.addClient(def, false);
    for (const def of implicitClients(sc, this.willTopics)) this.addClient(def, true);
    this.cursor = new StepCursor(sc.steps);
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
    });
  }

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
      this.q.push(toMs(step.t), PHASE_STEP, { kind: 'step', index, step });
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
      this.trace.now = next.at;
      this.dispatch(next.item);
    }
    if (!this.truncated) this.trace.now = untilMs;
    return {
      trace: this.trace.entries,
      outcome: this.outcome(),
      endMs: this.now,
      stats: { events: this.events, transitions: this.transitions },
      truncated: this.truncated,
    };
  }

  private dispatch(item: Item): void {
    if (item.kind === 'step') this.applyStep(item.index, item.step);
    else if (item.kind === 'setup') item.run();
    else this.fire(item);
  }

  // --- machine stepping ----------------------------------------------------------------------

  private sendClient(c: ClientRt, event: Parameters<typeof clientMachine.transition>[1]): MachineEffect[] {
    const r = clientStepper.send(c.snap, event);
    this.transitions++;
    c.snap = r.snap;
    if (r.value !== c.state) {
      c.state = r.value;
      this.trace.state('client', c.name, r.value);
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
      this.trace.state('connection', `${conn.client.name}#${conn.no}`, r.value);
    }
    return r.effects;
  }

  private sendSession(s: SessionRt, event: SessionEvent, ctx: SessionCtx): void {
    const r = sessionStepper.send(s.snap, event);
    this.transitions++;
    s.snap = r.snap;
    const changed = r.value !== s.state;
    s.state = r.value;
    sessionEffects(this, s, r.effects, ctx);
    if (changed) this.trace.state('session', `${s.clientId}@${s.no}`, r.value);
  }

  // --- steps ---------------------------------------------------------------------------------

  private applyStep(index: number, step: Step): void {
    // A step runs once: an afterClose reconnect may have been brought forward (FORMAT.md).
    if (this.doneSteps.has(index)) return;
    this.doneSteps.add(index);
    this.trace.step(index, step.action, step.client);
    if (step.action === 'brokerRestart') {
      this.brokerRestart();
      return;
    }
    const c = this.clients.get(step.client);
    if (!c) return; // validated earlier; unreachable for a valid scenario
    const conn = c.conn;
    switch (step.action) {
      case 'connect':
        if (c.snap.matches('connected') || c.snap.matches('connecting'))
          this.note(c.name, why('step.alreadyConnected', c.def.protocol));
        else this.connect(c, index, null);
        return;
      case 'reconnect':
        // A client that gave up on a socket the broker may still think open opens a new one.
        if (conn?.open || c.snap.matches('connected')) this.abandon(c);
        this.connect(c, index, connectParams(c.def, step));
        return;
      case 'takeover':
        if (!this.clients.get(step.of)?.conn?.open)
          this.note(c.name, why('step.takeoverTargetGone', c.def.protocol, { of: step.of }));
        if (c.snap.matches('connected')) {
          this.note(c.name, why('step.alreadyConnected', c.def.protocol));
          return;
        }
        this.connect(c, index, connectParams(c.def, step));
        return;
      case 'kick':
        if (!conn?.open) {
          this.note(c.name, why('step.notConnected', c.def.protocol));
          return;
        }
        this.closeConnection(conn, { type: 'admin.kick' }, {});
        return;
      case 'disconnect':
        if (this.connected(c, true)) this.clientDisconnect(c, step.reason ?? 0, step.sessionExpiry);
        return;
      case 'drop':
      case 'reset':
        if (!this.connected(c, true) || !conn) return;
        this.sendClient(c, { type: 'cmd.drop' });
        this.stopPing(c);
        c.conn = null;
        this.closeConnection(conn, { type: 'net.closed', reset: step.action === 'reset' }, {});
        return;
    }
    if (!this.connected(c, false) || !conn) return;
    switch (step.action) {
      case 'silence':
        this.sendClient(c, { type: 'cmd.silence' });
        this.stopPing(c);
        return;
      case 'protoerr':
        this.packet('in', conn, 'CONNECT', { cleanStart: conn.cleanStart, keepAlive: conn.keepAlive });
        this.closeConnection(conn, { type: 'packet.secondConnect' }, {});
        return;
      case 'badpacket':
        this.packet('in', conn, 'RESERVED', {});
        this.closeConnection(conn, { type: 'packet.malformed' }, {});
        return;
      case 'publish': {
        const topic = publishTopic(this.sc, step);
        const { payload, qos, retain } = step;
        const expiry = conn.v === 5 ? (step.messageExpiry ?? null) : null;
        this.packet('in', conn, 'PUBLISH', { topic, payload, qos, retain, messageExpiry: expiry });
        const refused = publishRefusal(conn.v, qos, retain, this.sc.broker);
        if (refused !== null) {
          this.closeConnection(conn, { type: 'packet.unsupported', reason: refused }, {});
          return;
        }
        brokerAcksPublish(this, conn, qos);
        route(this, {
          topic,
          payload,
          qos,
          retain,
          expiry,
          publishedAt: this.now,
          v: conn.v,
          publisherClientId: conn.clientId,
        });
        return;
      }
      case 'subscribe':
        subscribe(this, conn, {
          filter: step.filter,
          qos: step.qos,
          retainAsPublished: step.retainAsPublished ?? false,
          noLocal: step.noLocal ?? false,
          retainHandling: step.retainHandling ?? 0,
        });
        return;
      case 'unsubscribe':
        this.packet('in', conn, 'UNSUBSCRIBE', { filter: step.filter });
        if (conn.session && !conn.session.subs.delete(step.filter))
          this.note(c.name, why('step.notSubscribed', conn.v, { filter: step.filter }));
        this.packet('out', conn, 'UNSUBACK', { filter: step.filter });
        return;
    }
  }

  /** The step needs a connected client (and, unless `allowSilent`, one that still sends). */
  private connected(c: ClientRt, allowSilent: boolean): boolean {
    if (!c.snap.matches('connected') || !c.conn) {
      this.note(c.name, why('step.notConnected', c.def.protocol));
      return false;
    }
    if (!allowSilent && c.snap.matches('connected.silent')) {
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

  // --- CONNECT (§3.1.4) ----------------------------------------------------------------------

  private connect(c: ClientRt, step: number, override: ConnectParams | null): void {
    const p = override ?? connectParams(c.def);
    const v = p.protocol;
    const b = this.sc.broker;
    this.sendClient(c, { type: 'cmd.connect' });
    c.connCount++;
    const se = sessionExpiryInForce(p, b);
    const conn: ConnRt = {
      id: ++this.connIds,
      no: c.connCount,
      client: c,
      clientId: c.def.clientId,
      v,
      snap: null, // the connection machine starts once the CONNECT is accepted
      state: 'connecting',
      open: false,
      cleanStart: p.cleanStart,
      requestedSei: se.requested,
      keepAlive: p.keepAlive,
      serverKeepAlive: false,
      windowMs: 0,
      lastRecvAt: this.now,
      ka: null,
      session: null,
      subscriptions: c.def.subscriptions,
    };
    c.conn = conn;
    const sessionExpiry = v === 5 ? p.sessionExpiry : undefined;
    const hasWill = p.will !== null;
    this.packet('in', conn, 'CONNECT', {
      cleanStart: p.cleanStart,
      sessionExpiry,
      keepAlive: p.keepAlive,
      hasWill,
      step,
    });

    // Nothing is stored and nobody is taken over unless the CONNECT is accepted (broker/connect.ts).
    const refusal = connectRefusal(p, b, conn.clientId);
    if (refusal) {
      this.trace.connection('refused', this.at(conn), why(refusal.code, v, { reason: refusal.reason }));
      this.packet('out', conn, 'CONNACK', { reason: refusal.reason, sessionPresent: false, step });
      this.sendClient(c, { type: 'connack', accepted: false });
      c.conn = null;
      return;
    }
    if (conn.clientId === '') {
      conn.clientId = `auto-${nextU32(this.rng).toString(16).padStart(8, '0')}`;
      this.note(c.name, why('conn.clientIdAssigned', v, { clientId: conn.clientId }));
    }
    const clientId = conn.clientId;
    // [MQTT-3.1.4-3] (5.0) / [MQTT-3.1.4-2] (3.1.1): the existing connection is closed first, so a
    // will published "at takeover" precedes the new CONNACK.
    const existing = this.live.get(clientId);
    if (existing?.open) this.closeConnection(existing, { type: 'takeover' }, { takeoverBy: conn });
    if (se.capped !== undefined)
      this.note(c.name, why('session.expiryCapped', v, { requested: se.requested, granted: se.sei }));

    let s = this.sessions.get(clientId);
    const attach: SessionEvent = {
      type: 'conn.attached',
      v,
      cleanStart: p.cleanStart,
      hasWill,
      willDelayZero: willDelayZero(p),
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
    const sessionPresent = s !== undefined;
    if (s) {
      s.sei = se.sei;
      s.v = v;
      s.cleanStart = p.cleanStart;
      s.owner = c.name;
    } else {
      s = this.newSession(clientId, v, se.sei, p.cleanStart, c.name);
      const code = p.cleanStart ? 'session.created.cleanStart' : 'session.created.noneStored';
      this.trace.session('created', clientId, s.no, c.name, why(code, v));
    }
    s.conn = conn;
    s.lastConn = conn.no;
    conn.session = s;
    this.sendSession(s, attach, ctx);

    const ka = keepAliveInForce(v, p.keepAlive, b);
    conn.keepAlive = ka.keepAlive;
    conn.serverKeepAlive = ka.serverKeepAlive !== null;
    conn.windowMs = keepAliveWindowMs(ka.keepAlive, this.profile);
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
    this.trace.connection('opened', this.at(conn), why('conn.accepted', v, { sessionPresent }));
    const connack: PacketDetail = { reason: 0, sessionPresent, step };
    if (se.capped !== undefined) connack.sessionExpiry = se.capped;
    if (ka.serverKeepAlive !== null) connack.keepAlive = ka.serverKeepAlive;
    this.packet('out', conn, 'CONNACK', connack);
    // The Keep Alive in force gets its own explanation when the broker set it, or when it is off.
    if (ka.serverKeepAlive !== null && !c.implicit)
      this.note(c.name, why('keepAlive.server', v, { requested: p.keepAlive, keepAlive: ka.keepAlive }));
    else if (ka.keepAlive === 0 && !c.implicit) this.note(c.name, why('keepAlive.off', v));

    if (conn.windowMs > 0) {
      const kaDue = this.keepAliveDue(conn);
      conn.ka = this.schedule(kaDue, { kind: 'timer', timer: 'keepAlive', target: conn });
      this.timerTrace('armed', 'keepAlive', conn, null, kaDue);
    }
    const effects = this.sendClient(c, { type: 'connack', accepted: true });
    if (effects.some((e) => e.type === 'startKeepAlive')) this.startPing(c);
    if (sessionPresent) deliverBacklog(this, conn, s);
    else for (const sub of conn.subscriptions) subscribe(this, conn, sub);
  }

  private at(conn: ConnRt) {
    return { client: conn.client.name, conn: conn.no, clientId: conn.clientId };
  }

  private newSession(clientId: string, v: 4 | 5, sei: number, cleanStart: boolean, owner: string): SessionRt {
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
      lastReason: null,
      lastConn: 0,
      timers: { willDelay: null, sessionExpiry: null },
      ended: false,
    };
    this.sessions.set(clientId, s);
    return s;
  }

  // --- closing a connection ------------------------------------------------------------------

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
    const change = disconnectSessionExpiry(v, reason, sessionExpiry, conn.requestedSei, this.sc.broker);
    if (s && change.granted !== null) {
      if (change.granted !== s.sei)
        this.note(c.name, why('session.expiryChanged', v, { from: s.sei, to: change.granted }));
      s.sei = change.granted;
    }
    const normal = v === 4 || reason === 0;
    const known = isDisconnectCode(v, reason);
    const event: ConnectionEvent = {
      type: 'packet.disconnect',
      normal,
      known,
      seiRaisedFromZero: change.raisedFromZero,
      reason,
    };
    this.closeConnection(conn, event, { reason });
  }

  private closeConnection(conn: ConnRt, event: ConnectionEvent, extra: CloseExtra): void {
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
    const sent = over === undefined ? specReason : over;
    if (sent !== null) this.packet('out', conn, 'DISCONNECT', { reason: sent });
    conn.open = false;
    if (this.live.get(conn.clientId) === conn) this.live.delete(conn.clientId);
    if (conn.ka) {
      conn.ka.cancelled = true;
      conn.ka = null;
      this.timerTrace('cancelled', 'keepAlive', conn, null, null);
    }
    this.trace.connection('closed', this.at(conn), this.closeWhy(conn, event, cause, over, extra.reason), cause);

    // The client learns that its socket is gone (unless it closed it itself).
    const c = conn.client;
    if (c.conn === conn) {
      this.stopPing(c);
      this.sendClient(c, { type: 'socket.closed' });
      c.conn = null;
    }
    const s = conn.session;
    if (s && s.conn === conn) this.detach(s, conn, event, cause, deleteRule, extra);

    // FORMAT.md afterClose: the client's next step, a reconnect, may come s seconds after this close.
    const nextIndex = this.cursor.next(c.name, (i) => this.doneSteps.has(i));
    const next = nextIndex === undefined ? undefined : this.sc.steps[nextIndex];
    const due = afterCloseDue(next, this.now);
    if (nextIndex !== undefined && next !== undefined && due !== null)
      this.q.push(due, PHASE_STEP, { kind: 'step', index: nextIndex, step: next });
  }

  private closeWhy(
    conn: ConnRt,
    event: ConnectionEvent,
    cause: CloseCause,
    over: number | null | undefined,
    reason?: number,
  ): Why {
    const v = conn.v;
    const code: WhyCode =
      event.type === 'packet.unsupported'
        ? event.reason === 0x9b
          ? 'conn.closed.qosNotSupported'
          : 'conn.closed.retainNotSupported'
        : cause === 'protocolError' && event.type === 'packet.disconnect'
          ? 'conn.closed.seiRaised'
          : (`conn.closed.${cause}` as WhyCode);
    const params: Why['params'] = { cause };
    if (reason !== undefined && v === 5) params.reason = reason;
    if (cause === 'keepAlive') {
      params.keepAlive = conn.keepAlive;
      if (conn.serverKeepAlive) params.serverKeepAlive = true;
    }
    if (event.type === 'packet.unsupported') {
      params.maximumQos = this.sc.broker.maximumQos;
      params.disconnect = event.reason;
    }
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
    return why(code, v, params, deviation);
  }

  /** The session loses its connection: the session machine decides the will's and its own fate. */
  private detach(
    s: SessionRt,
    conn: ConnRt,
    event: ConnectionEvent,
    cause: CloseCause,
    deleteRule: DeleteRule,
    extra: CloseExtra,
  ): void {
    s.conn = null;
    s.closedAt = this.now;
    s.lastCause = cause;
    s.lastReason = conn.v === 5 && extra.reason !== undefined ? extra.reason : null;
    // Copies in flight that the client never acknowledged go back to the front of the queue.
    if (s.inflight.length > 0) {
      s.queue = [...s.inflight, ...s.queue];
      s.inflight = [];
    }
    let deleteWill = deleteRule !== 'none';
    let rule: SessionCtx['deleteRule'] = deleteRule;
    // ejabberd 23.01: a stopping node delivers no will (profile.restart.deliversWills).
    if (extra.shutdownDropsWill) {
      deleteWill = true;
      rule = 'quirkShutdown';
    }
    // Mosquitto 2.0: the failed second CONNECT clears the will, Clean Start and Session Expiry.
    if (event.type === 'packet.secondConnect' && this.profile.secondConnectEndsSession) {
      deleteWill = true;
      rule = 'quirkSecondConnect';
      s.sei = 0;
      s.cleanStart = true;
    }
    // Mosquitto 2.0: a takeover that keeps the session removes the will instead of publishing it.
    const by = extra.takeoverBy;
    if (
      cause === 'takeover' &&
      this.profile.takeoverKeepsWillOnlyIfSessionEnds &&
      by &&
      !by.cleanStart &&
      s.sei !== 0
    ) {
      deleteWill = true;
      rule = 'quirkTakeover';
    }
    const kicked = cause === 'takeover' || cause === 'adminKick';
    const closed: SessionEvent = {
      type: 'conn.closed',
      deleteWill,
      seiZero: s.sei === 0,
      seiNever: neverExpires(s.v, s.sei),
      kicked,
    };
    this.sendSession(s, closed, { pendingWill: null, conn, deleteRule: rule, reason: extra.reason });
  }

  // --- timers --------------------------------------------------------------------------------

  private fire(item: TimerItem): void {
    switch (item.timer) {
      case 'keepAlive': {
        const conn = item.target as ConnRt;
        conn.ka = null;
        if (!conn.open) return;
        const deadline = this.keepAliveDue(conn);
        // A packet arrived since the timer was armed: move the deadline (plain data, no machine).
        if (deadline > this.now) conn.ka = this.schedule(deadline, item);
        else {
          this.timerTrace('fired', 'keepAlive', conn, null, this.now);
          this.closeConnection(conn, { type: 'keepAlive.expired' }, {});
        }
        return;
      }
      case 'ping': {
        const c = item.target as ClientRt;
        c.ping = null;
        const conn = c.conn;
        if (!conn?.open || !c.snap.matches('connected.active') || conn.keepAlive <= 0) return;
        const due = c.lastSentAt + conn.keepAlive * 1000;
        if (due > this.now) c.ping = this.schedule(due, item);
        else {
          this.packet('in', conn, 'PINGREQ');
          this.packet('out', conn, 'PINGRESP');
          c.ping = this.schedule(this.now + conn.keepAlive * 1000, item);
        }
        return;
      }
      case 'willDelay':
      case 'sessionExpiry': {
        const s = item.target as SessionRt;
        if (item.timer === 'willDelay') {
          const until = this.delayQueue.holdUntil(s, this.now);
          if (until !== null) {
            s.timers.willDelay = this.schedule(until, item);
            const d = this.deviation('will.heldBehind');
            this.note(s.will?.from ?? s.owner, why('will.heldBehind', s.v, { until }, d));
            return;
          }
        }
        s.timers[item.timer] = null;
        this.timerTrace('fired', item.timer, null, s, this.now);
        const type = item.timer === 'willDelay' ? 'timer.willDelay' : 'timer.sessionExpiry';
        this.sendSession(s, { type }, { pendingWill: null, conn: null });
        return;
      }
      case 'retainedExpiry':
        expireRetained(this, item.topic ?? '');
        return;
      case 'messageExpiry':
        expireQueued(this, item.target as SessionRt);
        return;
    }
  }

  private startPing(c: ClientRt): void {
    const conn = c.conn;
    if (!conn || conn.keepAlive <= 0) return;
    this.stopPing(c);
    c.ping = this.schedule(c.lastSentAt + conn.keepAlive * 1000, { kind: 'timer', timer: 'ping', target: c });
  }

  private stopPing(c: ClientRt): void {
    if (c.ping) c.ping.cancelled = true;
    c.ping = null;
  }

  // --- broker restart (broker/restart.ts decides what survives) -------------------------------

  private brokerRestart(): void {
    const plan = restartPlan(this.sc.broker, this.profile);
    const v = this.sc.protocol;
    const noCtx = { pendingWill: null, conn: null };
    // Close user connections first, implicit clients last, so the observer sees the wills.
    const open = [...this.live.values()];
    const shut = { shutdownDropsWill: plan.dropsWills };
    for (const conn of open) if (!conn.client.implicit) this.closeConnection(conn, { type: 'broker.shutdown' }, shut);
    if (plan.flushWaitingWills)
      for (const s of [...this.sessions.values()]) {
        if (!s.snap.matches('detached.willDelayed')) continue;
        this.sendSession(s, { type: 'will.flush' }, { ...noCtx, flush: true });
        if (plan.endSeiZeroAfterFlush && s.sei === 0)
          this.sendSession(s, { type: 'session.discard', why: 'closedSeiZero' }, noCtx);
      }
    if (plan.dropCleanStartSessions)
      for (const s of [...this.sessions.values()])
        if (s.cleanStart && !s.ended && s.conn === null && !isImplicitClientId(s.clientId))
          this.sendSession(s, { type: 'session.discard', why: 'notPersisted' }, noCtx);
    // A volatile broker loses every session: pending wills go out now, while the observer listens.
    if (!plan.keepsSessions) for (const s of [...this.sessions.values()]) this.discardSession(s, plan);
    for (const conn of open) if (conn.client.implicit) this.closeConnection(conn, { type: 'broker.shutdown' }, {});
    if (!plan.keepsSessions) for (const s of [...this.sessions.values()]) this.discardSession(s, plan);
    if (!plan.persist) {
      for (const [topic, r] of this.retained) {
        if (r.expiry) r.expiry.cancelled = true;
        const m = { topic, payload: r.msg.payload, qos: r.msg.qos, retain: true, willOf: r.msg.willOf };
        this.trace.message('discarded', null, m, why('message.retainedLost', v));
      }
      this.retained.clear();
    }
    if (plan.restoredNeverExpire)
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
    if (observer) this.connect(observer, -1, rejoinParams(observer.def));
  }

  private discardSession(s: SessionRt, plan: RestartPlan): void {
    if (!s.ended && s.snap.matches('detached'))
      this.sendSession(
        s,
        // With persistence, only a broker that keeps sessions in memory alone loses them (ejabberd).
        { type: 'session.discard', why: plan.persist ? 'inMemoryOnly' : 'brokerStopped', dropWill: plan.dropsWills },
        { pendingWill: null, conn: null, ...(plan.dropsWills ? { deleteRule: 'quirkShutdown' as const } : {}) },
      );
  }

  // --- outcome (FORMAT.md) -------------------------------------------------------------------

  private outcome(): Outcome {
    const { wills, sessionPresent, disconnectReasons } = outcomeFromTrace(this.trace.entries);
    const live = (m: { msg: { expiry: number | null; publishedAt: number } }) =>
      !dropsExpired({ msg: m.msg, started: false }, this.now);
    const messages: { topic: string; payload: string }[] = [];
    for (const topic of this.willTopics) {
      const r = this.retained.get(topic);
      if (r && live(r)) messages.push({ topic, payload: r.msg.payload });
    }
    const out: Outcome = { wills, sessionPresent, disconnectReasons, retainedAfter: { t: this.now / 1000, messages } };
    if (this.sc.offlineSubscriber) {
      const s = this.sessions.get(OFFLINE_CLIENT_ID);
      const copies = s ? s.queue.filter((c) => !dropsExpired(c, this.now)) : [];
      out.offlineSubscriber = {
        messages: copies.map((c) => ({ topic: c.msg.topic, payload: c.msg.payload, qos: c.qos, retain: c.retain })),
      };
    }
    return out;
  }
}
