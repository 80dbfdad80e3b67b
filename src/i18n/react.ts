import { createContext, useContext } from 'react';
import type { Locale, Messages, Part } from './messages';
import { loadMessages } from './messages';

/** The app's language, provided once by the shell. */
export const LocaleContext = createContext<Locale>('en');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/**
 * The one way a component gets words: `const t = useMessages('ui')`. A part that is not loaded yet
 * suspends the component (every lazy feature renders inside a Suspense boundary); the shell's parts
 * are loaded before the app shows a language, so the header never waits.
 */
export function useMessages<K extends Part>(part: K): Messages[K] {
  const p = loadMessages(useContext(LocaleContext), part);
  if (p.status === 'fulfilled') return p.value as Messages[K];
  // Not loaded yet: suspend until it is. A thrown promise, not `use`: React replays a component
  // suspended by `use` as soon as the promise settles and expects the same `use` call, which this
  // hook skips once the part is loaded (React then reports error #520 and renders again).
  throw p;
}
