import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROFILES } from '../engine/profiles';
import { loadAllMessages } from '../i18n/messages';
import { inProcessRunner } from '../runner/in-process';
import { defaultScenario } from '../store/defaults';
import { noticeStore } from '../store/notice';
import { scenarioStore } from '../store/scenario';
import { initialView, viewStore } from '../store/view';
import { App } from './App';

/**
 * Every view in Simplified Chinese: no run of English words outside code font, clause IDs and
 * proper names. A sentence built outside the catalogs would show up here in English.
 */

// Words that stay as they are in Chinese text (docs/glossary-zh.md): proper names, packet and
// property names of the spec, and the user data of the default scenario.
const KEPT = [
  'MQTT Will Lab',
  'Last Will and Testament',
  'Retain As Published',
  'Retain Handling',
  'No Local',
  'Clean Start',
  'CleanSession',
  'Session Present',
  'A device drops off the network', // the default scenario's title: user data
  // A profile's departure cites its source (issue, file and function at a tag), like a clause ID.
  ...citations(PROFILES),
];

function citations(x: unknown): string[] {
  if (!x || typeof x !== 'object') return [];
  return Object.entries(x).flatMap(([k, v]) => (k === 'source' && typeof v === 'string' ? [v] : citations(v)));
}

/** Runs of three or more English words in the page's visible text, outside <code> and <kbd>. */
function englishRuns(root: HTMLElement): string[] {
  const clone = root.cloneNode(true) as HTMLElement;
  for (const el of clone.querySelectorAll('code, kbd, pre, option[lang], [translate="no"]')) el.remove();
  let text = clone.textContent ?? '';
  // Longest first: a short citation (nanomq#1989) is part of longer ones.
  for (const k of [...KEPT].sort((a, b) => b.length - a.length)) text = text.split(k).join(' ');
  return [...text.matchAll(/[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}/g)].map((m) => m[0]);
}

beforeAll(async () => {
  await loadAllMessages('zh-CN');
});

afterEach(cleanup);

beforeEach(() => {
  scenarioStore.setState({ scenario: defaultScenario(), past: [], future: [] });
  viewStore.setState({ ...initialView, locale: 'zh-CN' });
  noticeStore.setState({ notice: null });
});

describe('the app in Simplified Chinese', () => {
  it('shows the simulator in Chinese: the will card, the event log and its explanations', async () => {
    render(<App runner={inProcessRunner} />);
    const card = await screen.findByRole('region', { name: '每条遗嘱的结果' }, { timeout: 5000 });
    expect((await within(card).findAllByText(/15\.000 秒/)).length).toBeGreaterThan(0);
    await screen.findByRole('region', { name: '配置' }, { timeout: 5000 });
    await screen.findByRole('heading', { name: /在 .* 注入/ });
    expect(screen.getByLabelText('语言')).toHaveValue('zh-CN');
    expect(englishRuns(document.body)).toEqual([]);
  });

  it('shows the explanation of a selected event in Chinese', async () => {
    const user = userEvent.setup();
    render(<App runner={inProcessRunner} />);
    const log = await screen.findByRole('log', { name: '事件日志' });
    act(() => viewStore.getState().playheadMoved(40_000));
    const entries = await within(log).findAllByRole('button');
    await user.click(entries[entries.length - 1] as HTMLElement);
    expect(englishRuns(document.body)).toEqual([]);
  });

  for (const [view, heading] of [
    ['lessons', '课程'],
    ['compare', '并排对比'],
    ['real-broker', '在真实服务器上运行'],
    ['explorer', null],
  ] as const) {
    it(`shows the ${view} view in Chinese`, async () => {
      viewStore.setState({ view });
      render(<App runner={inProcessRunner} />);
      if (heading) await screen.findByRole('heading', { name: heading }, { timeout: 5000 });
      else await screen.findByRole('button', { name: '导出 CSV' }, { timeout: 5000 });
      expect(englishRuns(document.body)).toEqual([]);
    });
  }

  it('walks lesson 1 in Chinese', async () => {
    const user = userEvent.setup();
    viewStore.setState({ view: 'lessons' });
    render(<App runner={inProcessRunner} />);
    const list = await screen.findByRole('list', { name: '全部课程' }, { timeout: 5000 });
    await user.click(within(list).getAllByRole('button')[0] as HTMLElement);
    await screen.findByText(/第 1 课，共 12 课/);
    expect(englishRuns(document.body)).toEqual([]);
  });

  it('opens the header dialogs and the help in Chinese', async () => {
    const user = userEvent.setup();
    render(<App runner={inProcessRunner} />);
    for (const name of ['分享…', '打开…', '导出…']) {
      await user.click(await screen.findByRole('button', { name }));
      expect(await screen.findByRole('dialog')).toBeInTheDocument();
      expect(englishRuns(document.body)).toEqual([]);
      await user.keyboard('{Escape}');
    }
    await user.click(screen.getByRole('button', { name: /键盘快捷键/ }));
    expect(await screen.findByRole('dialog', { name: '键盘快捷键' })).toBeInTheDocument();
    expect(englishRuns(document.body)).toEqual([]);
  });
});
