import { PROFILE_IDS } from '../engine/profiles';
import type { ProtocolLevel } from '../engine/types';
import type { LinkProblem } from '../i18n/explorer';
import {
  type Axes,
  defaultAxes,
  END_KINDS,
  type EndKind,
  LIMITS,
  NEXT_KINDS,
  type NextKind,
  normalizeAxes,
  type Qos,
  SEI_KINDS,
  type SeiKind,
} from './axes';
import { FILTER_KINDS, type Filter, type FilterKind } from './matrix';

/**
 * The explorer's own settings in a URL fragment (docs/explorer.md):
 *
 *   #explore=v1;p:4,5;cs:0,1;wd:0,5,30;se:absent,short,long,never;ka:0,10;q:1;end:drop,...;
 *            next:none,...;prof:spec,nanomq-0.23.2;f:differ,spec,nanomq-0.23.2
 *
 * Segments are separated by ";", values by ","; every axis is written out (links keep their
 * meaning if the defaults change). Decoding never throws: a missing axis takes its default, an
 * unknown value is dropped, and every departure is reported as a {@link LinkProblem}. The
 * fragment may hold other "&"-separated parameters (e.g. a scenario link); only `explore=` is read.
 */

export interface ExplorerSettings {
  axes: Axes;
  filter: Filter;
}

export const LINK_KEY = 'explore';
export const LINK_VERSION = 'v1';
/** Longest `explore=` value read; a full link is about 250 characters. */
export const MAX_LINK_CHARS = 2000;

export function defaultFilter(): Filter {
  return { kind: 'all', a: PROFILE_IDS[0] ?? 'spec', b: PROFILE_IDS[1] ?? PROFILE_IDS[0] ?? 'spec' };
}

export function defaultSettings(): ExplorerSettings {
  return { axes: defaultAxes(), filter: defaultFilter() };
}

const KEYS = ['p', 'cs', 'wd', 'se', 'ka', 'q', 'end', 'next', 'prof', 'f'] as const;
type Key = (typeof KEYS)[number];

/** "explore=v1;p:4,5;..." (no leading "#"). */
export function encodeSettings(s: ExplorerSettings): string {
  const a = normalizeAxes(s.axes);
  const enc = (xs: readonly (string | number)[]) => xs.map((x) => encodeURIComponent(String(x))).join(',');
  const f = s.filter;
  const parts: [Key, string][] = [
    ['p', enc(a.protocol)],
    ['cs', enc(a.cleanStart.map((b) => (b ? 1 : 0)))],
    ['wd', enc(a.willDelay)],
    ['se', enc(a.sessionExpiry)],
    ['ka', enc(a.keepAlive)],
    ['q', enc(a.willQos)],
    ['end', enc(a.end)],
    ['next', enc(a.next)],
    ['prof', enc(a.profile)],
    ['f', f.kind === 'differ' ? enc(['differ', f.a, f.b]) : f.kind],
  ];
  return `${LINK_KEY}=${LINK_VERSION};${parts.map(([k, v]) => `${k}:${v}`).join(';')}`;
}

/** "#explore=v1;..." */
export function settingsFragment(s: ExplorerSettings): string {
  return `#${encodeSettings(s)}`;
}

export interface Decoded {
  settings: ExplorerSettings;
  problems: LinkProblem[];
}

/** The `explore=` value in a URL, a fragment ("#...") or the bare value; null if there is none. */
function exploreValue(input: string): string | null {
  const hash = input.indexOf('#');
  const fragment = hash >= 0 ? input.slice(hash + 1) : input;
  for (const part of fragment.split('&')) if (part.startsWith(`${LINK_KEY}=`)) return part.slice(LINK_KEY.length + 1);
  return null;
}

function safeDecode(v: string): string | null {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}

