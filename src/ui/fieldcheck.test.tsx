import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../app/App';
import { inProcessRunner } from '../runner/in-process';
import { defaultScenario } from '../store/defaults';
import { noticeStore } from '../store/notice';
import { scenarioStore } from '../store/scenario';
import { initialView, viewStore } from '../store/view';

// The editor's fields check with the loader's own schema: what a field holds can be reloaded.

beforeAll(async () => {
  await import('./Setup');
}, 120_000);
beforeEach(() => {
  scenarioStore.setState({ scenario: defaultScenario(), past: [], future: [] });
  viewStore.setState({ ...initialView });
  noticeStore.setState({ notice: null });
});

async function setup() {
  render(<App runner={inProcessRunner} />);
  // A condition, not a time: a busy machine may take longer than findBy's default second.
  return within(await screen.findByRole('region', { name: 'Set up' }, { timeout: 30_000 }));
}

describe('editor fields', { timeout: 60_000 }, () => {
  it('a 501st character of the title is not taken, and the field says why', async () => {
    const panel = await setup();
    const title = panel.getByLabelText('Title');
    fireEvent.change(title, { target: { value: 't'.repeat(500) } });
    expect(scenarioStore.getState().scenario.title).toHaveLength(500);
    fireEvent.change(title, { target: { value: 't'.repeat(501) } });
    expect(scenarioStore.getState().scenario.title).toHaveLength(500);
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('must be at most 500 characters');
  });

  it("a Client Identifier starting with the observer's reserved id, or of 257 bytes, is not taken", async () => {
    const panel = await setup();
    const id = panel.getByLabelText('Client Identifier');
    const before = scenarioStore.getState().scenario.clients[0]?.clientId;
    fireEvent.change(id, { target: { value: '__observer__me' } });
    expect(id).toHaveAccessibleDescription('this Client Identifier is reserved');
    fireEvent.change(id, { target: { value: 'é'.repeat(129) } });
    expect(id).toHaveAccessibleDescription('is 258 bytes in UTF-8; at most 256 bytes are accepted');
    expect(scenarioStore.getState().scenario.clients[0]?.clientId).toBe(before);
  });

  it('a will payload over 16 KiB in UTF-8 is not taken', async () => {
    const panel = await setup();
    const payload = panel.getByLabelText('Will payload');
    fireEvent.change(payload, { target: { value: '€'.repeat(5462) } });
    expect(payload).toHaveAccessibleDescription('is 16,386 bytes in UTF-8; at most 16,384 bytes are accepted');
    expect(scenarioStore.getState().scenario.clients[0]?.will?.payload).not.toHaveLength(5462);
  });
});
