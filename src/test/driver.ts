import { expect } from 'vitest';
import { buildClient, buildScenario, buildSubscription, buildWill } from '../engine/script';
import { simulate } from '../engine/sim';
import {
  type CloseEntry,
  closeOf,
  connacks,
  deliveries,
  serverDisconnects,
  type WillFate,
  willDeliveries,
  willFates,
} from '../engine/trace';
import type {
  BrokerSettings,
  ClientDef,
  ProtocolLevel,
  RunResult,
  Scenario,
  Step,
  TraceEntry,
  WillDef,
  WillProps,
} from '../engine/types';

/**
 * A fluent driver for tests that read like scenarios:
 *
 *   sim().client('dev', { sessionExpiry: 0 }).at(1000).drop('dev').expectWill('dev', { at: 1000 })
 *
 * Times are virtual milliseconds (the engine's unit); the scenario itself is built in seconds.
 * The run happens lazily at the first expectation and again after any further step.
 */
type ClientOpts = Partial<Omit<ClientDef, 'name' | 'will'>> & { will?: Partial<WillDef> | null };

export interface DriverOptions {
  protocol?: ProtocolLevel;
  profile?: string;
  broker?: Partial<BrokerSettings>;
  observer?: Scenario['observer'];
  offlineSubscriber?: boolean;
  /** Connect every client at t = 0 when it is declared (default true). */
  autoConnect?: boolean;
}

export function willOf(name: string, w: Partial<WillDef> = {}): WillDef {
  return buildWill(w.topic ?? `wills/${name}`, { payload: `${name} offline`, ...w });
}

export class Driver {
  private readonly clients: ClientDef[] = [];
  private readonly steps: Step[] = [];
  private now = 0;
  private endMs: number | null = null;
  private result: RunResult | null = null;

  constructor(private readonly opts: DriverOptions = {}) {}

  private get protocol(): ProtocolLevel {
    return this.opts.protocol ?? 5;
  }

  private touch(): this {
    this.result = null;
    return this;
  }

  private push(step: Omit<Step, 't'> & Record<string, unknown>): this {
    this.steps.push({ ...step, t: this.now / 1000 } as Step);
    return this.touch();
  }

  /** Declares a client with a will (override with `will: null`), connected at the current time. */
  client(name: string, o: ClientOpts = {}): this {
    const { will, ...rest } = o;
    this.clients.push(
      buildClient(name, {
        protocol: this.protocol,
        ...rest,
        will: will === null ? null : willOf(name, will ?? {}),
      }),
    );
    if (this.opts.autoConnect !== false) this.push({ action: 'connect', client: name });
    return this.touch();
  }

  /** Declares a subscriber (no will) to `filter`, connected at the current time. */
  subscriber(name: string, filter: string, o: ClientOpts & { qos?: 0 | 1 | 2; rap?: boolean } = {}): this {
    const { qos = 2, rap = true, ...rest } = o;
    return this.client(name, {
      will: null,
      subscriptions: [buildSubscription(filter, { qos, retainAsPublished: rap })],
      ...rest,
    });
  }

  at(ms: number): this {
    this.now = ms;
    return this;
  }

  connect(name: string): this {
    return this.push({ action: 'connect', client: name });
  }

  reconnect(
    name: string,
    o: {
      cleanStart?: boolean;
      sessionExpiry?: number | null;
      keepAlive?: number;
      will?: Partial<WillDef> | null;
      /** Seconds after the broker closed the previous connection (FORMAT.md); `at` is the latest time. */
      afterClose?: number;
    } = {},
  ): this {
    const { will, ...rest } = o;
    const step: Record<string, unknown> = { action: 'reconnect', client: name, ...rest };
    if (will !== undefined) step.will = will === null ? null : willOf(name, will);
    return this.push(step as Omit<Step, 't'>);
  }

  drop(name: string): this {
    return this.push({ action: 'drop', client: name });
  }

  reset(name: string): this {
    return this.push({ action: 'reset', client: name });
  }

