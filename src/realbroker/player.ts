import {
  type ConnectOptions,
  connectPacket,
  encode,
  type Packet,
  packetReader,
  RESERVED_PACKET,
  text,
  willPropsDifferences,
} from './codec';
import {
  afterCloseDue,
  type BrokerClock,
  type ClientDef,
  connectParams,
  type Outcome,
  type OutcomeWill,
  type ProtocolLevel,
  publishTopic,
  type Scenario,
  type Step,
  type WillDef,
  willTopicsOf,
} from './model';
import type { Dial, Transport } from './transport';

/**
 * Plays a scenario against a real broker, one network connection per client, in real time (1:1),
 * and records what the broker did in the outcome shape of conformance/FORMAT.md. Framework-free:
 * the same code runs in Node (TCP) and in the browser (WebSocket); the caller gives the dialer,
 * the clocks and, where it owns the broker, a way to restart it.
 */

export interface Clock {
  /** Milliseconds on a monotonic clock (Node: process.hrtime, the clock Mosquitto's keep-alive uses). */
  mono(): number;
  /** Milliseconds on the wall clock (Date.now(), the clock of Mosquitto's Will Delay and Session Expiry). */
  wall(): number;
}

export interface BrokerControl {
  /** Stops the broker cleanly (SIGTERM) and starts it again with the same configuration. */
  restart(): Promise<void>;
}

/** One thing seen during a run, for the live overlay and for diagnostics. */
export interface LiveEvent {
  /** Seconds from t = 0 (3 decimals). */
  t: number;
  kind: 'step' | 'connack' | 'disconnect' | 'closed' | 'will' | 'message' | 'problem';
  client: string | null;
  conn?: number;
  detail?: Record<string, string | number | boolean | null>;
}

export interface PlayOptions {
  dial: Dial;
  clock?: Clock;
  /** Needed for `brokerRestart` steps; without it such a scenario is refused. */
  broker?: BrokerControl;
  /** Prefix of the Client Identifiers of the implicit clients (observer, probes); unique per run. */
  idPrefix: string;
  /** Phase of t = 0 within the wall-clock second (0..1), or 'auto': both clocks mid-second. */
  t0Phase?: number | 'auto';
  /** Measure one keep-alive sweep of the broker with a silent probe (scenarios that need it). */
  probeKeepAlive?: boolean;
  /** How long to wait for CONNACK, SUBACK and the like (ms). */
  ackTimeoutMs?: number;
  /**
   * How long the offline subscriber stays after it reconnects: up to `firstMs` for a first message,
   * then `quietMs` after each one (default 500 / 500). NanoMQ sends a resumed session's queued
   * messages only at its per-connection timer, one per tick (docs/nanomq.md).
   */
  offlineWait?: { firstMs: number; quietMs: number };
  onEvent?: (e: LiveEvent) => void;
  signal?: AbortSignal;
  /** Sent in every CONNECT of the run (the scenario's clients and the implicit ones). */
  credentials?: { username: string; password: string };
}

/**
 * Something that went wrong while playing, as data (the catalogs word it: `RealBrokerCatalog.problem`).
 * `detail` is the underlying error's own message (from the socket or the OS), shown as it is.
 */
export type PlayerProblem =
  | { code: 'unreadablePacket'; client: string; conn: number; detail: string }
  | { code: 'noConnack'; client: string; conn: number; ms: number }
  | { code: 'closedBeforeConnack'; client: string; conn: number }
  /** `detail`: which property differs, as src/realbroker words it (property names and values). */
  | { code: 'willPropsDiffer'; client: string; conn: number; detail: string }
  | { code: 'connectFailed'; client: string; detail: string }
  | { code: 'restartFailed'; detail: string }
  | { code: 'observerLost' }
  /** The broker closed the observer's connection mid-case at `atS` seconds: later wills cannot be seen. */
  | { code: 'observerClosed'; atS: number }
  /** The broker process exited during the case (`detail`: how); never recorded as "no will". */
  | { code: 'brokerDied'; detail: string };

export interface Recording {
  observed: Outcome;
  clock: BrokerClock;
  brokerVersion: string | null;
  events: LiveEvent[];
  /** Things that went wrong or could not be played; a recording with problems is not trustworthy. */
  problems: PlayerProblem[];
  /** Wall-clock start of t = 0 (ISO 8601). */
  startedAt: string;
}

