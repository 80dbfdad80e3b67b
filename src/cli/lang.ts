import { matchLocale } from '../i18n/locale';
import { LOCALES, type Locale, loadAllMessages, type Messages } from '../i18n/messages';

/**
 * The language of a CLI: `--lang zh-CN` (or `--lang=zh-CN`), else the POSIX locale (LC_ALL, then
 * LC_MESSAGES, then LANG: `zh_CN.UTF-8` reads Simplified Chinese), else English. Returns the other
 * arguments for the CLI's own parser, so every CLI takes the flag the same way.
 */
export function takeLocale(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): { locale: Locale; argv: string[] } | { error: string } {
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--lang') {
      asked = argv[i + 1] ?? '';
      i++;
    } else if (a.startsWith('--lang=')) asked = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (asked !== undefined) {
    const locale = matchLocale(asked);
    if (!locale) return { error: `--lang: unknown language "${asked}" (known: ${LOCALES.join(', ')})` };
    return { locale, argv: rest };
  }
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    // The first variable that is set decides, as in POSIX; "C" or an unknown language means English.
    if (v) return { locale: matchLocale(v) ?? 'en', argv: rest };
  }
  return { locale: 'en', argv: rest };
}

/**
 * For a CLI's first line: `const { m, argv } = await cliMessages();` then parse `argv`. Exits with a
 * message on an unknown `--lang`.
 */
export async function cliMessages(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): Promise<{ locale: Locale; m: Messages; argv: string[] }> {
  const r = takeLocale(argv, env);
  if ('error' in r) {
    process.stderr.write(`${r.error}\n`);
    process.exit(2);
  }
  return { locale: r.locale, m: await loadAllMessages(r.locale), argv: r.argv };
}
