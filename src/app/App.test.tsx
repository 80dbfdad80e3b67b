import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../runner/in-process';
import { defaultScenario } from '../store/defaults';
import { noticeStore } from '../store/notice';
import { scenarioStore } from '../store/scenario';
import { initialView, viewStore } from '../store/view';
import { App } from './App';

afterEach(cleanup);

// The lazy panels are transformed once before the tests: on a busy machine their first import can
// take longer than a findBy waits, and what is tested here is the app, not the module loader.
beforeAll(async () => {
  await Promise.all([import('../ui/Setup'), import('../ui/Inject')]);
}, 120_000);

beforeEach(() => {
  scenarioStore.setState({ scenario: defaultScenario(), past: [], future: [] });
  viewStore.setState({ ...initialView });
  noticeStore.setState({ notice: null });
});

function renderApp() {
  const user = userEvent.setup();
  render(<App runner={inProcessRunner} />);
  return user;
}

/** The will card of a client ("What became of each will"). */
async function willCard(name: string) {
  const section = await screen.findByRole('region', { name: 'What became of each will' });
  return within(section).getByRole('listitem', { name });
}

/** The set-up panel (loaded lazily: its first import may take a while on a busy machine). */
async function setup() {
  return within(await screen.findByRole('region', { name: 'Set up' }, { timeout: 10_000 }));
}

async function setField(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const field = label === 'Playhead time (s)' ? screen.getByLabelText(label) : (await setup()).getByLabelText(label);
  await user.clear(field);
  if (value !== '') await user.type(field, value);
}

async function goTo(user: ReturnType<typeof userEvent.setup>, seconds: string) {
  await setField(user, 'Playhead time (s)', seconds);
  await user.keyboard('{Enter}');
}

