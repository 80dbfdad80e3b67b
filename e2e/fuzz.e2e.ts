import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FuzzInput, fuzzInputs } from '../src/test/fuzz';
import { launch, trackErrors } from './browser';

/**
 * Issue 15, "zero blank pages in a browser sample": links and autosaves from the fuzzer's own
 * seeded generator (src/test/fuzz.ts, the inputs `npm run fuzz` feeds the loaders) opened in the
 * built app. Each must show the app (its heading, the event log) and raise no uncaught error.
 */

const baseUrl = inject('baseUrl');
const AUTOSAVE_KEY = 'mqtt-will-lab:autosave';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The first links and autosaves of the seeded inputs. */
function sample(links: number, autosaves: number): FuzzInput[] {
  const out: FuzzInput[] = [];
  let l = 0;
  let a = 0;
  for (const input of fuzzInputs({ count: 2000, seed: 15 })) {
    if (input.entrance === 'link' && l < links) {
      out.push(input);
      l++;
    } else if (input.entrance === 'autosave' && a < autosaves) {
      out.push(input);
      a++;
    }
    if (l >= links && a >= autosaves) break;
  }
  return out;
}

/** The fragment a visitor's address would carry for this link text. */
const fragmentOf = (text: string) => {
  const i = text.indexOf('#');
  return i >= 0 ? text.slice(i) : `#${text}`;
};

describe('fuzzed links and autosaves in the browser', { timeout: 600_000 }, () => {
  it('every one opens the app, never a blank page', async () => {
    const inputs = sample(24, 12);
    expect(inputs).toHaveLength(36);
    const failures: string[] = [];
    for (const input of inputs) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      trackErrors(context, errors);
      if (input.entrance === 'autosave')
        await context.addInitScript(
          ([key, text]) => {
            // Only on the app's first load (not about:blank): the app's own autosave is never overwritten.
            if (location.protocol === 'http:' && !sessionStorage.getItem('fuzz-seeded')) {
              localStorage.setItem(key, text);
              sessionStorage.setItem('fuzz-seeded', '1');
            }
          },
          [AUTOSAVE_KEY, input.text] as const,
        );
      const page = await context.newPage();
      const hash = input.entrance === 'autosave' ? input.hash : fragmentOf(input.text);
      // As typed into the address bar: the browser encodes what a URL cannot carry (a lone surrogate
      // cannot be encoded at all, and becomes U+FFFD as a browser would make it).
      await page.goto(
        `${baseUrl}${hash.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')}`,
      );
      try {
        await page.getByRole('heading', { name: 'MQTT Will Lab' }).waitFor({ timeout: 30_000 });
        await page.getByRole('log', { name: 'Event log' }).waitFor({ timeout: 30_000 });
      } catch (e) {
        failures.push(`${input.entrance} ${hash.slice(0, 80)}: ${(e as Error).message.split('\n')[0]}`);
      }
      if (errors.length > 0) failures.push(`${input.entrance} ${hash.slice(0, 80)}: ${errors.join('; ')}`);
      await context.close();
    }
    expect(failures).toEqual([]);
  });

  it('when the code that reads the autosave cannot load, the app says so and writes nothing over it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const saved = '{"format":"mqtt-will-lab/scenario","version":1,"title":"my work","clients":[],"steps":[],"end":10}';
    await context.addInitScript(
      ([key, text]) => {
        if (location.protocol === 'http:' && !sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, text);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [AUTOSAVE_KEY, saved] as const,
    );
    // As if offline right after the first load: the boot chunk is not fetched.
    await context.route(/\/assets\/boot-[^/]*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page
      .getByRole('alert')
      .getByText(/part of the app did not load/)
      .waitFor({ timeout: 30_000 });
    // An edit of the default scenario shown instead is not autosaved over the person's work.
    await page.getByRole('log', { name: 'Event log' }).waitFor({ timeout: 30_000 });
    // Every chunk the page asks for has arrived (the sync module would be running by now) ...
    await page.waitForLoadState('networkidle');
    await page.getByRole('region', { name: 'Set up' }).getByLabel('Title').fill('an edit of the default');
    // ... and leaving the page flushes any pending autosave at once.
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    expect(await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)).toBe(saved);
    await context.close();
  });
});
