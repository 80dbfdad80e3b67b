import { deflateSync, Inflate } from 'fflate';
import type { Scenario } from '../engine/types';
import { MAX_DOCUMENT_BYTES, readJsonText } from '../scenario/json';
import { loadDocument } from '../scenario/load';
import { SCENARIO_FORMAT } from '../scenario/schema';
import type { Problem } from '../scenario/validate';
import { firstNonBase64Url, fromBase64Url, toBase64Url } from './base64url';
import { canonicalScenario } from './canonical';

/**
 * Share links (docs/share-links.md). A link carries the scenario's inputs only, never the trace:
 *
 *   <app URL>#s=v1.<base64url(deflate-9(UTF-8(canonical JSON without "format")))>
 *
 * `v1` is the link format version; the JSON inside carries the scenario format version. Every
 * released link version keeps its decoder forever (src/share/fixtures/links.json holds a link of
 * each, and a test decodes them). `decodeLink` takes anything and never throws: it returns the
 * scenario or one error naming what is wrong; sentences come from src/i18n (share-en.ts).
 */

/** The fragment parameter that holds the scenario. */
export const LINK_PARAM = 's';
/** The link format written by this build. */
export const LINK_VERSION = 1;
/** Link versions this build reads. A new version adds a decoder; none is ever removed. */
export const LINK_VERSIONS_READ = [1] as const;
/** Above this many characters a link does not fit a chat message or a QR code (the meter warns). */
export const LINK_WARN_CHARS = 2_000;
/**
 * The decoder looks at no more than this many characters (a link, a fragment or a pasted text):
 * a little under the 2 MiB (2,097,152 characters) a browser keeps in its address bar (Chromium's
 * kMaxURLChars), so every link the app writes is read back on reload.
 */
export const MAX_LINK_CHARS = 2_000_000;
/** Largest decompressed document; the same cap as a scenario file. Guards against inflate bombs. */
export const MAX_INFLATED_BYTES = MAX_DOCUMENT_BYTES;
/** Input is inflated in chunks this small, so a bomb is stopped within about a megabyte of output. */
const INFLATE_CHUNK = 1024;

export type LinkErrorCode =
  | 'notText'
  | 'empty'
  | 'tooLong'
  | 'noFragment'
  | 'noScenario'
  | 'badEscape'
  | 'noVersion'
  | 'unknownVersion'
  | 'badCharacters'
  | 'truncated'
  | 'corrupt'
  | 'tooBig'
  | 'notUtf8'
  | 'notJson'
  | 'tooDeep'
  | 'notObject'
  | 'invalidScenario';

export interface LinkError {
  code: LinkErrorCode;
  /** Values the message names (lengths, the bad character, the version...). */
  params: Record<string, string | number>;
  /** For `invalidScenario`: the validation problems, as `loadDocument` words them. */
  problems: Problem[];
}

export type LinkResult = { ok: true; scenario: Scenario; version: number } | { ok: false; error: LinkError };

const fail = (code: LinkErrorCode, params: LinkError['params'] = {}, problems: Problem[] = []): LinkResult => ({
  ok: false,
  error: { code, params, problems },
});

// ---------------------------------------------------------------------------------------------
// Encoding

/** The versioned payload: `v1.<base64url>`. */
export function encodeScenario(sc: Scenario): string {
  const { format: _format, ...rest } = canonicalScenario(sc);
  const bytes = new TextEncoder().encode(JSON.stringify(rest));
  return `v${LINK_VERSION}.${toBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

/** The fragment without its `#`: `s=v1.<base64url>`. */
export function scenarioFragment(sc: Scenario): string {
  return `${LINK_PARAM}=${encodeScenario(sc)}`;
}

/** A full link: `base` with any fragment replaced by the scenario's. */
export function shareLink(sc: Scenario, base: string): string {
  const hash = base.indexOf('#');
  return `${hash >= 0 ? base.slice(0, hash) : base}#${scenarioFragment(sc)}`;
}

export type LinkSizeLevel = 'ok' | 'long' | 'tooLong';

/** For the size meter: `long` above LINK_WARN_CHARS (offer a JSON download), `tooLong` if no decoder would read it. */
export function linkSize(link: string): { chars: number; level: LinkSizeLevel; warnAt: number } {
  const chars = link.length;
  const level: LinkSizeLevel = chars > MAX_LINK_CHARS ? 'tooLong' : chars > LINK_WARN_CHARS ? 'long' : 'ok';
  return { chars, level, warnAt: LINK_WARN_CHARS };
}

// ---------------------------------------------------------------------------------------------
// Decoding

/**
 * Finds the versioned payload in a full link, a fragment (`#s=v1.…`, `s=v1.…`) or a bare payload
 * (`v1.…`). Tolerates what chat clients and e-mail do to links: line breaks, spaces, percent-encoding.
 */
function findPayload(input: string): { ok: true; payload: string } | { ok: false; result: LinkResult } {
  let text = input.trim();
  if (text === '') return { ok: false, result: fail('empty') };
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(hash + 1);
  else {
    // A link whose "#" was percent-encoded by a chat client.
    const enc = text.search(/%23/i);
    if (enc >= 0) text = text.slice(enc + 3);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^v\d/i.test(text)) return { ok: false, result: fail('noFragment') };
  }
  text = text.replace(/\s+/g, '');
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return { ok: false, result: fail('badEscape') };
    }
  }
  if (text === '') return { ok: false, result: fail('empty') };
  const parts = text.split('&');
  const named = parts.find((p) => p.startsWith(`${LINK_PARAM}=`));
  if (named !== undefined) return { ok: true, payload: named.slice(LINK_PARAM.length + 1) };
  const bare = parts.find((p) => /^v\d+\./.test(p));
  if (bare !== undefined) return { ok: true, payload: bare };
  return { ok: false, result: fail('noScenario') };
}

