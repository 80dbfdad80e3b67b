import { describe, expect, it } from 'vitest';
import { sim } from '../../test/driver';
import { topicMatches } from '../topic';

describe('topic filters (§4.7)', () => {
  it.each([
    ['a/+/c', 'a/b/c', true],
    ['a/+/c', 'a/b/d', false],
    ['a/#', 'a', true],
    ['a/#', 'a/b/c', true],
    ['#', 'x/y', true],
    ['+/+', 'a/b', true],
    ['+/+', 'a/b/c', false],
    ['+', '/x', false],
    ['+/x', '/x', true],
    ['#', '$SYS/x', false],
    ['+/x', '$SYS/x', false],
    ['$SYS/#', '$SYS/x', true],
    ['a/b', 'a/b', true],
    ['a/b', 'a/b/c', false],
  ])('%s matches %s: %s', (filter, topic, expected) => {
    expect(topicMatches(filter, topic)).toBe(expected);
  });
});

// The will is an ordinary publication once published (§5 of the rules note).
describe('routing of wills and messages', () => {
  it('downgrades QoS to the granted subscription QoS [MQTT-3.8.4-8]', () => {
    const d = sim()
      .subscriber('sub', 'wills/+', { qos: 1 })
      .client('dev', { sessionExpiry: 0, will: { qos: 2 } })
      .at(1000)
      .drop('dev');
    expect(d.received('sub')).toEqual([{ t: 1000, topic: 'wills/dev', payload: 'dev offline', qos: 1, retain: false }]);
  });

  it('live deliveries carry RETAIN only with Retain As Published [MQTT-3.3.1-12/13]', () => {
    const d = sim()
      .subscriber('rap', 'wills/#', { rap: true })
      .subscriber('norap', 'wills/#', { rap: false })
      .client('dev', { sessionExpiry: 0, will: { retain: true } })
      .at(1000)
      .drop('dev');
    expect(d.received('rap')[0]?.retain).toBe(true);
    expect(d.received('norap')[0]?.retain).toBe(false);
  });

  it('a 3.1.1 subscriber sees RETAIN 0 on a live delivery', () => {
    const d = sim()
      .subscriber('old', 'wills/#', { protocol: 4 })
      .client('dev', { sessionExpiry: 0, will: { retain: true } })
      .at(1000)
      .drop('dev');
    expect(d.received('old')[0]?.retain).toBe(false);
  });

  it('a retained will outlives the session: a late subscriber gets it with RETAIN 1', () => {
    const d = sim()
      .client('dev', { sessionExpiry: 0, will: { retain: true, payload: 'offline' } })
      .at(1000)
      .drop('dev')
      .at(100_000)
      .subscriber('late', 'wills/dev');
    expect(d.received('late')).toEqual([{ t: 100_000, topic: 'wills/dev', payload: 'offline', qos: 1, retain: true }]);
  });

  it('a retained will with an empty payload clears the retained message [MQTT-3.3.1-6/7]', () => {
    const d = sim()
      .client('dev', { sessionExpiry: 0, will: { retain: true, payload: 'offline' } })
      .at(1000)
      .drop('dev')
      .at(3000)
      .reconnect('dev', { cleanStart: true, will: { retain: true, payload: '' } })
      .at(5000)
      .drop('dev');
    expect(d.retainedAtEnd()).toEqual([]);
  });

  it('a retained birth message is replaced by the retained will, and a new birth replaces the will', () => {
    const d = sim()
      .client('dev', { sessionExpiry: 0, will: { retain: true, payload: 'offline' } })
      .at(500)
      .publish('dev', 'wills/dev', 'online', { qos: 1, retain: true })
      .at(1000)
      .drop('dev');
    expect(d.retainedAtEnd()).toEqual([{ topic: 'wills/dev', payload: 'offline' }]);
    d.at(5000)
      .reconnect('dev', { cleanStart: true, will: { retain: true, payload: 'offline' } })
      .at(5500)
      .publish('dev', 'wills/dev', 'online', { qos: 1, retain: true });
    expect(d.retainedAtEnd()).toEqual([{ topic: 'wills/dev', payload: 'online' }]);
  });

  it('an offline persistent subscriber gets the queued will on reconnect; QoS 0 copies are not queued', () => {
    const d = sim()
      .subscriber('sub', 'wills/#', { cleanStart: false, sessionExpiry: 3600, qos: 1 })
      .subscriber('sub0', 'wills/#', { cleanStart: false, sessionExpiry: 3600, qos: 0 })
      .at(100)
      .disconnect('sub')
      .disconnect('sub0')
      .client('dev', { sessionExpiry: 0 })
      .at(1000)
      .drop('dev')
      .at(20_000)
      .reconnect('sub', { cleanStart: false })
      .reconnect('sub0', { cleanStart: false });
    expect(d.received('sub')).toEqual([
      { t: 20_000, topic: 'wills/dev', payload: 'dev offline', qos: 1, retain: false },
    ]);
    expect(d.received('sub0')).toEqual([]);
    d.expectSessionPresent('sub', [false, true]);
  });

  it('No Local, keyed on the Client Identifier, keeps a will from its own session and next connection (A6, [MQTT-3.8.3-3])', () => {
    const d = sim({ autoConnect: false })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 0, topic: 'mine' } })
      .connect('dev')
      .subscribe('dev', 'mine', 1, { noLocal: true })
      .at(1000)
      .drop('dev')
      .at(2000)
      .reconnect('dev', { cleanStart: false });
    // Published at 1 s by the connection of Client Identifier "dev": not for "dev"'s session.
    d.expectWill('dev', { at: 1000 });
    expect(d.received('dev')).toEqual([]);
  });

  it('No Local does not keep a will from a subscriber with another Client Identifier', () => {
    const d = sim()
      .client('other', {
        will: null,
        subscriptions: [{ filter: 'mine', qos: 1, retainAsPublished: false, noLocal: true, retainHandling: 0 }],
      })
      .client('dev', { will: { topic: 'mine' } })
      .at(1000)
      .drop('dev');
    expect(d.received('other').map((m) => m.t)).toEqual([1000]);
  });

  it('unacknowledged deliveries to a silent client are redelivered when its session resumes', () => {
    const d = sim()
      .subscriber('sub', 'data', { cleanStart: false, sessionExpiry: 300, qos: 1, keepAlive: 10 })
      .client('pub', { will: null })
      .at(1000)
      .silence('sub')
      .at(2000)
      .publish('pub', 'data', 'x', { qos: 1 })
      .at(30_000)
      .reconnect('sub', { cleanStart: false });
    expect(d.received('sub').map((m) => m.t)).toEqual([2000, 30_000]);
  });
});

