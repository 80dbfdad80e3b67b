import { useId, useState } from 'react';
import type { RunResult, Scenario } from '../../engine/types';
import { type Locale, loadMessages } from '../../i18n/messages';
import { useLocale, useMessages } from '../../i18n/react';
import { canonicalJson } from '../../share/canonical';
import { type Download, downloadText, fileName } from './download';

export interface Exporters {
  toMermaid: (scenario: Scenario, run: RunResult) => string;
  toReproScript: (scenario: Scenario) => string;
}

/**
 * The heavy exporters and their words load on first use, so they stay out of the app's first load.
 * The files are written in the app's language.
 */
const loadExporters = async (locale: Locale): Promise<Exporters> => {
  const [m, r, cat, ex] = await Promise.all([
    import('../../export/mermaid'),
    import('../../export/repro'),
    loadMessages(locale, 'engine'),
    loadMessages(locale, 'export'),
  ]);
  return {
    toMermaid: (sc, run) => m.toMermaid(sc, run, { cat, ex }),
    toReproScript: (sc) => r.toReproScript(sc, { cat, ex }),
  };
};

export interface ExportMenuProps {
  scenario: Scenario;
  /** The run to draw; computed from the scenario (under its profile) when not given. */
  run?: RunResult;
  onDownload?: Download;
  /** For tests; the default imports src/export lazily. */
  load?: (locale: Locale) => Promise<Exporters>;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'failed' };

/** Downloads the scenario as JSON, the run as a Mermaid sequence diagram, or a mosquitto script. */
export function ExportMenu({ scenario, run, onDownload = downloadText, load = loadExporters }: ExportMenuProps) {
  const t = useMessages('share');
  const locale = useLocale();
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const save = (name: string, text: string, mime: string) => {
    onDownload(name, text, mime);
    setStatus({ kind: 'done', file: name });
  };
  const lazy = async (make: (x: Exporters, run: () => Promise<RunResult>) => Promise<[string, string, string]>) => {
    setStatus({ kind: 'busy' });
    try {
      save(...(await make(await load(locale), theRun)));
    } catch {
      setStatus({ kind: 'failed' });
    }
  };
  // The app passes its current run; otherwise the engine is fetched with the exporters.
  const theRun = async (): Promise<RunResult> => {
    if (run) return run;
    const [{ simulate }, { profileById, SPEC }] = await Promise.all([
      import('../../engine/sim'),
      import('../../engine/profiles'),
    ]);
    return simulate(scenario, { profile: profileById(scenario.profile) ?? SPEC });
  };

  return (
    <section aria-labelledby={`${id}-h`} className="grid gap-2">
      <h2 id={`${id}-h`} className="text-sm font-semibold">
        {t.export.heading}
      </h2>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn"
          onClick={() => save(fileName(scenario.title, 'json'), canonicalJson(scenario, 2), 'application/json')}
        >
          {t.export.scenarioJson}
        </button>
        <button
          type="button"
          className="btn"
          disabled={status.kind === 'busy'}
          onClick={() =>
            lazy(async (x, r) => [
              fileName(scenario.title, 'mmd'),
              x.toMermaid(scenario, await r()),
              'text/vnd.mermaid',
            ])
          }
        >
          {t.export.mermaid}
        </button>
        <button
          type="button"
          className="btn"
          disabled={status.kind === 'busy'}
          onClick={() =>
            lazy(async (x) => [fileName(scenario.title, 'sh'), x.toReproScript(scenario), 'text/x-shellscript'])
          }
        >
          {t.export.repro}
        </button>
      </div>
      <p role="status" className="text-sm">
        {status.kind === 'busy'
          ? t.export.preparing
          : status.kind === 'done'
            ? t.export.done(status.file)
            : status.kind === 'failed'
              ? t.export.failed
              : ''}
      </p>
    </section>
  );
}