/** Inflates raw DEFLATE data, stopping as soon as the output passes `max` bytes. */
function inflateCapped(
  data: Uint8Array,
  max: number,
): { ok: true; bytes: Uint8Array } | { ok: false; code: 'truncated' | 'corrupt' | 'tooBig'; detail: string } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= max) chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let i = 0; i < data.length && !finished; i += INFLATE_CHUNK) {
      const end = Math.min(i + INFLATE_CHUNK, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
      if (size > max) return { ok: false, code: 'tooBig', detail: '' };
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, code: message === 'unexpected EOF' ? 'truncated' : 'corrupt', detail: message };
  }
  if (!finished) return { ok: false, code: 'truncated', detail: '' };
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes: out };
}

/** Link format v1: base64url of raw DEFLATE of the canonical scenario JSON without "format". */
function decodeV1(body: string): LinkResult {
  if (body === '') return fail('truncated');
  const bad = firstNonBase64Url(body);
  if (bad >= 0) return fail('badCharacters', { char: body.charAt(bad), position: bad + 1 });
  const deflated = fromBase64Url(body);
  if (deflated === null) return fail('truncated');
  const inflated = inflateCapped(deflated, MAX_INFLATED_BYTES);
  if (!inflated.ok) return fail(inflated.code, { max: MAX_INFLATED_BYTES, detail: inflated.detail });
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('notUtf8');
  }
  // The same checks as a file, before parsing: a deeply nested text unpacks fine but is no scenario.
  const read = readJsonText(json, '(link)');
  if (!read.ok) {
    const p = read.problems[0];
    if (p?.code === 'tooDeep') return fail('tooDeep', p.params);
    if (p?.code === 'tooLong') return fail('tooBig', { max: MAX_INFLATED_BYTES });
    const detail = String(p?.params.detail ?? '');
    if (json.trim() === '' || /end of (json )?(data|input)/i.test(detail)) return fail('truncated');
    return fail('notJson', { detail });
  }
  const data = read.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('notObject');
  const doc = loadDocument({ ...data, format: SCENARIO_FORMAT });
  if (!doc.ok) return fail('invalidScenario', {}, doc.problems);
  if (doc.value.kind !== 'scenario') return fail('notObject');
  return { ok: true, scenario: doc.value.scenario, version: 1 };
}

const DECODERS: Record<number, (body: string) => LinkResult> = { 1: decodeV1 };

/**
 * Decodes a link, a fragment or a bare payload. Never throws: anything that is not a valid
 * scenario link (wrong type, garbage, cut off, unknown version, inflate bomb, invalid scenario)
 * comes back as `{ ok: false, error }`.
 */
export function decodeLink(input: unknown): LinkResult {
  try {
    if (typeof input !== 'string') return fail('notText');
    if (input.length > MAX_LINK_CHARS) return fail('tooLong', { chars: input.length, max: MAX_LINK_CHARS });
    const found = findPayload(input);
    if (!found.ok) return found.result;
    const m = /^v(\d{1,9})\.([\s\S]*)$/.exec(found.payload);
    if (!m) return fail('noVersion');
    const version = Number(m[1]);
    const decoder = DECODERS[version];
    if (!decoder) return fail('unknownVersion', { version, newest: LINK_VERSION });
    return decoder(m[2] as string);
  } catch (e) {
    // Defence in depth: a decoder bug must show as a bad link, never as a blank page. `internal`
    // marks it for the fuzzer (src/test/fuzz.ts), which counts it as an escaped exception.
    return fail('corrupt', { detail: e instanceof Error ? e.message : String(e), internal: 1 });
  }
}

/** True if pasted text looks like a link or fragment rather than JSON. */
export function looksLikeLink(text: string): boolean {
  const t = text.trimStart();
  return !(t.startsWith('{') || t.startsWith('['));
}
