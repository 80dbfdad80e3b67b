import { useId, useState } from 'react';
import { filterProblem, topicProblem } from '../engine/topic';
import { SEI_NEVER } from '../engine/types';
import { useMessages } from '../i18n/react';
import { type StepAt, scenarioStore, useScenario } from '../store/scenario';
import { useView, viewStore } from '../store/view';
import { useFieldCheck } from './fieldcheck';
import { CheckField, NumberField, SelectField, TextField, Warning } from './fields';
import { stateAt } from './model';
import { useCurrentRun } from './run-context';
import { useTargetClient } from './target';
import { publishTopic, raisesSessionExpiry } from './warnings';

const REASONS = [0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x93, 0x95, 0x05];

/**
 * Fault injection at the playhead: each button adds a step to the scenario at the playhead's time
 * (rounded to the millisecond) and the run is simulated again from the scenario.
 */
function Inject() {
  const t = useMessages('ui');
  const ed = useMessages('edit');
  const cat = useMessages('engine');
  const check = useFieldCheck();
  const run = useCurrentRun();
  const headingId = useId();
  const clients = useScenario((s) => s.scenario.clients);
  const client = useTargetClient();
  const playhead = useView((s) => Math.round(Math.min(s.playhead, run?.model.endMs ?? s.playhead)));
  const [fork, setFork] = useState(false);
  const [status, setStatus] = useState('');
  // Parameters of the injections that take some.
  const [reason, setReason] = useState(0);
  const [changeSei, setChangeSei] = useState(false);
  const [newSei, setNewSei] = useState<number | null>(60);
  const [takeoverClean, setTakeoverClean] = useState(false);
  const [rcClean, setRcClean] = useState(false);
  const [rcSei, setRcSei] = useState<number | null>(60);
  const [rcKa, setRcKa] = useState<number | null>(10);
  const [rcWill, setRcWill] = useState(true);
  const [pubTopic, setPubTopic] = useState<string | null>(null);
  const [pubPayload, setPubPayload] = useState('online');
  const [pubQos, setPubQos] = useState<0 | 1 | 2>(1);
  const [pubRetain, setPubRetain] = useState(true);
  const [subFilter, setSubFilter] = useState('devices/#');
  const [subQos, setSubQos] = useState<0 | 1 | 2>(1);

  const at = cat.seconds(playhead);
  const inject = (step: StepAt) => {
    scenarioStore.getState().stepInjected(playhead, step, { fork });
    setStatus(ed.inject.injected(cat.action(step.action), at));
  };

  if (!client) {
    return (
      <section aria-labelledby={headingId} className="panel">
        <h2 id={headingId} className="panel-title">
          {ed.inject.heading(at)}
        </h2>
        <p className="text-sm">{ed.inject.noClients}</p>
      </section>
    );
  }
  const name = client.name;
  const v4 = client.protocol === 4;
  const state = run ? stateAt(run.model, `client:${name}`, playhead) : null;
  const topic = pubTopic ?? client.will?.topic ?? `devices/${client.clientId || name}/status`;
  const qosOptions = [0, 1, 2].map((q) => ({ value: q as 0 | 1 | 2, label: String(q) }));

  return (
    <section aria-labelledby={headingId} className="panel grid content-start gap-2">
      <h2 id={headingId} className="panel-title">
        {ed.inject.heading(at)}
      </h2>
      <div className="grid grid-cols-2 items-end gap-2">
        <SelectField
          label={ed.inject.client}
          value={name}
          options={clients.map((c) => ({ value: c.name, label: c.name }))}
          onChange={(v) => viewStore.getState().clientSelected(v)}
        />
        <p className="pb-1 text-xs text-slate-600 dark:text-slate-400">
          {ed.inject.stateAt(name, state ? (t.timeline.laneState[state] ?? state) : t.timeline.laneState.offline, at)}
        </p>
      </div>
      <div className="flex flex-wrap gap-1">
        <button type="button" className="btn" onClick={() => inject({ action: 'drop', client: name })}>
          {ed.inject.drop}
        </button>
        <button type="button" className="btn" onClick={() => inject({ action: 'silence', client: name })}>
          {ed.inject.silence}
        </button>
        <button type="button" className="btn" onClick={() => inject({ action: 'kick', client: name })}>
          {ed.inject.kick}
        </button>
        <button type="button" className="btn" onClick={() => inject({ action: 'brokerRestart', client: null })}>
          {ed.inject.restart}
        </button>
      </div>

      <details className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
        <summary className="text-sm font-semibold">{ed.inject.disconnect}</summary>
        <div className="mt-2 grid gap-2">
          <SelectField
            label={ed.inject.reason}
            value={reason}
            disabled={v4}
            reason={v4 ? ed.setup.reasons.disconnectReason : undefined}
            options={REASONS.map((r) => ({ value: r, label: ed.inject.reasonNames[r] ?? String(r) }))}
            onChange={setReason}
          />
          <div className="grid grid-cols-2 items-end gap-2">
            <CheckField
              label={ed.inject.changeSessionExpiry}
              checked={changeSei && !v4}
              disabled={v4}
              onChange={setChangeSei}
            />
            {changeSei && !v4 && (
              <NumberField
                label={ed.inject.newSessionExpiry}
                value={newSei}
                min={0}
                max={SEI_NEVER}
                badNumber={ed.setup.badNumber}
                onCommit={setNewSei}
              />
            )}
          </div>
          {changeSei && !v4 && raisesSessionExpiry(client, newSei) && <Warning>{ed.warnings.seiRaised}</Warning>}
          <button
            type="button"
            className="btn justify-self-start"
            onClick={() => {
              const step: StepAt = v4
                ? { action: 'disconnect', client: name }
                : changeSei
                  ? { action: 'disconnect', client: name, reason, sessionExpiry: newSei }
                  : { action: 'disconnect', client: name, reason };
              inject(step);
            }}
          >
            {ed.inject.sendDisconnect}
          </button>
        </div>
      </details>

      <details className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
        <summary className="text-sm font-semibold">{ed.inject.takeover}</summary>
        <div className="mt-2 grid gap-2">
          <p className="text-xs text-slate-600 dark:text-slate-400">{ed.inject.takeoverHint}</p>
          <CheckField label={ed.inject.takeoverCleanStart} checked={takeoverClean} onChange={setTakeoverClean} />
          <button
            type="button"
            className="btn justify-self-start"
            onClick={() => {
              const twin = scenarioStore.getState().takeoverInjected(playhead, name, takeoverClean, { fork });
              setStatus(ed.inject.injected(`${cat.action('takeover')} (${twin})`, at));
            }}
          >
            {ed.inject.takeoverButton}
          </button>
        </div>
      </details>

      <details className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
        <summary className="text-sm font-semibold">{ed.inject.reconnect}</summary>
        <div className="mt-2 grid gap-2">
          <CheckField
            label={v4 ? ed.setup.cleanSession : ed.setup.cleanStart}
            checked={rcClean}
            onChange={setRcClean}
          />
          <div className="grid grid-cols-2 gap-2">
            <NumberField
              label={ed.setup.sessionExpirySeconds}
              value={rcSei}
              allowBlank
              min={0}
              max={SEI_NEVER}
              disabled={v4}
              reason={v4 ? ed.setup.reasons.sessionExpiry : undefined}
              hint={ed.setup.blankIsAbsent}
              badNumber={ed.setup.badNumber}
              onCommit={setRcSei}
            />
            <NumberField
              label={ed.setup.keepAlive}
              value={rcKa}
              min={0}
              max={65535}
              badNumber={ed.setup.badNumber}
              onCommit={setRcKa}
            />
          </div>
          <CheckField
            label={ed.inject.withWill}
            checked={rcWill && client.will !== null}
            disabled={!client.will}
            onChange={setRcWill}
          />
          <button
            type="button"
            className="btn justify-self-start"
            onClick={() => {
              const step = {
                action: 'reconnect' as const,
                client: name,
                cleanStart: rcClean,
                keepAlive: rcKa ?? client.keepAlive,
                will: rcWill ? client.will : null,
              };
              inject(v4 ? step : { ...step, sessionExpiry: rcSei });
            }}
          >
            {ed.inject.reconnectButton}
          </button>
        </div>
      </details>

      <details className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
        <summary className="text-sm font-semibold">{ed.inject.publish}</summary>
        <div className="mt-2 grid gap-2">
          <TextField
            label={ed.inject.topic}
            value={topic}
            validate={(v) => (topicProblem(v) ? ed.setup.badTopic : check('topic')(v))}
            onCommit={setPubTopic}
          />
          <TextField
            label={ed.inject.payload}
            value={pubPayload}
            validate={check('payload')}
            onCommit={setPubPayload}
          />
          <div className="grid grid-cols-2 items-end gap-2">
            <SelectField label={ed.setup.qos} value={pubQos} options={qosOptions} onChange={setPubQos} />
            <CheckField label={ed.setup.retain} checked={pubRetain} onChange={setPubRetain} />
          </div>
          <button
            type="button"
            className="btn justify-self-start"
            onClick={() =>
              inject({ action: 'publish', client: name, topic, payload: pubPayload, qos: pubQos, retain: pubRetain })
            }
          >
            {ed.inject.publishButton}
          </button>
        </div>
      </details>

      <details className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
        <summary className="text-sm font-semibold">{ed.inject.subscribe}</summary>
        <div className="mt-2 grid gap-2">
          <div className="grid grid-cols-[1fr_5rem] gap-2">
            <TextField
              label={ed.setup.filter}
              value={subFilter}
              validate={(v) => (filterProblem(v) ? ed.setup.badFilter : check('filter')(v))}
              onCommit={setSubFilter}
            />
            <SelectField label={ed.setup.qos} value={subQos} options={qosOptions} onChange={setSubQos} />
          </div>
          <button
            type="button"
            className="btn justify-self-start"
            onClick={() => inject({ action: 'subscribe', client: name, filter: subFilter, qos: subQos })}
          >
            {ed.inject.subscribeButton}
          </button>
        </div>
      </details>

      <CheckField label={ed.inject.fork} hint={ed.inject.forkHint} checked={fork} onChange={setFork} />
      <p role="status" className="min-h-4 text-xs text-slate-600 dark:text-slate-400">
        {status}
      </p>
    </section>
  );
}

