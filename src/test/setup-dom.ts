import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
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