describe('the simulator', () => {
  it('teaches at once: the default device drops at 5 s and its delayed will goes out at 15 s', async () => {
    renderApp();
    const card = await willCard('device');
    expect(await within(card).findByText('Will published at 15.000 s:')).toBeInTheDocument();
    expect(card).toHaveTextContent('The Will Delay of 10 s passed after the connection closed at 5.000 s');
    expect(card).toHaveTextContent('MQTT 5.0 [MQTT-3.1.2-8], §3.1.3.2.2');
    expect(screen.getByRole('log', { name: 'Event log' })).toBeInTheDocument();
  });

  it('re-simulates on every edit: Clean Start, Session Expiry 0 and Will Delay 0 publish the will at the drop', async () => {
    const user = renderApp();
    await user.click((await setup()).getByRole('checkbox', { name: 'Clean Start' }));
    await setField(user, 'Session Expiry (s)', '0');
    await setField(user, 'Will Delay (s)', '0');
    const card = await willCard('device');
    await waitFor(() => expect(card).toHaveTextContent('Will published at 5.000 s'));
    expect(card).toHaveTextContent('the session ended at once (Session Expiry 0)');
    expect(card).toHaveTextContent('MQTT 5.0 [MQTT-3.1.2-8], §3.1.2.11.2');
  });

  it('an injection at the playhead becomes a step, and the log shows what followed', async () => {
    const user = renderApp();
    await user.click(
      await screen.findByRole('button', { name: /Remove .*network drop at 5\.000 s/ }, { timeout: 8000 }),
    );
    await goTo(user, '3');
    expect(await screen.findByRole('heading', { name: 'Inject at 3.000 s' })).toBeInTheDocument();
    await user.click(screen.getByText('DISCONNECT', { selector: 'summary' }));
    await user.selectOptions(screen.getByLabelText('Reason code'), '0x00 Normal disconnection');
    await user.click(screen.getByRole('button', { name: 'Send DISCONNECT' }));
    const card = await willCard('device');
    await waitFor(() => expect(card).toHaveTextContent('Will not published: deleted by DISCONNECT 0x00 at 3.000 s'));
    expect(card).toHaveTextContent('[MQTT-3.14.4-3]');
    const script = screen.getByRole('region', { name: 'Script' });
    expect(within(script).getByText(/DISCONNECT 0x00/)).toBeInTheDocument();
    const log = screen.getByRole('log', { name: 'Event log' });
    await waitFor(() => expect(log).toHaveTextContent('3.000 sbrokerwill of device#1 deleted'));
  });

  it('the event log follows the playhead, entry by entry, and explains the selected one', async () => {
    const user = renderApp();
    const log = screen.getByRole('log', { name: 'Event log' });
    await waitFor(() => expect(log).toHaveTextContent('step 1: connect'));
    expect(log).not.toHaveTextContent('network drop');
    await goTo(user, '15');
    await waitFor(() => expect(log).toHaveTextContent('15.000 sbrokerwill of device#1 published'));
    await user.click(within(log).getByRole('button', { name: /will of device#1 published/ }));
    const why = screen.getByRole('region', { name: 'Why?' });
    expect(why).toHaveTextContent('The Will Delay of 10 s passed');
    expect(why).toHaveTextContent('MQTT 5.0 [MQTT-3.1.2-8], §3.1.3.2.2');
  });

  it('steps to the next and previous event with the keyboard', async () => {
    const user = renderApp();
    await waitFor(() => expect(screen.getByRole('log', { name: 'Event log' })).toHaveTextContent('step 1: connect'));
    await user.keyboard('{End}');
    await waitFor(() => expect(screen.getByLabelText('Playhead time (s)')).toHaveValue('40.000'));
    await user.keyboard('{ArrowLeft}');
    const why = screen.getByRole('region', { name: 'Why?' });
    await waitFor(() => expect(why).toHaveTextContent('35.000 s'));
    await user.keyboard('{Home}');
    await waitFor(() => expect(why).toHaveTextContent('Select an event'));
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(why).toHaveTextContent('observer → broker: CONNECT'));
    expect(screen.getByLabelText('Playhead time (s)')).toHaveValue('0.000');
  });

  it('MQTT 3.1.1 disables what it does not have, with a reason', async () => {
    const user = renderApp();
    const panel = await setup();
    await user.selectOptions(panel.getByLabelText('Protocol'), 'MQTT 3.1.1');
    const sei = panel.getByRole('combobox', { name: 'Session Expiry' });
    expect(sei).toBeDisabled();
    expect(sei).toHaveAccessibleDescription(/MQTT 3.1.1 has no Session Expiry/);
    expect(panel.getByRole('checkbox', { name: 'CleanSession' })).toBeInTheDocument();
    expect(panel.getByLabelText('Will Delay (s)')).toBeDisabled();
    const card = await willCard('device');
    await waitFor(() => expect(card).toHaveTextContent('Will published at 5.000 s'));
    expect(card).toHaveTextContent('MQTT 3.1.1 [MQTT-3.1.2-8]');
  });

  it('the profile picker says what each profile was checked against', async () => {
    const user = renderApp();
    const picker = (await setup()).getByLabelText('Broker profile');
    await user.selectOptions(picker, 'ejabberd 23.01');
    expect(picker).toHaveAccessibleDescription(
      /Measured: 221 recorded cases of ejabberd 23\.01 \(2026-12-04\) agree with it\. None of its departures is read from source only\./,
    );
    await user.selectOptions(picker, 'Strict spec');
    expect(picker).toHaveAccessibleDescription(/Checked against the expected outcomes of the 139 spec cases\./);
  });

  it('under the NanoMQ 0.23.2 profile a Clean Start 0 will is withheld, citing nanomq#1989', async () => {
    const user = renderApp();
    await setField(user, 'Session Expiry (s)', '0');
    // No Will Delay property: NanoMQ counts a Will Delay (even 0) from CONNECT, so with one it would
    // publish at its timer's first tick (docs/nanomq.md, deviation 2b).
    await setField(user, 'Will Delay (s)', '');
    await user.selectOptions((await setup()).getByLabelText('Broker profile'), 'NanoMQ 0.23.2');
    const card = await willCard('device');
    await waitFor(() => expect(card).toHaveTextContent('Will not published: withheld at 5.000 s'));
    expect(card).toHaveTextContent('NanoMQ 0.23.2 departs from the spec here (nanomq#1989; NanoNNG 446d231');
  });

  it('tells the story of a will that a quirk held back and released later', async () => {
    const user = renderApp();
    await setField(user, 'Session Expiry (s)', '0');
    await user.selectOptions((await setup()).getByLabelText('Broker profile'), 'NanoMQ 0.23.2');
    const card = await willCard('device');
    // The will's deadline, CONNECT + 10 s, has passed at the connection timer's first tick (15 s).
    await waitFor(() => expect(card).toHaveTextContent('Will published at 15.000 s'));
    expect(card).toHaveTextContent('Before that, at 5.000 s: will of device#1 withheld');
    expect(card).toHaveTextContent('(nanomq#1989;');
  });

  it('warns about risky combinations next to the fields', async () => {
    const user = renderApp();
    await setField(user, 'Keep Alive (s)', '0');
    expect(await screen.findByText(/Keep Alive 0 turns keep-alive off/)).toBeInTheDocument();
    await setField(user, 'Will Delay (s)', '45');
    expect(await screen.findByText(/Will Delay \(45 s\) ≥ Session Expiry \(30 s\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Remove .*publish “online”/ }));
    expect(await screen.findByText(/nothing publishes a retained “online”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a retained “online” after each connect' }));
    await waitFor(() => expect(screen.queryByText(/nothing publishes a retained “online”/)).not.toBeInTheDocument());
  });

  it('warns before and after a DISCONNECT that raises Session Expiry from 0', async () => {
    const user = renderApp();
    await setField(user, 'Session Expiry (s)', '0');
    await goTo(user, '3');
    await user.click(screen.getByText('DISCONNECT', { selector: 'summary' }));
    await user.click(screen.getByRole('checkbox', { name: 'Change Session Expiry' }));
    const warning = /raising it at DISCONNECT is a Protocol Error \(0x82\)/;
    expect(await screen.findByText(warning)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send DISCONNECT' }));
    const script = screen.getByRole('region', { name: 'Script' });
    await waitFor(() =>
      expect(
        within(script).getByRole('button', { name: /^Go to 3.000 s: .*DISCONNECT 0x00, Session Expiry 60/ }),
      ).toHaveTextContent(warning),
    );
    const card = await willCard('device');
    await waitFor(() => expect(card).toHaveTextContent('Will published at 3.000 s'));
  });

  it('invalid input stays in the field with a message; the scenario keeps its last valid value', async () => {
    const user = renderApp();
    await setField(user, 'Will topic', 'devices/#');
    expect(await screen.findByText(/A topic name is at least one character/)).toBeInTheDocument();
    // Each valid keystroke was committed ("devices/"); the invalid one was not.
    expect(scenarioStore.getState().scenario.clients[0]?.will?.topic).toBe('devices/');
  });

  it('adds and removes clients; undo brings a removed one back', async () => {
    const user = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Add subscriber' }));
    expect(await screen.findByText('subscriber', { selector: 'summary span' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove client device' }));
    await waitFor(() => expect(screen.queryByText('device', { selector: 'summary span' })).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('device', { selector: 'summary span' })).toBeInTheDocument();
  });

  it('a takeover by the same Client Identifier adds a twin and cancels the delayed will', async () => {
    const user = renderApp();
    await user.click(await screen.findByRole('button', { name: /Remove .*network drop/ }));
    await goTo(user, '8');
    await user.click(screen.getByText('Takeover', { selector: 'summary' }));
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    const card = await willCard('device');
    await waitFor(() => expect(card).toHaveTextContent('Will not published: cancelled at 8.000 s'));
    expect(card).toHaveTextContent('[MQTT-3.1.3-9]');
    expect(await screen.findByText('device-twin', { selector: 'summary span' })).toBeInTheDocument();
  });

  it('plays: the playhead moves on its own and stops at the end', async () => {
    renderApp();
    await screen.findByRole('log', { name: 'Event log' });
    act(() => viewStore.getState().speedChanged(2));
    fireEvent.click(await screen.findByRole('button', { name: 'Play' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument());
    await waitFor(() =>
      expect(Number(screen.getByLabelText<HTMLInputElement>('Playhead time (s)').value)).toBeGreaterThan(0),
    );
  });

  it('zooms and pans the timeline with the keyboard', async () => {
    const user = renderApp();
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    const connectStep = () => within(timeline).queryByRole('button', { name: /^0\.000 s device: step 1: connect/ });
    await waitFor(() => expect(connectStep()).toBeInTheDocument());
    await user.keyboard('+');
    expect(screen.getByRole('button', { name: 'Show whole run' })).toBeEnabled();
    expect(connectStep()).toBeInTheDocument();
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await waitFor(() => expect(connectStep()).not.toBeInTheDocument());
    await user.keyboard('0');
    expect(screen.getByRole('button', { name: 'Show whole run' })).toBeDisabled();
    expect(connectStep()).toBeInTheDocument();
  });

  it('lists the keyboard shortcuts in a help dialog', async () => {
    const user = renderApp();
    await screen.findByRole('log', { name: 'Event log' });
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Play or pause')).toBeInTheDocument();
    expect(within(dialog).getByText('Step to the previous event')).toBeInTheDocument();
  });

  it('shows the session statechart of the selected client with the active state lit', async () => {
    const user = renderApp();
    await goTo(user, '10');
    await user.click(screen.getByRole('button', { name: 'Show the session statechart' }));
    const chart = await screen.findByRole('figure', { name: /Its session at the broker/ });
    const lit = within(chart)
      .getAllByRole('listitem')
      .filter((li) => li.getAttribute('aria-current') === 'true');
    expect(lit.map((li) => li.querySelector('p')?.textContent)).toEqual([
      'detached (kept offline)active',
      'will waiting for its delayactive',
    ]);
  });

  it('shows a notice about a link that could not be opened, with its problems, until dismissed', async () => {
    noticeStore.getState().noticeShown({
      message: 'This link could not be opened. The link holds a scenario with problems:',
      details: ['end: must be at least 0'],
      outcome: 'The default scenario is shown instead.',
    });
    const user = renderApp();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'This link could not be opened. The link holds a scenario with problems:end: must be at least 0The default scenario is shown instead.',
    );
    expect(within(alert).getByRole('listitem')).toHaveTextContent('end: must be at least 0');
    // The app behind it works.
    expect(await willCard('device')).toHaveTextContent('Will published at 15.000 s');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('embeds a compact read-only player with a link to the full simulator', async () => {
    render(<App runner={inProcessRunner} embed />);
    const link = await screen.findByRole('link', { name: 'Open in the full simulator (new tab)' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('heading', { name: 'A device drops off the network' })).toBeInTheDocument();
    expect(await willCard('device')).toHaveTextContent('Will published at 15.000 s');
    expect(screen.getByRole('log', { name: 'Event log' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Playback' })).toBeInTheDocument();
    expect(screen.queryByRole('toolbar', { name: 'Scenario actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Set up' })).not.toBeInTheDocument();
    await waitFor(() => expect(link.getAttribute('href')).toMatch(/#s=v1\./));
  });
});
