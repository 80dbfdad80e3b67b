import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's chromium against the built app (`vite preview`).
// Kept out of the default `vitest run`; scripts/test-all.mjs runs them after `vite build`.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    // Limits, not budgets (speed budgets live in `npm run bench`): generous so that a busy machine
    // slows the browser tests down without failing them. `expect.poll` waits for its condition.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 60_000 } },
    fileParallelism: false,
  },
});
