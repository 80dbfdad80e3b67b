import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realBrokerEn } from '../../i18n/realbroker';
import { parseCaseFile } from '../../scenario/cases';
import type { Difference } from '../../scenario/compare';
import { compareRun } from '../../scenario/compare';
import { simulate } from '../sim';

const line = (d: Difference) => realBrokerEn.difference(d);

// Spec cases that need broker settings, written as scenario documents with an `id` and the
// `expect`ed FORMAT.md outcome (conformance/spec-scenarios.json, read as `npm run conformance`
// reads it): each must hold under its own profile (`spec` unless the case names one).
const parsed = parseCaseFile(
  JSON.parse(readFileSync(new URL('../../../conformance/spec-scenarios.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(`spec-scenarios.json does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);

describe("conformance/spec-scenarios.json under each case's profile", () => {
  it('holds the cases', () => {
    expect(parsed.value.length).toBeGreaterThanOrEqual(13);
  });
  it.each(parsed.value.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const wanted = c.expect;
    if (!wanted) throw new Error('case without an expect outcome');
    expect(compareRun(simulate(c.scenario), wanted)).toEqual([]);
  });
  it('an expected delivery list can fail: a resend expected without DUP, or a delivery too many', () => {
    const c = parsed.value.find((x) => x.id === 'spec-4.4.0-1-inflight-resent-dup');
    const wanted = c?.expect;
    if (!c || !wanted?.received?.sub) throw new Error('the DUP case is missing');
    const [first, resend] = wanted.received.sub;
    if (!first || !resend) throw new Error('the DUP case lists two deliveries');
    const run = simulate(c.scenario);
    expect(compareRun(run, { ...wanted, received: { sub: [first, { ...resend, dup: false }] } }).map(line)).toEqual([
      'sub: delivery 2 is data/a "sent" qos 1 DUP at 20.000 s, wanted data/a "sent" qos 1 at 20.000 s',
    ]);
    expect(compareRun(run, { ...wanted, received: { sub: [first] } }).map(line)).toEqual([
      'sub: unexpected delivery 2, data/a "sent" qos 1 DUP at 20.000 s',
    ]);
  });
  it('an expected delivery fails when its User Properties come in another order [MQTT-3.1.3-10]', () => {
    const c = parsed.value.find((x) => x.id === 'spec-3.1.3-10-will-properties-reach-subscriber');
    const w = c?.expect?.received?.sub?.[0];
    const users = w?.props?.userProperties;
    if (!c?.expect || !w || !users) throw new Error('the will properties case is missing');
    const swapped = { ...w, props: { ...w.props, userProperties: [...users].reverse() } };
    const lines = compareRun(simulate(c.scenario), { ...c.expect, received: { sub: [swapped] } }).map(line);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sub: delivery 1 is .*"north".*"south".*, wanted .*"south".*"north"/);
  });
});
