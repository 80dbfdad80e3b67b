/**
 * npm run bench:browser [-- --json]   (builds first; `npm run bench` is the engine's half)
 * Speed budgets of the built app in Debian's chromium: a benchmark, not a test. The browser tests
 * assert behaviour only; what depends on the machine's speed is measured here, against budgets:
 * - explorerDrawnMs: the default matrix (2,000+ cells) filled and on screen (budget 1,000 ms).
 * - scrubP95FrameMs: dragging the playhead over the busy example, 95th percentile frame time
 *   (budget 50 ms).
 * - month10ClientsShownMs: a link of 10 clients over 30 days (pings every 60 s) opened until the
 *   page shows it: the run, or what can be shown of it and why (budget 5,000 ms);
 *   monthOfferShownMs: from pressing what it offers (a shorter window) until that is drawn.
 * - day10ClientsShownMs: the same over one day, until the timeline is drawn (budget 5,000 ms).
 * - edit20x2000Ms: 20 clients and 2,000 steps; one edit (the run length) until the new run is on
 *   screen (budget 200 ms).
 * - play100xFps: the same run played at 100x, frames per second (budget >= 30).
 * Each figure is the median of `--runs` (default 3); `--only a,b` measures those alone. Exits 1 when
 * a budget is missed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { launch, newPage } from '../e2e/browser';

const json = process.argv.includes('--json');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : null;
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

/** A page for the bench. tsx keeps function names with a `__name` helper the page lacks: define it. */
async function benchPage(browser: Browser): Promise<{ page: Page }> {
  const { page } = await newPage(browser);
  await page.addInitScript('window.__name = (f) => f;');
  return { page };
}

