import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { en } from '../i18n/en';
import { shareEn } from '../i18n/share-en';
import { scenarioProblems } from '../scenario/fields';
import { loadDocumentText } from '../scenario/load';
import { parseScenario } from '../scenario/validate';
import { AUTOSAVE_KEY, readAutosave, type StorageLike } from '../share/autosave';
import { toBase64Url } from '../share/base64url';
import { bootScenario } from '../share/boot';
import { canonicalJson } from '../share/canonical';
import { decodeLink, encodeScenario, shareLink } from '../share/codec';
import { describeLinkError, problemLine } from '../share/describe';
import { mutateAt, scenarioFileArb } from './arbitraries';

/**
 * The fuzzer of every entrance (issue 15): links, files and the autosave, fed seeded random and
 * mutated inputs. A finding is an exception that escaped, an input slower than `slowMs`, an
 * accepted scenario that the loader would not read back, or a message that echoes too much.
 * `npm run fuzz` runs 100,000 inputs; src/share/fuzz.test.ts runs a few thousand in `npm test`.
 * Test tooling (src/test): it starts from the fast-check scenarios of ./arbitraries.
 */

export type Entrance = 'link' | 'file' | 'autosave';

export interface Finding {
  entrance: Entrance;
  kind: 'exception' | 'slow' | 'notReadBack' | 'longMessage';
  detail: string;
  /** The input, shortened. */
  input: string;
  ms: number;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  byEntrance: Record<Entrance, number>;
  accepted: number;
  findings: Finding[];
  maxMs: number;
  totalMs: number;
}

/** The longest message line an input may produce (a value is quoted shortened, never whole). */
const MAX_LINE = 2_000;

/** A small seeded generator (xorshift32): the same seed, the same inputs. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T };
}
type Rng = ReturnType<typeof rng>;

const NASTY_STRINGS = [
  '',
  '\u0000',
  'a\ud800b',
  '\udfff',
  '😀',
  '\u001b[2J\u001b]0;x\u0007',
  '\u202eevil',
  '__proto__',
  'constructor',
  '$observer',
  '__observer__',
  '+/#',
  '#',
  'a/+/b',
  '<script>alert(1)</script>',
  'é'.repeat(9000),
  'x'.repeat(70_000),
];
const NASTY_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  0.5,
  1e308,
  -1e308,
  2 ** 53,
  4294967296,
  65536,
  [],
  {},
  { __proto__: { x: 1 } },
  ...NASTY_STRINGS,
];

/** A JSON text nested `depth` levels deep. */
const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

function mutateText(r: Rng, text: string): string {
  const at = r.int(text.length + 1);
  switch (r.int(9)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + r.int(20));
    case 2:
      return text.slice(0, at) + r.pick(NASTY_STRINGS).slice(0, 50) + text.slice(at);
    case 3:
      return text.slice(0, at) + String.fromCharCode(r.int(0x10000)) + text.slice(at + 1);
    case 4:
      return text.slice(0, at) + text.slice(at, at + 1 + r.int(40)) + text.slice(at);
    case 5:
      return text.replace('v1.', `v${r.pick(['0', '2', '999999999', '', 'x', '1.1'])}.`);
    case 6: {
      const c = text.charAt(at);
      return text.slice(0, at) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + text.slice(at + 1);
    }
    case 7:
      return text.slice(0, at) + nested(1 + r.int(6000)) + text.slice(at);
    default:
      try {
        return encodeURIComponent(text);
      } catch {
        return text;
      }
  }
}

function mutateValue(r: Rng, value: unknown): unknown {
  const path = Array.from({ length: r.int(6) }, () => r.int(1000));
  const k = r.int(10);
  const replacement =
    k === 0
      ? JSON.parse(nested(1 + r.int(300)))
      : k === 1
        ? Array.from({ length: r.pick([51, 2001, 3]) }, () => ({ t: 0, client: 'x', action: 'connect' }))
        : r.pick(NASTY_VALUES);
  return mutateAt(value, path, replacement);
}

