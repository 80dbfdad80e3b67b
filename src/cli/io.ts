import { readFileSync } from 'node:fs';
import type { Catalog } from '../i18n/catalog';
import type { CliCatalog } from '../i18n/cli';
import type { Problem } from '../scenario/validate';
import { problemLine } from '../share/describe';

/** Reads and parses a JSON file, or exits with a message that names the file and the problem. */
export function readJson(path: string, cli: CliCatalog): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(cli.cannotRead(path, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(cli.notJson(path, (e as Error).message));
  }
}

export function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Exits with the problems of a file, one "path: what is wrong" line each, in the catalog's language. */
export function failProblems(source: string, problems: Problem[], cat: Catalog, cli: CliCatalog): never {
  const lines = problems.map((p) => `  ${problemLine(p, cat)}`);
  fail(`${cli.problems(source, problems.length)}\n${lines.join('\n')}`);
}

/** Tiny argv parser: --flag value, --switch, and positionals. */
export function parseArgs(
  argv: string[],
  switches: string[],
): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags.set(k, inline);
      else if (switches.includes(k)) flags.set(k, true);
      else {
        const v = argv[i + 1];
        if (v === undefined) fail(`--${k} needs a value`);
        flags.set(k, v);
        i++;
      }
    } else positional.push(a);
  }
  return { flags, positional };
}
