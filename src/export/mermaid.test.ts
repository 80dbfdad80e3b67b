import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileById } from '../engine/profiles';
import { simulate } from '../engine/sim';
import type { Scenario } from '../engine/types';
import { en } from '../i18n/en';
import { exportEn } from '../i18n/export-en';
import { parseScenario } from '../scenario/validate';
import fixtures from '../share/fixtures/links.json';
import typical from '../share/fixtures/typical-3-clients.json';
import { scenarioFileArb } from '../test/arbitraries';
import { mermaidText, toMermaid } from './mermaid';

const scenarioOf = (file: unknown): Scenario => {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const diagram = (sc: Scenario, opts = {}) =>
  toMermaid(sc, simulate(sc, { profile: profileById(sc.profile) }), { cat: en, ex: exportEn, ...opts });

/** What Mermaid shows for a text: its entity codes (#59;) decoded. */
const shown = (s: string) => s.replace(/#(\d+);/g, (_m, n) => String.fromCodePoint(Number(n)));

/**
 * The lines of a sequence diagram this export may write. Mermaid's lexer reads message and note
 * text as `[^#\n;]+` and alias text as `[^#\n;]*`, so a raw `#` or `;` in text would break the
 * diagram; `<`, `>`, `&` would be read as HTML.
 */
const TEXT = String.raw`(?:[^#;\n<>&]|#\d+;)+`;
const GRAMMAR = [
  /^%% .*$/,
  /^sequenceDiagram$/,
  new RegExp(String.raw`^  participant (C\d+|B|O|S) as ${TEXT}$`),
  new RegExp(String.raw`^  (C\d+|B)(->>|-->>)(C\d+|B|O|S): ${TEXT}$`),
  new RegExp(String.raw`^  Note over (C\d+|B|O|S): ${TEXT}$`),
];
const grammatical = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .filter((l) => !GRAMMAR.some((g) => g.test(l)));

describe('Mermaid sequence diagram of a run', () => {
  const sc = scenarioOf(typical);
  const text = diagram(sc);
  const lines = text.trimEnd().split('\n').map(shown);

  it('is a sequence diagram with the clients, the broker and the observer as participants', () => {
    expect(lines.slice(1, 7)).toEqual([
      'sequenceDiagram',
      '  participant C1 as sensor-a',
      '  participant C2 as sensor-b',
      '  participant C3 as gateway',
      '  participant B as broker',
      '  participant O as observer',
    ]);
  });

  it('draws packets as arrows and deliveries to the observer', () => {
    expect(lines).toContain('  C1->>B: 0.000 s CONNECT (Clean Start 0, Keep Alive 30, will, Session Expiry 300)');
    expect(lines).toContain('  B-->>C1: 25.000 s CONNACK (Session Present 1)');
    expect(lines).toContain('  C3->>B: 40.000 s DISCONNECT (0x04)');
    expect(lines).toContain(
      '  B->>O: 38.500 s PUBLISH "plant/line-1/sensor-b/status" "offline" QoS 1, RETAIN 1 (will of sensor-b#1)',
    );
  });

  it('notes what became of each will, and the timers', () => {
    expect(lines).toContain('  Note over B: 25.000 s — will of sensor-a#1 cancelled ("plant/line-1/sensor-a/status")');
    expect(lines).toContain('  Note over B: 38.500 s — will of sensor-b#1 published ("plant/line-1/sensor-b/status")');
    expect(lines).toContain('  Note over B: 40.000 s — Will Delay timer of gateway started, due at 70.000 s');
    expect(lines).toContain('  Note over B: 70.000 s — Will Delay timer of gateway ran out');
    expect(lines).toContain('  Note over B: 38.500 s — connection sensor-b#1 closed: keep-alive timeout');
    expect(lines).toContain('  Note over C2: 30.000 s — keep-alive silence');
  });

  it('keeps time order and leaves out pings unless asked', () => {
    const times = lines.flatMap((l) => /: (\d+\.\d{3}) s/.exec(l)?.slice(1) ?? []).map(Number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(text).not.toContain('PINGREQ');
    expect(diagram(sc, { pings: true })).toContain('C2->>B: 16.000 s PINGREQ');
  });

  it('stops at maxLines with a note', () => {
    const short = diagram(sc, { maxLines: 5 }).trimEnd().split('\n');
    expect(short.length).toBe(7 + 5 + 1);
    expect(short.at(-1)).toMatch(/truncated/);
  });

  it('encodes hostile names, topics and payloads so they stay text', () => {
    const every = fixtures.links.find((f) => f.name === 'every-field');
    const hostile = diagram(scenarioOf(every?.scenario));
    expect(grammatical(hostile), hostile).toEqual([]);
    expect(hostile).not.toMatch(/<img|<script/);
    expect(shown(hostile)).toContain('participant C1 as dev <img src=x onerror=alert(1)>');
    expect(mermaidText('a;b#c<d>&\ne')).toBe('a#59;b#35;c#60;d#62;#38; ⏎ e');
  });

  it('writes only lines of the sequence grammar, for any scenario', () => {
    fc.assert(
      fc.property(scenarioFileArb, (file) => {
        expect(grammatical(diagram(scenarioOf(file), { pings: true, acks: true }))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Mermaid header', () => {
  it('treats a blank title as no title (found by the grammar property)', () => {
    const file = {
      format: 'mqtt-will-lab/scenario',
      version: 1,
      title: ' ',
      clients: [{ name: 'dev', clientId: 'dev', cleanStart: false, keepAlive: 0 }],
      steps: [],
      end: 0,
    };
    const first = diagram(scenarioOf(file as never), {}).split('\n')[0];
    expect(first).toBe('%% MQTT Will Lab scenario, broker profile Strict spec');
  });
});
