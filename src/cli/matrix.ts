import { PROFILE_IDS, profileById } from '../engine/profiles';
import {
  type Axes,
  axesProblems,
  END_KINDS,
  NEXT_KINDS,
  normalizeAxes,
  QOS_VALUES,
  SEI_KINDS,
  seiSeconds,
} from '../explorer/axes';
import { matrixBenchmark } from '../explorer/bench';
import { matrixToCsv } from '../explorer/csv';
import { decodeSettings, defaultSettings, type ExplorerSettings } from '../explorer/link';
import { FILTER_KINDS, type FilterKind, type Matrix, matchingCells } from '../explorer/matrix';
import { presentCell } from '../explorer/present';
import { computeMatrix } from '../explorer/run';
import { parseCommand } from './args';
import { fail } from './io';
import { words } from './lang';

/**
 * npm run matrix -- [axes options] [--filter F] [--compare A,B] [--csv] [--bench] [--link L]
 * Computes the explorer's matrix headless, with the same module and the same cells as the page:
 * a readable table by default, CSV with --csv (the page's "Export CSV" gives the same text).
 */
const cat = words.explorer;
const AXIS = (value: string) => ({ type: 'string', value }) as const;
const { values: flags } = parseCommand({
  command: 'matrix',
  options: {
    protocol: AXIS('4,5'),
    'clean-start': AXIS('0,1'),
    'will-delay': AXIS('S,...'),
    'session-expiry': AXIS('K,...'),
    'keep-alive': AXIS('S,...'),
    'will-qos': AXIS('Q,...'),
    end: AXIS('E,...'),
    next: AXIS('N,...'),
    profile: AXIS('P,...'),
    link: AXIS('L'),
    filter: AXIS('F'),
    compare: AXIS('A,B'),
    csv: { type: 'boolean' },
    bench: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0, name: '' },
  optionsHelp: cat.cli.usage,
});
type Flag = Exclude<keyof typeof flags, 'csv' | 'bench'>;

function list(flag: Flag): string[] | null {
  const v = flags[flag];
  if (v === undefined) return null;
  return v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

function mapValues<T>(flag: Flag, parse: (v: string) => T | undefined, allowed: string): T[] | null {
  const values = list(flag);
  if (values === null) return null;
  return values.map((v) => {
    const x = parse(v);
    if (x === undefined) fail(cat.cli.error.notOneOf(flag, v, allowed));
    return x;
  });
}

const oneOf =
  <T extends string>(xs: readonly T[]) =>
  (v: string) =>
    (xs as readonly string[]).includes(v) ? (v as T) : undefined;
const int = (v: string) => (/^\d+$/.test(v) ? Number(v) : undefined);

let settings: ExplorerSettings = defaultSettings();
const link = flags.link;
if (link !== undefined) {
  const d = decodeSettings(link);
  for (const p of d.problems) process.stderr.write(`${cat.cli.error.link(cat.linkProblem(p))}\n`);
  settings = d.settings;
}

const a: Axes = { ...settings.axes };
a.protocol =
  mapValues(
    'protocol',
    (v) => (v === '4' || v === '3.1.1' ? 4 : v === '5' || v === '5.0' ? 5 : undefined) as 4 | 5 | undefined,
    cat.cli.allowed.protocol,
  ) ?? a.protocol;
a.cleanStart =
  mapValues(
    'clean-start',
    (v) => (v === '0' || v === 'false' ? false : v === '1' || v === 'true' ? true : undefined),
    '0, 1',
  ) ?? a.cleanStart;
a.willDelay = mapValues('will-delay', int, cat.cli.allowed.seconds) ?? a.willDelay;
a.sessionExpiry = mapValues('session-expiry', oneOf(SEI_KINDS), SEI_KINDS.join(', ')) ?? a.sessionExpiry;
a.keepAlive = mapValues('keep-alive', int, cat.cli.allowed.seconds) ?? a.keepAlive;
a.willQos = mapValues('will-qos', (v) => QOS_VALUES.find((q) => String(q) === v), QOS_VALUES.join(', ')) ?? a.willQos;
a.end = mapValues('end', oneOf(END_KINDS), END_KINDS.join(', ')) ?? a.end;
a.next = mapValues('next', oneOf(NEXT_KINDS), NEXT_KINDS.join(', ')) ?? a.next;
a.profile = mapValues('profile', (v) => profileById(v)?.id, PROFILE_IDS.join(', ')) ?? a.profile;

const problems = axesProblems(a);
if (problems.length > 0) fail(problems.map((p) => cat.problem(p)).join('\n'));
const axes = normalizeAxes(a);

let filter = settings.filter;
const f = flags.filter;
if (f !== undefined) {
  if (!(FILTER_KINDS as readonly string[]).includes(f)) fail(cat.cli.error.filter(FILTER_KINDS.join(', ')));
  filter = { ...filter, kind: f as FilterKind };
}
const compare = list('compare');
if (compare !== null) {
  const [x, y] = compare;
  if (compare.length !== 2 || !x || !y || !profileById(x) || !profileById(y))
    fail(cat.cli.error.compare(PROFILE_IDS.join(',')));
  filter = { ...filter, a: x, b: y };
}

// Output is written once and the process ends by itself: process.exit() right after a large
// write to a pipe would cut the output short.
process.stdout.write(output());

function output(): string {
  if (flags.bench) {
    const r = matrixBenchmark({ axes });
    return `${cat.cli.bench(r.cells, r.ms, r.cellsPerSecond, r.coldMs)}\n`;
  }
  const t0 = performance.now();
  const m = computeMatrix(axes);
  const ms = performance.now() - t0;
  const shown = matchingCells(m, filter);
  if (flags.csv) return matrixToCsv(m, cat, shown);
  return table(m, shown, ms);
}

function table(m: Matrix, shown: number[], ms: number): string {
  const h = cat.cli.header;
  const head = [
    h.protocol,
    h.cleanStart,
    h.willDelay,
    h.sessionExpiry,
    h.keepAlive,
    h.willQos,
    h.end,
    h.next,
    h.profile,
    h.will,
    h.sessionPresent,
    h.offline,
    h.why,
  ];
  const rows: string[][] = shown.map((i) => {
    const c = m.cells[i];
    const o = m.outcomes[i];
    if (!c || !o) return [];
    const p = presentCell(o, cat);
    return [
      cat.value.protocol(c.protocol),
      cat.value.cleanStart(c.cleanStart),
      cat.value.willDelay(c.willDelay),
      cat.value.sessionExpiry(c.sessionExpiry, c.protocol === 5 ? seiSeconds(c.sessionExpiry, c.willDelay) : null),
      cat.value.keepAlive(c.keepAlive),
      cat.value.willQos(c.willQos),
      cat.value.end(c.end, c.protocol),
      cat.value.next(c.next),
      profileById(c.profile)?.id ?? c.profile,
      `${p.symbol} ${p.main}`,
      p.sessionPresent || '—',
      p.offline || '—',
      `${p.reason}${p.deviation ? ` ${cat.cell.deviation}` : ''}`,
    ];
  });
  const widths = head.map((t, k) => Math.max(t.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((t, k) => (k === cells.length - 1 ? t : t.padEnd(widths[k] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const filterText =
    filter.kind === 'differ' ? `${cat.filter.kind.differ} (${filter.a} / ${filter.b})` : cat.filter.kind[filter.kind];
  out.push('', cat.cli.summary(m.cells.length, ms, filter.kind === 'all' ? null : shown.length, filterText));
  return `${out.join('\n')}\n`;
}