/** Reads explorer settings from a link; never throws. */
export function decodeSettings(input: unknown): Decoded {
  const problems: LinkProblem[] = [];
  const settings = defaultSettings();
  if (typeof input !== 'string') return { settings, problems: [{ kind: 'format' }] };
  const raw = exploreValue(input);
  if (raw === null) return { settings, problems: [{ kind: 'format' }] };
  if (raw.length > MAX_LINK_CHARS) return { settings, problems: [{ kind: 'tooLong', max: MAX_LINK_CHARS }] };
  const segments = raw.split(';');
  const version = segments.shift() ?? '';
  if (version !== LINK_VERSION) return { settings, problems: [{ kind: 'version', version: version.slice(0, 20) }] };

  const axes = settings.axes;
  const seen = new Set<string>();
  for (const seg of segments) {
    if (seg === '') continue;
    const colon = seg.indexOf(':');
    const key = colon < 0 ? seg : seg.slice(0, colon);
    const body = colon < 0 ? '' : seg.slice(colon + 1);
    if (!(KEYS as readonly string[]).includes(key) || seen.has(key)) {
      problems.push({ kind: 'unknownKey', key: key.slice(0, 40) });
      continue;
    }
    seen.add(key);
    const values = body === '' ? [] : body.split(',').map((v) => safeDecode(v) ?? v);
    const bad = (value: string) => problems.push({ kind: 'badValue', key, value: value.slice(0, 40) });
    // Keeps the values `accept` maps; the axis keeps its default when none is left.
    const pick = <T>(accept: (v: string) => T | undefined): T[] | null => {
      const out: T[] = [];
      for (const v of values) {
        const x = accept(v);
        if (x === undefined) bad(v);
        else out.push(x);
      }
      if (out.length === 0) {
        if (values.length === 0) bad('');
        return null;
      }
      return out;
    };
    const oneOf =
      <T extends string>(list: readonly T[]) =>
      (v: string): T | undefined =>
        (list as readonly string[]).includes(v) ? (v as T) : undefined;
    const seconds = (max: number) => (v: string) => {
      if (!/^\d{1,7}$/.test(v)) return undefined;
      const n = Number(v);
      return n <= max ? n : undefined;
    };
    switch (key as Key) {
      case 'p':
        axes.protocol =
          pick((v) => (v === '4' ? 4 : v === '5' ? 5 : undefined) as ProtocolLevel | undefined) ?? axes.protocol;
        break;
      case 'cs':
        axes.cleanStart = pick((v) => (v === '0' ? false : v === '1' ? true : undefined)) ?? axes.cleanStart;
        break;
      case 'wd':
        axes.willDelay = pick(seconds(LIMITS.willDelayMax))?.slice(0, LIMITS.numericValues) ?? axes.willDelay;
        break;
      case 'se':
        axes.sessionExpiry = pick<SeiKind>(oneOf(SEI_KINDS)) ?? axes.sessionExpiry;
        break;
      case 'ka':
        axes.keepAlive = pick(seconds(LIMITS.keepAliveMax))?.slice(0, LIMITS.numericValues) ?? axes.keepAlive;
        break;
      case 'q':
        axes.willQos =
          pick((v) => (v === '0' ? 0 : v === '1' ? 1 : v === '2' ? 2 : undefined) as Qos | undefined) ?? axes.willQos;
        break;
      case 'end':
        axes.end = pick<EndKind>(oneOf(END_KINDS)) ?? axes.end;
        break;
      case 'next':
        axes.next = pick<NextKind>(oneOf(NEXT_KINDS)) ?? axes.next;
        break;
      case 'prof':
        axes.profile = pick<string>(oneOf(PROFILE_IDS)) ?? axes.profile;
        break;
      case 'f': {
        const [kind, a, b] = values;
        if (!(FILTER_KINDS as readonly string[]).includes(kind ?? '')) bad(kind ?? '');
        else if (kind === 'differ') {
          if (a !== undefined && b !== undefined && PROFILE_IDS.includes(a) && PROFILE_IDS.includes(b))
            settings.filter = { kind: 'differ', a, b };
          else bad(values.join(','));
        } else settings.filter = { ...settings.filter, kind: kind as FilterKind };
        break;
      }
    }
  }
  settings.axes = normalizeAxes(axes);
  return { settings, problems };
}
