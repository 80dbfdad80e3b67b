import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '../store/defaults';
import { scenarioStore } from '../store/scenario';
import { initialView, viewStore } from '../store/view';
import Setup from './Setup';

afterEach(cleanup);

beforeEach(() => {
  scenarioStore.setState({ scenario: defaultScenario(), past: [], future: [] });
  viewStore.setState({ ...initialView });
});

const will = () => scenarioStore.getState().scenario.clients[0]?.will;

function renderSetup() {
  const user = userEvent.setup();
  render(<Setup />);
  return user;
}

describe('the will editor', () => {
  it('edits User Properties as an ordered list in which a name may repeat', async () => {
    const user = renderSetup();
    await user.click(screen.getAllByText('Other will properties', { selector: 'summary' })[0] as HTMLElement);
    const list = screen.getByRole('group', { name: 'User Properties' });
    for (let i = 0; i < 3; i++) await user.click(within(list).getByRole('button', { name: 'Add a user property' }));
    const rows = [
      ['site', 'north'],
      ['zone', '2'],
      ['site', 'south'],
    ];
    for (const [i, [name, value]] of rows.entries()) {
      await user.type(within(list).getByLabelText(`Name of user property ${i + 1}`), name as string);
      await user.type(within(list).getByLabelText(`Value of user property ${i + 1}`), value as string);
    }
    expect(will()?.props?.userProperties).toEqual([
      { name: 'site', value: 'north' },
      { name: 'zone', value: '2' },
      { name: 'site', value: 'south' },
    ]);

    await user.click(within(list).getByRole('button', { name: 'Move user property 3 up' }));
    expect(within(list).getByLabelText('Value of user property 2')).toHaveValue('south');
    expect(within(list).getByLabelText('Value of user property 3')).toHaveValue('2');

    await user.click(within(list).getByRole('button', { name: 'Remove user property 1' }));
    expect(within(list).getByLabelText('Name of user property 1')).toHaveValue('site');
    expect(within(list).getByLabelText('Value of user property 1')).toHaveValue('south');
    expect(within(list).queryByLabelText('Name of user property 3')).toBeNull();
    expect(will()?.props?.userProperties).toEqual([
      { name: 'site', value: 'south' },
      { name: 'zone', value: '2' },
    ]);
  });

  it('offers Will QoS 3 only for a will marked invalid, and says how the broker will refuse it', async () => {
    const user = renderSetup();
    const qos = screen.getAllByLabelText('QoS')[0] as HTMLSelectElement;
    expect(within(qos).queryByRole('option', { name: '3' })).toBeNull();
    expect(screen.queryByText(/When this client connects/)).toBeNull();

    await user.click(
      screen.getAllByRole('checkbox', { name: 'Simulate an invalid will (the broker refuses it)' })[0] as HTMLElement,
    );
    await user.selectOptions(screen.getAllByLabelText('QoS')[0] as HTMLElement, '3');
    expect(will()).toMatchObject({ qos: 3, allowInvalid: true });
    expect(
      screen.getByText(
        'When this client connects: Will QoS 3 makes the CONNECT a Malformed Packet, so the broker refuses it (CONNACK 0x81) and closes the connection. No session is created and no will is stored.',
      ),
    ).toBeInTheDocument();
    // While the will is invalid, the box cannot be unticked (the scenario would not load).
    expect(
      screen.getAllByRole('checkbox', { name: 'Simulate an invalid will (the broker refuses it)' })[0],
    ).toBeDisabled();

    await user.selectOptions(screen.getAllByLabelText('QoS')[0] as HTMLElement, '1');
    expect(screen.queryByText(/When this client connects/)).toBeNull();
  });

  it('names the refusal a valid will meets at this broker (Maximum QoS, Retain Available)', async () => {
    const user = renderSetup();
    expect(screen.queryByText(/When this client connects/)).toBeNull();
    await user.selectOptions(screen.getByLabelText('Broker Maximum QoS'), '0');
    expect(scenarioStore.getState().scenario.broker.maximumQos).toBe(0);
    expect(
      screen.getByText(/When this client connects: The will asks for a QoS above the broker's Maximum QoS/),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Broker Maximum QoS'), '2');
    await user.click(screen.getByRole('checkbox', { name: 'Broker supports retained messages (Retain Available)' }));
    // The default device's will is retained.
    expect(
      screen.getByText(/When this client connects: The will is retained but the broker does not support retain/),
    ).toBeInTheDocument();
  });
});
