import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiEn } from '../i18n/ui-en';
import { inProcessRunner } from '../runner/in-process';
import { defaultScenario } from '../store/defaults';
import { noticeStore } from '../store/notice';
import { scenarioStore } from '../store/scenario';
import { initialView, viewStore } from '../store/view';
import { App } from './App';
import { ErrorBoundary, lazyRetry } from './boundary';
import { extraViews } from './extensions';

// Nothing blank, ever: a view or chunk that fails shows why, with Retry and a way back.
const b = uiEn.boundary;

function Broken(): never {
  throw new Error('x'.repeat(5000));
}

afterEach(cleanup);
beforeEach(() => {
  scenarioStore.setState({ scenario: defaultScenario(), past: [], future: [] });
  viewStore.setState({ ...initialView });
  noticeStore.setState({ notice: null });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('error boundaries', { timeout: 60_000 }, () => {
  it('a lazy chunk that cannot be fetched says so, and Retry fetches it again', async () => {
    let tries = 0;
    const Panel = lazyRetry(async () => {
      tries++;
      if (tries === 1) throw new TypeError('Failed to fetch dynamically imported module: /assets/Panel.js');
      return { default: () => <p>panel loaded</p> };
    });
    const user = userEvent.setup();
    render(
      <ErrorBoundary>
        <Suspense fallback={<p>loading</p>}>
          <Panel />
        </Suspense>
      </ErrorBoundary>,
    );
    expect(await screen.findByRole('alert', {}, { timeout: 30_000 })).toHaveTextContent(b.loadFailed);
    await user.click(screen.getByRole('button', { name: b.retry }));
    expect(await screen.findByText('panel loaded', {}, { timeout: 30_000 })).toBeInTheDocument();
    expect(tries).toBe(2);
  });

  it('a view of the app that fails keeps the header and offers the way back to the simulator', async () => {
    extraViews.push({ id: 'broken', labelKey: 'broken', Component: Broken });
    try {
      const user = userEvent.setup();
      render(<App runner={inProcessRunner} />);
      await user.click(screen.getByRole('button', { name: 'broken' }));
      const alert = await screen.findByRole('alert', {}, { timeout: 30_000 });
      expect(alert).toHaveTextContent(b.crashed);
      // The error's text is quoted shortened, never whole.
      expect(alert.textContent?.length).toBeLessThan(600);
      expect(screen.getByRole('heading', { name: 'MQTT Will Lab' })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: b.backToSimulator }));
      expect(viewStore.getState().view).toBe('simulator');
      expect(
        await screen.findByRole('region', { name: 'What became of each will' }, { timeout: 30_000 }),
      ).toBeInTheDocument();
    } finally {
      extraViews.pop();
    }
  });

  it('the notice offers work that failed to load as a download', async () => {
    noticeStore.getState().noticeShown({
      message: 'This link could not be opened.',
      details: [],
      downloads: [{ label: 'Download the set-aside autosave', filename: 'a.json', text: '{}' }],
    });
    const create = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: () => {} });
    const user = userEvent.setup();
    render(<App runner={inProcessRunner} />);
    await user.click(screen.getByRole('button', { name: 'Download the set-aside autosave' }));
    expect(create).toHaveBeenCalledTimes(1);
  });
});
