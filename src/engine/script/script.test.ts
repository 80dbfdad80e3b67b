import { describe, expect, it } from 'vitest';
import { toReproScript } from '../../export/repro';
import { en } from '../../i18n/en';
import { exportEn } from '../../i18n/export-en';
import { simulate } from '../sim';
import { closeOf, connacks, willDeliveries } from '../trace';
import type { Step } from '../types';
import {
  afterCloseDue,
  buildClient,
  buildScenario,
  buildWill,
  connectParams,
  implicitClients,
  OBSERVER,
  OFFLINE_SUBSCRIBER,
  publishTopic,
  StepCursor,
  willTopics,
} from '.';

const dev = buildClient('dev', { sessionExpiry: 30, keepAlive: 10, will: buildWill('d/status') });
const other = buildClient('other', { will: buildWill('o/status') });

describe('what a scenario means (src/engine/script)', () => {
  it('connect and takeover use the client; reconnect overrides and carries no will unless it gives one', () => {
    expect(connectParams(dev)).toEqual({
      cleanStart: true,
      sessionExpiry: 30,
      keepAlive: 10,
      protocol: 5,
      will: dev.will,
    });
    const take: Step = { t: 1, action: 'takeover', client: 'dev', of: 'dev', cleanStart: false };
    expect(connectParams(dev, take)).toMatchObject({ cleanStart: false, will: dev.will, sessionExpiry: 30 });
    const again: Step = { t: 1, action: 'reconnect', client: 'dev', sessionExpiry: null, keepAlive: 5 };
    expect(connectParams(dev, again)).toEqual({
      cleanStart: true,
      sessionExpiry: null,
      keepAlive: 5,
      protocol: 5,
      will: null,
    });
  });

  it('publishTopic: topicOf wins over topic (one precedence rule for the engine and every export)', () => {
    const sc = buildScenario({ clients: [dev, other], end: 10 });
    const step = {
      t: 0,
      action: 'publish',
      client: 'dev',
      topic: 'mine',
      topicOf: 'other',
      payload: 'online',
      qos: 1,
      retain: true,
    } as const;
    expect(publishTopic(sc, step)).toBe('o/status');
    expect(publishTopic(sc, { ...step, topicOf: undefined })).toBe('mine');
  });

  it('the repro export publishes to the topic the engine uses', () => {
    const sc = buildScenario({
      clients: [dev, other],
      steps: [
        { t: 0, action: 'connect', client: 'dev' },
        {
          t: 1,
          action: 'publish',
          client: 'dev',
          topic: 'mine',
          topicOf: 'other',
          payload: 'on',
          qos: 1,
          retain: true,
        },
      ],
      end: 10,
    });
    const engineTopic = simulate(sc).trace.find((e) => e.kind === 'packet' && e.type === 'PUBLISH');
    expect(engineTopic?.kind === 'packet' && engineTopic.detail.topic).toBe('o/status');
    const script = toReproScript(sc, { cat: en, ex: exportEn });
    expect(script).toContain("-t 'o/status' -m 'on'");
    expect(script).not.toContain("-t 'mine'");
  });

  it('afterClose brings a reconnect forward only before its own t', () => {
    const step: Step = { t: 20, action: 'reconnect', client: 'dev', afterClose: 2 };
    expect(afterCloseDue(step, 5000)).toBe(7000);
    expect(afterCloseDue(step, 19_000)).toBeNull();
    expect(afterCloseDue({ t: 20, action: 'drop', client: 'dev' }, 5000)).toBeNull();
  });

  it('a step cursor yields each client its first step not yet run', () => {
    const steps: Step[] = [
      { t: 0, action: 'connect', client: 'a' },
      { t: 0, action: 'connect', client: 'b' },
      { t: 1, action: 'drop', client: 'a' },
      { t: 2, action: 'brokerRestart', client: null },
    ];
    const done = new Set<number>();
    const cur = new StepCursor(steps);
    expect(cur.next('a', (i) => done.has(i))).toBe(0);
    done.add(0);
    expect(cur.next('a', (i) => done.has(i))).toBe(2);
    done.add(2);
    expect(cur.next('a', (i) => done.has(i))).toBeUndefined();
    expect(cur.next('b', (i) => done.has(i))).toBe(1);
  });

  it('the implicit clients subscribe to every will topic, reconnect wills included', () => {
    const sc = buildScenario({
      clients: [dev],
      steps: [{ t: 1, action: 'reconnect', client: 'dev', will: buildWill('second') }],
      offlineSubscriber: true,
      end: 5,
    });
    expect(willTopics(sc)).toEqual(['d/status', 'second']);
    const [o, off] = implicitClients(sc);
    expect(o?.name).toBe(OBSERVER);
    expect(o?.subscriptions.map((s) => [s.filter, s.qos])).toEqual([
      ['d/status', 2],
      ['second', 2],
    ]);
    expect(off).toMatchObject({ name: OFFLINE_SUBSCRIBER, cleanStart: false, sessionExpiry: 3600 });
  });

  it('simulate runs the scenario’s own profile unless told otherwise', () => {
    // NanoMQ 0.23.2 keeps a Clean Start 0 session's will until the session ends (a profile quirk).
    const sc = buildScenario({
      profile: 'nanomq-0.23.2',
      clients: [buildClient('s', { cleanStart: false, keepAlive: 30, will: buildWill('p/s') })],
      steps: [
        { t: 0, action: 'connect', client: 's' },
        { t: 20, action: 'drop', client: 's' },
      ],
      end: 120,
    });
    const own = simulate(sc);
    const spec = simulate(sc, { profile: undefined });
    expect(own.trace).toEqual(spec.trace);
    expect(closeOf(own.trace, 's')?.t).toBe(20_000);
    expect(connacks(own.trace, 's')).toHaveLength(1);
    const asSpec = simulate({ ...sc, profile: 'spec' });
    expect(willDeliveries(asSpec.trace, 's').map((e) => e.t)).toEqual([20_000]);
    expect(willDeliveries(own.trace, 's').map((e) => e.t)).not.toEqual([20_000]);
  });
});
