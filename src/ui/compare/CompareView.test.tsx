import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../engine/types';
import { LESSONS } from '../../lessons/catalog';
import { lessonScenario } from '../../lessons/run';
import { CompareView } from './CompareView';

afterEach(cleanup);

const lesson = (id: string, run = 'a'): Scenario => {
  const r = LESSONS.find((l) => l.id === id)?.runs.find((x) => x.id === run);
  if (!r) throw new Error(id);
  return lessonScenario(r);
};
const current = (name: string) =>
  within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .find((li) => li.getAttribute('aria-current') === 'true');

describe('side-by-side view', () => {
  it('marks where the spec and NanoMQ 0.23.2 first decide differently', async () => {
    const user = userEvent.setup();
    const onShowTime = vi.fn();
    render(<CompareView scenario={lesson('nanomq-1989')} onShowTime={onShowTime} />);
    expect(screen.getByRole('combobox', { name: 'Compare with' })).toHaveDisplayValue('Broker profile: NanoMQ 0.23.2');
    expect(screen.getByRole('status')).toHaveTextContent('The runs first differ at 20.000 s.');
    expect(current('Decisions: As written')).toHaveTextContent('20.000 s — will of sensor#1 published');
    expect(current('Decisions: Changed')).toHaveTextContent('20.000 s — will of sensor#1 withheld');
    expect(current('Decisions: Changed')).toHaveTextContent('(first difference)');
    await user.click(screen.getByRole('button', { name: 'Show the timeline at 20.000 s' }));
    expect(onShowTime).toHaveBeenCalledWith(20_000);
  });

  it('compares with one parameter changed', async () => {
    const user = userEvent.setup();
    render(<CompareView scenario={lesson('takeover')} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare with' }), 'A changed parameter');
    expect(screen.getByRole('combobox', { name: 'Parameter' })).toHaveDisplayValue('Will Delay (s)');
    const value = screen.getByRole('spinbutton', { name: 'Will Delay (s)' });
    expect(value).toHaveValue(0);
    expect(screen.getByRole('status')).toHaveTextContent('Both runs take the same decisions.');
    await user.clear(value);
    await user.type(value, '30');
    expect(screen.getByRole('status')).toHaveTextContent('The runs first differ at 10.000 s.');
    expect(screen.getByRole('heading', { name: 'Changed: tablet Will Delay (s) = 30' })).toBeInTheDocument();
    expect(current('Decisions: Changed')).toHaveTextContent('will of tablet#1 scheduled for 40.000 s');
  });

  it('lists the problems of a change that makes no valid scenario', async () => {
    const user = userEvent.setup();
    render(<CompareView scenario={lesson('keepalive-silence')} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare with' }), 'A changed parameter');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Parameter' }), 'Keep Alive (s)');
    const value = screen.getByRole('spinbutton', { name: 'Keep Alive (s)' });
    await user.clear(value);
    await user.type(value, '70000');
    expect(screen.getByRole('alert')).toHaveTextContent('This change does not make a valid scenario:');
    expect(screen.getByRole('alert')).toHaveTextContent('clients[0].keepAlive: must be at most 65535');
    await user.clear(value);
    await user.type(value, '20');
    expect(screen.getByRole('status')).toHaveTextContent('The runs first differ at 35.000 s.');
  });

  it('shows topics with markup as text', () => {
    const sc = lesson('nanomq-1989');
    const hostile: Scenario = {
      ...sc,
      clients: sc.clients.map((c) => ({
        ...c,
        will: c.will && { ...c.will, topic: 'a/<img src=x onerror=alert(1)>' },
      })),
    };
    const { container } = render(<CompareView scenario={hostile} />);
    expect(current('Decisions: As written')).toHaveTextContent('("a/<img src=x onerror=alert(1)>")');
    expect(container.querySelector('img')).toBeNull();
  });
});