/** The scenario's steps in time order: jump to one, or remove it. */
function Script() {
  const ed = useMessages('edit');
  const cat = useMessages('engine');
  const headingId = useId();
  const steps = useScenario((s) => s.scenario.steps);
  const clients = useScenario((s) => s.scenario.clients);
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId} className="panel-title">
        {ed.script.heading}
      </h2>
      {steps.length === 0 && <p className="text-sm">{ed.script.empty}</p>}
      <ol className="mt-1 grid gap-0.5">
        {steps.map((s, i) => {
          const time = cat.seconds(s.t * 1000);
          const what = ed.script.describe(s.action, cat.action(s.action), {
            ...(s.action === 'disconnect' ? { reason: s.reason, sessionExpiry: s.sessionExpiry } : {}),
            ...(s.action === 'takeover' ? { of: s.of, cleanStart: s.cleanStart } : {}),
            ...(s.action === 'reconnect' ? { cleanStart: s.cleanStart } : {}),
            ...(s.action === 'publish'
              ? {
                  topic: publishTopic(scenarioStore.getState().scenario, s) ?? undefined,
                  payload: s.payload,
                  retain: s.retain,
                }
              : {}),
            ...(s.action === 'subscribe' || s.action === 'unsubscribe' ? { filter: s.filter } : {}),
          });
          const who = s.client === null ? cat.broker : s.client;
          const owner = s.client === null ? undefined : clients.find((c) => c.name === s.client);
          const risky = s.action === 'disconnect' && owner !== undefined && raisesSessionExpiry(owner, s.sessionExpiry);
          return (
            // Off-screen steps are not laid out or painted (2,000 steps stay cheap); they stay in the
            // DOM for find-in-page, assistive technology and tests.
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a step is identified by its place in the script
              key={i}
              className="flex items-center gap-1 text-xs"
              style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 1.5rem' }}
            >
              <button
                type="button"
                className="flex-1 rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                onClick={() => viewStore.getState().entrySelected(null, Math.round(s.t * 1000))}
              >
                <span className="sr-only">{ed.script.go(time)}: </span>
                <span className="tabular-nums text-slate-600 dark:text-slate-400">{time}</span>{' '}
                <span className="font-semibold">{who}</span> {what}
                {risky && <span className="block text-amber-900 dark:text-amber-200">⚠ {ed.warnings.seiRaised}</span>}
              </button>
              <button
                type="button"
                className="btn px-1.5 py-0 text-xs"
                aria-label={ed.script.remove(`${who}: ${what}`, time)}
                title={ed.script.remove(`${who}: ${what}`, time)}
                onClick={() => scenarioStore.getState().stepRemoved(i)}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Injection at the playhead and the script it edits (loaded after the first paint). */
export default function InjectAndScript() {
  return (
    <>
      <Inject />
      <Script />
    </>
  );
}