  silence(name: string): this {
    return this.push({ action: 'silence', client: name });
  }

  disconnect(name: string, reason = 0, o: { sessionExpiry?: number | null } = {}): this {
    return this.push({ action: 'disconnect', client: name, reason, ...o });
  }

  takeover(name: string, of: string, cleanStart?: boolean): this {
    const s: Record<string, unknown> = { action: 'takeover', client: name, of };
    if (cleanStart !== undefined) s.cleanStart = cleanStart;
    return this.push(s as Omit<Step, 't'>);
  }

  protoerr(name: string): this {
    return this.push({ action: 'protoerr', client: name });
  }

  badpacket(name: string): this {
    return this.push({ action: 'badpacket', client: name });
  }

  kick(name: string): this {
    return this.push({ action: 'kick', client: name });
  }

  publish(
    name: string,
    topic: string,
    payload: string,
    o: { qos?: 0 | 1 | 2; retain?: boolean; messageExpiry?: number | null } = {},
  ): this {
    return this.push({
      action: 'publish',
      client: name,
      topic,
      payload,
      qos: o.qos ?? 0,
      retain: o.retain ?? false,
      messageExpiry: o.messageExpiry ?? null,
    });
  }

  subscribe(
    name: string,
    filter: string,
    qos: 0 | 1 | 2 = 1,
    o: { retainAsPublished?: boolean; retainHandling?: 0 | 1 | 2; noLocal?: boolean } = {},
  ): this {
    return this.push({ action: 'subscribe', client: name, filter, qos, ...o });
  }

  unsubscribe(name: string, filter: string): this {
    return this.push({ action: 'unsubscribe', client: name, filter });
  }

  restart(): this {
    return this.push({ action: 'brokerRestart', client: null });
  }

  /** Ends the run at this time (default: 10 minutes after the last step). */
  until(ms: number): this {
    this.endMs = ms;
    return this.touch();
  }

  scenario(): Scenario {
    const lastStep = this.steps.reduce((m, s) => Math.max(m, s.t * 1000), 0);
    const endMs = this.endMs ?? lastStep + 600_000;
    return buildScenario({
      title: 'test',
      ...(this.opts.profile !== undefined ? { profile: this.opts.profile } : {}),
      protocol: this.protocol,
      ...(this.opts.broker !== undefined ? { broker: this.opts.broker } : {}),
      ...(this.opts.observer !== undefined ? { observer: this.opts.observer } : {}),
      ...(this.opts.offlineSubscriber !== undefined ? { offlineSubscriber: this.opts.offlineSubscriber } : {}),
      clients: this.clients,
      steps: this.steps,
      end: endMs / 1000,
    });
  }

  /** Runs under the scenario's own profile (simulate's default). */
  run(): RunResult {
    if (!this.result) this.result = simulate(this.scenario());
    return this.result;
  }

  get trace(): TraceEntry[] {
    return this.run().trace;
  }

  /** Will deliveries the observer saw from this client (name), in order. */
  willsFrom(name: string): { t: number; conn: number; qos: number; retain: boolean; payload: string }[] {
    return willDeliveries(this.trace, name).map((e) => ({
      t: e.t,
      conn: e.willOf?.conn ?? 0,
      qos: e.qos,
      retain: e.retain,
      payload: e.payload,
    }));
  }

  fate(name: string, conn = 1): WillFate | undefined {
    return willFates(this.trace).find((f) => f.from === name && f.conn === conn);
  }

  /** The observer received exactly one will of `name` (its connection `conn`), at `at` ms. */
  expectWill(name: string, o: { at: number; conn?: number; qos?: number; retain?: boolean }): this {
    const got = this.willsFrom(name).filter((w) => o.conn === undefined || w.conn === o.conn);
    expect(
      got.map((w) => w.t),
      `wills of ${name}`,
    ).toEqual([o.at]);
    if (o.qos !== undefined) expect(got[0]?.qos).toBe(o.qos);
    if (o.retain !== undefined) expect(got[0]?.retain).toBe(o.retain);
    return this;
  }

