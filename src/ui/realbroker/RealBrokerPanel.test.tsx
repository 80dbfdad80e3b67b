import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MOSQUITTO_2_0 } from '../../engine/profiles';
import { simulate } from '../../engine/sim';
import type { Scenario } from '../../engine/types';
import type { BrokerRun, BrokerRunOptions } from '../../realbroker/browser';
import { parseCase } from '../../scenario/cases';
import { compareOutcomes } from '../../scenario/compare';
import { RealBrokerPanel } from './RealBrokerPanel';

const parsed = parseCase({
  id: 'panel',
  title: 'SE=0 WD=0 drop',
  protocol: 5,
  clients: [
    {
      name: 'dev',
      clientId: 'panel.dev',
      cleanStart: true,
      sessionExpiry: 0,
      keepAlive: 60,
      will: { topic: 'lab/dev', payload: 'gone', qos: 1, retain: false, delay: 0 },
    },
  ],
  steps: [
    { t: 0, client: 'dev', action: 'connect' },
    { t: 1, client: 'dev', action: 'drop' },
  ],
  end: 3,
});
if (!parsed.ok) throw new Error('bad test scenario');
const scenario: Scenario = parsed.value.scenario;
const predicted = simulate(scenario, { profile: MOSQUITTO_2_0 });

/** A broker stand-in: answers like a player that observed the will at `willAt` (or none). */
function fakeBroker(willAt: number | null, seen: BrokerRunOptions[] = []) {
  return async (o: BrokerRunOptions): Promise<BrokerRun> => {
    seen.push(o);
    o.onEvent?.({ t: 0.5, kind: 'step', client: 'dev' });
    const observed = {
      wills:
        willAt === null
          ? []
          : [{ from: 'dev', conn: 1, t: willAt, topic: 'lab/dev', payload: 'gone', qos: 1, retain: false }],
      sessionPresent: [{ client: 'dev', step: 0, value: false }],
      disconnectReasons: [],
      retainedAfter: { t: 3, messages: [] },
    };
    const p = simulate(o.scenario, { profile: o.profile, clock: { t0Phase: 0.5 } });
    return {
      recording: {
        observed,
        clock: { t0Phase: 0.5 },
        brokerVersion: 'mosquitto version 2.0.11',
        events: [],
        problems: [],
        startedAt: '2026-01-01T00:00:00.000Z',
      },
      predicted: p,
      differences: compareOutcomes(p.outcome, observed, 0.3),
      tolerance: 0.3,
    };
  };
}

afterEach(cleanup);

describe('Run on a real broker', () => {
  it('plays the scenario at the URL the user gives and says the broker agreed', async () => {
    const user = userEvent.setup();
    const seen: BrokerRunOptions[] = [];
    render(
      <RealBrokerPanel
        scenario={scenario}
        profile={MOSQUITTO_2_0}
        predicted={predicted}
        runner={fakeBroker(1, seen)}
      />,
    );
    const url = screen.getByLabelText('WebSocket URL of the broker');
    await user.clear(url);
    await user.type(url, 'ws://127.0.0.1:9009');
    await user.click(screen.getByRole('button', { name: 'Run on this broker' }));
    expect(await screen.findByText(/The broker did what the profile predicts/)).toBeInTheDocument();
    expect(seen[0]?.url).toBe('ws://127.0.0.1:9009');
    // No user name given: the CONNECTs carry none.
    expect(seen[0]?.credentials).toBeUndefined();
    const table = screen.getByRole('table', { name: 'Wills' });
    const row = within(table).getByRole('row', { name: /dev#1/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1.0 s', '1.0 s']);
    expect(screen.getByRole('img', { name: /Wills over time/ })).toBeInTheDocument();
  });

  it('sends the user name and password the user gives (ejabberd refuses a CONNECT without them)', async () => {
    const user = userEvent.setup();
    const seen: BrokerRunOptions[] = [];
    render(
      <RealBrokerPanel
        scenario={scenario}
        profile={MOSQUITTO_2_0}
        predicted={predicted}
        runner={fakeBroker(1, seen)}
      />,
    );
    await user.type(screen.getByLabelText('User name (optional)'), 'lab');
    const password = screen.getByLabelText('Password (optional)');
    expect(password).toHaveAttribute('type', 'password');
    await user.type(password, 's3cret');
    await user.click(screen.getByRole('button', { name: 'Run on this broker' }));
    expect(await screen.findByText(/The broker did what the profile predicts/)).toBeInTheDocument();
    expect(seen[0]?.credentials).toEqual({ username: 'lab', password: 's3cret' });
  });

  it('lists the differences when the broker does something else', async () => {
    const user = userEvent.setup();
    render(
      <RealBrokerPanel scenario={scenario} profile={MOSQUITTO_2_0} predicted={predicted} runner={fakeBroker(null)} />,
    );
    await user.click(screen.getByRole('button', { name: 'Run on this broker' }));
    expect(await screen.findByText(/1 difference between the prediction and the broker/)).toBeInTheDocument();
    const list = screen.getByRole('region', { name: /Differences/ });
    expect(within(list).getByRole('listitem')).toHaveTextContent('unexpected will dev#1 lab/dev "gone"');
  });

  it('asks for a WebSocket URL and does not run without one', async () => {
    const user = userEvent.setup();
    const seen: BrokerRunOptions[] = [];
    render(
      <RealBrokerPanel
        scenario={scenario}
        profile={MOSQUITTO_2_0}
        predicted={predicted}
        runner={fakeBroker(1, seen)}
      />,
    );
    const url = screen.getByLabelText('WebSocket URL of the broker');
    await user.clear(url);
    await user.type(url, 'mqtt://127.0.0.1:1883');
    await user.click(screen.getByRole('button', { name: 'Run on this broker' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give a ws:// or wss:// URL.');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(seen).toHaveLength(0);
  });

  it('reports a broker that cannot be reached', async () => {
    const user = userEvent.setup();
    const refuse = async (): Promise<BrokerRun> => {
      throw new Error('the WebSocket connection to ws://127.0.0.1:9001 was refused or closed');
    };
    render(<RealBrokerPanel scenario={scenario} profile={MOSQUITTO_2_0} predicted={predicted} runner={refuse} />);
    await user.click(screen.getByRole('button', { name: 'Run on this broker' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The run failed: the WebSocket connection');
  });
});