/** Steps a real broker can be driven through from the outside (an administrative kick cannot). */
export function unsupportedSteps(sc: Scenario, canRestart: boolean): string[] {
  const out: string[] = [];
  sc.steps.forEach((s, i) => {
    if (s.action === 'kick') out.push(`step ${i}: an administrative kick cannot be played against a real broker`);
    if (s.action === 'brokerRestart' && !canRestart)
      out.push(`step ${i}: a broker restart needs a broker this tool started itself`);
  });
  const b = sc.broker;
  if (b.maximumQos !== 2 || !b.retainAvailable || b.serverKeepAlive !== null || b.maxSessionExpiry !== null)
    out.push('broker settings other than the defaults must be configured on the broker itself');
  return out;
}

export const defaultClock: Clock = {
  mono: () => {
    const p = (globalThis as { process?: { hrtime?: { bigint?: () => bigint } } }).process;
    if (p?.hrtime?.bigint) return Number(p.hrtime.bigint() / 1000n) / 1000;
    return performance.timeOrigin + performance.now();
  },
  wall: () => Date.now(),
};

/** Keep Alive of the implicit observer (s); it sends PINGREQ when it has sent nothing for this long. */
export const OBSERVER_KEEP_ALIVE_S = 30;

const round1 = (x: number) => Math.round(x * 10) / 10;
const frac = (x: number) => x - Math.floor(x);

interface LiveConn {
  name: string;
  no: number;
  protocol: ProtocolLevel;
  clientId: string;
  will: WillDef | null;
  keepAlive: number;
  t: Transport;
  open: boolean;
  silent: boolean;
  abandoned: boolean;
  closedAt: number | null;
  lastSent: number;
  ping: ReturnType<typeof setTimeout> | null;
  willSeen: boolean;
  waiters: Map<string, (p: Packet) => void>;
  step: number;
}

interface LiveClient {
  def: ClientDef;
  conns: LiveConn[];
  conn: LiveConn | null;
  steps: number[];
}

class Waker {
  private wake: (() => void) | null = null;
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wake === done) self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }
  poke(): void {
    this.wake?.();
  }
}

export async function playScenario(sc: Scenario, opt: PlayOptions): Promise<Recording> {
  const run = new Player(sc, opt);
  return run.play();
}

class Player {
  private readonly clock: Clock;
  private readonly ackMs: number;
  private t0 = 0;
  private t0Wall = 0;
  private readonly clients = new Map<string, LiveClient>();
  private readonly events: LiveEvent[] = [];
  private readonly problems: PlayerProblem[] = [];
  private readonly wills: OutcomeWill[] = [];
  private readonly sessionPresent: Outcome['sessionPresent'] = [];
  private readonly disconnectReasons: Outcome['disconnectReasons'] = [];
  private readonly published: { topic: string; payload: string; used: boolean }[] = [];
  private observer: LiveConn | null = null;
  private readonly topics: string[];
  private readonly waker = new Waker();
  private readonly due = new Map<number, number>();
  private readonly done = new Set<number>();
  private restarting = false;
  private sweepAt: number | null = null;
  /** The steps are over: closes from here on are the player's own clean-up. */
  private finished = false;
  private version: string | null = null;
  private readonly all: LiveConn[] = [];

  constructor(
    private readonly sc: Scenario,
    private readonly opt: PlayOptions,
  ) {
    this.clock = opt.clock ?? defaultClock;
    this.ackMs = opt.ackTimeoutMs ?? 3000;
    this.topics = willTopicsOf(sc);
    for (const def of sc.clients) this.clients.set(def.name, { def, conns: [], conn: null, steps: [] });
    sc.steps.forEach((s, i) => {
      if (s.client !== null) this.clients.get(s.client)?.steps.push(i);
    });
  }

  private vt(): number {
    return this.clock.mono() - this.t0;
  }

  private event(kind: LiveEvent['kind'], client: string | null, conn?: number, detail?: LiveEvent['detail']) {
    const e: LiveEvent = { t: Math.round(this.vt()) / 1000, kind, client };
    if (conn !== undefined) e.conn = conn;
    if (detail) e.detail = detail;
    this.events.push(e);
    this.opt.onEvent?.(e);
  }

  private connectPacket(o: ConnectOptions): Packet {
    const c = this.opt.credentials;
    return connectPacket(c ? { ...o, username: c.username, password: c.password } : o);
  }

  private problem(p: PlayerProblem) {
    this.problems.push(p);
    this.event('problem', null, undefined, { ...p });
  }

