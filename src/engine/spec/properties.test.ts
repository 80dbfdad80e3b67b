import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim';
import { type ClientDef, type Scenario, SEI_NEVER, type Step, type TraceEntry, type WillDef } from '../types';

/**
 * Properties over random scenarios (fast-check, 1,000+ per property per run). The generator uses a
 * small pool of Client Identifiers, so connects collide into takeovers, and reason codes include
 * 0x00, 0x04, errors and a reserved value.
 */
const RUNS = 1000;

const willArb: fc.Arbitrary<WillDef> = fc.record({
  topic: fc.constant('w'),
  payload: fc.constant('p'),
  qos: fc.constantFrom(0 as const, 1 as const, 2 as const),
  retain: fc.boolean(),
  delay: fc.constantFrom(null, 0, 3, 20, 100),
  messageExpiry: fc.constantFrom(null, 5, 60),
  props: fc.constant(null),
});

const clientArb = (name: string): fc.Arbitrary<ClientDef> =>
  fc.record({
    name: fc.constant(name),
    clientId: fc.constantFrom('a', 'b'),
    protocol: fc.constantFrom(4 as const, 5 as const),
    cleanStart: fc.boolean(),
    sessionExpiry: fc.constantFrom(null, 0, 5, 30, SEI_NEVER),
    keepAlive: fc.constantFrom(0, 10, 60),
    will: fc.option(willArb, { nil: null }),
    subscriptions: fc.constant([]),
  });

type StepGen = {
  t: number;
  kind: string;
  who: number;
  reason: number;
  sei: number | null | undefined;
  cs: boolean;
  of: number;
};

const stepArb: fc.Arbitrary<StepGen> = fc.record({
  t: fc.integer({ min: 0, max: 240 }).map((x) => x / 2),
  kind: fc.constantFrom(
    'connect',
    'reconnect',
    'drop',
    'reset',
    'silence',
    'disconnect',
    'takeover',
    'protoerr',
    'badpacket',
    'publish',
    'kick',
    'brokerRestart',
  ),
  who: fc.integer({ min: 0, max: 2 }),
  reason: fc.constantFrom(0x00, 0x00, 0x04, 0x80, 0x81, 0xff),
  sei: fc.constantFrom(undefined, undefined, null, 0, 10, 600),
  cs: fc.boolean(),
  of: fc.integer({ min: 0, max: 2 }),
});

function toStep(g: StepGen, clients: ClientDef[]): Step | null {
  const c = clients[g.who % clients.length] as ClientDef;
  const name = c.name;
  switch (g.kind) {
    case 'connect':
    case 'drop':
    case 'reset':
    case 'silence':
    case 'protoerr':
    case 'badpacket':
    case 'kick':
      return { t: g.t, action: g.kind, client: name } as Step;
    case 'reconnect':
      return { t: g.t, action: 'reconnect', client: name, cleanStart: g.cs, will: c.will };
    case 'disconnect':
      return g.sei === undefined
        ? { t: g.t, action: 'disconnect', client: name, reason: g.reason }
        : { t: g.t, action: 'disconnect', client: name, reason: g.reason, sessionExpiry: g.sei };
    case 'takeover': {
      const of = clients.find((o, i) => i === g.of % clients.length && o.clientId === c.clientId && o.name !== name);
      return of ? { t: g.t, action: 'takeover', client: name, of: of.name, cleanStart: g.cs } : null;
    }
    case 'publish':
      return { t: g.t, action: 'publish', client: name, topic: 'w', payload: 'data', qos: 1, retain: g.cs };
    case 'brokerRestart':
      return { t: g.t, action: 'brokerRestart', client: null };
  }
  return null;
}

const scenarioArb = (exclude: string[] = []): fc.Arbitrary<Scenario> =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => clientArb(`c${i}`)))),
      fc.array(
        stepArb.filter((s) => !exclude.includes(s.kind)),
        { maxLength: 14 },
      ),
      fc.constantFrom('volatile' as const, 'persist' as const),
    )
    .map(([clients, gens, persistence]) => {
      const steps = gens
        .map((g) => toStep(g, clients))
        .filter((s): s is Step => s !== null)
        .sort((a, b) => a.t - b.t);
      return {
        version: 1,
        title: 'random',
        profile: 'spec',
        seed: 7,
        protocol: 5,
        broker: { persistence, maximumQos: 2, retainAvailable: true, serverKeepAlive: null, maxSessionExpiry: null },
        observer: { protocol: 5, subscriptionQos: 2, retainAsPublished: true },
        offlineSubscriber: true,
        clients,
        steps: [...clients.map((c): Step => ({ t: 0, action: 'connect', client: c.name })), ...steps],
        end: 400,
      } satisfies Scenario;
    });

