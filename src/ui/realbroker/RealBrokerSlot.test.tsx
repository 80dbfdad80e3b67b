import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../runner/in-process';
import { createRunStore } from '../../runner/runner';
import { defaultScenario } from '../../store/defaults';
import { RunContext } from '../run-context';
import RealBrokerSlot from './RealBrokerSlot';

afterEach(cleanup);

describe('the real-broker slot of the app shell', () => {
  it('shows the panel with the current run, naming its profile', async () => {
    const runs = createRunStore(inProcessRunner);
    const scenario = { ...defaultScenario(), profile: 'mosquitto-2.0' };
    runs.request(scenario);
    render(
      <RunContext.Provider value={runs}>
        <RealBrokerSlot />
      </RunContext.Provider>,
    );
    expect(await screen.findByRole('region', { name: 'Run on a real broker' })).toBeInTheDocument();
    expect(screen.getByText(/prediction of the Mosquitto 2.0 profile/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run on this broker' })).toBeEnabled();
  });
});