/** A document's JSON with one value, at a random path, replaced by lists nested up to 6,000 deep. */
function deepText(r: Rng, value: unknown): string {
  const path = Array.from({ length: r.int(7) }, () => r.int(1000));
  const marked = JSON.stringify(mutateAt(value, path, '@@deep@@')) ?? '';
  const depth = 1 + r.int(6000);
  return marked.replace('"@@deep@@"', r.int(2) === 0 ? nested(depth) : `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`);
}

const v1Of = (text: string) => `#s=v1.${toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 6 }))}`;

function memory(text: string | null): StorageLike {
  const data = new Map<string, string>(text === null ? [] : [[AUTOSAVE_KEY, text]]);
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const short = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s);

/** Runs `count` inputs from `seed`. Never throws: everything wrong is a finding. */
export function runFuzz({
  count,
  seed = 15,
  slowMs = 2000,
  now = () => performance.now(),
}: {
  count: number;
  seed?: number;
  slowMs?: number;
  now?: () => number;
}): FuzzReport {
  const bases = baseScenarios(seed, count);
  const fallback = () => {
    const p = parseScenario(bases[0]);
    if (!p.ok) throw new Error('the first generated scenario does not load');
    return p.value;
  };
  const fallbackScenario = fallback();
  const report: FuzzReport = {
    seed,
    inputs: 0,
    byEntrance: { link: 0, file: 0, autosave: 0 },
    accepted: 0,
    findings: [],
    maxMs: 0,
    totalMs: 0,
  };
  const t0 = now();

  const check = (entrance: Entrance, input: string, body: () => string[] | null) => {
    report.inputs++;
    report.byEntrance[entrance]++;
    const start = now();
    let lines: string[] | null = null;
    try {
      lines = body();
    } catch (e) {
      report.findings.push({
        entrance,
        kind: 'exception',
        detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        input: short(input),
        ms: now() - start,
      });
    }
    const ms = now() - start;
    report.maxMs = Math.max(report.maxMs, ms);
    if (ms > slowMs)
      report.findings.push({ entrance, kind: 'slow', detail: `${ms.toFixed(0)} ms`, input: short(input), ms });
    const long = lines?.find((l) => l.length > MAX_LINE);
    if (long) report.findings.push({ entrance, kind: 'longMessage', detail: short(long), input: short(input), ms });
  };

  /** An accepted scenario must load again from its own file and link, exactly. */
  const readBack = (entrance: Entrance, input: string, sc: ReturnType<typeof fallback>) => {
    report.accepted++;
    const problems = scenarioProblems(sc);
    const again = decodeLink(`#s=${encodeScenario(sc)}`);
    if (problems.length > 0 || !again.ok)
      report.findings.push({
        entrance,
        kind: 'notReadBack',
        detail: problems.map((p) => problemLine(p, en)).join('; ') || (again.ok ? '' : again.error.code),
        input: short(input),
        ms: 0,
      });
  };

  const link = (text: string) =>
    check('link', text, () => {
      const res = decodeLink(text);
      if (res.ok) {
        readBack('link', text, res.scenario);
        return [];
      }
      if (res.error.params.internal) throw new Error(`decoder: ${String(res.error.params.detail)}`);
      const d = describeLinkError(res.error, shareEn, en);
      return [d.message, ...d.details];
    });
  const file = (text: string) =>
    check('file', text, () => {
      const res = loadDocumentText(text);
      if (res.ok) {
        if (res.value.kind === 'scenario') readBack('file', text, res.value.scenario);
        return [];
      }
      return res.problems.map((p) => problemLine(p, en));
    });
  const autosave = (text: string, hash: string) =>
    check('autosave', text, () => {
      const saved = readAutosave(memory(text));
      if (saved.status === 'ok') readBack('autosave', text, saved.scenario);
      const boot = bootScenario({ hash, storage: memory(text), fallback: fallbackScenario }, shareEn, en);
      return [boot.message ?? '', ...boot.details];
    });

  for (const input of fuzzInputs({ count, seed, bases })) {
    if (input.entrance === 'autosave') autosave(input.text, input.hash);
    else if (input.entrance === 'link') link(input.text);
    else file(input.text);
  }
  report.totalMs = now() - t0;
  return report;
}

