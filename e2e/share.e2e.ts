import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { toBase64Url } from '../src/share/base64url';
import { axeViolations, launch, trackErrors } from './browser';

/**
 * Issue 4 in the built app, used as a new user would (roles and labels): links printed by
 * `npm run share`, a mangled link, lesson 1, reload and Reset, Copy link / Open / Export, the
 * compare view and the embedded player. Any console error fails the test; axe-core checks each
 * new view; screenshots go to reports/screenshots/.
 */

const baseUrl = inject('baseUrl');
const SHOTS = 'reports/screenshots';
const AUTOSAVE_KEY = 'mqtt-will-lab:autosave';

let browser: Browser;
const opened: { context: BrowserContext; errors: string[] }[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const { context, errors } of opened.splice(0)) {
    await context.close();
    expect(errors, 'console errors').toEqual([]);
  }
});

/** A new visitor: a fresh browser context (empty storage), one page. */
async function visitor(
  options: { width?: number; height?: number; permissions?: string[] } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: 'light',
    permissions: options.permissions ?? [],
  });
  const errors: string[] = [];
  trackErrors(context, errors);
  opened.push({ context, errors });
  return { context, page: await context.newPage() };
}

/** Waits for the first run in the event log (and, in the full app, the set-up panel). */
async function ready(page: Page, { embed = false } = {}): Promise<void> {
  await page.getByRole('log', { name: 'Event log' }).getByRole('button').first().waitFor();
  if (!embed) await page.getByRole('region', { name: 'Set up' }).waitFor();
}

async function openApp(page: Page, url: string, options: { embed?: boolean } = {}): Promise<void> {
  await page.goto(url);
  await ready(page, options);
}

/** `npm run share -- <file> --base <preview server>`: the link it prints. */
function cliLink(file: string, ...args: string[]): string {
  return execFileSync('npm', ['run', '-s', 'share', '--', file, '--base', baseUrl, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  }).trim();
}

/** A scenario file written for one test. */
function scenarioFile(doc: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'will-lab-e2e-')), 'scenario.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

const setup = (page: Page) => page.getByRole('region', { name: 'Set up' });
const titleField = (page: Page) => setup(page).getByLabel('Title', { exact: true });
const log = (page: Page) => page.getByRole('log', { name: 'Event log' });
const card = (page: Page, name: string) =>
  page.getByRole('region', { name: 'What became of each will' }).getByRole('listitem', { name });
