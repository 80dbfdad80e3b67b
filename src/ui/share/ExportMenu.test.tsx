import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import typical from '../../share/fixtures/typical-3-clients.json';
import { ExportMenu } from './ExportMenu';

afterEach(cleanup);

const parsed = parseScenario(typical);
if (!parsed.ok) throw new Error('fixture');
const sc = parsed.value;
const base = 'line-1-two-sensors-and-a-gateway-lose-their-connections';

describe('export menu', () => {
  it('downloads the scenario as JSON', async () => {
    const user = userEvent.setup();
    const onDownload = vi.fn();
    render(<ExportMenu scenario={sc} onDownload={onDownload} />);
    await user.click(screen.getByRole('button', { name: 'Scenario JSON' }));
    expect(onDownload).toHaveBeenCalledWith(
      `${base}.json`,
      expect.stringContaining('"format": "mqtt-will-lab/scenario"'),
      'application/json',
    );
    expect(screen.getByRole('status')).toHaveTextContent(`Saved ${base}.json.`);
  });

  it('loads the exporters on demand for the Mermaid diagram and the reproduction script', async () => {
    const user = userEvent.setup();
    const onDownload = vi.fn();
    render(<ExportMenu scenario={sc} onDownload={onDownload} />);
    await user.click(screen.getByRole('button', { name: 'Mermaid sequence diagram' }));
    expect(await screen.findByText(`Saved ${base}.mmd.`)).toBeInTheDocument();
    const [, mermaid] = onDownload.mock.calls[0] as [string, string];
    expect(mermaid).toContain('sequenceDiagram');
    expect(mermaid).toContain('will of sensor-b#35;1 published');
    await user.click(screen.getByRole('button', { name: 'Reproduction script (mosquitto)' }));
    expect(await screen.findByText(`Saved ${base}.sh.`)).toBeInTheDocument();
    const [, script] = onDownload.mock.calls[1] as [string, string];
    expect(script.startsWith('#!/usr/bin/env bash')).toBe(true);
    expect(script).toContain('kill -9');
  });

  it('says so when an export fails', async () => {
    const user = userEvent.setup();
    render(<ExportMenu scenario={sc} onDownload={vi.fn()} load={() => Promise.reject(new Error('offline'))} />);
    await user.click(screen.getByRole('button', { name: 'Mermaid sequence diagram' }));
    expect(await screen.findByText('The export failed.')).toBeInTheDocument();
  });
});
