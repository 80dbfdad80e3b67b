import { describe, expect, it } from 'vitest';
import { profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { willFates } from '../engine/trace/fates';
import { EXAMPLES } from './examples';

describe('the NanoMQ examples (nanomq#1989)', () => {
  const fate = (key: string, profileId?: string) => {
    const sc = (EXAMPLES[key] as () => ReturnType<(typeof EXAMPLES)['default']>)();
    const profile = profileId === undefined ? (profileById(sc.profile) ?? SPEC) : (profileById(profileId) ?? SPEC);
    return willFates(simulate(sc, { profile }).trace).find((f) => f.from === 'sensor');
  };

  it('0.23.2 withholds the will, 0.23.3 publishes it at the next tick of the connection timer, the spec at the drop', () => {
    expect(fate('nanomq')?.fate).toBe('withheld');
    expect(fate('nanomq0233')).toMatchObject({ fate: 'published', at: 25_000 });
    expect(fate('nanomq', 'spec')).toMatchObject({ fate: 'published', at: 20_000 });
  });
});
