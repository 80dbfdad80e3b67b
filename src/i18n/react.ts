import { createContext, use, useContext } from 'react';
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
  // A loaded part is read at once; `use` (allowed in a condition) suspends until a new one arrives.
  return p.status === 'fulfilled' ? (p.value as Messages[K]) : use(p as Promise<Messages[K]>);
}
