import { type ReactNode, useId, useMemo, useState } from 'react';
import {
  COMPARE_PARAMETERS,
  type CompareParameter,
  type Comparison,
  compareVariant,
  type Variant,
} from '../../compare/compare';
import { PROFILES } from '../../engine/profiles';
import { type Scenario, SEI_NEVER, type TraceEntry } from '../../engine/types';
import { useMessages } from '../../i18n/react';
import { profileName, renderEntry } from '../../i18n/render';
import { problemLine } from '../../share/describe';

export interface CompareViewProps {
  scenario: Scenario;
  /** Move the app's timeline to this time (the first difference). */
  onShowTime?: (tMs: number) => void;
  /** Draws the two runs below the decision lists (the app's timelines), with each side's name. */
  renderRuns?: (comparison: Comparison, names: { a: string; b: string }) => ReactNode;
}

const PARAMETER_VALUE = 'parameter';

/** The value a parameter has in the scenario as written, as the starting point of an edit. */
function currentValue(sc: Scenario, client: string, p: CompareParameter): number | boolean | null {
  const c = sc.clients.find((x) => x.name === client);
  if (!c) return null;
  switch (p) {
    case 'sessionExpiry':
      return c.sessionExpiry;
    case 'willDelay':
      return c.will?.delay ?? 0;
    case 'keepAlive':
      return c.keepAlive;
    case 'cleanStart':
      return c.cleanStart;
    case 'protocol':
      return c.protocol;
  }
}

/**
 * Side by side: the scenario as written against the same scenario under another broker profile,
 * or with one parameter of one client changed. Both runs' decisions (connections, sessions, wills)
 * are listed, and the first one that differs is marked. Self-contained: plain props, no store.
 */
