import { useId, useRef, useState } from 'react';
import type { BrokerProfile } from '../../engine/profiles';
import type { OutcomeWill, RunResult, Scenario } from '../../engine/types';
import { type RealBrokerCatalog, realBrokerEn } from '../../i18n/realbroker';
import type { BrokerRun, BrokerRunOptions } from '../../realbroker/browser';

/**
 * "Run on a real broker": the user gives a WebSocket URL, the scenario is played against that
 * broker, and the observed wills are laid over the predicted ones, with the list of differences.
 * The player (and mqtt-packet) is imported only when the user presses Run.
 */
export interface RealBrokerPanelProps {
  scenario: Scenario;
  profile: BrokerProfile;
  /** The engine's prediction the app already shows (replaced by one with the run's clock phases). */
  predicted: RunResult;
  /** Plays the scenario; defaults to the lazily loaded browser player. Tests pass their own. */
  runner?: (o: BrokerRunOptions) => Promise<BrokerRun>;
  defaultUrl?: string;
  catalog?: RealBrokerCatalog;
}

const lazyRunner = async (o: BrokerRunOptions): Promise<BrokerRun> => {
  const m = await import('../../realbroker/browser');
  return m.runOnBroker(o);
};

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; t: number }
  | { kind: 'done'; run: BrokerRun }
  | { kind: 'error'; message: string };

export function RealBrokerPanel({
  scenario,
  profile,
  predicted,
  runner = lazyRunner,
  defaultUrl = 'ws://127.0.0.1:9001',
  catalog: cat = realBrokerEn,
}: RealBrokerPanelProps) {
  const [url, setUrl] = useState(defaultUrl);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [urlError, setUrlError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const urlId = useId();
  const hintId = useId();
  const headingId = useId();
  const blocked = scenario.steps.some((s) => s.action === 'brokerRestart' || s.action === 'kick');

  async function start() {
    if (!/^wss?:\/\/[^\s]+$/.test(url.trim())) {
      setUrlError(cat.badUrl);
      return;
    }
    setUrlError(null);
    const ctl = new AbortController();
    abort.current = ctl;
    setStatus({ kind: 'running', t: 0 });
    try {
      const run = await runner({
        url: url.trim(),
        scenario,
        profile,
        signal: ctl.signal,
        onEvent: (e) => setStatus((s) => (s.kind === 'running' ? { kind: 'running', t: Math.max(0, e.t) } : s)),
      });
      setStatus({ kind: 'done', run });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      abort.current = null;
    }
  }

  const shownPrediction = status.kind === 'done' ? status.run.predicted : predicted;
  const observed = status.kind === 'done' ? status.run.recording.observed.wills : null;

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border border-slate-300 p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {cat.heading}
      </h2>
      <p className="text-sm">{cat.intro(profile.label)}</p>
      {blocked ? (
        <p role="alert" className="text-sm text-amber-800">
          {cat.cannotPlay} {scenario.steps.find((s) => s.action === 'brokerRestart') ? 'brokerRestart' : 'kick'}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={urlId} className="flex flex-col text-sm">
          {cat.urlLabel}
          <input
            id={urlId}
            aria-describedby={hintId}
            aria-invalid={urlError !== null}
            className="rounded border border-slate-400 px-2 py-1 font-mono"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        {status.kind === 'running' ? (
          <button type="button" className="rounded border px-3 py-1" onClick={() => abort.current?.abort()}>
            {cat.stop}
          </button>
        ) : (
          <button
            type="button"
            disabled={blocked}
            className="rounded bg-slate-800 px-3 py-1 text-white disabled:opacity-50"
            onClick={() => void start()}
          >
            {cat.run}
          </button>
        )}
      </div>
      <p id={hintId} className="text-xs text-slate-600">
        {cat.urlHint}
      </p>
      {urlError ? (
        <p role="alert" className="text-sm text-red-700">
          {urlError}
        </p>
      ) : null}
      <div role="status" className="text-sm">
        {status.kind === 'running' ? cat.playing(cat.seconds(status.t)) : null}
        {status.kind === 'done'
          ? status.run.differences.length === 0
            ? cat.agree(status.run.tolerance)
            : cat.differ(status.run.differences.length, status.run.tolerance)
          : null}
      </div>
      {status.kind === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {cat.failed(status.message)}
        </p>
      ) : null}
      {status.kind === 'done' && status.run.differences.length > 0 ? (
        <section aria-label={cat.differencesHeading}>
          <h3 className="text-sm font-semibold">{cat.differencesHeading}</h3>
          <ul className="list-disc pl-5 text-sm">
            {status.run.differences.map((d) => (
              <li key={d.line}>{d.line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {status.kind === 'done' && status.run.recording.problems.length > 0 ? (
        <section aria-label={cat.problems}>
          <h3 className="text-sm font-semibold">{cat.problems}</h3>
          <ul className="list-disc pl-5 text-sm">
            {status.run.recording.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Timeline
        end={scenario.end}
        predicted={shownPrediction.outcome.wills}
        observed={observed}
        cat={cat}
        profileLabel={profile.label}
        version={status.kind === 'done' ? status.run.recording.brokerVersion : null}
      />
    </section>
  );
}

const willName = (w: OutcomeWill) => `${w.from}#${w.conn} "${w.topic}"`;

function Timeline(props: {
  end: number;
  predicted: OutcomeWill[];
  observed: OutcomeWill[] | null;
  cat: RealBrokerCatalog;
  profileLabel: string;
  version: string | null;
}) {
  const { end, predicted, observed, cat } = props;
  const W = 560;
  const x = (t: number) => 110 + (Math.min(Math.max(t, 0), end) / Math.max(end, 1)) * (W - 120);
  const names = [...new Set([...predicted, ...(observed ?? [])].map(willName))];
  return (
    <div className="space-y-2">
      <svg role="img" aria-label={cat.timelineLabel} viewBox={`0 0 ${W} 70`} className="w-full max-w-xl">
        <text x="0" y="22" fontSize="10">
          {cat.predictedLane(props.profileLabel)}
        </text>
        <text x="0" y="52" fontSize="10">
          {cat.observedLane(props.version)}
        </text>
        <line x1="110" x2={W - 10} y1="18" y2="18" stroke="#94a3b8" />
        <line x1="110" x2={W - 10} y1="48" y2="48" stroke="#94a3b8" />
        {predicted.map((w) => (
          <circle key={`p${willName(w)}${w.t}`} cx={x(w.t)} cy="18" r="5" fill="#1e40af" />
        ))}
        {(observed ?? []).map((w) => (
          <rect key={`o${willName(w)}${w.t}`} x={x(w.t) - 5} y="43" width="10" height="10" fill="#b45309" />
        ))}
      </svg>
      <table className="text-sm">
        <caption className="text-left font-semibold">{cat.willsHeading}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left">
              {cat.will}
            </th>
            <th scope="col" className="pr-4 text-left">
              {cat.predictedCol}
            </th>
            <th scope="col" className="text-left">
              {cat.observedCol}
            </th>
          </tr>
        </thead>
        <tbody>
          {names.map((n) => {
            const p = predicted.filter((w) => willName(w) === n).map((w) => cat.seconds(w.t));
            const o = (observed ?? []).filter((w) => willName(w) === n).map((w) => cat.seconds(w.t));
            return (
              <tr key={n}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {n}
                </th>
                <td className="pr-4">{p.length ? p.join(', ') : cat.none}</td>
                <td>{observed === null ? '' : o.length ? o.join(', ') : cat.none}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
