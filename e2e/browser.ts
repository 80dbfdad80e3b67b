import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Shared by the browser tests of share links, lessons, compare and embed: Debian's chromium, a page
 * that records console errors (a test fails on any), and axe-core's serious and critical violations.
 */

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Tracked {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Records console errors and uncaught exceptions of every page of the context (popups too). */
export function trackErrors(context: BrowserContext, errors: string[]): void {
  // A limit, not a budget: waits are for conditions, and a busy machine may take long to meet them.
  context.setDefaultTimeout(90_000);
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url().slice(0, 60)}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url().slice(0, 60)}: ${e.message}`));
  };
  for (const p of context.pages()) watch(p);
  context.on('page', watch);
}

/** Serious and critical accessibility violations found by axe-core in the page. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(' ')}`);
}

/** A new page in its own context whose console errors and uncaught exceptions land in `errors`. */
export async function newPage(
  browser: Browser,
  o: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: o.width ?? 1280, height: o.height ?? 900 },
    colorScheme: o.colorScheme ?? 'light',
  });
  const errors: string[] = [];
  trackErrors(context, errors);
  const page = await context.newPage();
  return { page, errors };
}
