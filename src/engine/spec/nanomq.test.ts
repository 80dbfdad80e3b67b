import { describe, expect, it } from 'vitest';
import { type DriverOptions, sim } from '../../test/driver';

// The nanomq-0.23.2 profile (docs/profiles.md): each departure is cited in the trace.
describe('nanomq-0.23.2 profile', () => {
  const nano = (o: DriverOptions = {}) => sim({ profile: 'nanomq-0.23.2', ...o });

  it('withholds the will of a Clean Start 0 client with Session Expiry 0 that drops (nanomq#1989)', () => {
    const d = nano()
      .client('dev', { cleanStart: false, sessionExpiry: 0 })
      .at(5000)
      .drop('dev')
      .until(3_600_000)
      .expectNoWill('dev');
    const f = d.fate('dev');
    expect(f?.fate).toBe('withheld');
    expect(f?.why?.deviation?.source).toContain('nanomq#1989');
    // The spec publishes it at the drop.
    sim().client('dev', { cleanStart: false, sessionExpiry: 0 }).at(5000).drop('dev').expectWill('dev', { at: 5000 });
  });

  it('the cached session is resumed by a Clean Start 0 reconnect (Session Present 1, contrary to the spec)', () => {
    nano()
      .client('dev', { cleanStart: false, sessionExpiry: 0 })
      .at(5000)
      .drop('dev')
      .at(10_000)
      .reconnect('dev', { cleanStart: false })
      .expectSessionPresent('dev', [false, true])
      .expectNoWill('dev');
  });

  it('publishes normally for Clean Start 1, ignoring the Will Delay', () => {
    nano()
      .client('dev', { cleanStart: true, sessionExpiry: 300, will: { delay: 30 } })
      .at(5000)
      .drop('dev')
      .expectWill('dev', { at: 5000 });
  });

  it('deletes the will on DISCONNECT 0x04 (every DISCONNECT deletes it)', () => {
    const d = nano().client('dev', { sessionExpiry: 0 }).at(2000).disconnect('dev', 0x04).expectNoWill('dev');
    expect(d.fate('dev')?.why?.code).toBe('will.deleted.quirkAnyDisconnect');
  });

  it('closes after 1.25 x Keep Alive', () => {
    nano()
      .client('dev', { keepAlive: 10, sessionExpiry: 0 })
      .at(1000)
      .silence('dev')
      .until(30_000)
      .expectClosed('dev', { at: 12_500 });
  });

  it('publishes a retained will as non-retained', () => {
    const d = nano()
      .client('dev', { sessionExpiry: 0, will: { retain: true } })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 1000, retain: false });
    expect(d.retainedAtEnd()).toEqual([]);
  });

  it('closes a cached session with Session Expiry on its 10 s timer, and only then publishes', () => {
    // Dropped at 5 s with Session Expiry 12: expiry passes at 17 s, the next 10 s tick is at 20 s.
    nano()
      .client('dev', { cleanStart: false, sessionExpiry: 12, will: { delay: 0 } })
      .at(5000)
      .drop('dev')
      .expectWill('dev', { at: 20_000 });
  });

  it('counts the Will Delay from CONNECT: a long-connected client gets no delay (next tick)', () => {
    nano()
      .client('dev', { cleanStart: false, sessionExpiry: 600, will: { delay: 30 } })
      .at(100_000)
      .drop('dev')
      .expectWill('dev', { at: 110_000 });
  });

  it('publishes the will when a conflicting Client Identifier takes over, or an administrator kicks', () => {
    nano({ autoConnect: false })
      .client('dev', { cleanStart: false, sessionExpiry: 0 })
      .client('dev2', { clientId: 'dev', cleanStart: false, will: null })
      .connect('dev')
      .at(3000)
      .takeover('dev2', 'dev')
      .expectWill('dev', { at: 3000 });
    nano().client('dev', { cleanStart: false, sessionExpiry: 0 }).at(3000).kick('dev').expectWill('dev', { at: 3000 });
  });
});
