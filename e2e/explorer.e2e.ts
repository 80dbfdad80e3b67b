import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultAxes, normalizeAxes } from '../src/explorer/axes';
import { encodeSettings } from '../src/explorer/link';
import { axeViolations, launch, newPage } from './browser';

/**
 * Issue 5, as a new user: open the explorer, keep the defaults, wait for the matrix, filter to the
 * cells where Strict spec and NanoMQ 0.23.2 differ, open one, and find its scenario in the simulator.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  mkdirSync('reports/screenshots', { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the parameter explorer', () => {
  it('fills the default matrix, filters to differing profiles and opens a cell in the simulator', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await page.getByRole('log', { name: 'Event log' }).getByRole('button').first().waitFor();

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Explorer' }).click();
    const status = page.getByText(/cells filled in .* on screen after/);
    // Waits for the matrix to be on screen, however long a busy machine takes (the speed budget is
    // measured by `npm run bench:browser`, not here).
    await status.waitFor({ timeout: 200_000 });
    const text = (await status.textContent()) ?? '';
    const cells = Number(/^([\d,]+) cells/.exec(text)?.[1]?.replace(/,/g, ''));
    expect(cells).toBeGreaterThanOrEqual(2000);
    const timed = page.locator('[data-drawn-ms]');
    const drawnMs = Number(await timed.getAttribute('data-drawn-ms'));
    const fillMs = Number(await timed.getAttribute('data-fill-ms'));
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/e2e-explorer.json', JSON.stringify({ cells, fillMs, drawnMs }, null, 2));
    console.log(`explorer: ${cells} cells filled in ${fillMs} ms, on screen after ${drawnMs} ms`);
    // The page says how long it took (the budget itself is checked by `npm run bench:browser`).
    expect(drawnMs).toBeGreaterThanOrEqual(fillMs);
    await page.screenshot({ path: 'reports/screenshots/explorer-default.png' });

    await page.getByRole('radio', { name: 'Cells where two profiles differ' }).check();
    const differing = page.getByRole('button', { name: /the two compared profiles differ here$/ });
    await differing.first().waitFor();
    expect(await differing.count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'reports/screenshots/explorer-differ.png' });
    const cellName =
      (await differing.first().getAttribute('aria-label')) ?? (await differing.first().textContent()) ?? '';
    await differing.first().click();

    // Back in the simulator, with the cell's scenario loaded and run.
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'Views' })
          .getByRole('button', { name: 'Simulator' })
          .getAttribute('aria-current'),
      )
      .toBe('page');
    const setup = page.getByRole('region', { name: 'Set up' });
    await setup.waitFor();
    const title = await setup.getByLabel('Title').inputValue();
    expect(title).not.toBe('');
    const profile = await setup
      .getByLabel('Broker profile')
      .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect(title).toContain(profile);
    expect(await page.getByRole('log', { name: 'Event log' }).textContent()).toContain('step 1');
    // The simulator shows the very combination the cell named ("<row>; <next>, <profile>: ...").
    const row = title.replace(/ \([^)]*\)$/, '');
    expect(cellName).toContain(`${row}, ${profile}:`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility violations (checked on a small matrix: every row is the same component)', async () => {
    // axe over the default matrix (28k nodes) takes minutes on a busy machine; a matrix of a few
    // rows shows every control and every kind of cell the big one has.
    const axes = normalizeAxes({
      ...defaultAxes(),
      protocol: [5],
      cleanStart: [false],
      willDelay: [30],
      keepAlive: [10],
    });
    const link = `${baseUrl}#${encodeSettings({ axes, filter: { kind: 'all', a: 'spec', b: 'nanomq-0.23.2' } })}`;
    const { page, errors } = await newPage(browser);
    await page.goto(link);
    await page.getByText(/cells filled in .* on screen after/).waitFor();
    expect(await page.getByRole('grid').getByRole('row').count()).toBeGreaterThan(2);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
