import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

// The panel must bundle for the browser with the player (mqtt-packet, buffer) in a chunk of its
// own, loaded by import() when the user presses Run: the first load does not grow.
describe('the real-broker panel in a browser build', () => {
  it('keeps the player and mqtt-packet out of the panel chunk', async () => {
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: 'src/ui/realbroker/RealBrokerPanel.tsx', formats: ['es'], fileName: 'panel' },
        rollupOptions: { external: ['react', 'react/jsx-runtime', 'react-dom'] },
      },
    })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
    const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry) as Rollup.OutputChunk;
    const lazy = chunks.filter((c) => !c.isEntry);
    expect(entry.code).toContain('import(');
    expect(entry.code).not.toContain('mqtt-packet');
    expect(lazy.some((c) => c.code.includes('pingreq') && c.code.includes('Run on') === false)).toBe(true);
  });
});
