import fc from 'fast-check';
import { PROFILE_IDS } from '../engine/profiles';
import { SEI_NEVER } from '../engine/types';
import { STEP_ACTIONS } from '../scenario/schema';

/**
 * fast-check arbitraries for scenario files (format v1) that the schema accepts: the cross-field
 * rules (names resolve, takeovers share a Client Identifier, publishes name a topic) are fixed up
 * after generation rather than filtered, so nearly every sample is valid.
 */

type Obj = Record<string, unknown>;

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const qos = fc.constantFrom(0, 1, 2);
const u32 = fc.oneof(fc.constantFrom(0, 1, 10, 60, 300, SEI_NEVER), fc.integer({ min: 0, max: SEI_NEVER }));
const seconds = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.double({ min: 0, max: 600, noNaN: true }));
const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: max, unit: 'grapheme' }), fc.string({ maxLength: max, unit: 'binary' }));
/** An MQTT UTF-8 string: no U+0000 [MQTT-1.5.4-2] (fast-check never makes lone surrogates here). */
const mqttText = (max: number) => text(max).map((s) => s.split(String.fromCharCode(0)).join('_'));

const level = fc.oneof(
  fc.constantFrom('lab', 'status', 'dev', '测试', '<b>x</b>', "it's", '$SYS', ''),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/[+#]/g, '_').split(String.fromCharCode(0)).join('_')),
);
export const topicArb = fc
  .array(level, { minLength: 1, maxLength: 4 })
  .map((l) => l.join('/'))
  .map((t) => (t === '' ? 'x' : t));
const filterArb = fc.oneof(
  topicArb,
  topicArb.map((t) => `${t}/#`),
  fc.constant('#'),
  topicArb.map((t) => `+/${t}`),
);

const willArb = fc.record(
  {
    topic: topicArb,
    payload: text(40),
    qos,
    retain: fc.boolean(),
    delay: fc.option(u32, { nil: null }),
    messageExpiry: fc.option(u32, { nil: null }),
    props: fc.option(
      fc.record(
        {
          payloadFormatIndicator: fc.boolean(),
          contentType: mqttText(20),
          responseTopic: topicArb,
          correlationData: text(20),
          userProperties: fc.dictionary(
            fc
              .string({ minLength: 1, maxLength: 8 })
              .filter((k) => k !== '__proto__' && !k.includes(String.fromCharCode(0))),
            mqttText(10),
            { maxKeys: 3 },
          ),
        },
        { requiredKeys: [] },
      ),
      { nil: null },
    ),
  },
  { requiredKeys: ['topic', 'payload', 'qos', 'retain'] },
);

const subscriptionArb = fc.record(
  {
    filter: filterArb,
    qos,
    retainAsPublished: fc.boolean(),
    noLocal: fc.boolean(),
    retainHandling: fc.constantFrom(0, 1, 2),
  },
  { requiredKeys: ['filter', 'qos'] },
);

const clientArb = (name: string) =>
  fc.record(
    {
      name: fc.constant(name),
      clientId: fc.oneof(fc.constantFrom('dev', 'shared', ''), mqttText(12)),
      protocol: fc.constantFrom(4, 5),
      cleanStart: fc.boolean(),
      sessionExpiry: fc.option(u32, { nil: null }),
      keepAlive: fc.oneof(fc.constantFrom(0, 5, 10, 60), fc.integer({ min: 0, max: 65535 })),
      will: fc.option(willArb, { nil: null }),
      subscriptions: fc.array(subscriptionArb, { maxLength: 2 }),
    },
    { requiredKeys: ['name', 'clientId', 'cleanStart', 'keepAlive'] },
  );

const ACTIONS = STEP_ACTIONS;

const stepArb = (names: string[]) =>
  fc
    .record({
      t: seconds,
      action: fc.constantFrom(...ACTIONS),
      client: fc.constantFrom(...names),
      other: fc.constantFrom(...names),
      cleanStart: opt(fc.boolean()),
      sessionExpiry: opt(fc.option(u32, { nil: null })),
      keepAlive: opt(fc.integer({ min: 0, max: 65535 })),
      protocol: opt(fc.constantFrom(4, 5)),
      will: opt(fc.option(willArb, { nil: null })),
      afterClose: opt(fc.integer({ min: 0, max: 30 })),
      reason: opt(fc.oneof(fc.constantFrom(0, 4, 0x80, 0x81, 0xff), fc.integer({ min: 0, max: 255 }))),
      topic: topicArb,
      payload: text(30),
      qos,
      retain: fc.boolean(),
      messageExpiry: opt(fc.option(u32, { nil: null })),
      filter: filterArb,
    })
    .map((r): Obj => {
      const s: Obj = { t: r.t, action: r.action, client: r.client };
      const set = (k: string, v: unknown) => {
        if (v !== undefined) s[k] = v;
      };
      switch (r.action) {
        case 'reconnect':
          set('cleanStart', r.cleanStart);
          set('sessionExpiry', r.sessionExpiry);
          set('keepAlive', r.keepAlive);
          set('protocol', r.protocol);
          set('will', r.will);
          set('afterClose', r.afterClose);
          break;
        case 'disconnect':
          set('reason', r.reason);
          set('sessionExpiry', r.sessionExpiry);
          break;
        case 'takeover':
          s.of = r.other;
          set('cleanStart', r.cleanStart);
          break;
        case 'publish':
          s.topic = r.topic;
          s.payload = r.payload;
          s.qos = r.qos;
          s.retain = r.retain;
          set('messageExpiry', r.messageExpiry);
          break;
        case 'subscribe':
          s.filter = r.filter;
          s.qos = r.qos;
          break;
        case 'unsubscribe':
          s.filter = r.filter;
          break;
        case 'brokerRestart':
          delete s.client;
          break;
        default:
          break;
      }
      return s;
    });

/** A scenario file object (format v1) that `parseScenario` accepts. */
export const scenarioFileArb: fc.Arbitrary<Obj> = fc
  .uniqueArray(
    fc.oneof(
      fc.constantFrom('dev', 'sensor-a', 'gateway', '测试', '<img src=x>', "o'brien", 'a b;c#d'),
      fc.string({ minLength: 1, maxLength: 10 }).filter((n) => !n.startsWith('$')),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((names) =>
    fc.record(
      {
        title: text(40),
        profile: fc.constantFrom(...PROFILE_IDS),
        seed: u32,
        protocol: fc.constantFrom(4, 5),
        broker: fc.record(
          {
            persistence: fc.constantFrom('volatile', 'persist'),
            maximumQos: qos,
            retainAvailable: fc.boolean(),
            serverKeepAlive: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: null }),
            maxSessionExpiry: fc.option(u32, { nil: null }),
          },
          { requiredKeys: [] },
        ),
        observer: fc.option(
          fc.record(
            { protocol: fc.constantFrom(4, 5), subscriptionQos: qos, retainAsPublished: fc.boolean() },
            { requiredKeys: [] },
          ),
          { nil: null },
        ),
        offlineSubscriber: fc.boolean(),
        clients: fc.tuple(...names.map(clientArb)),
        steps: fc.array(stepArb(names), { maxLength: 8 }),
        end: fc.integer({ min: 0, max: 900 }),
      },
      { requiredKeys: ['clients', 'steps', 'end'] },
    ),
  )
  .map((r) => {
    const clients = r.clients as Obj[];
    const byName = new Map(clients.map((c) => [c.name as string, c]));
    const end = r.end as number;
    const steps = (r.steps as Obj[]).map((s) => {
      const out: Obj = { ...s, t: Math.min(s.t as number, end) };
      const c = byName.get(s.client as string);
      // Fix-ups for the cross-field rules: a takeover needs the same Client Identifier.
      if (s.action === 'takeover' && c) {
        const of = byName.get(s.of as string);
        if (of) of.clientId = c.clientId;
      }
      if (s.action === 'publish' && c?.will && (c.name as string).length % 2 === 0) {
        delete out.topic;
        out.topicOf = c.name;
      }
      return out;
    });
    // A takeover fix-up may have changed an earlier takeover's pair: re-check and drop broken ones.
    const kept = steps.filter(
      (s) =>
        s.action !== 'takeover' || byName.get(s.of as string)?.clientId === byName.get(s.client as string)?.clientId,
    );
    return { format: 'mqtt-will-lab/scenario', version: 1, ...r, steps: kept };
  });

/** Replaces the value at a random path of a JSON value (for mutation fuzzing). */
export function mutateAt(value: unknown, pathSeed: number[], replacement: unknown): unknown {
  if (pathSeed.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const [head, ...rest] = pathSeed as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = head % value.length;
    const copy = [...value];
    copy[i] = mutateAt(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const k = keys[head % keys.length] as string;
  return { ...(value as Obj), [k]: mutateAt((value as Obj)[k], rest, replacement) };
}
