import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sim } from '../../test/driver';
import { buildScenario } from '../script';
import { simulate } from '../sim';
import type { Step, SubscriptionDef } from '../types';

// Invalid wills the scenario marks with `allowInvalid` (docs/decisions.md): the broker refuses the
// CONNECT, so no session is created and no will can ever be published.
describe('a CONNECT with an invalid will is refused', () => {
  it('5.0 [MQTT-3.1.2-12]: Will QoS 3 is a Malformed Packet: CONNACK 0x81, no session, no will', () => {
    const d = sim()
      .client('dev', { will: { qos: 3, allowInvalid: true } })
      .at(1000)
      .drop('dev')
      .expectRefused('dev', 0x81, { code: 'conn.refused.willQos3' })
      .expectNoWill('dev');
    expect(d.trace.some((e) => e.kind === 'will')).toBe(false);
  });

  it('3.1.1 [MQTT-3.1.2-14], [MQTT-3.1.4-1]: Will QoS 3: the connection is closed without a CONNACK', () => {
    const d = sim({ protocol: 4 })
      .client('dev', { cleanStart: false, will: { qos: 3, allowInvalid: true } })
      .at(1000)
      .drop('dev')
      .expectRefused('dev', null, { code: 'conn.refused.willQos3' })
      .expectNoWill('dev');
    expect(d.run().outcome.sessionPresent).toEqual([]);
  });

  it('5.0 [MQTT-4.7.0-1]: a wildcard in the will topic is refused with CONNACK 0x90 Topic Name invalid', () => {
    const d = sim()
      .client('dev', { will: { topic: 'wills/+', allowInvalid: true } })
      .expectRefused('dev', 0x90, { code: 'conn.refused.willTopic' });
    const refused = d.trace.find((e) => e.kind === 'connection' && e.client === 'dev');
    expect(refused?.kind === 'connection' && refused.why.params).toEqual({
      problem: 'topic.wildcard',
      reason: 0x90,
    });
  });

  it('3.1.1 [MQTT-4.7.1-1]: a wildcard in the will topic closes the connection without a CONNACK', () => {
    sim({ protocol: 4 })
      .client('dev', { will: { topic: 'wills/#', allowInvalid: true } })
      .expectRefused('dev', null, { code: 'conn.refused.willTopic' });
  });

  it('5.0 [MQTT-4.7.3-1]: an empty will topic is refused with 0x90', () => {
    sim()
      .client('dev', { will: { topic: '', allowInvalid: true } })
      .expectRefused('dev', 0x90);
  });

  it('a refused reconnect leaves the stored session and its waiting will as they were', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 10 } })
      .at(1000)
      .drop('dev')
      .at(2000)
      .reconnect('dev', { cleanStart: true, will: { qos: 3, allowInvalid: true } })
      .expectRefused('dev', 0x81, { conn: 2 })
      .expectWill('dev', { at: 11_000, conn: 1 });
  });

  it('3.1.1 has no Maximum QoS or Retain Available (§3.2.2.3.4, §3.2.2.3.5 are 5.0): the will is accepted', () => {
    sim({ protocol: 4, broker: { maximumQos: 0, retainAvailable: false } })
      .client('dev', { will: { qos: 2, retain: true } })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 1000, qos: 2, retain: true });
  });
});