/** One input for one entrance; an autosave comes with the address the page opened with. */
export type FuzzInput =
  | { entrance: 'link' | 'file'; text: string }
  | { entrance: 'autosave'; text: string; hash: string };

/** Valid scenario files to start from (fast-check, seeded), then mutated by our own generator. */
function baseScenarios(seed: number, count: number): unknown[] {
  return fc.sample(scenarioFileArb, { seed, numRuns: Math.min(500, Math.max(20, Math.ceil(count / 50))) });
}

/** The seeded inputs: the same seed and count, the same inputs (also sampled by the browser test). */
export function* fuzzInputs({
  count,
  seed = 15,
  bases = baseScenarios(seed, count),
}: {
  count: number;
  seed?: number;
  bases?: unknown[];
}): Generator<FuzzInput> {
  const r = rng(seed);
  for (let n = 0; n < count; n++) {
    const base = r.pick(bases);
    const kind = r.int(12);
    if (kind < 3) {
      // A valid scenario's link, mutated 0-3 times.
      const p = parseScenario(base);
      let text = p.ok ? shareLink(p.value, 'https://example.org/lab/') : '#s=v1.';
      for (let i = r.int(4); i > 0; i--) text = mutateText(r, text);
      yield { entrance: 'link', text };
    } else if (kind < 5) {
      // A link whose (valid) compression holds a mutated document.
      const { format: _f, ...rest } = (mutateValue(r, base) ?? {}) as Record<string, unknown>;
      const k = r.int(8);
      const json = k === 0 ? mutateText(r, JSON.stringify(rest)) : k === 1 ? deepText(r, rest) : JSON.stringify(rest);
      yield { entrance: 'link', text: v1Of(json) };
    } else if (kind < 6) {
      // Garbage links: random characters after a plausible prefix, and well-packed non-scenarios.
      const prefix = r.pick(['', '#', '#s=', '#s=v1.', 'v1.', 'https://h/#s=v1.', '%23s%3Dv1.', '#s=v2.']);
      const len = r.int(200);
      let body = '';
      for (let i = 0; i < len; i++) body += String.fromCharCode(r.int(4) === 0 ? r.int(0x10000) : 0x20 + r.int(95));
      yield { entrance: 'link', text: r.int(3) === 0 ? v1Of(body) : prefix + body };
    } else if (kind < 9) {
      // Files: mutated documents, mutated text, case lists, deep nesting, a byte order mark.
      const doc = mutateValue(r, base);
      let text =
        JSON.stringify(r.int(4) === 0 ? [{ id: 'c', title: 't', protocol: 5, ...(doc as object) }] : doc) ?? '';
      if (r.int(3) === 0) text = mutateText(r, text);
      if (r.int(10) === 0) text = `\ufeff${text}`;
      if (r.int(20) === 0) text = nested(1 + r.int(10_000), r.pick(['[', '{"a":']), r.pick([']', '}']));
      else if (r.int(8) === 0) text = deepText(r, doc);
      yield { entrance: 'file', text };
    } else {
      // The autosave (with the boot that reads it): saved text of valid or mutated scenarios.
      const p = parseScenario(base);
      let text = p.ok ? canonicalJson(p.value) : '{}';
      const k = r.int(8);
      if (k < 3) text = mutateText(r, text);
      else if (k < 5) text = JSON.stringify(mutateValue(r, JSON.parse(text))) ?? '';
      else if (k === 5) text = deepText(r, JSON.parse(text));
      const hash = r.int(4) === 0 ? mutateText(r, '#s=v1.AAAA') : '';
      yield { entrance: 'autosave', text, hash };
    }
  }
}
