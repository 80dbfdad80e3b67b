import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { problemLine } from '../share/describe';
import { loadDocument, loadDocumentText } from './load';
import type { Problem } from './problems';

/** A problem in English words, as a person reads it. */
const message = (p: Problem | null | undefined) => (p ? en.problem[p.code](p.params) : undefined);

const base = {
  format: 'mqtt-will-lab/scenario',
  version: 1,
  clients: [
    {
      name: 'dev',
      clientId: 'dev',
      cleanStart: true,
      keepAlive: 60,
      will: { topic: 'w/dev', payload: 'x', qos: 1, retain: false },
    },
  ],
  steps: [{ t: 0, action: 'connect', client: 'dev' }],
  end: 10,
};

const problems = (doc: unknown) => {
  const r = loadDocument(doc);
  return r.ok ? [] : r.problems.map((p) => problemLine(p, en));
};

describe('scenario validation messages', () => {
  it('accepts a minimal scenario and fills defaults', () => {
    const r = loadDocument(base);
    expect(r.ok).toBe(true);
    if (r.ok && r.value.kind === 'scenario') {
      expect(r.value.scenario.profile).toBe('spec');
      expect(r.value.scenario.clients[0]?.protocol).toBe(5);
      expect(r.value.scenario.observer).toEqual({ protocol: 5, subscriptionQos: 2, retainAsPublished: true });
    }
  });

  it('names the field and what is allowed, one message per problem', () => {
    const bad = {
      ...base,
      clients: [{ ...base.clients[0], keepAlive: 70000, will: { topic: 'w/#', payload: 'x', qos: 3, retain: 'yes' } }],
    };
    expect(problems(bad)).toEqual([
      'clients[0].keepAlive: must be at most 65535',
      'clients[0].will.retain: must be true or false, not "yes"',
      'clients[0].will.topic: a topic name may not contain "+" or "#"; to simulate the broker refusing this CONNECT, add "allowInvalid": true to the will',
      'clients[0].will.qos: a will QoS must be 0, 1 or 2, not 3; to simulate the broker refusing this CONNECT, add "allowInvalid": true to the will',
    ]);
  });

  it('reports a missing field and an unknown action', () => {
    const bad = { ...base, end: undefined, steps: [{ t: 1, action: 'explode', client: 'dev' }] };
    expect(problems(bad)).toEqual([
      'steps[0].action: must be one of: connect, reconnect, drop, reset, silence, protoerr, badpacket, disconnect, takeover, publish, subscribe, unsubscribe, kick, brokerRestart',
      'end: is missing (expected a number)',
    ]);
  });

  it('checks references between fields', () => {
    const bad = {
      ...base,
      clients: [...base.clients, { name: 'other', clientId: 'zzz', cleanStart: true, keepAlive: 60 }],
      steps: [
        { t: 0, action: 'connect', client: 'ghost' },
        { t: 1, action: 'takeover', client: 'other', of: 'dev' },
        { t: 20, action: 'drop', client: 'dev' },
      ],
    };
    expect(problems(bad)).toEqual([
      'steps[0].client: names no client (known: dev, other)',
      'steps[1].of: "dev" has Client Identifier "dev", not "zzz": a takeover needs the same one',
      'steps[2].t: is after the end of the run (10 s)',
    ]);
  });

  it('enforces the limits with a clear message', () => {
    const many = {
      ...base,
      clients: Array.from({ length: 51 }, (_, i) => ({
        name: `c${i}`,
        clientId: `c${i}`,
        cleanStart: true,
        keepAlive: 0,
      })),
    };
    expect(problems(many)).toContain('clients: must be at most 50 items');
    expect(problems({ ...base, end: 10 ** 9 })).toEqual(['end: must be at most 34560000']);
  });

  it('rejects unknown format versions and non-scenario JSON by name', () => {
    expect(problems({ ...base, version: 7 })).toEqual([
      'version: scenario format version 7 is not known to this build (it reads version 1)',
    ]);
    expect(problems({ hello: 1 })[0]).toMatch(/^format: is missing/);
    const r = loadDocumentText('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(message(r.problems[0])).toMatch(/^is not valid JSON/);
  });

  it('loads an invalid will the scenario marks with allowInvalid, to simulate the refusal', () => {
    const r = loadDocument({
      ...base,
      clients: [
        { ...base.clients[0], will: { topic: 'w/#', payload: 'x', qos: 3, retain: false, allowInvalid: true } },
      ],
    });
    expect(r.ok && r.value.kind === 'scenario' && r.value.scenario.clients[0]?.will).toEqual({
      topic: 'w/#',
      payload: 'x',
      qos: 3,
      retain: false,
      delay: null,
      messageExpiry: null,
      props: null,
      allowInvalid: true,
    });
  });

  it('reads will user properties as an ordered list where a name may repeat, and the old object form', () => {
    const withProps = (userProperties: unknown) =>
      loadDocument({
        ...base,
        clients: [{ ...base.clients[0], will: { ...base.clients[0]?.will, props: { userProperties } } }],
      });
    const read = (r: ReturnType<typeof loadDocument>) =>
      r.ok ? r.value.kind === 'scenario' && r.value.scenario.clients[0]?.will?.props?.userProperties : r.problems;
    const list = [
      { name: 'site', value: 'north' },
      { name: 'zone', value: '2' },
      { name: 'site', value: 'south' },
    ];
    expect(read(withProps(list))).toEqual(list);
    expect(read(withProps({ zone: '2', site: 'north' }))).toEqual([
      { name: 'zone', value: '2' },
      { name: 'site', value: 'north' },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `n${i}`, value: '' }));
    expect(
      problems({
        ...base,
        clients: [{ ...base.clients[0], will: { ...base.clients[0]?.will, props: { userProperties: many } } }],
      }),
    ).toEqual(['clients[0].will.props.userProperties: at most 20 user properties']);
  });

  it('reads FORMAT.md cases as scenarios', () => {
    const r = loadDocument([
      { id: 'a', protocol: 4, clients: base.clients, steps: base.steps, end: 5, expect: { wills: [] } },
    ]);
    expect(r.ok && r.value.kind === 'cases' && r.value.cases[0]?.scenario.clients[0]?.protocol).toBe(4);
  });

  it('reads scenario documents with an id and an expect outcome as cases, mixed with FORMAT.md cases', () => {
    const doc = { ...base, id: 'doc', profile: 'mosquitto-2.0', broker: { maximumQos: 0 }, expect: { wills: [] } };
    const formatCase = {
      id: 'a',
      protocol: 4,
      clients: base.clients,
      steps: base.steps,
      end: 5,
      expect: { wills: [] },
    };
    const r = loadDocument([formatCase, doc]);
    expect(r.ok && r.value.kind === 'cases' && r.value.cases.map((c) => [c.id, c.scenario.profile])).toEqual([
      ['a', 'spec'],
      ['doc', 'mosquitto-2.0'],
    ]);
    const c = r.ok && r.value.kind === 'cases' ? r.value.cases[1] : undefined;
    expect(c?.scenario.broker.maximumQos).toBe(0);
    expect(c?.expect?.wills).toEqual([]);
    expect(
      problems([
        { ...doc, expect: undefined },
        { ...doc, id: 'b', steps: [{ t: 1, action: 'kick', client: 'x' }] },
      ]),
    ).toEqual(['[0].expect: is missing (expected an outcome)', '[1].steps[0].client: names no client (known: dev)']);
  });

  it('gives every problem a stable code and params, so any language can word it', () => {
    const r = loadDocument({
      ...base,
      clients: [{ ...base.clients[0], name: '$me', will: { topic: 'a/+', payload: '', qos: 1, retain: false } }],
    });
    expect(r.ok ? [] : r.problems.map((p) => [p.path, p.code])).toEqual([
      ['clients[0].name', 'reservedName'],
      ['clients[0].will.topic', 'willInvalid'],
    ]);
    expect(r.ok ? null : r.problems[1]?.params).toEqual({ problem: 'topic.wildcard' });
    const big = loadDocument({ ...base, end: 10 ** 9 });
    expect(big.ok ? null : big.problems[0]?.params).toEqual({ max: 34560000, unit: '' });
  });
});
