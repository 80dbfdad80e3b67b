import { describe, expect, it } from 'vitest';
import { NANOMQ_0_23_2 } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { SCENARIO_FORMAT } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { type CellSpec, defaultAxes, enumerateCells } from './axes';
import { buildScenario, type CellOutcome, category, observable, willAfterClose } from './cell';
import { runCell, summarize } from './run';

const base: CellSpec = {
  protocol: 5,
  cleanStart: false,
  willDelay: 30,
  sessionExpiry: 'long',
  keepAlive: 10,
  willQos: 1,
  end: 'drop',
  next: 'none',
  profile: 'spec',
};
const cell = (o: Partial<CellSpec>): CellSpec => ({ ...base, ...o });
const afterClose = (o: CellOutcome) => willAfterClose(o);

// Rows of docs/mqtt-will-rules.md §10, as the explorer builds them (t = 0 is the close there).
describe('cells reproduce the scenario matrix of the rules note (spec profile)', () => {
  it('row 6: drop, Session Expiry longer than the Will Delay: the will after the Will Delay', () => {
    const o = runCell(cell({}));
    expect(o.fate).toBe('published');
    expect(afterClose(o)).toBe(30_000);
    expect(o.code).toBe('will.published.delayElapsed');
    expect(o.offline).toEqual([1]);
  });

  it('row 7: reconnect with Clean Start 0 before the Will Delay cancels it (Session Present 1)', () => {
    const o = runCell(cell({ next: 'beforeCs0' }));
    expect(o.fate).toBe('cancelled');
    expect(o.sessionPresent).toBe(true);
    expect(o.offline).toEqual([]);
  });

  it('row 8: reconnect with Clean Start 1 before the Will Delay publishes it then (Session Present 0)', () => {
    const o = runCell(cell({ next: 'beforeCs1' }));
    expect(o.code).toBe('will.published.cleanStart');
    expect(afterClose(o)).toBe(15_000);
    expect(o.sessionPresent).toBe(false);
  });

  it('row 9: reconnect with Clean Start 0 after the Will Delay: published once, session resumed', () => {
    const o = runCell(cell({ next: 'afterCs0' }));
    expect(afterClose(o)).toBe(30_000);
    expect(o.sessionPresent).toBe(true);
  });

  it('row 10: Session Expiry absent cuts the Will Delay short', () => {
    const o = runCell(cell({ sessionExpiry: 'absent' }));
    expect(afterClose(o)).toBe(0);
    expect(o.code).toBe('will.published.sessionEndsAtClose');
  });

  it('row 11: a session shorter than the Will Delay publishes at its expiry', () => {
    const o = runCell(cell({ sessionExpiry: 'short', next: 'beforeCs0' }));
    expect(afterClose(o)).toBe(10_000);
    expect(o.code).toBe('will.published.sessionExpired');
    expect(o.sessionPresent).toBe(false);
  });

  it('rows 2/3: DISCONNECT 0x00 deletes the will', () => {
    const o = runCell(cell({ end: 'disconnect00', next: 'afterCs0' }));
    expect(o.fate).toBe('deleted');
    expect(o.code).toBe('will.deleted.normalDisconnect');
    expect(o.sessionPresent).toBe(true);
    expect(category(o)).toBe('deleted');
  });

  it('row 15: DISCONNECT 0x04 setting Session Expiry to 0 publishes at the close', () => {
    const o = runCell(cell({ end: 'disconnect04Sei0' }));
    expect(afterClose(o)).toBe(0);
  });

  it('row 16: raising Session Expiry from 0 at DISCONNECT is a protocol error: published at once', () => {
    const o = runCell(cell({ sessionExpiry: 'absent', end: 'disconnect04SeiLong' }));
    expect(afterClose(o)).toBe(0);
  });

  it('row 18: silence is noticed 1.5 x Keep Alive after the last packet', () => {
    const o = runCell(cell({ end: 'silence', willDelay: 0 }));
    expect(o.closedAt).toBe(15_000);
    expect(afterClose(o)).toBe(0);
  });

  it('row 20: Keep Alive 0 and silence: the broker never notices, the will never fires', () => {
    const o = runCell(cell({ end: 'silence', keepAlive: 0 }));
    expect(o.closedAt).toBeNull();
    expect(o.fate).toBe('notClosed');
    expect(category(o)).toBe('notClosed');
  });

  it('row 21: a protocol error publishes after the Will Delay', () => {
    expect(afterClose(runCell(cell({ end: 'protocolError' })))).toBe(30_000);
  });

  it('row 43: 3.1.1 CleanSession 0 publishes at the close even when the session is resumed', () => {
    const o = runCell(cell({ protocol: 4, willDelay: null, sessionExpiry: null, next: 'afterCs0' }));
    expect(o.code).toBe('will.published.v4Closed');
    expect(afterClose(o)).toBe(0);
    expect(o.sessionPresent).toBe(true);
  });

  it("takeover with Clean Start 1 ends the old session and publishes; Session Present is the takeover's", () => {
    const o = runCell(cell({ end: 'takeoverCs1' }));
    expect(afterClose(o)).toBe(0);
    expect(o.sessionPresent).toBe(false);
  });

  it('a QoS 0 will is not queued for the offline subscriber', () => {
    const o = runCell(cell({ willQos: 0 }));
    expect(o.fate).toBe('published');
    expect(o.offline).toEqual([]);
  });
});

