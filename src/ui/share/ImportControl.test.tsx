import { readFileSync } from 'node:fs';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { shareLink } from '../../share/codec';
import typical from '../../share/fixtures/typical-3-clients.json';
import { ImportControl } from './ImportControl';

afterEach(cleanup);

const setup = () => {
  const user = userEvent.setup();
  const onLoad = vi.fn();
  const view = render(<ImportControl onLoadScenario={onLoad} />);
  return { user, onLoad, view };
};
const paste = async (user: ReturnType<typeof userEvent.setup>, text: string) => {
  const box = screen.getByRole('textbox', { name: 'Or paste scenario JSON or a link' });
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Open' }));
};
const parsed = parseScenario(typical);
if (!parsed.ok) throw new Error('fixture');
const sc = parsed.value;

describe('import control', () => {
  it('opens pasted scenario JSON', async () => {
    const { user, onLoad } = setup();
    await paste(user, JSON.stringify(typical));
    expect(onLoad).toHaveBeenCalledWith(sc, { kind: 'paste' });
    expect(screen.getByRole('status')).toHaveTextContent(`Opened "${sc.title}".`);
  });

  it('opens a pasted link', async () => {
    const { user, onLoad } = setup();
    await paste(user, shareLink(sc, 'https://example.org/lab/'));
    expect(onLoad).toHaveBeenCalledWith(sc, { kind: 'link' });
  });

  it('lists the problems of a scenario by path', async () => {
    const { user, onLoad } = setup();
    const bad = structuredClone(typical) as { clients: { will: { qos: number } }[] };
    (bad.clients[1] as { will: { qos: number } }).will.qos = 3;
    await paste(user, JSON.stringify(bad));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The pasted text has 1 problem:');
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      'clients[1].will.qos: a will QoS must be 0, 1 or 2, not 3; to simulate the broker refusing this CONNECT, add "allowInvalid": true to the will',
    );
    expect(onLoad).not.toHaveBeenCalled();
  });

  it('says what is wrong with a mangled link', async () => {
    const { user, onLoad } = setup();
    const link = shareLink(sc, 'https://example.org/lab/');
    await paste(user, link.slice(0, 70));
    expect(screen.getByRole('alert')).toHaveTextContent('This link could not be opened. The link is cut off');
    expect(onLoad).not.toHaveBeenCalled();
  });

  it('shows markup in names and topics as text', async () => {
    const { user, view } = setup();
    const hostile = {
      ...typical,
      steps: [{ t: 0, action: 'connect', client: '<img src=x onerror="alert(1)">' }],
    };
    await paste(user, JSON.stringify(hostile));
    expect(screen.getByRole('alert')).toHaveTextContent('steps[0].client: names no client');
    expect(screen.getByRole('alert').textContent).not.toContain('<img');
    await paste(user, '{"format": "<b>bold</b>"}');
    expect(screen.getByRole('alert')).toHaveTextContent('format: must be "mqtt-will-lab/scenario", not "<b>bold</b>"');
    expect(view.container.querySelector('img, b')).toBeNull();
  });

  it('offers a picker for a file with several cases', async () => {
    const { user, onLoad } = setup();
    const text = readFileSync('conformance/spec-cases.json', 'utf8');
    await user.upload(
      screen.getByLabelText('Scenario or case file (.json)'),
      new File([text], 'spec-cases.json', { type: 'application/json' }),
    );
    const count = (JSON.parse(text) as unknown[]).length;
    expect(count).toBeGreaterThan(100);
    expect(await screen.findByText(`This file holds ${count} cases. Pick one to open:`)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Case' }), 'spec-row10-sei0-wdi30-drop');
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    expect(onLoad).toHaveBeenCalledTimes(1);
    const [scenario, source] = onLoad.mock.calls[0] as [{ title: string }, object];
    expect(scenario.title).toMatch(/^row 10: /);
    expect(source).toEqual({ kind: 'file', name: 'spec-cases.json', caseId: 'spec-row10-sei0-wdi30-drop' });
  });

  it('opens a file with one case at once, and refuses a file too large', async () => {
    const { user, onLoad } = setup();
    const cases = JSON.parse(readFileSync('conformance/spec-cases.json', 'utf8')) as { id: string }[];
    const one = JSON.stringify([cases.find((c) => c.id === 'v4-cs0-drop')]);
    await user.upload(screen.getByLabelText('Scenario or case file (.json)'), new File([one], 'one.json'));
    await vi.waitFor(() => expect(onLoad).toHaveBeenCalledTimes(1));
    expect(onLoad.mock.calls[0]?.[1]).toEqual({ kind: 'file', name: 'one.json', caseId: 'v4-cs0-drop' });
    const big = new File(['{}'], 'huge.json');
    Object.defineProperty(big, 'size', { value: 10_000_000_000 });
    await user.upload(screen.getByLabelText('Scenario or case file (.json)'), big);
    expect(await screen.findByRole('alert')).toHaveTextContent('The file "huge.json" is larger than');
  });
});
