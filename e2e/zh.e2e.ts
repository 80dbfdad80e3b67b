import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, trackErrors } from './browser';

/**
 * Issue 11 in the built app: a visitor whose browser speaks Chinese gets the app in Simplified
 * Chinese on the first visit, walks lesson 1 (the NanoMQ 0.23.2 story) and opens the NanoMQ
 * profile in the simulator; the choice of language is remembered, and a shared link carries it
 * only when asked. Waits for conditions only.
 */

const baseUrl = inject('baseUrl');
const SHOTS = 'reports/screenshots';

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

async function visitor(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, colorScheme: 'light' });
  const errors: string[] = [];
  trackErrors(context, errors);
  opened.push({ context, errors });
  return { context, page: await context.newPage() };
}

/** The first run is in the event log and the set-up panel is there. */
async function ready(page: Page, log: string, setup: string): Promise<void> {
  await page.getByRole('log', { name: log }).getByRole('button').first().waitFor();
  await page.getByRole('region', { name: setup }).waitFor();
}

describe('简体中文', () => {
  it('follows the browser on the first visit and walks lesson 1 and the NanoMQ profile in Chinese', async () => {
    const { page } = await visitor('zh-CN');
    await page.goto(baseUrl);
    await ready(page, '事件日志', '配置');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByLabel('语言').inputValue()).toBe('zh-CN');
    await page
      .getByRole('region', { name: '每条遗嘱的结果' })
      .getByText(/遗嘱消息已于 15\.000 秒发布/)
      .waitFor();

    await page.getByRole('button', { name: '课程', exact: true }).click();
    const list = page.getByRole('list', { name: '全部课程' });
    await list.getByRole('button', { name: /^1\. NanoMQ 0\.23\.2 的故事/ }).click();
    const lesson = page.getByRole('article', { name: 'NanoMQ 0.23.2 的故事' });
    const next = lesson.getByRole('button', { name: '下一步' });
    const step = (n: number) => lesson.getByText(new RegExp(`^第 ${n} 步，共 6 步`)).waitFor();
    await step(1);
    await page.getByText(/锁定预测后，从第 3 步起显示运行结果/).waitFor();
    await next.click();
    await step(2);
    await lesson.getByRole('radio', { name: '按规范在第 20 秒；在 NanoMQ 0.23.2 上（运行期间）根本收不到。' }).check();
    await lesson.getByRole('button', { name: '锁定我的预测' }).click();
    await next.click();
    await step(3);
    expect(await lesson.getByRole('status').textContent()).toBe('答对了：引擎的运行结果与你的预测一致。');

    // The three runs, in Chinese: the spec publishes at the drop, NanoMQ 0.23.2 withholds the will.
    const spec = page.getByRole('region', { name: 'MQTT 5.0 规范' });
    const nano = page.getByRole('region', { name: 'NanoMQ 0.23.2' });
    await spec
      .getByRole('log', { name: '事件日志' })
      .getByRole('button', { name: /^20\.000 秒.*已发布/ })
      .first()
      .waitFor();
    await nano
      .getByRole('log', { name: '事件日志' })
      .getByRole('button', { name: /^20\.000 秒.*被扣下/ })
      .first()
      .waitFor();
    await nano
      .getByRole('region', { name: '每条遗嘱的结果' })
      .getByText(/NanoMQ 0\.23\.2 在这里偏离了规范（nanomq#1989/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/zh-lesson-1.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The NanoMQ run in the simulator, still in Chinese.
    await lesson.getByRole('button', { name: '在模拟器中打开“NanoMQ 0.23.2”' }).click();
    await ready(page, '事件日志', '配置');
    expect(await page.getByLabel('服务器行为模型').inputValue()).toBe('nanomq-0.23.2');
    await page
      .getByRole('region', { name: '每条遗嘱的结果' })
      .getByText(/遗嘱消息未发布/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/zh-nanomq.png`, fullPage: true });
  });

  it('remembers a change of language, and a shared link carries the language only when asked', async () => {
    const { page } = await visitor('en-US');
    await page.goto(baseUrl);
    await ready(page, 'Event log', 'Set up');
    await page.getByLabel('Language').selectOption('zh-CN');
    await ready(page, '事件日志', '配置');
    await page.reload();
    await ready(page, '事件日志', '配置');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await page.getByRole('button', { name: '分享…' }).click();
    const link = page.getByLabel('这个场景的链接');
    expect(await link.inputValue()).not.toContain('lang=');
    await page.getByLabel(/用简体中文打开链接/).check();
    const shared = await link.inputValue();
    expect(shared).toContain('?lang=zh-CN#s=v1.');

    // Someone whose browser speaks English opens it: Chinese, as the sharer asked.
    const other = await visitor('en-US');
    await other.page.goto(shared);
    await ready(other.page, '事件日志', '配置');
    // And a link without the language opens in the reader's own.
    await other.page.goto(shared.replace('?lang=zh-CN', ''));
    await ready(other.page, 'Event log', 'Set up');
  });
});
