import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage } from './browser';

/**
 * Issue 15, item 3: one dist/ works at any path, and after one visit the app works offline. The
 * build is served by a tiny static server on 127.0.0.1 under /some/path/ (nothing at /).
 */
const PREFIX = '/some/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

let server: Server;
/** Off: the server answers 503 to everything (the deployment is gone). */
let serving = true;
let base: string;
let browser: Browser;

beforeAll(async () => {
  const root = join(process.cwd(), 'dist');
  server = createServer((req, res) => {
    if (!serving) {
      res.writeHead(503).end('gone');
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end('not here');
      return;
    }
    const rel = normalize(path.slice(PREFIX.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(join(root, rel)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}${PREFIX}`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('deployed under a sub-path', () => {
  it('opens, runs the default scenario, loads lazy views and has its icon, manifest and link preview', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(base);
    await page.getByRole('log', { name: 'Event log' }).getByRole('button').first().waitFor();
    await page.getByRole('region', { name: 'Set up' }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    // A lazy view and its worker, from the sub-path.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Explorer' }).click();
    await page.getByRole('heading', { name: 'Parameter explorer' }).waitFor();

    const head = await page.evaluate(() => ({
      icon: document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '',
      manifest: document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? '',
      description: document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? '',
      ogTitle: document.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content ?? '',
      ogImage: document.querySelector<HTMLMetaElement>('meta[property="og:image"]')?.content ?? '',
    }));
    expect(head.description).toContain('MQTT Last Will');
    expect(head.ogTitle).toBe('MQTT Will Lab');
    for (const url of [head.icon, head.manifest, new URL(head.ogImage, base).href]) {
      expect(url.startsWith(base), url).toBe(true);
      expect((await page.request.get(url)).status(), url).toBe(200);
    }
    const manifest = await (await page.request.get(head.manifest)).json();
    expect(manifest.name).toBe('MQTT Will Lab');
    expect(manifest.start_url).toBe('./');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('after a first visit, reloads and works offline (lazy views included)', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(base);
    await page.getByRole('log', { name: 'Event log' }).getByRole('button').first().waitFor();
    // The service worker has cached the build and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });

    await page.context().setOffline(true);
    // And the server is gone, too: everything must come from the first visit's copy.
    serving = false;
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.reload();
    await page.getByRole('log', { name: 'Event log' }).getByRole('button').first().waitFor();
    await page.getByRole('region', { name: 'Set up' }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    // An edit is simulated by the worker, offline: no Will Delay, so the dropped device's will goes at 5 s.
    const card = page
      .getByRole('region', { name: 'What became of each will' })
      .getByRole('listitem', { name: 'device' });
    await expect.poll(() => card.textContent()).toContain('Will published at 15.000 s');
    await page.getByRole('region', { name: 'Set up' }).getByLabel('Will Delay (s)').fill('0');
    await expect.poll(() => card.textContent()).toContain('Will published at 5.000 s');
    // A view whose code was not loaded before going offline.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('heading', { name: 'Lessons', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