describe('mosquitto-2.0 refuses an invalid 5.0 will by closing the connection, without a CONNACK', () => {
  it('Will QoS 3 and a wildcard will topic: closed with no CONNACK, the departure cited (measured: golden wills.json)', () => {
    const q = sim({ profile: 'mosquitto-2.0' })
      .client('dev', { will: { qos: 3, allowInvalid: true } })
      .expectRefused('dev', null, { code: 'conn.refused.willQos3' });
    const refused = q.trace.find((e) => e.kind === 'connection' && e.client === 'dev');
    expect(refused?.kind === 'connection' && refused.why.deviation?.profile).toBe('mosquitto-2.0');
    sim({ profile: 'mosquitto-2.0' })
      .client('dev', { will: { topic: 'wills/+', allowInvalid: true } })
      .expectRefused('dev', null, { code: 'conn.refused.willTopic' });
  });

  it('3.1.1 closes without a CONNACK under the spec too: no departure is cited', () => {
    const d = sim({ protocol: 4, profile: 'mosquitto-2.0' })
      .client('dev', { will: { qos: 3, allowInvalid: true } })
      .expectRefused('dev', null);
    const refused = d.trace.find((e) => e.kind === 'connection' && e.client === 'dev');
    expect(refused?.kind === 'connection' && refused.why.deviation).toBeUndefined();
  });
});

describe('property: a refused CONNECT leaves no trace of its will and changes no session', () => {
  const willArb = fc.record({
    topic: fc.constantFrom('w', 'w/+', '#', ''),
    payload: fc.constant('p'),
    qos: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    retain: fc.boolean(),
    delay: fc.constantFrom(null, 0, 3),
    messageExpiry: fc.constant(null),
    props: fc.constant(null),
    allowInvalid: fc.constant(true),
  });
  const clientArb = (name: string) =>
    fc.record({
      name: fc.constant(name),
      clientId: fc.constantFrom('a', 'b'),
      protocol: fc.constantFrom(4 as const, 5 as const),
      cleanStart: fc.boolean(),
      sessionExpiry: fc.constantFrom(null, 0, 30),
      keepAlive: fc.constant(60),
      will: fc.option(willArb, { nil: null }),
      subscriptions: fc.constant([] as SubscriptionDef[]),
    });
  const stepArb = fc.record({
    t: fc.integer({ min: 0, max: 40 }),
    who: fc.constantFrom('c0', 'c1'),
    action: fc.constantFrom('connect', 'drop', 'reconnect'),
    will: fc.option(willArb, { nil: undefined }),
  });
  const scenarioArb = fc
    .record({
      clients: fc.tuple(clientArb('c0'), clientArb('c1')),
      steps: fc.array(stepArb, { maxLength: 12 }),
      maximumQos: fc.constantFrom(0 as const, 1 as const, 2 as const),
      retainAvailable: fc.boolean(),
      profile: fc.constantFrom('spec', 'mosquitto-2.0', 'nanomq-0.23.2'),
    })
    .map(({ clients, steps, maximumQos, retainAvailable, profile }) =>
      buildScenario({
        profile,
        broker: { maximumQos, retainAvailable },
        clients: [...clients],
        steps: steps
          .sort((x, y) => x.t - y.t)
          .map(
            (s): Step =>
              s.action === 'reconnect' && s.will !== undefined
                ? { t: s.t, action: 'reconnect', client: s.who, will: s.will }
                : { t: s.t, action: s.action, client: s.who },
          ),
        end: 60,
      }),
    );

  it('holds for random scenarios with invalid wills, broker limits and every profile', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const trace = simulate(sc).trace;
        trace.forEach((r, i) => {
          if (r.kind !== 'connection' || r.op !== 'refused') return;
          expect(trace.some((e) => e.kind === 'will' && e.from === r.client && e.conn === r.conn)).toBe(false);
          // Nothing happens to any session or connection (no takeover) until the next step.
          const next = trace.findIndex((e, j) => j > i && e.kind === 'step');
          // (Same instant only: a timer of another session may fire before the next step.)
          const after = trace.slice(i + 1, next < 0 ? undefined : next).filter((e) => e.t === r.t);
          expect(after.filter((e) => e.kind === 'session' || e.kind === 'will' || e.kind === 'connection')).toEqual([]);
          const connacks = trace.filter(
            (e) => e.kind === 'packet' && e.type === 'CONNACK' && e.client === r.client && e.conn === r.conn,
          );
          expect(connacks.length).toBe(r.why.params?.reason === null ? 0 : 1);
        });
      }),
      { numRuns: 300 },
    );
  });
});
