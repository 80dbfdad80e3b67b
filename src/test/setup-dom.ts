import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { loadAllMessages } from '../i18n/messages';

// The English words are loaded before any test renders, as the app has the shell's words before it
// shows a language: a component reads them at once instead of suspending on a lazy part.
beforeAll(async () => {
  await loadAllMessages('en');
});

// Vitest globals are off, so Testing Library cannot register its own cleanup: unmount after each
// test, or rendered components leak into the next one.
afterEach(() => {
  cleanup();
});

// `findBy*` and `waitFor` wait for a condition; their limit (1 s by default) is only a safety net
// against a test that would otherwise hang. A lazy panel on a busy two-core machine can take longer
// than a second to appear, so the net is wide: a test waits for what it needs, however long it takes.
configure({ asyncUtilTimeout: 30_000 });