type Of<K extends TraceEntry['kind']> = Extract<TraceEntry, { kind: K }>;
const key = (from: string, conn: number) => `${from}#${conn}`;

// Thousands of runs per property: on a loaded machine they need more than the default 5 s.
describe('engine properties', { timeout: 120_000 }, () => {
  it('identical input gives an identical trace, byte for byte', () => {
    fc.assert(
      fc.property(scenarioArb(), scenarioArb(), (a, b) => {
        const first = JSON.stringify(simulate(a));
        simulate(b); // another run in between must not change anything (shared memo, PRNG)
        expect(JSON.stringify(simulate(a))).toBe(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('publishes at most one will per connection', () => {
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        const seen = new Set<string>();
        for (const e of simulate(sc).trace) {
          if (e.kind !== 'will' || e.op !== 'published') continue;
          expect(seen.has(key(e.from, e.conn)), `second will of ${key(e.from, e.conn)}`).toBe(false);
          seen.add(key(e.from, e.conn));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never publishes a will after a client DISCONNECT 0x00 (or any DISCONNECT in 3.1.1)', () => {
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        const trace = simulate(sc).trace;
        // Read from packets and closes only: a valid client DISCONNECT whose code deletes the will.
        const deleting = new Set<string>();
        const lastDisconnect = new Map<string, number | undefined>();
        for (const e of trace) {
          if (e.kind === 'packet' && e.dir === 'in' && e.type === 'DISCONNECT')
            lastDisconnect.set(key(e.client, e.conn), e.detail.reason);
          if (e.kind === 'connection' && e.op === 'closed' && e.cause === 'clientDisconnect') {
            const reason = lastDisconnect.get(key(e.client, e.conn));
            if (e.why.v === 4 || reason === 0) deleting.add(key(e.client, e.conn));
          }
        }
        for (const e of trace)
          if (e.kind === 'will' && e.op === 'published') expect(deleting.has(key(e.from, e.conn))).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('publishes a will no later than min(close + Will Delay, session end), and not before the close', () => {
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        const trace = simulate(sc).trace;
        const closes = new Map<string, Of<'connection'>>();
        const stored = new Map<string, Of<'will'>>();
        const keptUntil = new Map<string, number | null | undefined>();
        for (const e of trace) {
          if (e.kind === 'connection' && e.op === 'closed') closes.set(key(e.client, e.conn), e);
          if (e.kind === 'will' && e.op === 'stored') stored.set(key(e.from, e.conn), e);
          if (e.kind === 'session' && e.op === 'kept') keptUntil.set(`${e.clientId}@${e.t}`, e.endsAt);
          if (e.kind !== 'will' || e.op !== 'published') continue;
          const k = key(e.from, e.conn);
          const close = closes.get(k);
          expect(close, `will of ${k} published while its connection is open`).toBeDefined();
          if (!close) return;
          const delay = e.why.v === 5 ? Number(stored.get(k)?.why.params?.delay ?? 0) : 0;
          expect(e.t).toBeGreaterThanOrEqual(close.t);
          expect(e.t).toBeLessThanOrEqual(close.t + delay * 1000);
          const end = keptUntil.get(`${close.clientId}@${close.t}`);
          if (typeof end === 'number') expect(e.t).toBeLessThanOrEqual(end);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives every entry an actor: a client name, or null for the broker itself (never empty)', () => {
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        for (const e of simulate(sc).trace) {
          const actor = e.kind === 'message' ? e.to : e.kind === 'state' ? e.id : e.kind === 'will' ? e.from : e.client;
          expect(actor, JSON.stringify(e)).not.toBe('');
          if (e.kind === 'timer') expect(e.conn, JSON.stringify(e)).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS / 4 },
    );
  });

  it('sets Session Present exactly when a Clean Start 0 connect finds a live session (independent oracle)', () => {
    // Silence is left out: its close time depends on the keep-alive clock, which the oracle skips.
    fc.assert(
      fc.property(scenarioArb(['silence']), (sc) => {
        expect(sessionPresentFromTrace(simulate(sc).trace)).toEqual(oracle(sc));
      }),
      { numRuns: RUNS },
    );
  });
});

function sessionPresentFromTrace(trace: TraceEntry[]): string[] {
  return trace.flatMap((e) =>
    e.kind === 'packet' && e.type === 'CONNACK' && !e.client.startsWith('$')
      ? [`${e.client}@${e.t}:${e.detail.sessionPresent ? 1 : 0}`]
      : [],
  );
}

/**
 * A small model of MQTT sessions written from the spec text, not from the engine: a session lives
 * from its creation until (close + Session Expiry), or until a Clean Start 1 connect or a volatile
 * restart. 3.1.1: CleanSession 0 sessions never expire, CleanSession 1 ones end at close.
 */
function oracle(sc: Scenario): string[] {
  const out: string[] = [];
  const byName = new Map(sc.clients.map((c) => [c.name, c]));
  const sessions = new Map<string, { endsAt: number | null; sei: number; requested: number }>(); // endsAt null = attached
  const open = new Map<string, string>(); // clientId -> client name holding the connection
  const clientOpen = new Set<string>(); // names whose client thinks it is connected
  const protocolOf = new Map<string, 4 | 5>(); // clientId -> protocol of its open connection
  const ms = (s: number) => Math.round(s * 1000);
  const closeConn = (clientId: string, t: number) => {
    const holder = open.get(clientId);
    if (holder === undefined) return;
    open.delete(clientId);
    clientOpen.delete(holder);
    const s = sessions.get(clientId);
    if (!s) return;
    if (s.sei === 0) sessions.delete(clientId);
    else s.endsAt = s.sei === SEI_NEVER ? Number.POSITIVE_INFINITY : t + s.sei * 1000;
  };
  const alive = (clientId: string, t: number) => {
    const s = sessions.get(clientId);
    if (s && s.endsAt !== null && s.endsAt <= t) sessions.delete(clientId);
    return sessions.has(clientId);
  };
  for (const step of sc.steps) {
    const t = ms(step.t);
    if (step.action === 'brokerRestart') {
      for (const id of [...open.keys()]) closeConn(id, t);
      if (sc.broker.persistence === 'volatile') sessions.clear();
      continue;
    }
    const c = byName.get(step.client) as ClientDef;
    const isOpen = clientOpen.has(c.name) && open.get(c.clientId) === c.name;
    if (!isOpen) clientOpen.delete(c.name);
    const connect = (cleanStart: boolean, sei: number | null, protocol: 4 | 5) => {
      closeConn(c.clientId, t); // a takeover of whoever holds the Client Identifier
      const present = !cleanStart && alive(c.clientId, t);
      out.push(`${c.name}@${t}:${present ? 1 : 0}`);
      const v4sei = cleanStart ? 0 : SEI_NEVER;
      sessions.set(c.clientId, { endsAt: null, sei: protocol === 4 ? v4sei : (sei ?? 0), requested: sei ?? 0 });
      open.set(c.clientId, c.name);
      protocolOf.set(c.clientId, protocol);
      clientOpen.add(c.name);
    };
    switch (step.action) {
      case 'connect':
      case 'takeover':
        if (clientOpen.has(c.name)) break;
        connect(
          step.action === 'takeover' ? (step.cleanStart ?? c.cleanStart) : c.cleanStart,
          c.sessionExpiry,
          c.protocol,
        );
        break;
      case 'reconnect':
        clientOpen.delete(c.name); // an open socket is abandoned: the broker sees a takeover
        connect(
          step.cleanStart ?? c.cleanStart,
          step.sessionExpiry !== undefined ? step.sessionExpiry : c.sessionExpiry,
          step.protocol ?? c.protocol,
        );
        break;
      case 'disconnect': {
        if (!isOpen) break;
        const s = sessions.get(c.clientId);
        const codes = [0x00, 0x04, 0x80, 0x81];
        // §3.14.2.2.2: absent (null) keeps the CONNECT's value; raising from the CONNECT's 0 is a
        // Protocol Error.
        const next = step.sessionExpiry;
        if (s && c.protocol === 5 && next !== undefined && next !== null && codes.includes(step.reason ?? 0)) {
          if (!(s.requested === 0 && next !== 0)) s.sei = next;
        }
        closeConn(c.clientId, t);
        break;
      }
      case 'publish':
        // §3.2.2.3.4 / §3.2.2.3.5: a 5.0 PUBLISH the broker announced it does not support closes it.
        if (
          isOpen &&
          protocolOf.get(c.clientId) === 5 &&
          (step.qos > sc.broker.maximumQos || (step.retain && !sc.broker.retainAvailable))
        )
          closeConn(c.clientId, t);
        break;
      case 'drop':
      case 'reset':
      case 'protoerr':
      case 'badpacket':
      case 'kick':
        if (isOpen) closeConn(c.clientId, t);
        break;
      default:
        break;
    }
  }
  return out;
}
