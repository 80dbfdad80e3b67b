import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/sim';
import { willFates } from '../engine/trace';
import { loadDocumentText } from './load';

// Example files and the example in docs/scenario-format.md must stay valid and do what they say.
const dir = new URL('../../scenarios/', import.meta.url);

describe('example scenarios', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it.each(files)('%s loads and runs', (f) => {
    const r = loadDocumentText(readFileSync(new URL(f, dir), 'utf8'));
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (r.ok && r.value.kind === 'scenario') expect(simulate(r.value.scenario).trace.length).toBeGreaterThan(0);
  });

  it('the documented example publishes the sensor will at the drop (Session Expiry 0 beats Will Delay 30)', () => {
    const r = loadDocumentText(readFileSync(new URL('sensor-drop.json', dir), 'utf8'));
    if (!r.ok || r.value.kind !== 'scenario') throw new Error('example does not load');
    const fate = willFates(simulate(r.value.scenario).trace).find((f) => f.from === 'sensor');
    expect([fate?.fate, fate?.at]).toEqual(['published', 5000]);
  });
});
