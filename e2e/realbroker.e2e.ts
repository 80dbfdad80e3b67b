import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findMosquitto, type MosquittoInstance, startMosquitto } from '../src/realbroker/mosquitto';
import { axeViolations, launch, newPage } from './browser';

/**
 * Issue 6 in the browser: a user plays the working scenario on a real broker (our own Debian
 * mosquitto, WebSocket listener on 127.0.0.1) and sees the broker agree with the mosquitto-2.0
 * profile's prediction. `.ci/run` installs mosquitto; without it this test fails and says so.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let broker: MosquittoInstance | undefined;

beforeAll(async () => {
  mkdirSync('reports/screenshots', { recursive: true });
  const bin = findMosquitto();
  if (!bin) throw new Error("Debian's mosquitto is not installed (apt-get install mosquitto); .ci/run installs it");
  broker = await startMosquitto({ bin, persistence: false, websockets: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await broker?.stop();
});

describe('run on a real broker', () => {
  it('plays a drop with Session Expiry 0 on mosquitto over WebSocket and finds the broker agrees with the profile', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await page.getByRole('log', { name: 'Event log' }).getByRole('button').first().waitFor();
    const setup = page.getByRole('region', { name: 'Set up' });
    await setup.waitFor();

    // A short scenario: the device drops at 1 s with Session Expiry 0 and Will Delay 0; 3 s in all.
    await setup.getByLabel('Broker profile').selectOption({ label: 'Mosquitto 2.0' });
    await setup.getByLabel('Session Expiry (s)').fill('0');
    await setup.getByLabel('Will Delay (s)').fill('0');
    await page.getByRole('button', { name: /^Remove device: network drop at 5\.000 s/ }).click();
    await setup.getByLabel('Run length (s)').fill('3');
    const playhead = page.getByLabel('Playhead time (s)');
    await playhead.fill('1');
    await playhead.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Inject at 1.000 s' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Network drop', exact: true }).click();
    await page
      .getByRole('log', { name: 'Event log' })
      .getByRole('button', { name: /^1\.000 s\s*broker\s*will of device#1 published/ })
      .waitFor();

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Real broker' }).click();
    const url = page.getByLabel('WebSocket URL of the broker');
    await url.fill(`ws://127.0.0.1:${broker?.wsPort}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Run on this broker' }).click();
    await page.getByText(/The broker did what the profile predicts/).waitFor({ timeout: 120_000 });
    const wills = page.getByRole('table', { name: 'Wills' });
    expect(await wills.getByRole('row', { name: /device#1/ }).count()).toBe(1);
    await page.screenshot({ path: 'reports/screenshots/real-broker.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
