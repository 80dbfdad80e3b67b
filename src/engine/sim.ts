import { publishRefusal } from './broker/publish';
import { type RestartPlan, restartPlan } from './broker/restart';
import { dropsExpired } from './broker/routing';
import { Connections } from './connections';
import { brokerAcksPublish, expireQueued, expireRetained, route, subscribe } from './delivery';
import type { SessionEvent } from './machines/session.machine';
import { inState } from './machines/stepper';
import { type BrokerProfile, profileById, SPEC } from './profiles';
import { why } from './rules';
import {
  type ClientRt,
  type ConnRt,
  clientStepper,
  type Item,
  PHASE_STEP,
  type SessionRt,
  type TimerItem,
} from './runtime';
import {
  afterCloseDue,
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
import type { BrokerClock, ClientDef, Outcome, RunResult, Scenario, Step } from './types';

/**
 * The engine's loop: the event queue, the runtime records, dispatch of steps and timers, stepping
 * the machines and carrying out their effects. What a scenario means is in ./script, what the
 * broker decides in ./broker, how entries are written and read in ./trace.
 */

export { machineEvaluations } from './runtime';

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

class Simulation extends Connections {
  private events = 0;
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

  /** FORMAT.md afterClose: the client's next step, a reconnect, may come s seconds after a close. */
  protected closed(c: ClientRt): void {
    const index = this.cursor.next(c.name, (i) => this.doneSteps.has(i));
    const next = index === undefined ? undefined : this.sc.steps[index];
    const due = afterCloseDue(next, this.now);
    if (index !== undefined && next !== undefined && due !== null)
      this.q.push(due, PHASE_STEP, { kind: 'step', index, step: next });
  }

  private dispatch(item: Item): void {
    if (item.kind === 'step') this.applyStep(item.index, item.step);
    else if (item.kind === 'setup') item.run();
    else this.fire(item);
  }

  // --- machine stepping ----------------------------------------------------------------------

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
        if (inState(c.snap, 'connected') || inState(c.snap, 'connecting'))
          this.note(c.name, why('step.alreadyConnected', c.def.protocol));
        else this.connect(c, index, null);
        return;
      case 'reconnect':
        // A client that gave up on a socket the broker may still think open opens a new one.
        if (conn?.open || inState(c.snap, 'connected')) this.abandon(c);
        this.connect(c, index, connectParams(c.def, step));
        return;
      case 'takeover':
        if (!this.clients.get(step.of)?.conn?.open)
          this.note(c.name, why('step.takeoverTargetGone', c.def.protocol, { of: step.of }));
        if (inState(c.snap, 'connected')) {
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
        if (this.profile.reservedPacketIgnored)
          this.note(c.name, why('packet.reservedIgnored', conn.v, {}, this.deviation('packet.reservedIgnored')));
        else this.closeConnection(conn, { type: 'packet.malformed' }, {});
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
    if (!inState(c.snap, 'connected') || !c.conn) {
      this.note(c.name, why('step.notConnected', c.def.protocol));
      return false;
    }
    if (!allowSilent && inState(c.snap, 'connected.silent')) {
      this.note(c.name, why('step.silent', c.def.protocol));
      return false;
    }
    return true;
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
        if (!conn?.open || conn.keepAlive <= 0) return;
        const due = c.lastSentAt + conn.keepAlive * 1000;
        if (due > this.now) c.ping = this.schedule(due, item);
        // The client machine decides whether it pings (a silent client does not).
        else if (this.sendClient(c, { type: 'ping.due' }).some((e) => e.type === 'sendPingreq')) {
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
        const event: SessionEvent =
          item.timer === 'willDelay'
            ? { type: 'timer.willDelay', seiZero: s.sei === 0 }
            : { type: 'timer.sessionExpiry' };
        this.sendSession(s, event, { pendingWill: null, conn: null });
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

  // --- broker restart (broker/restart.ts decides what survives) -------------------------------

  private brokerRestart(): void {
    const plan = restartPlan(this.sc.broker, this.profile);
    const v = this.sc.protocol;
    const noCtx = { pendingWill: null, conn: null };
    // NanoMQ keeps sessions and retained messages in memory only: a restart loses them all.
    if (plan.persistenceIgnored)
      this.note(null, why('broker.persistenceIgnored', v, {}, this.deviation('broker.persistenceIgnored')));
    // Close user connections first, implicit clients last, so the observer sees the wills; a
    // broker that delivers no will as it stops (NanoMQ, ejabberd) deletes them at these closes.
    const open = [...this.live.values()];
    const shut = { shutdownDropsWill: plan.dropsWills };
    for (const conn of open) if (!conn.client.implicit) this.closeConnection(conn, { type: 'broker.shutdown' }, shut);
    if (plan.flushWaitingWills)
      for (const s of [...this.sessions.values()]) {
        if (!inState(s.snap, 'detached.willDelayed')) continue;
        this.sendSession(s, { type: 'will.flush' }, noCtx);
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
        const m = r.msg;
        this.trace.message('discarded', null, topic, m.payload, m.qos, true, m.willOf, why('message.retainedLost', v));
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
    if (!s.ended && inState(s.snap, 'detached'))
      this.sendSession(
        s,
        // With persistence asked for, only a broker that keeps sessions in memory alone loses them.
        {
          type: 'session.discard',
          why: plan.persistenceIgnored ? 'inMemoryOnly' : 'brokerStopped',
          dropWill: plan.dropsWills,
        },
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
