import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../runner/in-process';
import { createRunStore } from '../../runner/runner';
import { scenarioFragment } from '../../share/codec';
import { defaultScenario } from '../../store/defaults';
import { scenarioStore } from '../../store/scenario';
import { RunContext } from '../run-context';
import HeaderActions from './HeaderActions';

afterEach(cleanup);

const mine = { ...defaultScenario(), title: 'My own scenario' };

beforeEach(() => {
  scenarioStore.setState({ scenario: mine, past: [], future: [] });
});

function renderActions() {
  const user = userEvent.setup();
  const runs = createRunStore(inProcessRunner);
  runs.request(scenarioStore.getState().scenario);
  render(
    <RunContext.Provider value={runs}>
      <HeaderActions />
    </RunContext.Provider>,
  );
  return user;
}

describe('the header actions', () => {
  it('Share… shows the link of the working scenario', async () => {
    const user = renderActions();
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const dialog = screen.getByRole('dialog', { name: 'Share' });
    const link = within(dialog).getByLabelText('Link to this scenario') as HTMLInputElement;
    expect(link.value.endsWith(`#${scenarioFragment(mine)}`)).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Open… opens a pasted link and closes', async () => {
    const user = renderActions();
    await user.click(screen.getByRole('button', { name: 'Open…' }));
    const dialog = screen.getByRole('dialog', { name: 'Open a scenario' });
    const other = { ...defaultScenario(), title: 'Sent by a colleague' };
    await user.click(within(dialog).getByLabelText('Or paste scenario JSON or a link'));
    await user.paste(`https://example.org/#${scenarioFragment(other)}`);
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    expect(scenarioStore.getState().scenario.title).toBe('Sent by a colleague');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Export… offers the scenario, the Mermaid diagram and the reproduction script', async () => {
    const user = renderActions();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    for (const name of ['Scenario JSON', 'Mermaid sequence diagram', 'Reproduction script (mosquitto)'])
      expect(within(dialog).getByRole('button', { name })).toBeEnabled();
  });

  it('Reset goes back to the default scenario, and Undo brings the other back', async () => {
    const user = renderActions();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(scenarioStore.getState().scenario.title).toBe(defaultScenario().title);
    scenarioStore.getState().undone();
    expect(scenarioStore.getState().scenario.title).toBe('My own scenario');
  });
});
