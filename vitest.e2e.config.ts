import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's chromium against the built app (`vite preview`).
// Kept out of the default `vitest run`; scripts/test-all.mjs runs them after `vite build`.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