const playhead = (page: Page) => page.getByLabel('Playhead time (s)');

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, undefined];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('share links', () => {
  it('opens a link printed by `npm run share` and finds the will in the event log (and `npm run sim -- --link` agrees)', async () => {
    const link = cliLink('scenarios/sensor-drop.json');
    expect(link.startsWith(`${baseUrl}#s=v1.`)).toBe(true);

    const { page } = await visitor();
    await openApp(page, link);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await titleField(page).inputValue()).toBe('Drop with Session Expiry 0');
    await page.getByRole('button', { name: 'Go to end' }).click();
    const will = log(page).getByRole('button', { name: /^5\.000 s\s*broker\s*will of sensor#1 published/ });
    await will.waitFor();
    expect(await will.textContent()).toContain('("status/sensor-1")');
    await log(page)
      .getByRole('button', { name: /^5\.000 s\s*broker\s*observer receives "offline" on "status\/sensor-1"/ })
      .waitFor();
    expect(await card(page, 'sensor').textContent()).toContain('Will published at 5.000 s');
    await page.screenshot({ path: `${SHOTS}/share-1-opened-link.png` });

    // The same link on the command line: the same will, at the same time.
    const sim = execFileSync('npm', ['run', '-s', 'sim', '--', '--link', link], { encoding: 'utf8' });
    expect(sim).toMatch(/5\.000 s\s+broker\s+will of sensor#1 published \("status\/sensor-1"\)/);
  });

  it('shows what is wrong with a mangled link, opens the default and stays usable', async () => {
    const link = cliLink('scenarios/sensor-drop.json');
    const { context, page } = await visitor();
    // Cut off, as a chat client might do.
    await openApp(page, link.slice(0, -40));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const words = await alert.textContent();
    expect(words).toContain('This link could not be opened.');
    expect(words).toContain('The link is cut off: its data ends too early.');
    expect(words).toContain('The default scenario is shown instead.');
    expect(await titleField(page).inputValue()).toBe('A device drops off the network');
    await page.screenshot({ path: `${SHOTS}/share-2-mangled-link.png` });
    expect(await axeViolations(page)).toEqual([]);

    // Still usable: it plays, and an edit goes into the URL and the autosave.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(Number(await playhead(page).inputValue())).toBeGreaterThan(0);
    await titleField(page).fill('Still usable');
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/#s=v1\.[A-Za-z0-9_-]+$/);
    await expect
      .poll(() => page.evaluate((k) => localStorage.getItem(k), AUTOSAVE_KEY))
      .toContain('"title":"Still usable"');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);

    // A scenario with problems: each is listed by path; the autosave opens instead.
    const bad = {
      version: 1,
      clients: [{ name: 'a', will: { topic: 't', payload: 'x', qos: 3 } }],
      steps: [],
      end: 10,
    };
    const payload = toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(bad)), { level: 9 }));
    const second = await context.newPage();
    await openApp(second, `${baseUrl}#s=v1.${payload}`);
    const problems = second.getByRole('alert');
    expect(await problems.textContent()).toContain('The link holds a scenario with problems:');
    expect(await problems.textContent()).toContain('Your autosaved scenario is shown instead.');
    expect(await problems.getByRole('listitem').allTextContents()).toContainEqual(
      expect.stringMatching(/^clients\[0\]\.will\.qos: /),
    );
    expect(await titleField(second).inputValue()).toBe('Still usable');
    await second.screenshot({ path: `${SHOTS}/share-3-invalid-scenario-link.png` });

    // A link pasted into the address bar: a bad one is reported, the open scenario stays.
    await second.goto(`${baseUrl}#s=v1.<img src=x onerror=alert(1)>`);
    await expect.poll(() => second.getByRole('alert').textContent()).toContain('"<" at position 1');
    expect(await titleField(second).inputValue()).toBe('Still usable');
    await second.close();
  });

  it('renders markup in a topic and a payload as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const file = scenarioFile({
      format: 'mqtt-will-lab/scenario',
      version: 1,
      title: '<script>window.__pwned=1</script>',
      clients: [
        {
          name: 'dev',
          clientId: 'dev',
          cleanStart: true,
          keepAlive: 60,
          will: { topic: 'a/<i>b</i>', payload: hostile, qos: 1, retain: false },
        },
      ],
      steps: [
        { t: 0, action: 'connect', client: 'dev' },
        { t: 1, action: 'drop', client: 'dev' },
      ],
      end: 5,
    });
    const { page } = await visitor();
    await openApp(page, cliLink(file));
    await page.getByRole('button', { name: 'Go to end' }).click();
    const delivered = log(page).getByRole('button', { name: /^1\.000 s\s*broker\s*observer receives/ });
    await delivered.waitFor();
    expect(await delivered.textContent()).toContain(`"${hostile}" on "a/<i>b</i>"`);
    expect(await titleField(page).inputValue()).toBe('<script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img, main b, main i').count()).toBe(0);
  });

  it('keeps an edit across a reload (URL and autosave); Reset goes back to the default and Back undoes it', async () => {
    const { page } = await visitor();
    await openApp(page, baseUrl);
    await setup(page).getByLabel('Will Delay (s)').fill('3');
    await expect.poll(() => card(page, 'device').textContent()).toContain('Will published at 8.000 s');
    await expect.poll(() => page.url()).toContain('#s=v1.');

    await page.reload();
    await ready(page);
    expect(await setup(page).getByLabel('Will Delay (s)').inputValue()).toBe('3');
    await expect.poll(() => card(page, 'device').textContent()).toContain('Will published at 8.000 s');

    // Without the fragment, the autosave.
    await openApp(page, baseUrl);
    expect(page.url()).toBe(baseUrl);
    expect(await setup(page).getByLabel('Will Delay (s)').inputValue()).toBe('3');

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => card(page, 'device').textContent()).toContain('Will published at 15.000 s');
    expect(await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE_KEY)).toBeNull();
    // Reset is a new history entry: Back returns to the edited scenario.
    await page.goBack();
    await expect.poll(() => card(page, 'device').textContent()).toContain('Will published at 8.000 s');
    await page.goForward();
    await expect.poll(() => card(page, 'device').textContent()).toContain('Will published at 15.000 s');

    await openApp(page, baseUrl);
    expect(await setup(page).getByLabel('Will Delay (s)').inputValue()).toBe('10');
  });

  it('copies the link, warns about a long one, opens pasted links, case files and bad text, and exports', async () => {
    const { page } = await visitor({ permissions: ['clipboard-read', 'clipboard-write'] });
    await openApp(page, baseUrl);

    await page.getByRole('button', { name: 'Share…' }).click();
    const share = page.getByRole('dialog', { name: 'Share' });
    await share.getByRole('button', { name: 'Copy link' }).click();
    await share.getByText('Link copied to the clipboard.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`${baseUrl}#s=v1.`)).toBe(true);
    expect(await share.getByLabel('Link to this scenario').inputValue()).toBe(copied);
    expect(await share.getByRole('meter', { name: 'Link length' }).getAttribute('aria-valuetext')).toBe(
      `${copied.length} of 2,000 characters`,
    );
    await page.screenshot({ path: `${SHOTS}/share-4-share-dialog.png` });
    expect(await axeViolations(page)).toEqual([]);
    await share.getByRole('button', { name: 'Close' }).click();

    // A big scenario: the meter warns and offers the file instead.
    await setup(page)
      .getByLabel('Examples')
      .selectOption({ label: 'Busy broker: 24 devices flapping (1,000+ events)' });
    await setup(page).getByRole('button', { name: 'Load example' }).click();
    await page.getByRole('button', { name: 'Share…' }).click();
    await share.getByText(/it may not fit a chat message or a QR code/).waitFor();
    const json = await downloaded(page, () => share.getByRole('button', { name: 'Download JSON' }).click());
    expect(json.name).toMatch(/\.json$/);
    expect(JSON.parse(json.text).clients).toHaveLength(24);
    await page.keyboard.press('Escape');

    // Open the copied link: the first scenario is back.
    await page.getByRole('button', { name: 'Open…' }).click();
    const open = page.getByRole('dialog', { name: 'Open a scenario' });
    await open.getByLabel('Or paste scenario JSON or a link').fill(copied);
    await open.getByRole('button', { name: 'Open', exact: true }).click();
    await open.waitFor({ state: 'detached' });
    await expect.poll(() => titleField(page).inputValue()).toBe('A device drops off the network');

    // A FORMAT.md case file with many cases: a picker.
    await page.getByRole('button', { name: 'Open…' }).click();
    await open.getByLabel('Scenario or case file (.json)').setInputFiles('conformance/spec-cases.json');
    await open.getByText(/This file holds \d+ cases\. Pick one to open:/).waitFor();
    await open.getByLabel(/^Case/).selectOption('v5-cs1-se0-wd0-drop');
    await page.screenshot({ path: `${SHOTS}/share-5-case-picker.png` });
    await open.getByRole('button', { name: 'Open case' }).click();
    await open.waitFor({ state: 'detached' });
    await expect
      .poll(() => titleField(page).inputValue())
      .toBe('v5 CS=1 SE=0 WD=0: network drop (socket closed, no DISCONNECT)');

    // Text with problems: listed by path; nothing is opened.
    await page.getByRole('button', { name: 'Open…' }).click();
    await open
      .getByLabel('Or paste scenario JSON or a link')
      .fill(JSON.stringify({ format: 'mqtt-will-lab/scenario', version: 1, clients: [{ name: 'a', keepAlive: -1 }] }));
    await open.getByRole('button', { name: 'Open', exact: true }).click();
    const problems = open.getByRole('alert');
    expect(await problems.textContent()).toMatch(/^The pasted text has \d+ problems?:/);
    expect(await problems.getByRole('listitem').allTextContents()).toContainEqual(
      expect.stringMatching(/^clients\[0\]\.keepAlive: /),
    );
    await page.screenshot({ path: `${SHOTS}/share-6-import-problems.png` });
    expect(await axeViolations(page)).toEqual([]);
    await open.getByRole('button', { name: 'Close' }).click();
    expect(await titleField(page).inputValue()).toBe('v5 CS=1 SE=0 WD=0: network drop (socket closed, no DISCONNECT)');

    // Export: the scenario file, the run as Mermaid, a reproduction script.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exp = page.getByRole('dialog', { name: 'Export' });
    const file = await downloaded(page, () => exp.getByRole('button', { name: 'Scenario JSON' }).click());
    expect(JSON.parse(file.text).title).toBe('v5 CS=1 SE=0 WD=0: network drop (socket closed, no DISCONNECT)');
    const mermaid = await downloaded(page, () => exp.getByRole('button', { name: 'Mermaid sequence diagram' }).click());
    expect(mermaid.name).toMatch(/\.mmd$/);
    expect(mermaid.text.split('\n')).toContain('sequenceDiagram');
    expect(mermaid.text).toContain('dev');
    const repro = await downloaded(page, () =>
      exp.getByRole('button', { name: 'Reproduction script (mosquitto)' }).click(),
    );
    expect(repro.name).toMatch(/\.sh$/);
    expect(repro.text).toContain('mosquitto_sub');
    expect(repro.text).toContain('kill -9');
    await exp.getByText(/^Saved .*\.sh\.$/).waitFor();
  });
});

