import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliCatalog, CliCommand } from '../i18n/cli';
import { KNOWN_LOCALES, words as messages, takeLocale } from './lang';
import { terminalSafe } from './terminal';

/**
 * The one option parser of every command (src/cli/*): node:util `parseArgs` in strict mode, so a
 * misspelled or unknown option is an error (with the valid ones listed), a switch given a value
 * (`--json=false`) is an error, and `--help` / `-h` prints the command's help everywhere.
 * Messages come from the CLI catalog (src/i18n/cli.ts). Exit codes: EXIT below.
 */

/** Exit codes of every command (README "Exit codes"). */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

export interface OptionDef {
  type: 'string' | 'boolean';
  /** The value's placeholder in help and errors ("P", "ID", "S"). */
  value?: string;
  short?: string;
}

export type OptionDefs = Record<string, OptionDef>;

export type OptionValues<O extends OptionDefs> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

export interface CommandDef<O extends OptionDefs> {
  command: CliCommand;
  options: O;
  /** How many positionals the command takes, and what they are called in errors. */
  positionals: { min: number; max: number; name: string };
  /** A full help text (usage and options) replacing the generated one (the matrix keeps its own, with allowed values). */
  optionsHelp?: string;
}

export interface Parsed<O extends OptionDefs> {
  values: OptionValues<O>;
  positionals: string[];
  /** Exits 2 with the message, the valid options and a pointer to --help. */
  usageError: (message: string) => never;
}

/** Writes the message to stderr (each line's control characters escaped) and exits, 2 unless told otherwise. */
export function fail(message: string, code: number = EXIT.usage): never {
  process.stderr.write(`${message.split('\n').map(terminalSafe).join('\n')}\n`);
  process.exit(code);
}

/** The help of a command: usage, what it does, options, exit codes. */
export function helpText<O extends OptionDefs>(def: CommandDef<O>, cat: CliCatalog = messages.cli): string {
  const words = cat.commands[def.command];
  const rows: [string, string][] = Object.entries(def.options).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`,
    words.options[name] ?? '',
  ]);
  rows.push(['--lang LANG', cat.lang.option]);
  rows.push(['-h, --help', cat.help.helpOption]);
  const width = Math.max(...rows.map(([l]) => l.length));
  const codes: [number, string][] = [
    [EXIT.ok, cat.exit.ok],
    [EXIT.failed, cat.exit.failed],
    [EXIT.usage, cat.exit.usage],
    [EXIT.internal, cat.exit.internal],
  ];
  const exit = ['', cat.help.exitCodes, ...codes.map(([c, h]) => `  ${c}  ${h}`)];
  const helpRow = (w: number) => `  ${rows[rows.length - 1]?.[0].padEnd(w)}  ${cat.help.helpOption}`;
  // A command with its own full help text (usage and options) keeps it, plus --help and the exit codes.
  if (def.optionsHelp) return [def.optionsHelp, helpRow(0).trimEnd(), ...exit].join('\n');
  return [
    cat.help.usage,
    ...words.usage.map((u) => `  ${u}`),
    '',
    words.summary,
    '',
    cat.help.options,
    ...rows.map(([l, h]) => `  ${l.padEnd(width)}  ${h}`),
    ...exit,
  ].join('\n');
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

function suggest(name: string, known: string[]): string | null {
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && (bestD <= Math.max(1, Math.floor(best.length / 3)) || best.startsWith(name)) ? best : null;
}

/** What is wrong with argv, found by walking its tokens (strict parseArgs only says that it is). */
function diagnose<O extends OptionDefs>(def: CommandDef<O>, argv: string[], cat: CliCatalog, detail: string): string {
  const known = Object.keys(def.options);
  const shorts = new Map(Object.entries(def.options).flatMap(([k, o]) => (o.short ? [[o.short, k] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') continue;
    const long = a.startsWith('--');
    const body = long ? a.slice(2) : a.slice(1);
    const eq = body.indexOf('=');
    const raw = eq >= 0 ? body.slice(0, eq) : body;
    const name = long ? raw : shorts.get(raw.charAt(0));
    if (name === 'help' || (!long && raw === 'h')) continue;
    const o = name === undefined ? undefined : def.options[name];
    if (!o || (!long && raw.length > 1 && o.type === 'boolean')) {
      return cat.args.unknownOption(long ? `--${raw}` : `-${raw}`, suggest(raw, known)?.replace(/^/, '--') ?? null);
    }
    if (o.type === 'boolean' && eq >= 0) return cat.args.takesNoValue(`--${name}`);
    if (o.type === 'string' && eq < 0 && (long || raw.length === 1)) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) return cat.args.needsValue(`--${name}`, o.value ?? 'VALUE');
      i++;
    }
  }
  return cat.args.other(detail);
}

/**
 * Parses argv (default: the process's) against the command's options, strictly. Prints the help
 * and exits 0 on --help; exits 2 with a message, the valid options and a pointer to --help on any
 * mistake.
 */
export function parseCommand<O extends OptionDefs>(
  def: CommandDef<O>,
  argv: string[] = process.argv.slice(2),
  cat: CliCatalog = messages.cli,
): Parsed<O> {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(def.options))
    options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  const valid = [...Object.keys(def.options).map((k) => `--${k}`), '--lang', '--help'].join(', ');
  const usageError = (message: string): never =>
    fail([message, cat.args.validOptions(valid), cat.args.seeHelp(def.command)].join('\n'));
  // --lang is every command's (src/cli/lang.ts chose the words from it already): take it out first.
  const lang = takeLocale(argv, {});
  argv = lang.argv;
  // --help wins over any other mistake: someone asking for help gets it.
  const dashDash = argv.indexOf('--');
  const head = dashDash >= 0 ? argv.slice(0, dashDash) : argv;
  if (head.includes('--help') || head.includes('-h')) {
    process.stdout.write(`${helpText(def, cat)}\n`);
    process.exit(EXIT.ok);
  }
  if ('unknown' in lang) usageError(cat.lang.unknown(lang.unknown, KNOWN_LOCALES));
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (e) {
    return usageError(diagnose(def, argv, cat, e instanceof Error ? e.message : String(e)));
  }
  const { positionals } = parsed;
  const p = def.positionals;
  if (positionals.length < p.min) usageError(cat.args.missing(p.name));
  if (positionals.length > p.max)
    usageError(p.max === 0 ? cat.args.unexpected(String(positionals[0])) : cat.args.tooMany(p.max));
  const { help: _help, ...values } = parsed.values;
  return { values: values as OptionValues<O>, positionals, usageError };
}

/**
 * Runs a command's body; anything it throws ends the process with one line on stderr and exit 3,
 * never a stack trace (set MWL_DEBUG=1 to see one).
 */
export function runCommand(body: () => void | Promise<void>, cat: CliCatalog = messages.cli): void {
  const die = (e: unknown) => {
    if (process.env.MWL_DEBUG) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    fail(cat.input.internal(e instanceof Error ? e.message : String(e)), EXIT.internal);
  };
  try {
    const r = body();
    if (r instanceof Promise) r.catch(die);
  } catch (e) {
    die(e);
  }
}
