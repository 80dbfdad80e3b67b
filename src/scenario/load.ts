import type { Scenario } from '../engine/types';
import { type ConformanceCase, looksLikeCases, parseCaseFile } from './cases';
import { SCENARIO_FORMAT } from './schema';
import { type Parsed, type Problem, parseScenario } from './validate';

/** What a file or link held: one scenario, or FORMAT.md cases (each runnable as a scenario). */
export type LoadedDocument = { kind: 'scenario'; scenario: Scenario } | { kind: 'cases'; cases: ConformanceCase[] };

/** Largest document accepted from a file, a paste or a link (characters of JSON). */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/** Parses JSON text and recognises the document. Every failure is a list of located problems. */
export function loadDocumentText(text: string): Parsed<LoadedDocument> {
  if (text.length > MAX_DOCUMENT_CHARS)
    return {
      ok: false,
      problems: [
        {
          path: '(file)',
          message: `is ${text.length.toLocaleString('en')} characters long; at most ${MAX_DOCUMENT_CHARS.toLocaleString('en')} are accepted`,
        },
      ],
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(e as Error).message}` }] };
  }
  return loadDocument(data);
}

export function loadDocument(data: unknown): Parsed<LoadedDocument> {
  if (typeof data !== 'object' || data === null)
    return { ok: false, problems: [{ path: '(top level)', message: 'must be a scenario object or a list of cases' }] };
  const format = (data as { format?: unknown }).format;
  if (!Array.isArray(data) && format !== undefined) {
    if (format !== SCENARIO_FORMAT)
      return {
        ok: false,
        problems: [{ path: 'format', message: `must be "${SCENARIO_FORMAT}", not ${JSON.stringify(format)}` }],
      };
    const version = (data as { version?: unknown }).version;
    if (version !== 1)
      return {
        ok: false,
        problems: [
          {
            path: 'version',
            message: `scenario format version ${JSON.stringify(version)} is not known to this build (it reads version 1)`,
          },
        ],
      };
    const r = parseScenario(data);
    return r.ok ? { ok: true, value: { kind: 'scenario', scenario: r.value } } : r;
  }
  if (looksLikeCases(data)) {
    if (Array.isArray(data) && data.length === 0)
      return { ok: false, problems: [{ path: '(top level)', message: 'the list of cases is empty' }] };
    const r = parseCaseFile(data);
    return r.ok ? { ok: true, value: { kind: 'cases', cases: r.value } } : r;
  }
  const problems: Problem[] = [
    {
      path: 'format',
      message: `is missing: a scenario file starts with "format": "${SCENARIO_FORMAT}" (or use a FORMAT.md case list)`,
    },
  ];
  return { ok: false, problems };
}
