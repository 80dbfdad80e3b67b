import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../engine/sim';
import type { RunResult, Scenario } from '../engine/types';
import { handleRunRequest } from '../runner/engine-core';
import { type Runner, RunProblemError } from '../runner/runner';
import { createWorkerRunner, type RunRequest, type RunResponse } from '../runner/worker-runner';
import { defaultScenario } from '../store/defaults';
import { noticeStore } from '../store/notice';
import { scenarioStore } from '../store/scenario';
import { initialView, viewStore } from '../store/view';
import { App } from './App';

/**
 * Issue 15, item 1: any accepted scenario stays usable. A run whose result the worker cannot pass
 * to the page (the retained fan-out link: "Data cannot be cloned, out of memory") is reported with
 * an offer of a shorter window, never left pending; a run that takes long can be cancelled.
 */
beforeEach(() => {
  scenarioStore.setState({ scenario: defaultScenario(), past: [], future: [] });
  viewStore.setState({ ...initialView });
  noticeStore.setState({ notice: null });
});

/** The app worker's core behind a fake Worker whose postMessage fails above `maxEntries`. */
function workerThatRunsOutOfMemory(maxEntries: number): Runner {
  return createWorkerRunner({
    makeWorker: () => {
      const w = {
        onmessage: null as ((e: MessageEvent<RunResponse>) => void) | null,
        onerror: null,
        terminate() {},
        postMessage(m: RunRequest) {
          setTimeout(() =>
            handleRunRequest(m, (r) => {
              if (r.ok && r.result.trace.length > maxEntries) throw new Error('Data cannot be cloned, out of memory.');
              w.onmessage?.({ data: structuredClone(r) } as MessageEvent<RunResponse>);
            }),
          );
        },
      };
      return w as unknown as Worker;
    },
  });
}

const timeline = () => screen.findByRole('region', { name: 'Timeline' });

describe('a run too large to pass from the worker', () => {
  it('shows the too-large message and offers a shorter window that it then shows', async () => {
    const full = simulate(defaultScenario()).trace.length;
    const half = simulate({ ...defaultScenario(), end: 20 }).trace.length;
    expect(half).toBeLessThan(full);
    const user = userEvent.setup();
    render(<App runner={workerThatRunsOutOfMemory(full - 1)} />);
    await within(await timeline()).findByText(
      'This run is too large to show: its result does not fit in the memory the browser gives this page.',
    );
    await user.click(await screen.findByRole('button', { name: 'Show the first 20 s instead' }));
    expect(scenarioStore.getState().scenario.end).toBe(20);
    await within(await screen.findByRole('region', { name: 'What became of each will' })).findByRole('listitem', {
      name: 'device',
    });
    expect(
      screen.queryByText(
        'This run is too large to show: its result does not fit in the memory the browser gives this page.',
      ),
    ).not.toBeInTheDocument();
  });
});

describe('a long run', () => {
  it('offers Cancel while it runs, and says it was cancelled, with a shorter window to try', async () => {
    // The first run never finishes by itself (as a huge one would not, in time).
    let stop: ((e: Error) => void) | null = null;
    const runner: Runner = {
      run: (s: Scenario) =>
        stop === null
          ? new Promise<RunResult>((_, reject) => {
              stop = reject;
            })
          : Promise.resolve(simulate(s)),
      cancel: () => stop?.(new RunProblemError({ kind: 'cancelled', suggestedEnd: 20 })),
    };
    const user = userEvent.setup();
    render(<App runner={runner} />);
    const box = within(await timeline());
    await box.findByText('Simulating…');
    await user.click(await box.findByRole('button', { name: 'Cancel' }));
    await box.findByText('The simulation was cancelled.');
    expect(box.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await user.click(box.getByRole('button', { name: 'Show the first 20 s instead' }));
    await within(await screen.findByRole('region', { name: 'What became of each will' })).findByRole('listitem', {
      name: 'device',
    });
  });
});
