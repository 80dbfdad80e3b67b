import { matchLocale } from '../i18n/locale';
import { LOCALES, type Locale, loadAllMessages, type Messages } from '../i18n/messages';

/**
 * The language of a CLI: `--lang zh-CN` (or `--lang=zh-CN`), else the POSIX locale (LC_ALL, then
 * LC_MESSAGES, then LANG: `zh_CN.UTF-8` reads Simplified Chinese), else English. Returns the other
 * arguments for the command's own parser (src/cli/args.ts strips the flag the same way).
 */
export function takeLocale(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): { locale: Locale; argv: string[] } | { unknown: string; argv: string[] } {
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') {
      asked = argv[i + 1] ?? '';
      i++;
    } else if (a.startsWith('--lang=')) asked = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (asked !== undefined) {
    const locale = matchLocale(asked);
    return locale ? { locale, argv: rest } : { unknown: asked, argv: rest };
  }
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    // The first variable that is set decides, as in POSIX; "C" or an unknown language means English.
    if (v) return { locale: matchLocale(v) ?? 'en', argv: rest };
  }
  return { locale: 'en', argv: rest };
}

export const KNOWN_LOCALES = LOCALES.join(', ');

const chosen = takeLocale(process.argv.slice(2), process.env);

/** The language of this run of a CLI (an unknown --lang reads English; the parser reports it). */
export const cliLocale: Locale = 'locale' in chosen ? chosen.locale : 'en';

/** Every word of this run, in its language (loaded once, before the command runs). */
export const words: Messages = await loadAllMessages(cliLocale);
