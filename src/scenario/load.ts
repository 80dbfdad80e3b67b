import type { Scenario } from '../engine/types';
import { type ConformanceCase, looksLikeCases, parseCaseFile } from './cases';
import { MAX_DOCUMENT_BYTES, readJsonText, shorten } from './json';
import { problem } from './problems';
import { SCENARIO_FORMAT } from './schema';
import { type Parsed, parseScenario } from './validate';

/** What a file or link held: one scenario, or FORMAT.md cases (each runnable as a scenario). */
export type LoadedDocument = { kind: 'scenario'; scenario: Scenario } | { kind: 'cases'; cases: ConformanceCase[] };

/** Largest document accepted from a file, a paste, a link or the autosave (UTF-8 bytes of JSON). */
export const MAX_DOCUMENT_CHARS = MAX_DOCUMENT_BYTES;

/**
 * Parses JSON text (size and depth checked first, src/scenario/json.ts) and recognises the
 * document. Every failure is a list of located problems.
 */
export function loadDocumentText(text: string): Parsed<LoadedDocument> {
  const json = readJsonText(text);
  return json.ok ? loadDocument(json.data) : json;
}

export function loadDocument(data: unknown): Parsed<LoadedDocument> {
  if (typeof data !== 'object' || data === null)
    return { ok: false, problems: [problem('(top level)', 'notDocument')] };
  const format = (data as { format?: unknown }).format;
  if (!Array.isArray(data) && format !== undefined) {
    if (format !== SCENARIO_FORMAT)
      return {
        ok: false,
        problems: [
          problem('format', 'formatWrong', { expected: SCENARIO_FORMAT, got: shorten(JSON.stringify(format) ?? '') }),
        ],
      };
    const version = (data as { version?: unknown }).version;
    if (version !== 1)
      return {
        ok: false,
        problems: [
          problem(
            'version',
            'versionUnknown',
            version === undefined
              ? { gotKind: 'nothing' }
              : { gotKind: 'literal', got: shorten(JSON.stringify(version) ?? '') },
          ),
        ],
      };
    const r = parseScenario(data);
    return r.ok ? { ok: true, value: { kind: 'scenario', scenario: r.value } } : r;
  }
  if (looksLikeCases(data)) {
    if (Array.isArray(data) && data.length === 0)
      return { ok: false, problems: [problem('(top level)', 'emptyCases')] };
    const r = parseCaseFile(data);
    return r.ok ? { ok: true, value: { kind: 'cases', cases: r.value } } : r;
  }
  return { ok: false, problems: [problem('format', 'formatMissing', { expected: SCENARIO_FORMAT })] };
}