export function CompareView({ scenario, onShowTime, renderRuns }: CompareViewProps) {
  const t = useMessages('share');
  const cat = useMessages('engine');
  const id = useId();
  const others = PROFILES.filter((p) => p.id !== scenario.profile);
  const [mode, setMode] = useState<string>(others[0] ? `profile:${others[0].id}` : PARAMETER_VALUE);
  const [parameter, setParameter] = useState<CompareParameter>('willDelay');
  const [client, setClient] = useState(scenario.clients.find((c) => c.will)?.name ?? scenario.clients[0]?.name ?? '');
  const [value, setValue] = useState<number | boolean | null | undefined>(undefined);

  const shownValue = value === undefined ? currentValue(scenario, client, parameter) : value;
  const variant = useMemo<Variant>(
    () =>
      mode.startsWith('profile:')
        ? { kind: 'profile', profile: mode.slice('profile:'.length) }
        : { kind: 'parameter', parameter, client, value: shownValue ?? null },
    [mode, parameter, client, shownValue],
  );
  const result = useMemo(() => compareVariant(scenario, variant), [scenario, variant]);

  const variantLabel = (() => {
    if (variant.kind === 'profile') return t.compare.profileVariant(profileName(variant.profile, cat));
    const v = variant.value;
    const shown =
      v === null
        ? '—'
        : typeof v === 'boolean'
          ? t.compare.onOff(v)
          : v === SEI_NEVER && parameter === 'sessionExpiry'
            ? t.compare.never
            : String(v);
    return t.compare.parameterVariant(`${cat.clientLabel(client)} ${t.compare.parameter[parameter]}`, shown);
  })();

  const row = (e: TraceEntry) => {
    const r = renderEntry(e, cat);
    return `${r.time} — ${r.what}`;
  };

  const list = (name: string, entries: TraceEntry[], at: number | null) => (
    <ol aria-label={t.compare.decisionsOf(name)} className="grid gap-0.5 text-xs">
      {entries.map((e, i) => (
        <li
          // Decisions have no id of their own; their position in the run is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole from each run.
          key={i}
          aria-current={i === at ? 'true' : undefined}
          className={i === at ? 'rounded bg-amber-100 px-1 font-medium dark:bg-amber-900' : 'px-1'}
        >
          {row(e)}
          {i === at && <span className="ml-1 text-amber-800 dark:text-amber-300">({t.compare.differsHere})</span>}
        </li>
      ))}
    </ol>
  );

  const numeric = parameter === 'sessionExpiry' || parameter === 'willDelay' || parameter === 'keepAlive';
  const withWill = scenario.clients.filter((c) => c.will !== null);
  const clientChoices = parameter === 'willDelay' ? withWill : scenario.clients;

  return (
    <section aria-labelledby={`${id}-h`} className="grid grid-cols-1 gap-2">
      <h2 id={`${id}-h`} className="text-sm font-semibold">
        {t.compare.heading}
      </h2>
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <label className="grid gap-1">
          <span>{t.compare.variantLabel}</span>
          <select className="field" value={mode} onChange={(e) => setMode(e.currentTarget.value)}>
            {others.map((p) => (
              <option key={p.id} value={`profile:${p.id}`}>
                {t.compare.profileVariant(profileName(p.id, cat))}
              </option>
            ))}
            <option value={PARAMETER_VALUE}>{t.compare.changedParameter}</option>
          </select>
        </label>
        {mode === PARAMETER_VALUE && (
          <>
            <label className="grid gap-1">
              <span>{t.compare.clientLabel}</span>
              <select
                className="field"
                value={client}
                onChange={(e) => {
                  setClient(e.currentTarget.value);
                  setValue(undefined);
                }}
              >
                {clientChoices.map((c) => (
                  <option key={c.name} value={c.name}>
                    {cat.clientLabel(c.name)}
                  </option>
                ))}
              </select>
            </label>
            <label className="grid gap-1">
              <span>{t.compare.parameterLabel}</span>
              <select
                className="field"
                value={parameter}
                onChange={(e) => {
                  const p = e.currentTarget.value as CompareParameter;
                  setParameter(p);
                  setValue(undefined);
                  if (p === 'willDelay' && !withWill.some((c) => c.name === client)) setClient(withWill[0]?.name ?? '');
                }}
              >
                {COMPARE_PARAMETERS.map((p) => (
                  <option key={p} value={p} disabled={p === 'willDelay' && withWill.length === 0}>
                    {t.compare.parameter[p]}
                  </option>
                ))}
              </select>
            </label>
            {numeric && (
              <label className="grid gap-1">
                <span>{t.compare.parameter[parameter]}</span>
                <input
                  type="number"
                  min={0}
                  className="field w-28 tabular-nums"
                  value={typeof shownValue === 'number' ? shownValue : ''}
                  onChange={(e) => {
                    const raw = e.currentTarget.value;
                    setValue(raw === '' ? null : Number(raw));
                  }}
                />
              </label>
            )}
            {parameter === 'cleanStart' && (
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={shownValue === true}
                  onChange={(e) => setValue(e.currentTarget.checked)}
                />
                <span>{t.compare.parameter.cleanStart}</span>
              </label>
            )}
            {parameter === 'protocol' && (
              <label className="grid gap-1">
                <span>{t.compare.parameter.protocol}</span>
                <select
                  className="field"
                  value={String(shownValue)}
                  onChange={(e) => setValue(Number(e.currentTarget.value))}
                >
                  <option value="5">5.0</option>
                  <option value="4">3.1.1</option>
                </select>
              </label>
            )}
          </>
        )}
      </div>

      {!result.ok ? (
        <div role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          <p>{t.compare.invalidVariant}</p>
          <ul className="list-disc pl-5">
            {result.problems.map((p) => (
              <li key={`${p.path} ${p.code}`}>{problemLine(p, cat)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p role="status" className="text-sm font-medium">
            {result.comparison.divergence
              ? t.compare.firstDifference(cat.seconds(result.comparison.divergence.tMs))
              : t.compare.noDifference}
          </p>
          {result.comparison.divergence && onShowTime && (
            <button
              type="button"
              className="btn justify-self-start"
              onClick={() => onShowTime(result.comparison.divergence?.tMs ?? 0)}
            >
              {t.lesson.showAt(cat.seconds(result.comparison.divergence.tMs))}
            </button>
          )}
          <div className="grid gap-3 md:grid-cols-2">
            <div className="grid gap-1">
              <h3 className="text-sm font-semibold">{t.compare.runA}</h3>
              {list(t.compare.runA, result.comparison.a.decisions, result.comparison.divergence?.index ?? null)}
            </div>
            <div className="grid gap-1">
              <h3 className="text-sm font-semibold">
                {t.compare.runB}: {variantLabel}
              </h3>
              {list(t.compare.runB, result.comparison.b.decisions, result.comparison.divergence?.index ?? null)}
            </div>
          </div>
          {renderRuns?.(result.comparison, { a: t.compare.runA, b: `${t.compare.runB}: ${variantLabel}` })}
        </>
      )}
    </section>
  );
}
