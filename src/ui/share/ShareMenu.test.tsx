import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../engine/types';
import { loadDocumentText } from '../../scenario/load';
import { parseScenario } from '../../scenario/validate';
import { decodeLink } from '../../share/codec';
import typical from '../../share/fixtures/typical-3-clients.json';
import { ShareMenu } from './ShareMenu';

afterEach(cleanup);

const scenarioOf = (file: unknown): Scenario => {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const sc = scenarioOf(typical);

/** A scenario whose link is long: many publishes of payloads that do not compress. */
function longScenario(): Scenario {
  let x = 7;
  const noise = () =>
    Array.from({ length: 60 }, () => {
      x = (x * 48271) % 2147483647;
      return String.fromCharCode(33 + (x % 90));
    }).join('');
  const steps = Array.from({ length: 40 }, (_, i) => ({
    t: i + 1,
    action: 'publish',
    client: 'sensor-a',
    topic: `plant/line-1/${i}`,
    payload: noise(),
    qos: 0,
    retain: false,
  }));
  return scenarioOf({ ...typical, steps: [typical.steps[0], ...steps] });
}

describe('share menu', () => {
  it('copies a link that opens the same scenario and says so', async () => {
    const user = userEvent.setup();
    const onCopy = vi.fn(async (_text: string) => {});
    render(<ShareMenu scenario={sc} baseUrl="https://example.org/lab/#old" onCopy={onCopy} />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const link = onCopy.mock.calls[0]?.[0] ?? '';
    expect(link.startsWith('https://example.org/lab/#s=v1.')).toBe(true);
    expect(decodeLink(link)).toEqual({ ok: true, scenario: sc, version: 1 });
    expect(screen.getByRole('status')).toHaveTextContent('Link copied to the clipboard.');
    expect(screen.getByRole('textbox', { name: 'Link to this scenario' })).toHaveValue(link);
  });

  it('shows the link length on a meter, without a warning for a typical scenario', () => {
    render(<ShareMenu scenario={sc} baseUrl="https://example.org/lab/" />);
    const meter = screen.getByRole('meter', { name: 'Link length' });
    expect(meter).toHaveAttribute('aria-valuetext', expect.stringMatching(/^\d{3} of 2,000 characters$/));
    expect(screen.queryByText(/may not fit a chat message/)).not.toBeInTheDocument();
  });

  it('warns above 2,000 characters and offers the JSON download', async () => {
    const user = userEvent.setup();
    const onDownload = vi.fn();
    const long = longScenario();
    render(<ShareMenu scenario={long} baseUrl="https://example.org/lab/" onDownload={onDownload} />);
    expect(screen.getByText(/more than 2,000: it may not fit a chat message or a QR code/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    const [name, text, mime] = onDownload.mock.calls[0] as [string, string, string];
    expect(name).toBe('line-1-two-sensors-and-a-gateway-lose-their-connections.json');
    expect(mime).toBe('application/json');
    const back = loadDocumentText(text);
    expect(back.ok && back.value.kind === 'scenario' && back.value.scenario).toEqual(long);
  });

  it('tells the user to copy by hand when the browser refuses', async () => {
    const user = userEvent.setup();
    render(
      <ShareMenu
        scenario={sc}
        baseUrl="https://example.org/lab/"
        onCopy={async () => {
          throw new Error('denied');
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('status')).toHaveTextContent('Select the link below and copy it yourself.');
  });
});