describe('lessons', () => {
  it('walks lesson 1 forward and back: predict, reveal the spec, NanoMQ 0.23.2 and 0.23.3 side by side', async () => {
    const { page } = await visitor();
    await openApp(page, baseUrl);
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const list = page.getByRole('list', { name: 'All lessons' });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${SHOTS}/lesson-0-list.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await list.getByRole('button', { name: /^1\. The NanoMQ 0\.23\.2 story/ }).click();

    const lesson = page.getByRole('article', { name: 'The NanoMQ 0.23.2 story' });
    const next = lesson.getByRole('button', { name: 'Next' });
    const back = lesson.getByRole('button', { name: 'Back' });
    const step = (n: number) => lesson.getByText(new RegExp(`^Step ${n} of 6 · at `)).waitFor();
    await step(1);
    expect(await back.isDisabled()).toBe(true);
    // No peeking: the runs stay hidden until the prediction.
    await page.getByText(/The runs are shown from step 3 on/).waitFor();
    expect(await page.getByRole('log', { name: 'Event log' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/lesson-1-step1.png`, fullPage: true });

    await next.click();
    await step(2);
    expect(await next.isDisabled()).toBe(true);
    await lesson.getByText('Make a prediction before the run reveals the answer.').waitFor();
    await lesson
      .getByRole('radio', { name: 'At 20 s under the spec; not at all (during the run) under NanoMQ 0.23.2.' })
      .check();
    await lesson.getByRole('button', { name: 'Lock in my prediction' }).click();
    await next.click();
    await step(3);
    expect(await lesson.getByRole('status').textContent()).toBe("Right: the engine's run agrees with your prediction.");

    // The three runs, side by side, at the beat's time.
    const spec = page.getByRole('region', { name: 'MQTT 5.0 spec' });
    const nano = page.getByRole('region', { name: 'NanoMQ 0.23.2' });
    await page.getByRole('region', { name: 'NanoMQ 0.23.3' }).waitFor();
    await expect.poll(() => playhead(page).inputValue()).toBe('20.000');
    await spec
      .getByRole('log', { name: 'Event log' })
      .getByRole('button', { name: /^20\.000 s\s*broker\s*will of sensor#1 published/ })
      .waitFor();
    await nano
      .getByRole('log', { name: 'Event log' })
      .getByRole('button', { name: /^20\.000 s\s*broker\s*will of sensor#1 withheld/ })
      .waitFor();
    expect(
      await nano.getByRole('region', { name: 'What became of each will' }).getByRole('listitem').textContent(),
    ).toContain('NanoMQ 0.23.2 departs from the spec here (nanomq#1989; NanoNNG 446d231');
    await page.screenshot({ path: `${SHOTS}/lesson-2-revealed.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await next.click();
    await step(4);
    await next.click();
    await step(5);
    await expect.poll(() => playhead(page).inputValue()).toBe('25.000');
    await next.click();
    await step(6);
    await expect.poll(() => playhead(page).inputValue()).toBe('120.000');
    await lesson.getByText(/^Session Expiry 0 \(or absent\) ends the session at the close/).waitFor();
    expect(await next.isDisabled()).toBe(true);

    for (const n of [5, 4, 3, 2, 1]) {
      await back.click();
      await step(n);
    }
    expect(await back.isDisabled()).toBe(true);
    // Before the reveal again: the runs are hidden.
    expect(await playhead(page).count()).toBe(0);

    // The lesson's scenario is in the simulator, at the beat's time; the lesson waits where it was.
    await page.getByRole('button', { name: 'Simulator', exact: true }).click();
    expect(await titleField(page).inputValue()).toBe('Lesson: The NanoMQ 0.23.2 story (MQTT 5.0 spec)');
    expect(await playhead(page).inputValue()).toBe('0.000');
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await step(1);
    await lesson
      .getByText('You predicted: At 20 s under the spec; not at all (during the run) under NanoMQ 0.23.2.')
      .waitFor();
  });
});

describe('compare', () => {
  it('marks where the scenario and a variant with Will Delay 0 first differ, and draws both runs', async () => {
    const { page } = await visitor();
    await openApp(page, baseUrl);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByLabel('Compare with').selectOption({ label: 'A changed parameter' });
    await page.getByLabel(/^Parameter/).selectOption({ label: 'Will Delay (s)' });
    await page.getByRole('spinbutton', { name: 'Will Delay (s)' }).fill('0');
    await page.getByText('The runs first differ at 5.000 s.').waitFor();
    const marked = page.getByRole('list', { name: 'Decisions: As written' }).locator('[aria-current="true"]');
    expect(await marked.textContent()).toContain('first difference');
    await page.getByRole('button', { name: 'Show the timeline at 5.000 s' }).click();
    await expect.poll(() => playhead(page).inputValue()).toBe('5.000');
    const changed = page.getByRole('region', { name: 'Changed: device Will Delay (s) = 0' });
    expect(await changed.getByRole('listitem', { name: 'device' }).textContent()).toContain(
      'Will published at 5.000 s',
    );
    expect(
      await page.getByRole('region', { name: 'As written' }).getByRole('listitem', { name: 'device' }).textContent(),
    ).toContain('Will published at 15.000 s');
    await page.screenshot({ path: `${SHOTS}/compare-1.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the new views in the dark theme at 768 px', () => {
  it('fit the width and have no serious accessibility violations', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, colorScheme: 'dark' });
    const errors: string[] = [];
    trackErrors(context, errors);
    opened.push({ context, errors });
    const page = await context.newPage();
    await openApp(page, `${baseUrl}#s=v1.mangled`);
    await page.getByRole('alert').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page.getByRole('button', { name: /^8\. Takeover by the same Client Identifier/ }).click();
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Lock in my prediction' }).click();
    const next = page.getByRole('button', { name: 'Next', exact: true });
    while ((await page.getByRole('region', { name: 'Playback' }).count()) === 0) await next.click();
    await page.getByRole('region', { name: 'Will Delay 30 s' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/dark-768-lesson-8.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByText(/^The runs first differ at|^Both runs take the same decisions\./).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/dark-768-compare.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('dialog', { name: 'Open a scenario' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/dark-768-open.png` });
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('embed', () => {
  it('shows a compact read-only player whose link opens the full simulator on the same scenario', async () => {
    const link = cliLink('scenarios/sensor-drop.json');
    const { context, page } = await visitor({ width: 800, height: 600 });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await openApp(page, link.replace('/#', '/?embed=1#'), { embed: true });

    await page.getByRole('heading', { name: 'Drop with Session Expiry 0' }).waitFor();
    expect(await page.getByRole('region', { name: 'Set up' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Share…' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Views' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Go to end' }).click();
    await log(page)
      .getByRole('button', { name: /^5\.000 s\s*broker\s*will of sensor#1 published/ })
      .waitFor();
    expect(await card(page, 'sensor').textContent()).toContain('Will published at 5.000 s');
    // Read-only and light: no editing panel, no share menu, no lesson was fetched; nothing autosaved.
    expect(requested.filter((u) => /\/assets\/(Setup|Inject|HeaderActions|LessonsView|CompareSlot)-/.test(u))).toEqual(
      [],
    );
    expect(await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE_KEY)).toBeNull();
    await page.screenshot({ path: `${SHOTS}/embed-800x600.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    const full = page.getByRole('link', { name: 'Open in the full simulator (new tab)' });
    await expect.poll(() => full.getAttribute('href')).toBe(link);
    const [popup] = await Promise.all([context.waitForEvent('page'), full.click()]);
    await ready(popup);
    expect(popup.url()).toBe(link);
    expect(await titleField(popup).inputValue()).toBe('Drop with Session Expiry 0');
    await popup.getByRole('button', { name: 'Share…' }).waitFor();
  });
});
