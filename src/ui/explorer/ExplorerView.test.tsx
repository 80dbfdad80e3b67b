import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { profileById } from '../../engine/profiles';
import { simulate } from '../../engine/sim';
import type { Scenario } from '../../engine/types';
import { type Axes, defaultAxes, enumerateCells, normalizeAxes } from '../../explorer/axes';
import { matrixToCsv } from '../../explorer/csv';
import { createInProcessRunner } from '../../explorer/inprocess';
import { encodeSettings } from '../../explorer/link';
import { differingCells } from '../../explorer/matrix';
import { computeMatrix } from '../../explorer/run';
import { explorerEn } from '../../i18n/explorer-en';
import ExplorerView from './ExplorerView';

afterEach(cleanup);

const fast = () => createInProcessRunner();

/** A small matrix: 5.0 only, one Will Delay, one Keep Alive, three ways to end. */
const smallAxes: Axes = normalizeAxes({
  ...defaultAxes(),
  protocol: [5],
  cleanStart: [false],
  willDelay: [30],
  keepAlive: [10],
  end: ['drop', 'silence', 'disconnect04'],
});
const smallLink = `#${encodeSettings({ axes: smallAxes, filter: { kind: 'all', a: 'spec', b: 'nanomq-0.23.2' } })}`;
const smallCount = enumerateCells(smallAxes).length;

function setup(props: Partial<Parameters<typeof ExplorerView>[0]> = {}) {
  const onOpenScenario = vi.fn<(s: Scenario) => void>();
  const download = vi.fn<(name: string, text: string) => void>();
  const onSettingsChange = vi.fn();
  const user = userEvent.setup();
  render(
    <ExplorerView
      onOpenScenario={onOpenScenario}
      download={download}
      onSettingsChange={onSettingsChange}
      linkBase="https://lab.example/"
      runner={fast()}
      {...props}
    />,
  );
  return { onOpenScenario, download, onSettingsChange, user };
}

const filled = (n: number) =>
  screen.findByText(
    new RegExp(`^${n.toLocaleString('en')} cells filled in \\d+\\.\\d\\d s(, on screen after \\d+\\.\\d\\d s)?\\.$`),
    {},
    { timeout: 100_000 },
  );
const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A cell's accessible name: its visible words, then "; " and the whole story. */
const named = (visible: string, story: string) => new RegExp(`^${escapeRe(visible)}\\s?; ${escapeRe(story)}$`);
/** What assistive technology reads for a cell (its accessible name). */
const nameOf = (b: HTMLElement) => b.getAttribute('aria-label') ?? '';
const cellButtons = () => within(screen.getByRole('grid')).getAllByRole('button', { name: /; .*: (will|the offline)/ });

