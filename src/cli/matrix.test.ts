import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type Axes, defaultAxes } from '../explorer/axes';
import { matrixToCsv } from '../explorer/csv';
import { encodeSettings } from '../explorer/link';
import { differingCells, matchingCells } from '../explorer/matrix';
import { computeMatrix } from '../explorer/run';
import { explorerEn } from '../i18n/explorer-en';

const tsx = 'node_modules/.bin/tsx';
const matrix = (...args: string[]) => execFileSync(tsx, ['src/cli/matrix.ts', ...args], { encoding: 'utf8' });

describe('npm run matrix', { timeout: 120_000 }, () => {
  it('--csv prints the same CSV as the explorer module for the same axes', () => {
    const out = matrix('--csv', '--protocol', '5', '--will-delay', '30', '--keep-alive', '0,10', '--clean-start', '0');
    const axes: Axes = { ...defaultAxes(), protocol: [5], willDelay: [30], keepAlive: [0, 10], cleanStart: [false] };
    expect(out).toBe(matrixToCsv(computeMatrix(axes), explorerEn));
  });

  it('reads the settings of an explorer link, and options override them', () => {
    const link = `#${encodeSettings({
      axes: { ...defaultAxes(), protocol: [4], keepAlive: [60] },
      filter: { kind: 'differ', a: 'spec', b: 'nanomq-0.23.2' },
    })}`;
    const out = matrix('--csv', '--link', link, '--profile', 'spec,nanomq-0.23.2');
    const m = computeMatrix({ ...defaultAxes(), protocol: [4], keepAlive: [60] });
    const diff = [...differingCells(m, 'spec', 'nanomq-0.23.2')].sort((a, b) => a - b);
    expect(diff.length).toBeGreaterThan(0);
    expect(out).toBe(matrixToCsv(m, explorerEn, diff));
  });

  it('prints a readable table with a closing summary', () => {
    const out = matrix(
      '--protocol',
      '5',
      '--clean-start',
      '0',
      '--will-delay',
      '30',
      '--keep-alive',
      '10',
      '--end',
      'drop',
      '--filter',
      'never',
    );
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^proto\s+CS\s+WD\s+SE\s+KA\s+QoS\s+connection ends\s+next\s+profile\s+will\s+SP\s+offline\s+why$/,
    );
    const m = computeMatrix({
      ...defaultAxes(),
      protocol: [5],
      cleanStart: [false],
      willDelay: [30],
      keepAlive: [10],
      end: ['drop'],
    });
    const never = matchingCells(m, { kind: 'never', a: 'spec', b: 'spec' });
    expect(lines.filter((l) => l.startsWith('5.0'))).toHaveLength(never.length);
    expect(lines.some((l) => l.includes('↺ cancelled') && l.includes('the session was resumed in time'))).toBe(true);
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^${m.cells.length} cells in \\d+\\.\\d\\d s; ${never.length} match: Cells where the will never fires$`,
      ),
    );
  });

  it('refuses unknown options and values with a message and exit code 2', () => {
    const bad = spawnSync(tsx, ['src/cli/matrix.ts', '--end', 'explode'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--end: "explode" is not one of drop, silence');
    const empty = spawnSync(tsx, ['src/cli/matrix.ts', '--protocol', '4', '--end', 'disconnect04'], {
      encoding: 'utf8',
    });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('No combination of these values exists');
    const unknown = spawnSync(tsx, ['src/cli/matrix.ts', '--colour', 'red'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --colour');
  });
});
