import { type Problem, problem } from './problems';
import { shorten } from './text';

/**
 * The one way untrusted JSON text is read (files, pastes, links, the autosave, the CLI): its size
 * and nesting are checked BEFORE it is parsed, so a huge or deeply nested text is answered with a
 * problem naming it, never with a frozen tab or a stack overflow in the validator.
 */

/** Largest document accepted from a file, a paste, a link or the autosave, in UTF-8 bytes. */
export const MAX_DOCUMENT_BYTES = 2_000_000;
/** Deepest nesting of objects and lists accepted; a scenario file nests about 8 levels. */
export const MAX_JSON_DEPTH = 64;

/** UTF-8 length of a string, without encoding it (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Where the nesting first goes deeper than `max` (0-based character index), or -1. Strings are skipped. */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** Line and column (1-based) of a character index, for messages. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

export type JsonRead = { ok: true; data: unknown } | { ok: false; problems: Problem[] };

/**
 * Parses JSON text after the checks: a leading byte order mark is dropped (as browsers do when they
 * read a file), then size in bytes, then nesting depth, then JSON.parse.
 */
export function readJsonText(input: string, where = '(file)'): JsonRead {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // Characters never exceed bytes: a text this long is too big whatever it holds.
  const bytes = text.length > MAX_DOCUMENT_BYTES ? text.length : utf8Length(text);
  if (bytes > MAX_DOCUMENT_BYTES)
    return { ok: false, problems: [problem(where, 'tooLong', { length: bytes, max: MAX_DOCUMENT_BYTES })] };
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0) {
    const { line, column } = lineColumn(text, deep);
    return { ok: false, problems: [problem(where, 'tooDeep', { max: MAX_JSON_DEPTH, line, column })] };
  }
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (e) {
    return { ok: false, problems: [problem(where, 'json', { detail: shorten(String((e as Error).message), 160) })] };
  }
}

export { shorten } from './text';
