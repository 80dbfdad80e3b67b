import { type CSSProperties, useId, useRef, useState } from 'react';
import type { BrokerProfile } from '../../engine/profiles';
import type { OutcomeWill, RunResult, Scenario } from '../../engine/types';
import { useMessages } from '../../i18n/react';
import type { RealBrokerCatalog } from '../../i18n/realbroker';
import { profileName } from '../../i18n/render';
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
}

/** Inline styles: the panel loads lazily, so it adds no utility classes to the app's first CSS. */
const line = (color: string): CSSProperties => ({ borderWidth: 1, borderStyle: 'solid', borderColor: color });
const S = {
  section: { ...line('#cbd5e1'), borderRadius: 4, padding: 16 },
  stack: { marginTop: 8 },
  h2: { fontSize: '1.125rem', fontWeight: 600, marginBottom: 8 },
  h3: { fontSize: '0.875rem', fontWeight: 600, marginTop: 8 },
  small: { fontSize: '0.875rem', marginTop: 8 },
  warn: { fontSize: '0.875rem', color: '#92400e', marginTop: 8 },
  error: { fontSize: '0.875rem', color: '#b91c1c', marginTop: 8 },
  hint: { fontSize: '0.75rem', color: '#475569', marginTop: 4 },
  row: { marginTop: 8 },
  label: { fontSize: '0.875rem', marginRight: 8 },
  input: { ...line('#94a3b8'), borderRadius: 4, padding: '4px 8px', fontFamily: 'monospace', marginLeft: 8 },
  button: { ...line('#94a3b8'), borderRadius: 4, padding: '4px 12px' },
  primary: { borderRadius: 4, padding: '4px 12px', background: '#1e293b', color: '#ffffff' },
  list: { listStyleType: 'disc', paddingLeft: 20, fontSize: '0.875rem' },
  svg: { width: '100%', maxWidth: 576 },
  caption: { textAlign: 'left', fontWeight: 600 },
  th: { paddingRight: 16, textAlign: 'left' },
  thLast: { textAlign: 'left' },
  rowHead: { paddingRight: 16, textAlign: 'left', fontWeight: 400 },
  td: { paddingRight: 16 },
} satisfies Record<string, CSSProperties>;

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
}: RealBrokerPanelProps) {
  const cat = useMessages('realBroker');
  const words = useMessages('engine');
  const [url, setUrl] = useState(defaultUrl);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [urlError, setUrlError] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const userId = useId();
  const passId = useId();
  const credHintId = useId();
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
        // A Password is sent only with a User Name (3.1.1 [MQTT-3.1.2-22]).
        ...(username !== '' ? { credentials: { username, password } } : {}),
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
    <section aria-labelledby={headingId} style={S.section}>
      <h2 id={headingId} style={S.h2}>
        {cat.heading}
      </h2>
      <p style={S.small}>{cat.intro(profileName(profile.id, words))}</p>
      {blocked ? (
        <p role="alert" style={S.warn}>
          {cat.cannotPlay}{' '}
          <code>{scenario.steps.find((s) => s.action === 'brokerRestart') ? 'brokerRestart' : 'kick'}</code>
        </p>
      ) : null}
      <div style={S.row}>
        <label htmlFor={urlId} style={S.label}>
          {cat.urlLabel}
          <input
            id={urlId}
            aria-describedby={hintId}
            aria-invalid={urlError !== null}
            style={S.input}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        {status.kind === 'running' ? (
          <button type="button" style={S.button} onClick={() => abort.current?.abort()}>
            {cat.stop}
          </button>
        ) : (
          <button
            type="button"
            disabled={blocked}
            style={{ ...S.primary, opacity: blocked ? 0.5 : 1 }}
            onClick={() => void start()}
          >
            {cat.run}
          </button>
        )}
      </div>
      <p id={hintId} style={S.hint}>
        {cat.urlHint}
      </p>
      <div style={S.row}>
        <label htmlFor={userId} style={S.label}>
          {cat.usernameLabel}
          <input
            id={userId}
            aria-describedby={credHintId}
            autoComplete="username"
            style={S.input}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label htmlFor={passId} style={S.label}>
          {cat.passwordLabel}
          <input
            id={passId}
            type="password"
            aria-describedby={credHintId}
            autoComplete="current-password"
            style={S.input}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
      </div>
      <p id={credHintId} style={S.hint}>
        {cat.credentialsHint}
      </p>
      {urlError ? (
        <p role="alert" style={S.error}>
          {urlError}
        </p>
      ) : null}
      <div role="status" style={S.small}>
        {status.kind === 'running' ? cat.playing(cat.seconds(status.t)) : null}
        {status.kind === 'done'
          ? status.run.differences.length === 0
            ? cat.agree(status.run.tolerance)
            : cat.differ(status.run.differences.length, status.run.tolerance)
          : null}
      </div>
      {status.kind === 'error' ? (
        <p role="alert" style={S.error}>
          {cat.failed(status.message)}
        </p>
      ) : null}
      {status.kind === 'done' && status.run.differences.length > 0 ? (
        <section aria-label={cat.differencesHeading}>
          <h3 style={S.h3}>{cat.differencesHeading}</h3>
          <ul style={S.list}>
            {status.run.differences.map((d) => (
              <li key={JSON.stringify(d)}>{cat.difference(d)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {status.kind === 'done' && status.run.recording.problems.length > 0 ? (
        <section aria-label={cat.problems}>
          <h3 style={S.h3}>{cat.problems}</h3>
          <ul style={S.list}>
            {status.run.recording.problems.map((p) => (
              <li key={JSON.stringify(p)}>{cat.problem(p)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Timeline
        end={scenario.end}
        predicted={shownPrediction.outcome.wills}
        observed={observed}
        cat={cat}
        profileLabel={profileName(profile.id, words)}
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
  // Each lane's label sits above its line, so long labels never run under the marks.
  const x = (t: number) => 10 + (Math.min(Math.max(t, 0), end) / Math.max(end, 1)) * (W - 20);
  const names = [...new Set([...predicted, ...(observed ?? [])].map(willName))];
  return (
    <div style={S.stack}>
      <svg role="img" aria-label={cat.timelineLabel} viewBox={`0 0 ${W} 88`} style={S.svg}>
        <text x="0" y="10" fontSize="10">
          {cat.predictedLane(props.profileLabel)}
        </text>
        <text x="0" y="44" fontSize="10">
          {cat.observedLane(props.version)}
        </text>
        <line x1="10" x2={W - 10} y1="22" y2="22" stroke="#94a3b8" />
        <line x1="10" x2={W - 10} y1="56" y2="56" stroke="#94a3b8" />
        <text x="10" y="84" fontSize="9">
          0 s
        </text>
        <text x={W - 10} y="84" fontSize="9" textAnchor="end">
          {`${end} s`}
        </text>
        {predicted.map((w) => (
          <circle key={`p${willName(w)}${w.t}`} cx={x(w.t)} cy="22" r="5" fill="#1e40af" />
        ))}
        {(observed ?? []).map((w) => (
          <rect key={`o${willName(w)}${w.t}`} x={x(w.t) - 5} y="51" width="10" height="10" fill="#b45309" />
        ))}
      </svg>
      <table style={S.small}>
        <caption style={S.caption}>{cat.willsHeading}</caption>
        <thead>
          <tr>
            <th scope="col" style={S.th}>
              {cat.will}
            </th>
            <th scope="col" style={S.th}>
              {cat.predictedCol}
            </th>
            <th scope="col" style={S.thLast}>
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
                <th scope="row" style={S.rowHead}>
                  {n}
                </th>
                <td style={S.td}>{p.length ? p.join(', ') : cat.none}</td>
                <td>{observed === null ? '' : o.length ? o.join(', ') : cat.none}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
