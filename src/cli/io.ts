import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_DOCUMENT_BYTES, readJsonText } from '../scenario/json';
import { type LoadedDocument, loadDocument } from '../scenario/load';
import type { Parsed, Problem } from '../scenario/validate';
import { problemLine } from '../share/describe';
import { EXIT, fail } from './args';
import { words } from './lang';
import { terminalSafe } from './terminal';

/**
 * Input and output of the commands: files are read with a size cap BEFORE reading (a 100 MB file or
 * /dev/zero fails at once), decoded like the browser decodes a file (UTF-8, a byte order mark
 * dropped), parsed with the app's own size and depth checks, and every line written to the
 * terminal has its control characters escaped (scenario text is untrusted).
 */

const CHUNK = 64 * 1024;

/** Reads at most `max` bytes of a file; more is an error, found without reading the rest. */
export function readCapped(path: string, max: number = MAX_DOCUMENT_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    fail(words.cli.input.cannotRead(path, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) fail(words.cli.input.notFile(path));
    if (st.isFile() && st.size > max) fail(words.cli.input.tooBig(path, st.size, max));
    // Devices and pipes have no size: read up to one byte past the cap.
    const buf = Buffer.alloc(Math.min(max + 1, st.isFile() ? st.size + 1 : max + 1));
    let n = 0;
    for (;;) {
      const want = Math.min(CHUNK, buf.length - n);
      if (want === 0) break;
      const got = readSync(fd, buf, n, want, null);
      if (got === 0) break;
      n += got;
    }
    if (n > max) fail(words.cli.input.tooBig(path, st.isFile() ? n : null, max));
    // Like the browser's File.text(): invalid bytes become U+FFFD, a BOM is dropped (readJsonText).
    return new TextDecoder('utf-8').decode(buf.subarray(0, n));
  } catch (e) {
    fail(words.cli.input.cannotRead(path, (e as NodeJS.ErrnoException).code ?? String(e)));
  } finally {
    closeSync(fd);
  }
}

/** Reads and parses a JSON file, or exits with a message that names the file and the problem. */
export function readJson(path: string): unknown {
  const r = readJsonText(readCapped(path));
  if (!r.ok) failProblems(path, r.problems);
  return r.data;
}

/** Reads a scenario file or a FORMAT.md case file, exactly as the app's Open dialog does. */
export function readDocument(path: string): LoadedDocument {
  const r: Parsed<LoadedDocument> = (() => {
    const json = readJsonText(readCapped(path));
    return json.ok ? loadDocument(json.data) : json;
  })();
  if (!r.ok) failProblems(path, r.problems);
  return r.value;
}

/** Streams whose EPIPE is already handled. */
const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * Writes lines to stdout, each escaped, in chunks of about a megabyte, waiting for the pipe to drain
 * between them: a long trace never becomes one giant string nor a growing buffer. A reader that
 * goes away (`| head`) ends the command quietly.
 */
export async function writeLines(lines: Iterable<string>, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      fail(words.cli.input.internal(e.message), EXIT.internal);
    });
  }
  let buf: string[] = [];
  let size = 0;
  const flush = async () => {
    const ok = stream.write(`${buf.join('\n')}\n`);
    buf = [];
    size = 0;
    if (!ok) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  for (const l of lines) {
    const safe = terminalSafe(l);
    buf.push(safe);
    size += safe.length + 1;
    if (size > 1 << 20) await flush();
  }
  if (buf.length > 0) await flush();
}

export { fail };

export function failProblems(source: string, problems: Problem[]): never {
  fail(
    [
      words.cli.input.problems(source, problems.length),
      ...problems.map((p) => `  ${problemLine(p, words.engine)}`),
    ].join('\n'),
  );
}
