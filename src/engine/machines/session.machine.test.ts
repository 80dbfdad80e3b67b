import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { NANOMQ_0_23_2, SPEC } from '../profiles';
import { type SessionEvent, type SessionQuirks, sessionMachine } from './session.machine';
import { stateString } from './stepper';

// The session machine on its own, as a model: every reachable state, and the will's bookkeeping on
// every random path (a stored will is resolved at most once, and never silently lost at the end).
const attached = [4, 5].flatMap((v) =>
  [true, false].flatMap((cleanStart) =>
    [true, false].flatMap((hasWill) =>
      [true, false].map(
        (willDelayZero): SessionEvent => ({ type: 'conn.attached', v: v as 4 | 5, cleanStart, hasWill, willDelayZero }),
      ),
    ),
  ),
);
const closed: SessionEvent[] = [true, false].flatMap((deleteWill) =>
  [
    [true, false],
    [false, true],
    [false, false],
  ].flatMap(([seiZero, seiNever]) =>
    [true, false].map(
      (kicked): SessionEvent => ({ type: 'conn.closed', deleteWill, seiZero: !!seiZero, seiNever: !!seiNever, kicked }),
    ),
  ),
);
const EVENTS: SessionEvent[] = [
  ...attached,
  ...closed,
  { type: 'timer.willDelay', seiZero: false },
  { type: 'timer.sessionExpiry' },
  { type: 'session.discard', why: 'cleanStart' },
  { type: 'session.discard', why: 'brokerStopped' },
];

function reachable(quirks: SessionQuirks): string[] {
  const paths = getShortestPaths(sessionMachine, {
    input: { quirks },
    events: EVENTS,
    serializeState: (s) => JSON.stringify([s.value, s.context]),
    limit: 10_000,
  });
  return [...new Set(paths.map((p) => stateString(p.state.value)))].sort();
}

describe('session machine', () => {
  it('reaches every state under the spec profile, and the cached-will state only with NanoMQ quirks', () => {
    expect(reachable(SPEC.sessionQuirks)).toEqual([
      'active.noWill',
      'active.willStored',
      'detached.noWill',
      'detached.willDelayed',
      'ended',
      'new',
    ]);
    expect(reachable(NANOMQ_0_23_2.sessionQuirks)).toContain('detached.willHeld');
  });

  it.each([
    ['spec', SPEC.sessionQuirks],
    ['nanomq-0.23.2', NANOMQ_0_23_2.sessionQuirks],
  ])('resolves each stored will at most once and never loses one (%s)', (_name, quirks) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 30 }), (events) => {
        let [snap] = initialTransition(sessionMachine, { quirks });
        let will: 'none' | 'stored' | 'scheduled' = 'none';
        for (const ev of events) {
          const [next, actions] = transition(sessionMachine, snap, ev);
          for (const a of actions) {
            if (a.type === 'storeWill') {
              expect(will, 'a new will replaces an unresolved one').toBe('none');
              will = 'stored';
            } else if (['publishWill', 'deleteWill', 'cancelWill'].includes(a.type)) {
              expect(will, `${a.type} without a will`).not.toBe('none');
              will = 'none';
            } else if (a.type === 'scheduleWill' || a.type === 'withholdWill') {
              expect(will).toBe('stored');
              will = 'scheduled';
            }
          }
          snap = next;
          if (snap.status === 'done') {
            expect(will, 'the session ended with its will unresolved').toBe('none');
            break;
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
