import { type ExplorerCatalog, reasonWords } from '../i18n/explorer';
import { seiSeconds } from './axes';
import { willAfterClose } from './cell';
import type { Matrix } from './matrix';

/**
 * The matrix as CSV (RFC 4180, "\n" line ends), one line per computed cell in matrix order. Column
 * names and coded values are stable identifiers (not translated); only `why` is worded, in the
 * catalog's language. Times are seconds from the start of the scenario (the device connects at 0).
 */
export const CSV_COLUMNS = [
  'protocol',
  'clean_start',
  'will_delay_s',
  'session_expiry',
  'session_expiry_s',
  'keep_alive_s',
  'will_qos',
  'connection_ends',
  'next',
  'profile',
  'closed_at_s',
  'will',
  'will_at_s',
  'will_after_close_s',
  'why_code',
  'why',
  'deviation',
  'session_present',
  'offline_received',
  'offline_qos',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const s = (ms: number | null) => (ms === null ? '' : String(ms / 1000));

function quote(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV values of one cell, by column. */
export function csvRecord(m: Matrix, i: number, cat: ExplorerCatalog): Record<CsvColumn, string> | null {
  const c = m.cells[i];
  const o = m.outcomes[i];
  if (!c || !o) return null;
  const sei = c.protocol === 5 ? seiSeconds(c.sessionExpiry, c.willDelay) : null;
  return {
    protocol: c.protocol === 5 ? '5.0' : '3.1.1',
    clean_start: c.cleanStart ? '1' : '0',
    will_delay_s: c.willDelay === null ? '' : String(c.willDelay),
    session_expiry: c.sessionExpiry ?? '',
    session_expiry_s: sei === null ? '' : String(sei),
    keep_alive_s: String(c.keepAlive),
    will_qos: String(c.willQos),
    connection_ends: c.protocol === 4 && c.end === 'disconnect00' ? 'disconnect' : c.end,
    next: c.next,
    profile: c.profile,
    closed_at_s: s(o.closedAt),
    will: o.fate,
    will_at_s: s(o.willAt),
    will_after_close_s: s(willAfterClose(o)),
    why_code: o.code,
    why: reasonWords(o.code, cat),
    deviation: o.deviation ? '1' : '0',
    session_present: o.sessionPresent === null ? '' : o.sessionPresent ? '1' : '0',
    offline_received: String(o.offline.length),
    offline_qos: o.offline.join(' '),
  };
}

/** CSV of the given cells (default: every computed cell). */
export function matrixToCsv(m: Matrix, cat: ExplorerCatalog, indices?: readonly number[]): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  const which = indices ?? m.cells.map((_, i) => i);
  for (const i of which) {
    const r = csvRecord(m, i, cat);
    if (r) lines.push(CSV_COLUMNS.map((k) => quote(r[k])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Parses CSV text (RFC 4180 quoting) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