// §3.1.3.2.4 and ambiguity A5: a will's Message Expiry starts when the will is published.
describe('Message Expiry of wills', () => {
  it('a queued will is delivered with the remaining expiry, or dropped once expired', () => {
    const run = (backAt: number) =>
      sim({ offlineSubscriber: true })
        .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30, messageExpiry: 60 } })
        .at(1000)
        .drop('dev')
        .until(backAt)
        .run().outcome.offlineSubscriber?.messages.length;
    expect(run(80_000)).toBe(1);
    expect(run(100_000)).toBe(0);
  });

  it('a retained will with Message Expiry disappears when it expires', () => {
    const d = sim()
      .client('dev', { sessionExpiry: 0, will: { retain: true, messageExpiry: 60 } })
      .at(1000)
      .drop('dev')
      .until(100_000);
    expect(d.retainedAtEnd()).toEqual([]);
    const expired = d.trace.find((e) => e.kind === 'message' && e.op === 'expired');
    expect(expired?.t).toBe(61_000);
  });
});

// [MQTT-4.4.0-1]: unacknowledged QoS 1/2 PUBLISHes are resent (DUP) when the session resumes;
// [MQTT-3.3.2-5]: Message Expiry deletes only copies whose onward delivery had not started.
describe('in-flight copies on resume', () => {
  const run = () =>
    sim()
      .subscriber('sub', 'data/#', { qos: 1, cleanStart: false, sessionExpiry: 300, keepAlive: 10 })
      .client('pub', { will: null })
      .at(1000)
      .silence('sub')
      .at(2000)
      .publish('pub', 'data/a', 'sent', { qos: 1, messageExpiry: 5 })
      .at(16_000)
      .publish('pub', 'data/b', 'queued', { qos: 1, messageExpiry: 2 })
      .at(20_000)
      .reconnect('sub', { cleanStart: false });

  it('resends the unacknowledged copy with DUP even after its Message Expiry passed', () => {
    const d = run();
    expect(d.closeOf('sub')?.t).toBe(15_000);
    expect(d.received('sub').map((m) => [m.t, m.payload])).toEqual([
      [2000, 'sent'],
      [20_000, 'sent'],
    ]);
    const resent = d.trace.find((e) => e.kind === 'message' && e.op === 'delivered' && e.t === 20_000);
    expect(resent?.kind === 'message' && resent.why).toMatchObject({ code: 'message.resent', params: { dup: true } });
  });

  it('drops the queued copy whose delivery never started once it expired', () => {
    const d = run();
    expect(
      d.trace.some((e) => e.kind === 'message' && e.op === 'expired' && e.payload === 'queued' && e.t === 18_000),
    ).toBe(true);
  });
});