  /** The observer never received a will from `name`. */
  expectNoWill(name: string): this {
    expect(this.willsFrom(name), `wills of ${name}`).toEqual([]);
    return this;
  }

  /** What became of the will of `name`'s connection `conn`, and the decision code behind it. */
  expectFate(name: string, fate: WillFate['fate'], o: { code?: string; at?: number; conn?: number } = {}): this {
    const f = this.fate(name, o.conn ?? 1);
    expect(f?.fate, `fate of ${name}#${o.conn ?? 1}`).toBe(fate);
    if (o.code !== undefined) expect(f?.why?.code).toBe(o.code);
    if (o.at !== undefined) expect(f?.at).toBe(o.at);
    return this;
  }

  /** Session Present on the CONNACKs of `name`, in order. */
  expectSessionPresent(name: string, values: boolean[]): this {
    const got = connacks(this.trace, name)
      .filter((c) => c.reason === 0)
      .map((c) => c.sessionPresent);
    expect(got, `Session Present of ${name}`).toEqual(values);
    return this;
  }

  /** DISCONNECT reason codes the broker sent to `name`. */
  expectServerDisconnects(name: string, reasons: number[]): this {
    const got = serverDisconnects(this.trace, name).map((d) => d.reason);
    expect(got).toEqual(reasons);
    return this;
  }

  /** When the broker closed `name`'s connection `conn` (ms), and why. */
  closeOf(name: string, conn = 1): CloseEntry | undefined {
    return closeOf(this.trace, name, conn);
  }

  expectClosed(name: string, o: { at: number; cause?: string; conn?: number }): this {
    const c = this.closeOf(name, o.conn ?? 1);
    expect(c?.t, `close of ${name}`).toBe(o.at);
    if (o.cause) expect(c?.cause).toBe(o.cause);
    return this;
  }

  /** Payloads delivered to a subscriber, in order. */
  received(name: string): { t: number; topic: string; payload: string; qos: number; retain: boolean }[] {
    return deliveries(this.trace, name).map((e) => ({
      t: e.t,
      topic: e.topic,
      payload: e.payload,
      qos: e.qos,
      retain: e.retain,
    }));
  }

  /** The will properties each message delivered to `name` carried (undefined: none), in order. */
  receivedProps(name: string): (WillProps | undefined)[] {
    return deliveries(this.trace, name).map((e) => e.props);
  }

  /**
   * The broker refused `name`'s CONNECT number `conn`: with CONNACK `reason`, or (null) by closing
   * the network connection without one (3.1.1). No session was created or changed by it.
   */
  expectRefused(name: string, reason: number | null, o: { conn?: number; code?: string } = {}): this {
    const conn = o.conn ?? 1;
    const refused = this.trace.find(
      (e): e is Extract<TraceEntry, { kind: 'connection' }> =>
        e.kind === 'connection' && e.op === 'refused' && e.client === name && e.conn === conn,
    );
    expect(refused?.why.params?.reason, `refusal of ${name}#${conn}`).toBe(reason);
    if (o.code !== undefined) expect(refused?.why.code).toBe(o.code);
    const connacks = this.trace.flatMap((e) =>
      e.kind === 'packet' && e.type === 'CONNACK' && e.client === name && e.conn === conn ? [e.detail.reason] : [],
    );
    expect(connacks, `CONNACKs of ${name}#${conn}`).toEqual(reason === null ? [] : [reason]);
    expect(
      this.trace.some((e) => e.kind === 'session' && e.client === name && e.t === refused?.t),
      `a session change for ${name} at the refusal`,
    ).toBe(false);
    return this;
  }

  retainedAtEnd(): { topic: string; payload: string }[] {
    return this.run().outcome.retainedAfter.messages;
  }
}

export function sim(opts: DriverOptions = {}): Driver {
  return new Driver(opts);
}
