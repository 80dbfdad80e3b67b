import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '../../store/defaults';
import { scenarioStore } from '../../store/scenario';
import { viewStore } from '../../store/view';
import LessonsView from './LessonsView';

afterEach(cleanup);

const title = () => scenarioStore.getState().scenario.title;
const next = () => screen.getByRole('button', { name: 'Next' });

describe('the lessons view', () => {
  // Three runs rendered side by side: slower than vitest's default 5 s on a loaded machine.
  it('lists the lessons, loads lesson 1 into the simulator, hides the runs until the prediction, then shows all three side by side', {
    timeout: 30_000,
  }, async () => {
    scenarioStore.setState({ scenario: defaultScenario(), past: [], future: [] });
    const user = userEvent.setup();
    const { unmount } = render(<LessonsView />);
    const list = screen.getByRole('list', { name: 'All lessons' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(12);
    await user.click(within(list).getByRole('button', { name: /^1\. The NanoMQ 0\.23\.2 story/ }));

    expect(title()).toBe('Lesson: The NanoMQ 0.23.2 story (MQTT 5.0 spec)');
    // Undo brings back the scenario the learner had.
    expect(scenarioStore.getState().past.at(-1)?.title).toBe('A device drops off the network');
    expect(screen.getByText(/^The runs are shown from step 3 on/)).toBeInTheDocument();
    expect(screen.queryByRole('log')).not.toBeInTheDocument();

    await user.click(next());
    expect(viewStore.getState().playhead).toBe(20_000);
    await user.click(screen.getByRole('radio', { name: 'At 20 s under both brokers.' }));
    await user.click(screen.getByRole('button', { name: 'Lock in my prediction' }));
    await user.click(next());
    const spec = screen.getByRole('region', { name: 'MQTT 5.0 spec' });
    const nano = screen.getByRole('region', { name: 'NanoMQ 0.23.2' });
    const nano3 = screen.getByRole('region', { name: 'NanoMQ 0.23.3' });
    expect(within(spec).getByRole('listitem', { name: 'sensor' })).toHaveTextContent('Will published at 20.000 s');
    expect(within(nano).getByRole('listitem', { name: 'sensor' })).toHaveTextContent(
      'Will not published: withheld at 20.000 s',
    );
    expect(within(nano3).getByRole('listitem', { name: 'sensor' })).toHaveTextContent('Will published at 25.000 s');
    // One transport for all three runs.
    expect(screen.getAllByRole('region', { name: 'Playback' })).toHaveLength(1);

    // The beat about NanoMQ loads its run into the simulator.
    await user.click(next());
    expect(title()).toBe('Lesson: The NanoMQ 0.23.2 story (NanoMQ 0.23.2)');
    await user.click(next());
    expect(title()).toBe('Lesson: The NanoMQ 0.23.2 story (NanoMQ 0.23.3)');
    expect(viewStore.getState().playhead).toBe(25_000);
    await user.click(next());
    expect(viewStore.getState().playhead).toBe(120_000);

    // Leaving and coming back resumes the lesson where it was.
    unmount();
    render(<LessonsView />);
    expect(screen.getByText(/^Step 6 of 6/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'All lessons' }));
    await user.click(screen.getByRole('button', { name: /^2\. Session Expiry 0 cuts every Will Delay short/ }));
    expect(title()).toBe('Lesson: Session Expiry 0 cuts every Will Delay short');
    expect(screen.getByText(/^Step 1 of 4/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Lesson'), '1. The NanoMQ 0.23.2 story');
    expect(screen.getByText(/^Step 6 of 6/)).toBeInTheDocument();
    expect(title()).toBe('Lesson: The NanoMQ 0.23.2 story (NanoMQ 0.23.2)');
  });
});
