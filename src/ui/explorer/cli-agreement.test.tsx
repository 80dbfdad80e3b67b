import { execFileSync } from 'node:child_process';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROFILES } from '../../engine/profiles';
import { defaultAxes, enumerateCells, seiSeconds } from '../../explorer/axes';
import { CSV_COLUMNS, parseCsv } from '../../explorer/csv';
import { createInProcessRunner } from '../../explorer/inprocess';
import { explorerEn } from '../../i18n/explorer-en';
import ExplorerView from './ExplorerView';

afterEach(cleanup);

const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
const label = (id: string) => PROFILES.find((p) => p.id === id)?.label ?? id;

/** What a cell shows, from a CSV line of the CLI. */
function expectedText(r: string[]): string[] {
  const after = r[col('will_after_close_s')];
  const fate = r[col('will')];
  const main =
    after === '' ? (fate === 'notClosed' ? 'not closed' : String(fate)) : after === '0' ? 'at close' : `+${after} s`;
  const out = [main];
  const sp = r[col('session_present')];
  if (sp !== '') out.push(`SP ${sp}`);
  if (r[col('offline_qos')] !== '') out.push(`✉ QoS ${r[col('offline_qos')]}`);
  if (r[col('deviation')] === '1') out.push('⚑');
  return out;
}

describe('the CLI and the page', () => {
  it('compute the same default matrix: the same CSV, and the cells the page shows match the CLI lines', async () => {
    const cli = execFileSync('node_modules/.bin/tsx', ['src/cli/matrix.ts', '--csv'], {
      encoding: 'utf8',
      // The default matrix's CSV is over 1 MB with five profiles (execFileSync's default buffer).
      maxBuffer: 64 * 1024 * 1024,
    });
    const rows = parseCsv(cli);
    const cells = enumerateCells(defaultAxes());
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(cells.length + 1);

    const download = vi.fn<(name: string, text: string) => void>();
    render(<ExplorerView onOpenScenario={() => {}} download={download} runner={createInProcessRunner()} />);
    await screen.findByText(/cells filled in/, {}, { timeout: 100_000 });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(download.mock.calls[0]?.[1]).toBe(cli);

    const byLabel = new Map<string, HTMLElement>();
    for (const b of within(screen.getByRole('grid')).getAllByRole('button'))
      byLabel.set(b.getAttribute('aria-label') ?? '', b);
    const labels = [...byLabel.keys()];
    expect(labels).toHaveLength(cells.length);

    // A sample spread over the whole matrix: every 37th cell.
    let checked = 0;
    for (let i = 0; i < cells.length; i += 37) {
      const c = cells[i];
      const r = rows[i + 1];
      if (!c || !r) throw new Error(`no cell ${i}`);
      expect(r[col('profile')]).toBe(c.profile);
      expect(r[col('next')]).toBe(c.next);
      const prefix = explorerEn.cell.label(
        explorerEn.rowText(c, seiSeconds(c.sessionExpiry, c.willDelay)),
        explorerEn.columnText(c.next, label(c.profile)),
        '',
      );
      const found = labels.filter((l) => l.includes(`; ${prefix}`));
      expect(found).toHaveLength(1);
      const button = byLabel.get(found[0] as string) as HTMLElement;
      for (const text of expectedText(r)) expect(button).toHaveTextContent(text);
      expect(found[0]).toContain(`(${r[col('why')]})`);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