describe('NanoMQ 0.23.2 departs from the spec where the rules note says', () => {
  it('row 43: a 3.1.1 CleanSession 0 will is withheld with the cached session', () => {
    const o = runCell(cell({ protocol: 4, willDelay: null, sessionExpiry: null, profile: NANOMQ_0_23_2.id }));
    expect(o.fate).toBe('withheld');
    expect(o.deviation).toBe(true);
  });

  it('DISCONNECT 0x04 deletes the will too', () => {
    const o = runCell(cell({ end: 'disconnect04', profile: NANOMQ_0_23_2.id }));
    expect(o.code).toBe('will.deleted.quirkAnyDisconnect');
  });

  it('the observable outcome differs from the spec for the same combination', () => {
    const spec = runCell(cell({ end: 'disconnect04' }));
    const nano = runCell(cell({ end: 'disconnect04', profile: NANOMQ_0_23_2.id }));
    expect(observable(spec)).not.toBe(observable(nano));
  });
});

describe('every cell of the default matrix', () => {
  const cells = enumerateCells(defaultAxes());

  it('builds a valid scenario that the simulator accepts unchanged', () => {
    for (const c of cells.filter((_, i) => i % 5 === 0)) {
      const sc = buildScenario(c, 'a title');
      const parsed = parseScenario({ format: SCENARIO_FORMAT, ...sc });
      expect(parsed.ok ? parsed.value : parsed.problems).toEqual(sc);
    }
  });

  // Every cell of every profile (four now) really runs: room beyond vitest's 5 s on a loaded machine.
  it('runs to its end, stores one will and never publishes before the close', { timeout: 60_000 }, () => {
    for (const c of cells) {
      const o = runCell(c);
      expect(o.truncated).toBe(false);
      expect(o.fate).not.toBe('noWill');
      expect(o.fate).not.toBe('pending');
      if (o.willAt !== null) expect(afterClose(o)).toBeGreaterThanOrEqual(0);
      if (c.next === 'none' && c.end !== 'takeoverCs0' && c.end !== 'takeoverCs1') expect(o.sessionPresent).toBeNull();
      else expect(o.sessionPresent).not.toBeNull();
    }
  });

  it('summarises the run the simulator itself gives for the scenario', () => {
    const c = cell({ next: 'afterCs1', end: 'silence' });
    const r = simulate(buildScenario(c));
    expect(summarize(c, r)).toEqual(runCell(c));
    expect(r.outcome.wills.map((w) => w.t * 1000)).toEqual([runCell(c).willAt]);
  });
});

// Issue 9, drift 2: the reconnect "before the Will Delay" is placed after the close the profile
// really produces (broker/keep-alive.ts latestClose), not after the spec's 1.5 x Keep Alive.
describe('reconnects come after the close the profile produces', () => {
  it.each([1, 2, 3, 4])('mosquitto-2.0, silence, Keep Alive %i s: a reconnect, not a takeover', (keepAlive) => {
    const c = cell({ profile: 'mosquitto-2.0', end: 'silence', keepAlive, willDelay: 5, next: 'beforeCs0' });
    const r = simulate(buildScenario(c));
    const closes = r.trace.filter((e) => e.kind === 'connection' && e.op === 'closed' && e.client === 'device');
    expect(closes.map((e) => (e.kind === 'connection' ? e.cause : null))).toEqual(['keepAlive']);
    const o = summarize(c, r);
    expect(o.fate).toBe('cancelled');
    expect(o.sessionPresent).toBe(true);
  });
});
