import { describe, expect, it } from 'vitest';
import { explorerEn } from '../i18n/explorer-en';
import { defaultAxes } from './axes';
import { willAfterClose } from './cell';
import { CSV_COLUMNS, matrixToCsv, parseCsv } from './csv';
import type { Matrix } from './matrix';
import { computeMatrix } from './run';

describe('the CSV export', () => {
  const m = computeMatrix(defaultAxes());
  const rows = parseCsv(matrixToCsv(m, explorerEn));

  it('has a header and one line per cell, every line as wide as the header', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(m.cells.length + 1);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('says what happened to the will, when and why, per cell', () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    m.cells.forEach((c, i) => {
      const r = rows[i + 1] as string[];
      const o = m.outcomes[i];
      if (!o) throw new Error('not computed');
      expect(r[col('profile')]).toBe(c.profile);
      expect(r[col('next')]).toBe(c.next);
      expect(r[col('will')]).toBe(o.fate);
      const after = willAfterClose(o);
      expect(r[col('will_after_close_s')]).toBe(after === null ? '' : String(after / 1000));
      expect(r[col('why_code')]).toBe(o.code);
      expect(r[col('why')]).not.toBe('');
      expect(r[col('session_present')]).toBe(o.sessionPresent === null ? '' : o.sessionPresent ? '1' : '0');
    });
  });

  it('writes 3.1.1 parameters that do not exist as empty fields', () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const v4 = rows.slice(1).filter((r) => r[col('protocol')] === '3.1.1');
    expect(v4.length).toBeGreaterThan(0);
    expect(v4.every((r) => r[col('will_delay_s')] === '' && r[col('session_expiry')] === '')).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    const tricky: Matrix = { ...m, cells: m.cells.slice(0, 1), outcomes: m.outcomes.slice(0, 1) };
    const words = { ...(tricky.outcomes[0] as NonNullable<Matrix['outcomes'][0]>), code: 'a "code", with\nbreak' };
    tricky.outcomes = [words];
    const parsed = parseCsv(matrixToCsv(tricky, explorerEn));
    expect(parsed[1]?.[CSV_COLUMNS.indexOf('why_code')]).toBe('a "code", with\nbreak');
  });

  it('can hold only some cells', () => {
    expect(parseCsv(matrixToCsv(m, explorerEn, [3, 1]))).toHaveLength(3);
  });
});