async function openSimulator(browser: Browser, url: string): Promise<Page> {
  const { page } = await benchPage(browser);
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

/** A seeded generator for the bench's own scenarios. */
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

type Obj = Record<string, unknown>;
const doc = (title: string, clients: Obj[], steps: Obj[], end: number): Obj => ({
  format: 'mqtt-will-lab/scenario',
  version: 1,
  title,
  clients,
  steps,
  end,
});
const device = (i: number, keepAlive: number): Obj => ({
  name: `d${i}`,
  clientId: `dev-${i}`,
  cleanStart: false,
  sessionExpiry: 600,
  keepAlive,
  will: { topic: `devices/${i}/status`, payload: 'offline', qos: 1, retain: i % 3 === 0, delay: 5 },
});

/** 10 clients connected for `days` days, pinging every 60 s. */
function pinging(days: number): Obj {
  const clients = Array.from({ length: 10 }, (_, i) => device(i, 60));
  const steps = clients.map((c) => ({ t: 0, action: 'connect', client: c.name }));
  return doc(`${days} days, 10 clients`, clients, steps, days * 86_400);
}
const month = () => pinging(30);

/** 20 clients, 2,000 steps over 2,000 s: drops, reconnects and publishes. */
function busy(): Obj {
  const rnd = lcg(7);
  const clients = Array.from({ length: 20 }, (_, i) => device(i, 10));
  const steps: Obj[] = clients.map((c) => ({ t: 0, action: 'connect', client: c.name }));
  const online = clients.map(() => true);
  while (steps.length < 2000) {
    const i = Math.floor(rnd() * 20);
    const t = Math.round((1 + rnd() * 1990) * 1000) / 1000;
    const client = `d${i}`;
    if (online[i] && rnd() < 0.2) {
      steps.push({ t, action: 'drop', client });
      online[i] = false;
    } else if (!online[i]) {
      steps.push({ t, action: 'reconnect', client });
      online[i] = true;
    } else
      steps.push({ t, action: 'publish', client, topic: `devices/${i}/temp`, payload: '21', qos: 1, retain: false });
  }
  return doc('20 clients, 2,000 steps', clients, steps, 2000);
}

/** `npm run share` on the scenario: its link on the preview server. */
function linkTo(base: string, scenario: Obj): string {
  const file = join(mkdtempSync(join(tmpdir(), 'will-lab-bench-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  return execFileSync('npm', ['run', '-s', 'share', '--', file, '--base', base], { encoding: 'utf8' }).trim();
}

const linkCache = new Map<string, string>();
const cachedLink = (base: string, name: string, make: () => Obj) => {
  let l = linkCache.get(name);
  if (!l) {
    l = linkTo(base, make());
    linkCache.set(name, l);
  }
  return l;
};

measures.push(
  {
    name: 'month10ClientsShownMs',
    budget: 5000,
    kind: 'max',
    unit: 'ms',
    async run(browser, base) {
      const link = cachedLink(base, 'month', month);
      const { page } = await benchPage(browser);
      const t0 = Date.now();
      await page.goto(link);
      // Shown: the timeline draws the run, or says what it cannot show and offers what it can.
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline
        .getByRole('button', { name: /^Show the first/ })
        .or(timeline.locator('svg').first())
        .first()
        .waitFor({ timeout: 300_000 });
      const ms = Date.now() - t0;
      await page.context().close();
      return ms;
    },
  },
  {
    name: 'monthOfferShownMs',
    budget: 5000,
    kind: 'max',
    unit: 'ms',
    async run(browser, base) {
      // What the too-large message offers (a shorter window), from the click until it is drawn.
      const { page } = await benchPage(browser);
      await page.goto(cachedLink(base, 'month', month));
      const timeline = page.getByRole('region', { name: 'Timeline' });
      const offer = timeline.getByRole('button', { name: /^Show the first/ });
      await offer.waitFor({ timeout: 300_000 });
      const t0 = Date.now();
      await offer.click();
      await timeline.locator('svg').first().waitFor({ timeout: 300_000 });
      const ms = Date.now() - t0;
      await page.context().close();
      return ms;
    },
  },
  {
    name: 'day10ClientsShownMs',
    budget: 5000,
    kind: 'max',
    unit: 'ms',
    async run(browser, base) {
      const link = cachedLink(base, 'day', () => pinging(1));
      const { page } = await benchPage(browser);
      const t0 = Date.now();
      await page.goto(link);
      await page.getByRole('region', { name: 'Timeline' }).locator('svg').first().waitFor({ timeout: 300_000 });
      const ms = Date.now() - t0;
      await page.context().close();
      return ms;
    },
  },
  {
    name: 'edit20x2000Ms',
    budget: 200,
    kind: 'max',
    unit: 'ms',
    async run(browser, base) {
      const page = await openSimulator(browser, cachedLink(base, 'busy', busy));
      const scrubber = page.getByLabel('Playhead', { exact: true }).or(page.locator('input[type="range"]').first());
      await scrubber.first().waitFor();
      const field = page.getByRole('region', { name: 'Set up' }).getByLabel('Run length (s)');
      const times: number[] = [];
      for (const end of [1999, 1998, 1997]) {
        await field.fill(String(end));
        // From the commit (Enter) to the frame after the new run reached the screen.
        const ms = await page.evaluate(
          ({ end }) =>
            new Promise<number>((resolve) => {
              const input = document.activeElement as HTMLInputElement;
              const t0 = performance.now();
              input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
              const check = () => {
                const r = document.querySelector<HTMLInputElement>('input[type="range"]');
                if (r && Number(r.max) === end * 1000) requestAnimationFrame(() => resolve(performance.now() - t0));
                else requestAnimationFrame(check);
              };
              check();
            }),
          { end },
        );
        times.push(ms);
      }
      await page.context().close();
      return median(times);
    },
  },
  {
    name: 'play100xFps',
    budget: 30,
    kind: 'min',
    unit: 'fps',
    async run(browser, base) {
      const page = await openSimulator(browser, cachedLink(base, 'busy', busy));
      await page.getByRole('region', { name: 'Timeline' }).locator('svg').first().waitFor();
      await page.getByRole('heading', { name: 'Timeline' }).click();
      for (let i = 0; i < 8; i++) await page.keyboard.press(']');
      const f = await frames(page, async () => {
        await page.keyboard.press('Space');
        await page.waitForTimeout(3000); // a bench: it measures three seconds of playing
        await page.keyboard.press('k');
      });
      await page.context().close();
      const total = f.reduce((a, b) => a + b, 0);
      return total > 0 ? (f.length / total) * 1000 : 0;
    },
  },
);

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
    if (ONLY && !ONLY.has(m.name)) continue;
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
