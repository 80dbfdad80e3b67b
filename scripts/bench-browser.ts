/**
 * npm run bench:browser [-- --json]   (builds first; `npm run bench` is the engine's half)
 * Speed budgets of the built app in Debian's chromium: a benchmark, not a test. The browser tests
 * assert behaviour only; what depends on the machine's speed is measured here, against budgets:
 * - explorerDrawnMs: the default matrix (2,000+ cells) filled and on screen (budget 1,000 ms).
 * - scrubP95FrameMs: dragging the playhead over the busy example, 95th percentile frame time
 *   (budget 50 ms).
 * Each figure is the median of `--runs` (default 3). Exits 1 when a budget is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { launch, newPage } from '../e2e/browser';

const json = process.argv.includes('--json');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const log = (s: string) => {
  if (!json) process.stdout.write(`${s}\n`);
};

interface Measure {
  name: string;
  budget: number;
  /** `max`: the figure must not exceed the budget; `min`: must reach it. */
  kind: 'max' | 'min';
  unit: string;
  run: (browser: Browser, base: string) => Promise<number>;
}

async function openSimulator(browser: Browser, url: string): Promise<Page> {
  const { page } = await newPage(browser);
  await page.goto(url);
  await page.getByRole('log', { name: 'Event log' }).getByRole('button').first().waitFor({ timeout: 120_000 });
  await page.getByRole('region', { name: 'Set up' }).waitFor({ timeout: 120_000 });
  return page;
}

/** Frame durations (ms) recorded while `during` runs. */
async function frames(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await during();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
};

const measures: Measure[] = [
  {
    name: 'explorerDrawnMs',
    budget: 1000,
    kind: 'max',
    unit: 'ms',
    async run(browser, base) {
      const page = await openSimulator(browser, base);
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Explorer' }).click();
      const timed = page.locator('[data-drawn-ms]');
      await timed.waitFor({ timeout: 120_000 });
      const ms = Number(await timed.getAttribute('data-drawn-ms'));
      await page.context().close();
      return ms;
    },
  },
  {
    name: 'scrubP95FrameMs',
    budget: 50,
    kind: 'max',
    unit: 'ms',
    async run(browser, base) {
      const page = await openSimulator(browser, base);
      const setup = page.getByRole('region', { name: 'Set up' });
      await setup.getByLabel('Examples').selectOption({ label: 'Busy broker: 24 devices flapping (1,000+ events)' });
      await setup.getByRole('button', { name: 'Load example' }).click();
      await page
        .getByRole('region', { name: 'Event log' })
        .getByText(/of [\d,]+ entries/)
        .waitFor();
      const svg = page.getByRole('region', { name: 'Timeline' }).locator('svg').first();
      const box = await svg.boundingBox();
      if (!box) throw new Error('no timeline');
      const y = box.y + 10;
      const x0 = box.x + 130;
      const x1 = box.x + box.width - 20;
      const f = await frames(page, async () => {
        await page.mouse.move(x0, y);
        await page.mouse.down();
        for (let i = 1; i <= 120; i++) {
          await page.mouse.move(x0 + ((x1 - x0) * i) / 120, y);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
        }
        await page.mouse.up();
      });
      await page.context().close();
      return percentile(f, 0.95);
    },
  },
];

const median = (xs: number[]) => percentile(xs, 0.5);

const server = await preview({
  configFile: false,
  root: process.cwd(),
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
});
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('vite preview did not bind a TCP port');
const base = `http://127.0.0.1:${address.port}/`;
const browser = await launch();
const out: Record<string, { value: number; budget: number; ok: boolean; runs: number[] }> = {};
let missed = 0;
try {
  for (const m of measures) {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(Math.round((await m.run(browser, base)) * 10) / 10);
    const value = median(runs);
    const ok = m.kind === 'max' ? value <= m.budget : value >= m.budget;
    if (!ok) missed++;
    out[m.name] = { value, budget: m.budget, ok, runs };
    log(
      `${m.name}: ${value} ${m.unit} (budget ${m.kind === 'max' ? '<=' : '>='} ${m.budget} ${m.unit}; runs ${runs.join(', ')}) ${ok ? 'ok' : 'MISSED'}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-browser.json', JSON.stringify(out, null, 2));
if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(missed ? 1 : 0);
