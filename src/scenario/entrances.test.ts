import { deflateSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { en } from '../i18n/en';
import { shareEn } from '../i18n/share-en';
import { readAutosave } from '../share/autosave';
import { toBase64Url } from '../share/base64url';
import { canonicalJson } from '../share/canonical';
import { decodeLink, scenarioFragment } from '../share/codec';
import { describeLinkError, problemLine } from '../share/describe';
import { AUTOSAVE_KEY, type StorageLike } from '../share/storage';
import { createScenarioStore, setEditCheck } from '../store/scenario';
import { fieldProblem, scenarioProblems } from './fields';
import { loadDocumentText } from './load';
import type { Problem } from './problems';

/** A problem in English words, as a person reads it. */
const message = (p: Problem | null | undefined) => (p ? en.problem[p.code](p.params) : undefined);

// Issue 15, "Work is lost": the editor, the link, the file and the autosave answer alike.

const memory = (entries: Record<string, string> = {}): StorageLike & { data: Map<string, string> } => {
  const data = new Map(Object.entries(entries));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
};

/** What a reload would make of the scenario: its link, its file and its autosave. */
function reloads(sc: Scenario) {
  const link = decodeLink(`#${scenarioFragment(sc)}`);
  const file = loadDocumentText(canonicalJson(sc));
  const saved = readAutosave(memory({ [AUTOSAVE_KEY]: canonicalJson(sc) }));
  return { link: link.ok, file: file.ok, autosave: saved.status === 'ok' };
}

describe('the editor cannot make what the loader refuses', () => {
  beforeAll(() => setEditCheck(scenarioProblems));
  afterAll(() => setEditCheck(null));

  const edits: [string, (s: ReturnType<typeof createScenarioStore>) => void][] = [
    ['a 501-character title', (s) => s.getState().titleChanged('t'.repeat(501))],
    [
      'a Client Identifier of 257 bytes',
      (s) => s.getState().clientSettingsChanged('device', { clientId: 'i'.repeat(257) }),
    ],
    [
      "a Client Identifier starting with the observer's reserved id",
      (s) => s.getState().clientSettingsChanged('device', { clientId: '__observer__1' }),
    ],
    [
      'a will payload over 16 KiB in UTF-8 (8,193 characters)',
      (s) => {
        const will = s.getState().scenario.clients[0]?.will;
        if (will) s.getState().willChanged('device', { ...will, payload: 'é'.repeat(8193) });
      },
    ],
    ['a Client Identifier with U+0000', (s) => s.getState().clientSettingsChanged('device', { clientId: 'a\u0000b' })],
    [
      'a will topic with a lone surrogate',
      (s) => {
        const will = s.getState().scenario.clients[0]?.will;
        if (will) s.getState().willChanged('device', { ...will, topic: 'a/\ud800' });
      },
    ],
    [
      'a 51st client',
      (s) => {
        while (s.getState().scenario.clients.length < 50) s.getState().clientAdded('device');
        expect(reloads(s.getState().scenario)).toEqual({ link: true, file: true, autosave: true });
        expect(s.getState().clientAdded('device')).toBe('');
      },
    ],
    [
      'a 2,001st step',
      (s) => {
        const sc = s.getState().scenario;
        const kicks = Array.from({ length: 2000 - sc.steps.length }, (_, i) => ({
          t: 1 + i / 1000,
          action: 'kick' as const,
          client: 'device',
        }));
        s.getState().scenarioLoaded({ ...sc, steps: [...sc.steps, ...kicks] });
        expect(s.getState().scenario.steps).toHaveLength(2000);
        s.getState().stepInjected(3000, { action: 'kick', client: 'device' });
      },
    ],
  ];

  for (const [what, make] of edits)
    it(`${what}: the edit is refused with the loader's problem, and the scenario still reloads`, () => {
      const store = createScenarioStore();
      make(store);
      const sc = store.getState().scenario;
      expect(reloads(sc)).toEqual({ link: true, file: true, autosave: true });
      expect(store.getState().refused?.problems.length).toBeGreaterThan(0);
    });

  it('the fields use the same rules, in bytes where MQTT counts bytes', () => {
    expect(fieldProblem('title', 't'.repeat(500))).toBeNull();
    expect(message(fieldProblem('title', 't'.repeat(501)))).toBe('must be at most 500 characters');
    expect(fieldProblem('payload', 'x'.repeat(16_384))).toBeNull();
    expect(message(fieldProblem('payload', 'é'.repeat(8193)))).toBe(
      'is 16,386 bytes in UTF-8; at most 16,384 bytes are accepted',
    );
    expect(fieldProblem('clientId', '__offline__')?.code).toBe('reservedClientId');
    expect(fieldProblem('clientId', 'a\u0000')?.code).toBe('nullChar');
    expect(fieldProblem('topic', 'a\udc00')?.code).toBe('loneSurrogate');
    expect(fieldProblem('topic', 'a/😀')).toBeNull();
    expect(fieldProblem('userPropertyName', 'k\u0000')?.code).toBe('nullChar');
    expect(fieldProblem('payload', 'binary \u0000 is fine')).toBeNull();
  });
});

const file = (over: Record<string, unknown>) =>
  JSON.stringify({
    format: 'mqtt-will-lab/scenario',
    version: 1,
    clients: [{ name: 'dev', clientId: 'dev', cleanStart: true, keepAlive: 0 }],
    steps: [],
    end: 10,
    ...over,
  });
const paths = (text: string) => {
  const r = loadDocumentText(text);
  return r.ok ? [] : r.problems.map((p) => problemLine(p, en));
};

describe('the loader: MQTT string rules, positions as written, short quotes', () => {
  it('refuses U+0000 and lone surrogates in topics, Client Identifiers and user properties [MQTT-1.5.4-1], [MQTT-1.5.4-2]', () => {
    const will = (props: unknown, topic = 'w') => ({ topic, payload: '', qos: 0, retain: false, props });
    expect(
      paths(
        file({
          clients: [
            { name: 'a', clientId: 'x\u0000', cleanStart: true, keepAlive: 0 },
            {
              name: 'b',
              clientId: 'b',
              cleanStart: true,
              keepAlive: 0,
              will: will({ userProperties: { k: 'v\u0000' } }),
            },
            { name: 'c', clientId: 'c', cleanStart: true, keepAlive: 0, will: will(null, 't/\ud83d') },
          ],
        }),
      ),
    ).toEqual([
      'clients[0].clientId: may not contain the null character U+0000 (MQTT strings never do)',
      'clients[1].will.props.userProperties.k: may not contain the null character U+0000 (MQTT strings never do)',
      'clients[2].will.topic: contains a broken character (a lone UTF-16 surrogate), which UTF-8 text cannot hold',
    ]);
  });

  it('names a step by its position in the file, not after sorting by time', () => {
    const steps = [
      { t: 5, client: 'dev', action: 'connect' },
      { t: 1, client: 'dev', action: 'drop' },
      { t: 0, client: 'ghost', action: 'connect' },
    ];
    expect(paths(file({ steps }))).toEqual(['steps[2].client: names no client (known: dev)']);
    const cases = JSON.stringify([
      {
        id: 'c',
        title: 'c',
        protocol: 5,
        clients: [],
        steps: [
          { t: 3, client: 'x', action: 'connect' },
          { t: 1, client: 'y', action: 'drop' },
        ],
        end: 5,
      },
    ]);
    expect(paths(cases)).toEqual([
      '[0].steps[0].client: names no client (known: none)',
      '[0].steps[1].client: names no client (known: none)',
    ]);
  });

  it('quotes a bad value shortened, never whole', () => {
    const huge = 'x'.repeat(1_000_000);
    for (const text of [
      JSON.stringify({ format: huge }),
      JSON.stringify({ format: 'mqtt-will-lab/scenario', version: huge }),
      `{"format": "mqtt-will-lab/scenario", ${huge}`,
      file({ title: 5, clients: [{ name: 'dev', clientId: 'dev', cleanStart: huge, keepAlive: 0 }] }),
    ]) {
      const all = paths(text).join('\n');
      expect(all.length).toBeGreaterThan(0);
      expect(all.length).toBeLessThan(400);
    }
  });
});

describe('size and depth are checked before parsing, at every entrance', () => {
  const deep = `{"a":${'['.repeat(4104)}${']'.repeat(4104)}}`;

  it('a deeply nested file (8 KB, 4,104 levels) is a problem naming it, not a stack overflow', () => {
    expect(deep.length).toBeGreaterThan(8000);
    expect(paths(deep)).toEqual([
      '(file): nests lists and objects more than 64 levels deep (at line 1, column 69); a scenario never needs that many',
    ]);
  });

  it('the same in the autosave: set aside as unreadable, with the reason', () => {
    const r = readAutosave(memory({ [AUTOSAVE_KEY]: deep }));
    expect(r.status).toBe('unreadable');
    expect(r.status === 'unreadable' && r.problems[0]?.code).toBe('tooDeep');
  });

  it('a short nested link that unpacks fine is not called "damaged": the message says what is wrong', () => {
    const json = `${'['.repeat(200)}${']'.repeat(200)}`;
    const link = `#s=v1.${toBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`;
    expect(link.length).toBeLessThan(80);
    const r = decodeLink(link);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('tooDeep');
    expect(describeLinkError(r.error, shareEn, en).message).not.toMatch(/damaged/);
    expect(describeLinkError(r.error, shareEn, en).message).toContain('more than 64 levels deep');
  });

  it('a file over 2,000,000 bytes in UTF-8 is refused by its size', () => {
    const r = loadDocumentText(`"${'é'.repeat(1_000_000)}"`);
    expect(r.ok).toBe(false);
    expect(!r.ok && message(r.problems[0])).toBe('is 2,000,002 bytes long; at most 2,000,000 bytes are accepted');
  });

  it('a byte order mark is dropped, as browsers do when they read a file', () => {
    expect(loadDocumentText(`\ufeff${file({})}`).ok).toBe(true);
  });
});
