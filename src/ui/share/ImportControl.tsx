import { type ChangeEvent, useId, useState } from 'react';
import type { Scenario } from '../../engine/types';
import { useMessages } from '../../i18n/react';
import type { ConformanceCase } from '../../scenario/cases';
import { MAX_DOCUMENT_BYTES } from '../../scenario/json';
import { loadDocumentText } from '../../scenario/load';
import type { Problem } from '../../scenario/validate';
import { decodeLink, looksLikeLink } from '../../share/codec';
import { describeLinkError, problemLine } from '../../share/describe';

export interface ImportSource {
  kind: 'file' | 'paste' | 'link';
  /** The file name, for files. */
  name?: string;
  /** The case id, when the scenario is one case of a FORMAT.md case file. */
  caseId?: string;
}

export interface ImportControlProps {
  onLoadScenario: (scenario: Scenario, source: ImportSource) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'problems'; heading: string; lines: string[] }
  | { kind: 'pick'; cases: ConformanceCase[]; source: ImportSource }
  | { kind: 'opened'; title: string };

/** The loader's own cap, in bytes: bigger files are refused before they are read. */
const MAX_FILE_BYTES = MAX_DOCUMENT_BYTES;

/**
 * Opens a scenario from a file or from pasted text (scenario JSON, a FORMAT.md case file, or a
 * share link). Problems are listed by path, in the words of the file loader; a file with several
 * cases offers a picker. Self-contained: the scenario goes out through `onLoadScenario`.
 */
export function ImportControl({ onLoadScenario }: ImportControlProps) {
  const t = useMessages('share');
  const cat = useMessages('engine');
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [pasted, setPasted] = useState('');
  const [picked, setPicked] = useState('');

  const problems = (heading: string, list: Problem[] | string[]) =>
    setState({
      kind: 'problems',
      heading,
      lines: list.map((p) => (typeof p === 'string' ? p : problemLine(p, cat))),
    });

  const open = (scenario: Scenario, source: ImportSource) => {
    onLoadScenario(scenario, source);
    setState({ kind: 'opened', title: scenario.title || t.import.untitled });
  };

  const openText = (text: string, source: ImportSource, label: string) => {
    const r = loadDocumentText(text);
    if (!r.ok) return problems(t.import.problems(r.problems.length, label), r.problems);
    if (r.value.kind === 'scenario') return open(r.value.scenario, source);
    const cases = r.value.cases;
    if (cases.length === 1 && cases[0]) return open(cases[0].scenario, { ...source, caseId: cases[0].id });
    setPicked(cases[0]?.id ?? '');
    setState({ kind: 'pick', cases, source });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return problems(t.import.fileTooBig(file.name, MAX_FILE_BYTES), []);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return problems(t.import.fileUnreadable(file.name), []);
    }
    openText(text, { kind: 'file', name: file.name }, t.import.fromFile(file.name));
  };

  const onPaste = () => {
    if (pasted.trim() === '') return problems(t.import.nothingPasted, []);
    if (!looksLikeLink(pasted)) return openText(pasted, { kind: 'paste' }, t.import.fromPaste);
    const r = decodeLink(pasted);
    if (r.ok) return open(r.scenario, { kind: 'link' });
    const d = describeLinkError(r.error, t, cat);
    problems(`${t.link.headline} ${d.message}`, d.details);
  };

  const onPick = () => {
    if (state.kind !== 'pick') return;
    const c = state.cases.find((x) => x.id === picked);
    if (c) open(c.scenario, { ...state.source, caseId: c.id });
  };

  return (
    <section aria-labelledby={`${id}-h`} className="grid grid-cols-1 gap-2">
      <h2 id={`${id}-h`} className="text-sm font-semibold">
        {t.import.heading}
      </h2>
      <label className="grid gap-1 text-sm">
        <span>{t.import.fileLabel}</span>
        <input type="file" accept=".json,application/json" onChange={onFile} />
      </label>
      <label className="grid gap-1 text-sm">
        <span>{t.import.pasteLabel}</span>
        <textarea
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          rows={4}
          spellCheck={false}
          className="field font-mono text-xs"
        />
      </label>
      <button type="button" className="btn justify-self-start" onClick={onPaste}>
        {t.import.open}
      </button>
      {state.kind === 'problems' && (
        <div role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          <p>{state.heading}</p>
          {state.lines.length > 0 && (
            <ul className="list-disc pl-5">
              {state.lines.map((l, i) => (
                // Problems can repeat word for word (two files, same mistake): the index keeps keys unique.
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list, rebuilt on each import.
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'pick' && (
        <div className="grid gap-2">
          <p className="text-sm">{t.import.pickCase(state.cases.length)}</p>
          <label className="grid gap-1 text-sm">
            <span>{t.import.caseLabel}</span>
            <select className="field w-full" value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
              {state.cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id === c.title ? c.id : `${c.id} — ${c.title}`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn justify-self-start" onClick={onPick}>
            {t.import.openCase}
          </button>
        </div>
      )}
      <p role="status" className="text-sm">
        {state.kind === 'opened' ? t.import.opened(state.title) : ''}
      </p>
    </section>
  );
}
