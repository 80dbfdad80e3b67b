import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_LIST } from './profile-list';
import { profileById } from './profiles';

/**
 * What the picker says a profile was checked against is data (src/engine/profile-list.ts); these
 * figures must be the golden files' own, and a source-only point must be one of its departures.
 */
describe.each(PROFILE_LIST.map((p) => [p.id, p] as const))('profile %s', (_id, entry) => {
  const profile = profileById(entry.id);

  it('says what it was checked against, with the figures of the files', () => {
    const c = entry.checked;
    if (c.kind === 'specCases') {
      const cases = JSON.parse(readFileSync('conformance/spec-cases.json', 'utf8')) as unknown[];
      expect(c.cases).toBe(cases.length);
    } else if (c.kind === 'broker') {
      const recorded = readdirSync(c.golden)
        .filter((f) => f.endsWith('.json'))
        .flatMap(
          (f) => JSON.parse(readFileSync(join(c.golden, f), 'utf8')) as { recordedAt: string; brokerVersion: string }[],
        );
      expect(c.cases).toBe(recorded.length);
      const dates = [...new Set(recorded.map((r) => r.recordedAt.slice(0, 10)))].sort();
      expect(dates.at(-1)).toBe(c.date);
      for (const r of recorded) expect(r.brokerVersion).toContain(c.version);
    } else {
      // Never run: every departure it has is read from source only.
      expect([...entry.sourceOnly].sort()).toEqual(Object.keys(profile?.deviations ?? {}).sort());
    }
  });

  it('marks as source-only only departures the profile has', () => {
    for (const code of entry.sourceOnly) expect(profile?.deviations[code], code).toBeDefined();
  });
});
