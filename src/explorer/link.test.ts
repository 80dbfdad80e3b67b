import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '../engine/profiles';
import { type Axes, defaultAxes, END_KINDS, LIMITS, NEXT_KINDS, normalizeAxes, SEI_KINDS } from './axes';
import {
  decodeSettings,
  defaultSettings,
  type ExplorerSettings,
  encodeSettings,
  MAX_LINK_CHARS,
  settingsFragment,
} from './link';
import { FILTER_KINDS } from './matrix';

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1 });
const settingsArb: fc.Arbitrary<ExplorerSettings> = fc.record({
  axes: fc.record({
    protocol: subset([4, 5] as const),
    cleanStart: subset([false, true]),
    willDelay: fc.uniqueArray(fc.integer({ min: 0, max: LIMITS.willDelayMax }), { minLength: 1, maxLength: 6 }),
    sessionExpiry: subset(SEI_KINDS),
    keepAlive: fc.uniqueArray(fc.integer({ min: 0, max: LIMITS.keepAliveMax }), { minLength: 1, maxLength: 6 }),
    willQos: subset([0, 1, 2] as const),
    end: subset(END_KINDS),
    next: subset(NEXT_KINDS),
    profile: subset(PROFILE_IDS),
  }) as fc.Arbitrary<Axes>,
  filter: fc.record({
    kind: fc.constantFrom(...FILTER_KINDS),
    a: fc.constantFrom(...PROFILE_IDS),
    b: fc.constantFrom(...PROFILE_IDS),
  }),
});

describe('explorer links', () => {
  it('encode the defaults as a short, readable fragment (every profile)', () => {
    const f = settingsFragment(defaultSettings());
    expect(f).toBe(
      '#explore=v1;p:4,5;cs:0,1;wd:0,5,30;se:absent,short,long,never;ka:0,10;q:1;' +
        'end:drop,silence,disconnect00,disconnect04,disconnectError,disconnect04Sei0,disconnect04SeiLong,takeoverCs0,takeoverCs1,protocolError;' +
        `next:none,beforeCs0,beforeCs1,afterCs0,afterCs1;prof:${PROFILE_IDS.join(',')};f:all`,
    );
    expect(f.length).toBeLessThan(MAX_LINK_CHARS);
  });

  it('round-trip any settings (axes in canonical order)', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const d = decodeSettings(settingsFragment(s));
        expect(d.problems).toEqual([]);
        expect(d.settings.axes).toEqual(normalizeAxes(s.axes));
        expect(d.settings.filter.kind).toBe(s.filter.kind);
        if (s.filter.kind === 'differ') expect(d.settings.filter).toEqual(s.filter);
      }),
    );
  });

  it('are found in a full URL, next to other fragment parameters', () => {
    const s: ExplorerSettings = {
      axes: { ...defaultAxes(), protocol: [5], keepAlive: [60] },
      filter: { kind: 'differ', a: 'spec', b: 'nanomq-0.23.2' },
    };
    const d = decodeSettings(`https://example.test/app/?x=1#s=abc&${encodeSettings(s)}&other=2`);
    expect(d.problems).toEqual([]);
    expect(d.settings).toEqual(s);
  });

  it('take defaults for what they leave out', () => {
    const d = decodeSettings('#explore=v1;p:5');
    expect(d.problems).toEqual([]);
    expect(d.settings.axes).toEqual({ ...defaultAxes(), protocol: [5] });
  });

  it('drop what they do not understand and say so', () => {
    const d = decodeSettings('#explore=v1;p:5,6;wd:10,99999,x;zz:1;end:silence,boom;f:differ,spec,acme');
    expect(d.settings.axes.protocol).toEqual([5]);
    expect(d.settings.axes.willDelay).toEqual([10]);
    expect(d.settings.axes.end).toEqual(['silence']);
    expect(d.settings.filter.kind).toBe('all');
    expect(d.problems).toEqual([
      { kind: 'badValue', key: 'p', value: '6' },
      { kind: 'badValue', key: 'wd', value: '99999' },
      { kind: 'badValue', key: 'wd', value: 'x' },
      { kind: 'unknownKey', key: 'zz' },
      { kind: 'badValue', key: 'end', value: 'boom' },
      { kind: 'badValue', key: 'f', value: 'differ,spec,acme' },
    ]);
  });

  it('keep an axis at its default when none of its values is usable', () => {
    const d = decodeSettings('#explore=v1;prof:acme;cs:');
    expect(d.settings.axes.profile).toEqual(PROFILE_IDS);
    expect(d.settings.axes.cleanStart).toEqual([false, true]);
    expect(d.problems.map((p) => p.kind)).toEqual(['badValue', 'badValue']);
  });

  it('refuse other versions, other fragments and very long input, with defaults', () => {
    expect(decodeSettings('#explore=v9;p:5')).toEqual({
      settings: defaultSettings(),
      problems: [{ kind: 'version', version: 'v9' }],
    });
    expect(decodeSettings('#s=scenario-link').problems).toEqual([{ kind: 'format' }]);
    expect(decodeSettings(`#explore=v1;${'p:5;'.repeat(600)}`).problems).toEqual([
      { kind: 'tooLong', max: MAX_LINK_CHARS },
    ]);
    expect(decodeSettings(42).problems).toEqual([{ kind: 'format' }]);
  });

  it('never throw, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        for (const input of [tail, `#explore=${tail}`, `#explore=v1;${tail}`]) {
          const d = decodeSettings(input);
          expect(normalizeAxes(d.settings.axes)).toEqual(d.settings.axes);
        }
      }),
    );
    expect(decodeSettings('#explore=v1;p:%E0%A4%A;wd:%').settings.axes.protocol).toEqual([4, 5]);
  });
});
