import { describe, expect, it } from 'vitest';
import { SEI_NEVER } from '../engine/script';
import { willFates } from '../engine/trace';
import type { TraceEntry } from '../engine/types';
import { sim } from '../test/driver';
import { en } from './en';
import { renderWhy } from './render';

// Issue 9, error 8: explanations that were true only in the common case.
const fateLine = (trace: TraceEntry[], from: string) => {
  const f = willFates(trace).find((w) => w.from === from);
  return f?.why ? renderWhy(f.why, en).sentence : '';
};
const notes = (trace: TraceEntry[], code: string) =>
  trace
    .filter((e) => e.kind === 'note' && e.why.code === code)
    .map((e) => (e.kind === 'note' ? renderWhy(e.why, en) : null));

describe('explanations say what is true in this run', () => {
  it.each([0x04, 0x80])('a will published after DISCONNECT 0x%s says only 0x00 deletes a will', (code) => {
    const d = sim().client('dev', { sessionExpiry: 0 }).at(2000).disconnect('dev', code);
    expect(fateLine(d.trace, 'dev')).toContain('only 0x00 deletes a will');
  });

  it('a keep-alive close names the Server Keep Alive when that is the value in force', () => {
    const d = sim({ broker: { serverKeepAlive: 4 } })
      .client('dev', { keepAlive: 60 })
      .at(1000)
      .silence('dev');
    const close = d.closeOf('dev');
    expect(close?.t).toBe(6000);
    expect(close ? renderWhy(close.why, en).sentence : '').toContain('Server Keep Alive of 4 s');
  });

  it('the Server Keep Alive and Keep Alive 0 get their own explanation entries', () => {
    const server = sim({ broker: { serverKeepAlive: 4 } }).client('dev', { keepAlive: 60 }).trace;
    expect(notes(server, 'keepAlive.server').map((r) => r?.sentence)).toEqual([
      expect.stringContaining('replaces the 60 s the client asked for'),
    ]);
    const off = sim().client('dev', { keepAlive: 0 }).trace;
    expect(notes(off, 'keepAlive.off')).toHaveLength(1);
  });

  it('0xFFFFFFFF reads "never expires"', () => {
    const d = sim()
      .client('dev', { cleanStart: false, sessionExpiry: 60 })
      .at(1000)
      .disconnect('dev', 0x04, { sessionExpiry: SEI_NEVER });
    expect(notes(d.trace, 'session.expiryChanged')[0]?.sentence).toBe(
      'The DISCONNECT set the Session Expiry from 60 s to never expires.',
    );
  });

  it('3.1.1 retained-message entries cite 3.1.1 clauses', () => {
    const d = sim({ protocol: 4 }).client('dev').at(1000).publish('dev', 'a', 'x', { retain: true });
    const retained = d.trace.find((e) => e.kind === 'message' && e.op === 'retained');
    expect(retained?.kind === 'message' && retained.why?.v).toBe(4);
    expect(retained?.kind === 'message' && retained.why ? renderWhy(retained.why, en).clauses : '').toContain('3.1.1');
  });

  it('a volatile restart does not cite the Session Expiry rule it breaks', () => {
    const d = sim()
      .client('dev', { cleanStart: false, sessionExpiry: 600, will: null })
      .at(1000)
      .drop('dev')
      .at(2000)
      .restart();
    const ended = d.trace.find((e) => e.kind === 'session' && e.op === 'ended');
    expect(ended?.kind === 'session' && ended.why.code).toBe('session.ended.brokerStopped');
    expect(ended?.kind === 'session' && ended.why.clauses).not.toContain('MQTT-3.1.2-23');
  });

  it.each([
    [10, 10],
    [30, 30],
  ])('Will Delay %i s equal to Session Expiry %i s is worded as a tie', (delay, sei) => {
    const d = sim()
      .client('dev', { cleanStart: false, sessionExpiry: sei, will: { delay } })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 1000 + delay * 1000 });
    expect(fateLine(d.trace, 'dev')).toContain('ended together');
  });
});