describe('the parameter explorer', () => {
  it('starts with the default axes and fills the default matrix of more than 2,000 cells', async () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Parameter explorer' })).toBeInTheDocument();
    for (const name of ['MQTT 3.1.1', 'MQTT 5.0', 'Clean Start 0', 'Clean Start 1', 'never expires', 'QoS 1'])
      expect(screen.getByRole('checkbox', { name })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'QoS 0' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'takeover with Clean Start 1' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'reconnect before the Will Delay, Clean Start 0' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'NanoMQ 0.23.2' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Will Delay values (seconds)' })).toHaveValue('0, 5, 30');
    expect(screen.getByRole('textbox', { name: 'Keep Alive values (seconds)' })).toHaveValue('0, 10');
    expect(screen.getByRole('progressbar', { name: 'Filling the matrix' })).toBeInTheDocument();

    const total = enumerateCells(defaultAxes()).length;
    expect(total).toBeGreaterThanOrEqual(2000);
    await filled(total);
    // The page says how long the user waited: computing, and until the matrix was on screen.
    const status = await screen.findByText(/, on screen after \d+\.\d\d s\.$/);
    expect(Number(status.dataset.drawnMs)).toBeGreaterThanOrEqual(Number(status.dataset.fillMs));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(cellButtons()).toHaveLength(total);
  });

  it('shows progress while it fills and can be cancelled and started again', async () => {
    // Slices of exactly 10 cells (a clock that never moves) held at each yield until the test lets
    // them go: the progress seen depends on the test's steps, not on the machine's speed.
    const gates: (() => void)[] = [];
    let hold = true;
    const runner = createInProcessRunner({
      maxChunk: 10,
      now: () => 0,
      yieldNow: () => (hold ? new Promise((r) => gates.push(r)) : new Promise((r) => setTimeout(r, 0))),
    });
    const { user } = setup({ runner, initialLink: smallLink });
    const bar = await screen.findByRole('progressbar', { name: 'Filling the matrix' });
    await waitFor(() => expect(bar).toHaveAttribute('value', '10'));
    expect(screen.getByRole('status')).toHaveTextContent(`10 of ${smallCount} cells`);
    act(() => gates.shift()?.());
    await waitFor(() => expect(bar).toHaveAttribute('value', '20'));
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(`Cancelled after 20 of ${smallCount} cells.`)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(cellButtons()).toHaveLength(20);

    // The cancelled run, let go, stops where it is.
    act(() => {
      for (const g of gates.splice(0)) g();
    });
    expect(cellButtons()).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Fill the matrix' }));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    await waitFor(() => expect(gates).toHaveLength(1));
    hold = false;
    act(() => gates.shift()?.());
    await filled(smallCount);
    expect(cellButtons()).toHaveLength(smallCount);
  });

  it('says in each cell, in symbols and words, what became of the will; the legend explains them', async () => {
    setup({ initialLink: smallLink });
    await filled(smallCount);
    // The accessible name: the visible words, then the combination and the outcome in words.
    const cell = screen.getByRole('button', {
      name: named(
        '◔ +30 s ✉ QoS 1',
        'MQTT 5.0, Clean Start 0, Will Delay 30 s, Session Expiry long (90 s), Keep Alive 10 s, will QoS 1, network drop (no DISCONNECT); no reconnect, Strict spec: will published 30 s after the close (the Will Delay passed); the offline subscriber receives the will at QoS 1',
      ),
    });
    expect(cell).toHaveTextContent('◔ +30 s');
    expect(cell).toHaveTextContent('✉ QoS 1');
    const cancelled = screen.getByRole('button', {
      name: /Session Expiry long \(90 s\).*network drop \(no DISCONNECT\); reconnect before the Will Delay, Clean Start 0, Strict spec: will cancelled, not published \(the session was resumed in time\); Session Present 1/,
    });
    expect(cancelled).toHaveTextContent('↺ cancelled');
    expect(cancelled).toHaveTextContent('SP 1');
    const deleted = screen.getByRole('button', {
      name: /Session Expiry never.*DISCONNECT 0x04 \(with will\); no reconnect, NanoMQ 0.23.2: will deleted, not published \(this broker deletes it on any DISCONNECT\)/,
    });
    expect(deleted).toHaveTextContent('✕ deleted ⚑');

    const legend = screen.getByRole('region', { name: 'Legend' });
    for (const text of [
      '● published at the close',
      '◔ published after the close',
      '✕ deleted: never published',
      '↺ cancelled by a resumed session',
      '∞ the broker never noticed',
      'SP 1 / SP 0: Session Present',
      '⚑ the deciding rule is a departure',
      '≠ the two compared profiles differ',
    ])
      expect(legend).toHaveTextContent(text);
  });

  it('filters to the cells where two profiles differ and opens a differing cell in the simulator', async () => {
    const { user, onOpenScenario } = setup({ initialLink: smallLink });
    await filled(smallCount);
    await user.click(screen.getByRole('radio', { name: 'Cells where two profiles differ' }));
    expect(screen.getByRole('combobox', { name: 'First profile' })).toHaveDisplayValue('Strict spec');
    expect(screen.getByRole('combobox', { name: 'Second profile' })).toHaveDisplayValue('NanoMQ 0.23.2');

    const differing = screen.getAllByRole('button', { name: /the two compared profiles differ here$/ });
    const expected = differingCells(computeMatrix(smallAxes), 'spec', 'nanomq-0.23.2').size;
    expect(differing).toHaveLength(expected);
    expect(differing.every((b) => b.textContent?.includes('≠'))).toBe(true);
    expect(screen.getByText(`${expected} of ${smallCount} cells match.`)).toBeInTheDocument();

    const nano = differing.find((b) => nameOf(b).includes('NanoMQ 0.23.2: ')) as HTMLElement;
    await user.click(nano);
    expect(onOpenScenario).toHaveBeenCalledTimes(1);
    const scenario = onOpenScenario.mock.calls[0]?.[0] as Scenario;
    expect(scenario.profile).toBe('nanomq-0.23.2');
    expect(scenario.title).toMatch(/^MQTT 5.0, Clean Start 0, .*\(NanoMQ 0.23.2\)$/);
    // The scenario, run in the simulator's engine, gives what the cell says.
    const r = simulate(scenario, { profile: profileById(scenario.profile) });
    const label = nameOf(nano);
    if (r.outcome.wills.length === 0) expect(label).toContain('not published');
    else expect(label).toMatch(/will published/);
  });

  it('filters to the cells where the will never fires, and where it fires later than the close', async () => {
    const { user } = setup({ initialLink: smallLink });
    await filled(smallCount);
    const m = computeMatrix(smallAxes);
    const never = m.outcomes.filter((o) => o?.fate !== 'published').length;
    const later = m.outcomes.filter((o) => o?.willAt != null && o.closedAt != null && o.willAt > o.closedAt).length;

    await user.click(screen.getByRole('radio', { name: 'Cells where the will never fires' }));
    expect(screen.getByText(`${never} of ${smallCount} cells match.`)).toBeInTheDocument();
    const kept = (b: HTMLElement) => !b.className.includes('bg-white');
    const shown = cellButtons().filter(kept);
    expect(shown).toHaveLength(never);
    expect(shown.every((b) => /not published/.test(nameOf(b)))).toBe(true);

    await user.click(screen.getByRole('radio', { name: 'Cells where the will fires later than the close' }));
    expect(screen.getByText(`${later} of ${smallCount} cells match.`)).toBeInTheDocument();
    const laterShown = cellButtons().filter(kept);
    expect(laterShown).toHaveLength(later);
    expect(laterShown.every((b) => /will published [\d.]+ s after the close/.test(nameOf(b)))).toBe(true);
  });

  it('exports the matrix as CSV once it is filled', async () => {
    const { user, download } = setup({ initialLink: smallLink });
    await filled(smallCount);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(download).toHaveBeenCalledWith('mqtt-will-matrix.csv', matrixToCsv(computeMatrix(smallAxes), explorerEn));
  });

  it('keeps its settings in a link, and a changed axis refills the matrix', async () => {
    const { user, onSettingsChange } = setup({ initialLink: smallLink });
    await filled(smallCount);
    const link = screen.getByRole('textbox', { name: 'Link to these settings' });
    expect(link).toHaveValue(`https://lab.example/${smallLink}`);
    expect(onSettingsChange).toHaveBeenLastCalledWith(expect.anything(), smallLink);

    await user.click(screen.getByRole('checkbox', { name: 'MQTT 3.1.1' }));
    const axes: Axes = { ...smallAxes, protocol: [4, 5] };
    await filled(enumerateCells(axes).length);
    expect((link as HTMLInputElement).value).toContain(';p:4,5;');
    expect(onSettingsChange.mock.calls.at(-1)?.[1]).toBe(
      `#${encodeSettings({ axes, filter: { kind: 'all', a: 'spec', b: 'nanomq-0.23.2' } })}`,
    );

    await user.click(screen.getByRole('radio', { name: 'Cells where the will never fires' }));
    expect((link as HTMLInputElement).value).toMatch(/;f:never$/);
  });

  it('takes numbers as comma-separated seconds and says when they are not', async () => {
    const { user } = setup({ initialLink: smallLink });
    await filled(smallCount);
    const delays = screen.getByRole('textbox', { name: 'Will Delay values (seconds)' });
    await user.clear(delays);
    await user.type(delays, '0, 60x');
    expect(delays).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('"0, 60x" is not a list of whole seconds in range.')).toBeInTheDocument();
    expect((screen.getByRole('textbox', { name: 'Link to these settings' }) as HTMLInputElement).value).toContain(
      ';wd:0,60;',
    );
    await user.type(delays, '{Backspace}');
    expect(delays).toHaveAttribute('aria-invalid', 'false');
    await filled(enumerateCells({ ...smallAxes, willDelay: [0, 60] }).length);
  });

  it('refuses axes without a value, and resets to the defaults', async () => {
    const { user } = setup({ initialLink: smallLink });
    await filled(smallCount);
    await user.click(screen.getByRole('checkbox', { name: 'MQTT 5.0' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick at least one value for Protocol.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(screen.getByRole('checkbox', { name: 'MQTT 3.1.1' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Will Delay values (seconds)' })).toHaveValue('0, 5, 30');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('opens a link it cannot fully read with defaults and says what it ignored', async () => {
    setup({ initialLink: '#explore=v1;p:9;zz:1;ka:10;wd:30;end:drop' });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some settings in the link were not understood');
    expect(alert).toHaveTextContent('"9" is not a value of "p"');
    expect(alert).toHaveTextContent('"zz" is not a setting');
    expect(screen.getByRole('checkbox', { name: 'MQTT 3.1.1' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Keep Alive values (seconds)' })).toHaveValue('10');
    await filled(enumerateCells({ ...defaultAxes(), keepAlive: [10], willDelay: [30], end: ['drop'] }).length);
  });

  it('says so when the browser cannot start a Web Worker (the page computes nowhere else)', async () => {
    expect(typeof Worker).toBe('undefined'); // happy-dom has none
    setup({ runner: undefined, initialLink: smallLink });
    expect(
      await screen.findByText('The matrix is computed in a Web Worker, and this browser could not start one.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Fill the matrix' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('keyboard use of the matrix', () => {
  it('is one Tab stop; the arrow keys, Home and End move between cells, and Enter opens one', async () => {
    const { user, onOpenScenario } = setup({ initialLink: smallLink });
    await filled(smallCount);
    const buttons = cellButtons();
    // Only one cell's button is in the Tab order.
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    const first = buttons.find((b) => b.tabIndex === 0) as HTMLElement;
    first.focus();
    await user.keyboard('{ArrowRight}');
    const second = document.activeElement as HTMLElement;
    expect(second).not.toBe(first);
    expect(second.tabIndex).toBe(0);
    expect(first.tabIndex).toBe(-1);
    await user.keyboard('{ArrowDown}');
    const below = document.activeElement as HTMLElement;
    expect(below).not.toBe(second);
    expect(below.closest('[role="row"]')).not.toBe(second.closest('[role="row"]'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(second);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
    await user.keyboard('{End}');
    const rowButtons = within(first.closest('[role="row"]') as HTMLElement).getAllByRole('button');
    expect(document.activeElement).toBe(rowButtons.at(-1));
    await user.keyboard('{Enter}');
    expect(onOpenScenario).toHaveBeenCalledTimes(1);
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
  });
});
