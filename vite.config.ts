import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { offline } from './scripts/offline-plugin';

const shim = (f: string) => fileURLToPath(new URL(`./src/realbroker/shims/${f}`, import.meta.url));

export default defineConfig({
  // Relative: one dist/ works at any path (https://host/, https://host/some/path/, a file server).
  base: './',
  plugins: [react(), tailwindcss(), offline()],
  resolve: {
    // The real-broker chunk's mqtt-packet, without the Node polyfills it does not need in a browser:
    // `bl`'s stream wrapper (readable-stream, string_decoder, process) gives way to its plain
    // BufferList, which is all the parser uses; `debug` and `process-nextick-args` to tiny shims.
    // (Node and the tests resolve the real packages: vitest does not bundle node_modules.)
    alias: [
      { find: /^bl$/, replacement: 'bl/BufferList.js' },
      { find: /^debug$/, replacement: shim('debug.cjs') },
      { find: /^process-nextick-args$/, replacement: shim('nextick.cjs') },
    ],
  },
  build: {
    target: 'es2022',
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Everything the first load needs in one file: split across several files, the same code
        // compresses worse (each file is gzipped alone). Lazy chunks import it from there.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    // Limits, not budgets: a test waits for conditions, and on a busy machine (two cores shared with
    // other runs) a heavy property test can take several times its quiet-machine time. Speed budgets
    // live in `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 30_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'happy-dom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./src/test/setup-dom.ts'],
        },
      },
    ],
  },
});