  async play(): Promise<Recording> {
    const unsupported = unsupportedSteps(this.sc, this.opt.broker !== undefined);
    if (unsupported.length > 0) throw new Error(unsupported.join('; '));
    const p = this.opt.idPrefix;
    try {
      await this.cleanSessions();
      await this.clearRetained();
      await this.connectObserver(false);
      const offline = this.hasOffline() ? await this.prepareOffline() : null;
      const probe = this.opt.probeKeepAlive ? this.startProbe(`${p}probe`) : null;
      this.chooseT0();
      await this.waker.sleep(this.t0 - this.clock.mono());
      await this.runSteps();
      await this.sleepUntil(this.sc.end * 1000);
      this.finished = true;
      const endT = this.sc.end;
      const retained = await this.readRetained(`${p}retained`);
      const offlineMsgs = offline ? await this.readOffline() : null;
      if (probe) await probe;
      const observed: Outcome = {
        wills: [...this.wills].sort((a, b) => a.t - b.t),
        sessionPresent: this.sessionPresent,
        disconnectReasons: this.disconnectReasons,
        retainedAfter: { t: endT, messages: retained },
      };
      if (offlineMsgs) observed.offlineSubscriber = { messages: offlineMsgs };
      const clock: BrokerClock = {
        t0Phase: Math.round(frac(this.t0Wall / 1000) * 1000) / 1000,
        monotonicPhase: Math.round(frac(this.t0 / 1000) * 1000) / 1000,
      };
      if (this.sweepAt !== null) clock.keepAliveSweepAt = Math.round(this.sweepAt - this.t0) / 1000;
      return {
        observed,
        clock,
        brokerVersion: this.version,
        events: this.events,
        problems: this.problems,
        startedAt: new Date(this.t0Wall).toISOString(),
      };
    } finally {
      for (const c of this.all) {
        if (c.ping) clearTimeout(c.ping);
        c.t.destroy();
      }
      await this.cleanSessions().catch(() => {});
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Timing

  /** t = 0 falls at the requested phase of the wall-clock second, at least 300 ms from now. */
  private chooseT0(): void {
    const monoNow = this.clock.mono();
    const wallNow = this.clock.wall();
    const offset = frac((wallNow - monoNow) / 1000); // wall phase = mono phase + offset (mod 1)
    let phase = this.opt.t0Phase ?? 'auto';
    if (phase === 'auto') {
      // Both clocks as far from a whole second as they can be: wall at p, monotonic at p - offset.
      phase = frac(0.5 + offset / 2);
      if (Math.min(phase, 1 - phase, frac(phase - offset), 1 - frac(phase - offset)) < 0.2) phase = frac(phase + 0.5);
    }
    let wall = Math.floor(wallNow / 1000) * 1000 + phase * 1000;
    while (wall < wallNow + 300) wall += 1000;
    this.t0Wall = wall;
    this.t0 = monoNow + (wall - wallNow);
  }

  private async sleepUntil(vtMs: number): Promise<void> {
    for (;;) {
      const left = vtMs - this.vt();
      if (left <= 0) return;
      await this.waker.sleep(left);
    }
  }

  private async runSteps(): Promise<void> {
    this.sc.steps.forEach((s, i) => {
      this.due.set(i, Math.round(s.t * 1000));
    });
    for (;;) {
      if (this.opt.signal?.aborted) throw new Error('stopped');
      let next = -1;
      for (const [i, d] of this.due) {
        if (this.done.has(i)) continue;
        if (next < 0 || d < (this.due.get(next) as number) || (d === this.due.get(next) && i < next)) next = i;
      }
      if (next < 0) return;
      const at = this.due.get(next) as number;
      const left = at - this.vt();
      if (left > 0) {
        await this.waker.sleep(left);
        continue; // a close may have brought an afterClose reconnect forward
      }
      this.done.add(next);
      await this.step(next, this.sc.steps[next] as Step);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Connections

  private async open(
    name: string,
    o: ConnectOptions,
    stepIndex: number,
    implicit: boolean,
  ): Promise<{ conn: LiveConn; connack: Packet | null }> {
    const t = await this.opt.dial();
    const client = this.clients.get(name);
    const no = implicit ? 1 : (client?.conns.length ?? 0) + 1;
    const conn: LiveConn = {
      name,
      no,
      protocol: o.protocol,
      clientId: o.clientId,
      will: o.will,
      keepAlive: o.keepAlive,
      t,
      open: true,
      silent: false,
      abandoned: false,
      closedAt: null,
      lastSent: this.clock.mono(),
      ping: null,
      willSeen: false,
      waiters: new Map(),
      step: stepIndex,
    };
    this.all.push(conn);
    if (client && !implicit) {
      client.conns.push(conn);
      client.conn = conn;
    }
    const read = packetReader(
      o.protocol,
      (p) => this.onPacket(conn, p, implicit),
      (e) => this.problem({ code: 'unreadablePacket', client: name, conn: no, detail: e.message }),
    );
    t.onData(read);
    t.onClose(() => this.onClosed(conn, implicit));
    const ack = this.waitFor(conn, 'connack');
    this.send(conn, this.connectPacket(o));
    const connack = await ack;
    if (!implicit) {
      if (!connack) this.problem({ code: 'noConnack', client: name, conn: no, ms: this.ackMs });
      else if (connack.cmd !== 'connack') {
        // Closed with no CONNACK: how 3.1.1 refuses an invalid CONNECT [MQTT-3.1.4-1], expected only
        // for a will the scenario marks invalid. There is no Session Present to record.
        if (!o.will?.allowInvalid) this.problem({ code: 'closedBeforeConnack', client: name, conn: no });
      } else {
        const c = connack as { sessionPresent: boolean; reasonCode?: number; returnCode?: number };
        const code = c.reasonCode ?? c.returnCode ?? 0;
        this.sessionPresent.push({ client: name, step: stepIndex, value: c.sessionPresent === true });
        this.event('connack', name, no, { sessionPresent: c.sessionPresent === true, reason: code });
      }
    }
    if (o.keepAlive > 0 && (!implicit || name === '$observer')) this.armPing(conn);
    return { conn, connack };
  }

  private send(conn: LiveConn, p: Packet): void {
    if (!conn.open) return;
    conn.t.send(encode(p, conn.protocol));
    conn.lastSent = this.clock.mono();
    if (conn.ping) this.armPing(conn);
  }

  private armPing(conn: LiveConn): void {
    if (conn.ping) clearTimeout(conn.ping);
    conn.ping = null;
    if (!conn.open || conn.silent || conn.abandoned || conn.keepAlive <= 0) return;
    const due = conn.lastSent + conn.keepAlive * 1000;
    conn.ping = setTimeout(
      () => {
        conn.ping = null;
        if (!conn.open || conn.silent || conn.abandoned) return;
        if (this.clock.mono() + 1 < conn.lastSent + conn.keepAlive * 1000) return this.armPing(conn);
        this.send(conn, { cmd: 'pingreq' });
        this.armPing(conn);
      },
      Math.max(0, due - this.clock.mono()),
    );
  }

  private waitFor(conn: LiveConn, cmd: string, timeoutMs = this.ackMs): Promise<Packet | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        conn.waiters.delete(cmd);
        resolve(null);
      }, timeoutMs);
      conn.waiters.set(cmd, (p) => {
        clearTimeout(timer);
        conn.waiters.delete(cmd);
        resolve(p);
      });
    });
  }

  private onClosed(conn: LiveConn, implicit: boolean): void {
    if (!conn.open) return;
    conn.open = false;
    if (conn.ping) clearTimeout(conn.ping);
    conn.ping = null;
    conn.closedAt = this.vt();
    for (const w of [...conn.waiters.values()]) w({ cmd: 'disconnect' } as Packet);
    // Without the observer no will can be seen: say so rather than record "no will".
    if (conn === this.observer && !this.restarting && !this.finished)
      this.problem({ code: 'observerClosed', atS: round1(conn.closedAt / 1000) });
    if (implicit) return;
    this.event('closed', conn.name, conn.no);
    const client = this.clients.get(conn.name);
    if (!client) return;
    if (client.conn === conn) client.conn = null;
    // FORMAT.md afterClose: the client's next step, a reconnect, happens s seconds after the close.
    const next = client.steps.find((i) => !this.done.has(i));
    const at = afterCloseDue(next === undefined ? undefined : this.sc.steps[next], conn.closedAt);
    if (next !== undefined && at !== null) {
      if (at < (this.due.get(next) ?? 0)) {
        this.due.set(next, at);
        this.waker.poke();
      }
    }
  }

  private onPacket(conn: LiveConn, p: Packet, implicit: boolean): void {
    const w = conn.waiters.get(p.cmd);
    if (w) w(p);
    if (p.cmd === 'publish') {
      const topic = p.topic;
      const payload = text(p.payload as Uint8Array | string);
      if (conn === this.observer) this.observe(topic, payload, p.qos, p.retain, p.properties);
      else if (!implicit) this.event('message', conn.name, conn.no, { topic, payload, qos: p.qos, retain: p.retain });
      this.ack(conn, p);
    } else if (p.cmd === 'pubrel') {
      if (!conn.silent || conn === this.observer) this.send(conn, { cmd: 'pubcomp', messageId: p.messageId });
    } else if (p.cmd === 'disconnect' && !implicit) {
      const reason = (p as { reasonCode?: number }).reasonCode ?? 0;
      const t = round1(this.vt() / 1000);
      this.disconnectReasons.push({ client: conn.name, reason, t });
      this.event('disconnect', conn.name, conn.no, { reason });
    }
  }

  private ack(conn: LiveConn, p: Packet & { cmd: 'publish' }): void {
    if (conn.silent && conn !== this.observer) return;
    if (p.qos === 1) this.send(conn, { cmd: 'puback', messageId: p.messageId });
    else if (p.qos === 2) this.send(conn, { cmd: 'pubrec', messageId: p.messageId });
  }

  /** Attributes a message the observer received to the will it is, if it is one (FORMAT.md `wills`). */
  private observe(topic: string, payload: string, qos: number, retain: boolean, props?: object): void {
    const t = this.vt();
    const candidates: LiveConn[] = [];
    for (const c of this.clients.values())
      for (const conn of c.conns)
        if (conn.will && conn.will.topic === topic && conn.will.payload === payload) candidates.push(conn);
    const fresh = candidates.filter((c) => !c.willSeen);
    const closed = fresh
      .filter((c) => !c.open || this.restarting)
      .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0));
    const ordinary = this.published.find((m) => !m.used && m.topic === topic && m.payload === payload);
    let pick: LiveConn | undefined = closed[0];
    if (!pick && ordinary) {
      ordinary.used = true;
      return;
    }
    pick ??= fresh[0];
    // A retained will delivered again (the observer subscribed anew after a restart).
    if (!pick && retain) pick = candidates.filter((c) => c.willSeen).pop();
    if (!pick) {
      this.event('message', '$observer', 1, { topic, payload, qos, retain });
      return;
    }
    pick.willSeen = true;
    // The will's properties must arrive as they were sent (a 5.0 will to the 5.0 observer).
    if (pick.protocol === 5 && this.observer?.protocol === 5 && pick.will)
      for (const d of willPropsDifferences(pick.will.props, pick.will.messageExpiry, props as Record<string, unknown>))
        this.problem({ code: 'willPropsDiffer', client: pick.name, conn: pick.no, detail: d });
    this.wills.push({ from: pick.name, conn: pick.no, t: round1(t / 1000), topic, payload, qos, retain });
    this.event('will', pick.name, pick.no, { topic, payload, qos, retain });
  }

  // ---------------------------------------------------------------------------------------------
  // Implicit clients

  private async connectObserver(again: boolean): Promise<void> {
    const o = this.sc.observer;
    if (!o) return;
    const id = `${this.opt.idPrefix}observer`;
    const { conn, connack } = await this.open(
      '$observer',
      // The observer keeps itself alive: some brokers close a Keep Alive 0 connection (NanoMQ after
      // about 25 s, at its second per-connection timer tick).
      {
        clientId: id,
        protocol: o.protocol,
        cleanStart: !again,
        keepAlive: OBSERVER_KEEP_ALIVE_S,
        sessionExpiry: null,
        will: null,
      },
      -1,
      true,
    );
    if (connack?.cmd !== 'connack') throw new Error('the observer could not connect');
    this.observer = conn;
    if (this.topics.length > 0 && !(connack as { sessionPresent: boolean }).sessionPresent) {
      const sub = this.waitFor(conn, 'suback');
      this.send(conn, {
        cmd: 'subscribe',
        messageId: 1,
        subscriptions: this.topics.map((topic) => ({
          topic,
          qos: o.subscriptionQos,
          ...(o.protocol === 5 ? { rap: o.retainAsPublished, nl: false, rh: 0 } : {}),
        })),
      } as Packet);
      if (!(await sub)) throw new Error('the observer got no SUBACK');
    }
  }

  private hasOffline(): boolean {
    return this.sc.offlineSubscriber;
  }

  private offlineOptions(): ConnectOptions {
    return {
      clientId: `${this.opt.idPrefix}offline`,
      protocol: 5,
      cleanStart: false,
      keepAlive: 0,
      sessionExpiry: 3600,
      will: null,
    };
  }

  private async prepareOffline(): Promise<true> {
    const { conn } = await this.open('$offline', this.offlineOptions(), -1, true);
    const sub = this.waitFor(conn, 'suback');
    this.send(conn, {
      cmd: 'subscribe',
      messageId: 1,
      subscriptions: this.topics.map((topic) => ({ topic, qos: 2, rap: true, nl: false, rh: 0 })),
    } as Packet);
    await sub;
    this.send(conn, { cmd: 'disconnect', reasonCode: 0 });
    conn.t.end();
    return true;
  }

  private async readOffline(): Promise<{ topic: string; payload: string; qos: number; retain: boolean }[]> {
    const got: { topic: string; payload: string; qos: number; retain: boolean }[] = [];
    const t = await this.opt.dial();
    const conn = this.bareConn('$offline', t, 5);
    const read = packetReader(
      5,
      (p) => {
        conn.waiters.get(p.cmd)?.(p);
        if (p.cmd === 'publish') {
          got.push({ topic: p.topic, payload: text(p.payload as Uint8Array), qos: p.qos, retain: p.retain });
          this.ack(conn, p);
        } else if (p.cmd === 'pubrel') this.send(conn, { cmd: 'pubcomp', messageId: p.messageId });
      },
      () => {},
    );
    t.onData(read);
    t.onClose(() => {
      conn.open = false;
    });
    const ack = this.waitFor(conn, 'connack');
    this.send(conn, this.connectPacket(this.offlineOptions()));
    await ack;
    // Stay until no further message comes: up to firstMs for the first, quietMs after each.
    const wait = this.opt.offlineWait ?? { firstMs: 500, quietMs: 500 };
    let seen = 0;
    const until = () => this.clock.mono() + (seen === 0 ? wait.firstMs : wait.quietMs);
    let deadline = until();
    while (conn.open && this.clock.mono() < deadline) {
      await this.waker.sleep(Math.min(100, deadline - this.clock.mono()));
      if (got.length > seen) {
        seen = got.length;
        deadline = until();
      }
    }
    // Leave nothing behind: Session Expiry 0 ends the session at this close.
    this.send(conn, { cmd: 'disconnect', reasonCode: 0, properties: { sessionExpiryInterval: 0 } });
    t.end();
    return got;
  }

  private bareConn(name: string, t: Transport, protocol: ProtocolLevel): LiveConn {
    const conn: LiveConn = {
      name,
      no: 1,
      protocol,
      clientId: name,
      will: null,
      keepAlive: 0,
      t,
      open: true,
      silent: false,
      abandoned: false,
      closedAt: null,
      lastSent: 0,
      ping: null,
      willSeen: false,
      waiters: new Map(),
      step: -1,
    };
    this.all.push(conn);
    return conn;
  }

  /** A fresh subscriber at the end: what is retained on the will topics (FORMAT.md `retainedAfter`). */
  private async readRetained(id: string): Promise<{ topic: string; payload: string }[]> {
    const got: { topic: string; payload: string }[] = [];
    const t = await this.opt.dial();
    const conn = this.bareConn(id, t, 5);
    const read = packetReader(
      5,
      (p) => {
        conn.waiters.get(p.cmd)?.(p);
        if (p.cmd === 'publish') {
          const payload = text(p.payload as Uint8Array);
          if (p.topic === '$SYS/broker/version') this.version = payload;
          else if (p.retain) got.push({ topic: p.topic, payload });
        }
      },
      () => {},
    );
    t.onData(read);
    t.onClose(() => {
      conn.open = false;
    });
    const ack = this.waitFor(conn, 'connack');
    this.send(
      conn,
      this.connectPacket({
        clientId: id,
        protocol: 5,
        cleanStart: true,
        keepAlive: 0,
        sessionExpiry: null,
        will: null,
      }),
    );
    await ack;
    const sub = this.waitFor(conn, 'suback');
    this.send(conn, {
      cmd: 'subscribe',
      messageId: 1,
      subscriptions: [...this.topics, '$SYS/broker/version'].map((topic) => ({ topic, qos: 0 })),
    } as Packet);
    await sub;
    await this.waker.sleep(300);
    this.send(conn, { cmd: 'disconnect', reasonCode: 0 });
    t.end();
    return this.topics.flatMap((topic) => got.filter((m) => m.topic === topic));
  }

  /** Leaves no retained message on the will topics from an earlier run (an empty retained PUBLISH clears one). */
  private async clearRetained(): Promise<void> {
    if (this.topics.length === 0) return;
    const id = `${this.opt.idPrefix}cleaner`;
    const t = await this.opt.dial();
    const conn = this.bareConn(id, t, 5);
    t.onData(
      packetReader(
        5,
        (p) => conn.waiters.get(p.cmd)?.(p),
        () => {},
      ),
    );
    const ack = this.waitFor(conn, 'connack');
    this.send(
      conn,
      this.connectPacket({
        clientId: id,
        protocol: 5,
        cleanStart: true,
        keepAlive: 0,
        sessionExpiry: null,
        will: null,
      }),
    );
    await ack;
    for (const topic of this.topics)
      this.send(conn, { cmd: 'publish', topic, payload: '', qos: 0, retain: true, dup: false });
    const ping = this.waitFor(conn, 'pingresp');
    this.send(conn, { cmd: 'pingreq' });
    await ping;
    this.send(conn, { cmd: 'disconnect', reasonCode: 0 });
    t.end();
  }

  /**
   * Ends any session (and pending will) that the scenario's Client Identifiers left on the broker:
   * Clean Start 1, Session Expiry 0, DISCONNECT 0x00. Before a run, so a shared broker starts clean;
   * after it, so nothing from this run holds back another run's wills.
   */
  private async cleanSessions(): Promise<void> {
    const ids = new Set<string>();
    for (const c of this.sc.clients) if (c.clientId !== '') ids.add(c.clientId);
    if (this.hasOffline()) ids.add(`${this.opt.idPrefix}offline`);
    await Promise.all(
      [...ids].map(async (clientId) => {
        let t: Transport;
        try {
          t = await this.opt.dial();
        } catch {
          return;
        }
        const conn = this.bareConn(clientId, t, 5);
        t.onData(
          packetReader(
            5,
            (p) => conn.waiters.get(p.cmd)?.(p),
            () => {},
          ),
        );
        t.onClose(() => {
          conn.open = false;
          for (const w of [...conn.waiters.values()]) w({ cmd: 'disconnect' } as Packet);
        });
        const ack = this.waitFor(conn, 'connack');
        this.send(
          conn,
          this.connectPacket({ clientId, protocol: 5, cleanStart: true, keepAlive: 0, sessionExpiry: 0, will: null }),
        );
        await ack;
        this.send(conn, { cmd: 'disconnect', reasonCode: 0 });
        t.end();
      }),
    );
  }

  /**
   * A silent client with Keep Alive 1 that the broker must close at a keep-alive check. The close
   * tells when the broker's periodic sweep runs (Mosquitto 2.0: every 6 s of its monotonic clock).
   */
  private async startProbe(id: string): Promise<void> {
    let t: Transport;
    try {
      t = await this.opt.dial();
    } catch {
      return;
    }
    const conn = this.bareConn(id, t, 4);
    t.onData(
      packetReader(
        4,
        (p) => conn.waiters.get(p.cmd)?.(p),
        () => {},
      ),
    );
    const closed = new Promise<number>((resolve) => {
      t.onClose(() => {
        conn.open = false;
        resolve(this.clock.mono());
      });
    });
    this.send(
      conn,
      this.connectPacket({
        clientId: id,
        protocol: 4,
        cleanStart: true,
        keepAlive: 1,
        sessionExpiry: null,
        will: null,
      }),
    );
    const at = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    if (at === null) {
      t.destroy();
      return;
    }
    // The sweep ran when the monotonic second turned; the close reached us a few ms later.
    this.sweepAt = Math.floor(at / 1000) * 1000;
  }

  // ---------------------------------------------------------------------------------------------
  // Steps

  private async step(index: number, s: Step): Promise<void> {
    this.event('step', s.client, undefined, { index, action: s.action });
    if (s.action === 'brokerRestart') return this.restart();
    const c = this.clients.get(s.client);
    if (!c) return;
    const def = c.def;
    const conn = c.conn;
    const live = conn?.open && !conn.abandoned ? conn : null;
    switch (s.action) {
      case 'connect':
        if (live) return;
        await this.connectClient(c, index, { clientId: def.clientId, ...connectParams(def, s) });
        return;
      case 'reconnect':
        if (conn?.open) this.abandon(conn);
        await this.connectClient(c, index, { clientId: def.clientId, ...connectParams(def, s) });
        return;
      case 'takeover':
        if (live) return;
        await this.connectClient(c, index, { clientId: def.clientId, ...connectParams(def, s) });
        return;
      case 'drop':
      case 'reset':
        if (!live) return;
        this.stop(live);
        if (s.action === 'reset') live.t.reset();
        else live.t.end();
        return;
      case 'silence':
        if (!live || live.silent) return;
        this.stop(live);
        live.silent = true;
        return;
      case 'disconnect': {
        if (!live) return;
        this.stop(live);
        const p: Packet = { cmd: 'disconnect' };
        if (live.protocol === 5) {
          (p as { reasonCode?: number }).reasonCode = s.reason ?? 0;
          // null = the property is absent (the CONNECT's value stays, §3.14.2.2.2): send none.
          if (s.sessionExpiry !== undefined && s.sessionExpiry !== null)
            (p as { properties?: object }).properties = { sessionExpiryInterval: s.sessionExpiry };
        }
        live.t.send(encode(p, live.protocol));
        live.t.end();
        return;
      }
      case 'protoerr':
        if (!live || live.silent) return;
        this.send(
          live,
          this.connectPacket({
            clientId: live.clientId,
            protocol: live.protocol,
            cleanStart: true,
            keepAlive: live.keepAlive,
            sessionExpiry: null,
            will: null,
          }),
        );
        return;
      case 'badpacket':
        if (!live || live.silent) return;
        live.t.send(RESERVED_PACKET);
        return;
      case 'publish': {
        if (!live || live.silent) return;
        const topic = publishTopic(this.sc, s);
        this.published.push({ topic, payload: s.payload, used: false });
        const p = {
          cmd: 'publish',
          topic,
          payload: s.payload,
          qos: s.qos,
          retain: s.retain,
          dup: false,
        } as Packet & { cmd: 'publish' };
        if (s.qos > 0) p.messageId = 100 + index;
        if (live.protocol === 5 && s.messageExpiry != null) p.properties = { messageExpiryInterval: s.messageExpiry };
        const acked = s.qos === 1 ? this.waitFor(live, 'puback') : s.qos === 2 ? this.waitFor(live, 'pubrec') : null;
        this.send(live, p);
        if (s.qos === 2 && (await acked)) this.send(live, { cmd: 'pubrel', messageId: 100 + index });
        else if (acked) await acked;
        return;
      }
      case 'subscribe': {
        if (!live || live.silent) return;
        const ack = this.waitFor(live, 'suback');
        this.send(live, {
          cmd: 'subscribe',
          messageId: 100 + index,
          subscriptions: [
            {
              topic: s.filter,
              qos: s.qos,
              ...(live.protocol === 5
                ? { rap: s.retainAsPublished ?? false, nl: s.noLocal ?? false, rh: s.retainHandling ?? 0 }
                : {}),
            },
          ],
        } as Packet);
        await ack;
        return;
      }
      case 'unsubscribe': {
        if (!live || live.silent) return;
        const ack = this.waitFor(live, 'unsuback');
        this.send(live, { cmd: 'unsubscribe', messageId: 100 + index, unsubscriptions: [s.filter] } as Packet);
        await ack;
        return;
      }
      case 'kick':
        return;
    }
  }

  private async connectClient(c: LiveClient, index: number, o: ConnectOptions): Promise<void> {
    try {
      const { conn } = await this.open(c.def.name, o, index, false);
      for (const sub of c.def.subscriptions) {
        const ack = this.waitFor(conn, 'suback');
        this.send(conn, {
          cmd: 'subscribe',
          messageId: 1,
          subscriptions: [
            {
              topic: sub.filter,
              qos: sub.qos,
              ...(o.protocol === 5 ? { rap: sub.retainAsPublished, nl: sub.noLocal, rh: sub.retainHandling } : {}),
            },
          ],
        } as Packet);
        await ack;
      }
    } catch (e) {
      this.problem({ code: 'connectFailed', client: c.def.name, detail: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The client stops sending (no PINGREQ, no acks); the socket stays open. */
  private stop(conn: LiveConn): void {
    if (conn.ping) clearTimeout(conn.ping);
    conn.ping = null;
  }

  /** The client gives up on a socket the broker may still think is open (no FIN reaches it). */
  private abandon(conn: LiveConn): void {
    this.stop(conn);
    conn.abandoned = true;
    conn.silent = true;
  }

  private async restart(): Promise<void> {
    const broker = this.opt.broker;
    if (!broker) return;
    this.restarting = true;
    try {
      await broker.restart();
    } catch (e) {
      this.problem({ code: 'restartFailed', detail: e instanceof Error ? e.message : String(e) });
      return;
    } finally {
      this.restarting = false;
    }
    // FORMAT.md: the observer reconnects with Clean Start 0 at once (and subscribes again if needed).
    for (let i = 0; i < 50; i++) {
      try {
        await this.connectObserver(true);
        return;
      } catch {
        await this.waker.sleep(100);
      }
    }
    this.problem({ code: 'observerLost' });
  }
}
