import { useId, useState } from 'react';
import { willRefusal } from '../engine/broker/connect';
import { PROFILE_LIST, profileEntry } from '../engine/profile-list';
import { profileById } from '../engine/profiles';
import { why } from '../engine/rules';
import { filterProblem, topicProblem } from '../engine/topic';
import { type ClientDef, SEI_NEVER, type SubscriptionDef, type WillDef } from '../engine/types';
import { useMessages } from '../i18n/react';
import { profileName, renderWhy } from '../i18n/render';
import { LIMITS } from '../scenario/schema';
import { defaultWill } from '../store/defaults';
import { EXAMPLES } from '../store/examples';
import { scenarioStore, useScenario } from '../store/scenario';
import { viewStore } from '../store/view';
import { useFieldCheck } from './fieldcheck';
import { CheckField, NumberField, PairListField, SelectField, TextField, Warning } from './fields';
import { keepAliveOff, retainedWillWithoutOnline, willDelayVsExpiry } from './warnings';

const U32 = SEI_NEVER;
const act = () => scenarioStore.getState();

function ScenarioSettings() {
  const ed = useMessages('edit');
  const check = useFieldCheck();
  const cat = useMessages('engine');
  const title = useScenario((s) => s.scenario.title);
  const profile = useScenario((s) => s.scenario.profile);
  const end = useScenario((s) => s.scenario.end);
  const observer = useScenario((s) => s.scenario.observer !== null);
  const persistence = useScenario((s) => s.scenario.broker.persistence);
  const maximumQos = useScenario((s) => s.scenario.broker.maximumQos);
  const retainAvailable = useScenario((s) => s.scenario.broker.retainAvailable);
  const [example, setExample] = useState('default');
  const entry = profileEntry(profile);
  return (
    <fieldset className="grid gap-2">
      <legend className="sr-only">{ed.setup.scenario}</legend>
      <div className="flex items-end gap-2">
        <SelectField
          className="flex-1"
          label={ed.setup.examples}
          value={example}
          options={Object.keys(EXAMPLES).map((k) => ({ value: k, label: ed.setup.exampleNames[k] ?? k }))}
          onChange={setExample}
        />
        <button
          type="button"
          className="btn"
          onClick={() => {
            const make = EXAMPLES[example];
            if (!make) return;
            act().scenarioLoaded(make());
            viewStore.getState().entrySelected(null, 0);
            viewStore.getState().zoomChanged(null);
          }}
        >
          {ed.setup.load}
        </button>
      </div>
      <TextField
        label={ed.setup.title}
        value={title}
        validate={check('title')}
        onCommit={(v) => act().titleChanged(v)}
      />
      <SelectField
        label={ed.setup.profile}
        value={profile}
        options={PROFILE_LIST.map((p) => ({ value: p.id, label: profileName(p.id, cat) }))}
        hint={
          entry
            ? cat.profileHint(cat.profileSummary[profile], entry.checked, entry.sourceOnly.length)
            : cat.profileSummary[profile]
        }
        onChange={(v) => act().profilePicked(v)}
      />
      <div className="grid grid-cols-2 gap-2">
        <NumberField
          label={ed.setup.end}
          value={end}
          min={1}
          max={400 * 86400}
          badNumber={ed.setup.badNumber}
          onCommit={(v) => v !== null && act().endChanged(v)}
        />
        <SelectField
          label={ed.setup.persistence}
          value={persistence}
          options={[
            { value: 'volatile' as const, label: ed.setup.persistenceValues.volatile },
            { value: 'persist' as const, label: ed.setup.persistenceValues.persist },
          ]}
          onChange={(v) => act().brokerSettingsChanged({ persistence: v })}
        />
        <SelectField
          label={ed.setup.maximumQos}
          hint={ed.setup.maximumQosHint}
          value={maximumQos}
          options={([0, 1, 2] as const).map((q) => ({ value: q, label: String(q) }))}
          onChange={(v) => act().brokerSettingsChanged({ maximumQos: v })}
        />
        <CheckField
          className="self-end pb-1"
          label={ed.setup.retainAvailable}
          hint={ed.setup.retainAvailableHint}
          checked={retainAvailable}
          onChange={(v) => act().brokerSettingsChanged({ retainAvailable: v })}
        />
      </div>
      <CheckField
        label={ed.setup.observer}
        hint={ed.setup.observerHint}
        checked={observer}
        onChange={(v) => act().observerToggled(v)}
      />
    </fieldset>
  );
}

type SeiMode = 'absent' | 'seconds' | 'never';
const seiMode = (v: number | null): SeiMode => (v === null ? 'absent' : v === SEI_NEVER ? 'never' : 'seconds');

function WillEditor({ c }: { c: ClientDef }) {
  const ed = useMessages('edit');
  const cat = useMessages('engine');
  const check = useFieldCheck();
  const reasonId = useId();
  const broker = useScenario((s) => s.scenario.broker);
  const profile = useScenario((s) => s.scenario.profile);
  const w = c.will;
  // What the broker will do with this will at CONNECT: the engine's own rule, worded by the catalog.
  const refusal = w ? willRefusal(w, c.protocol, broker, profileById(profile)) : null;
  const needsInvalid = w !== null && (w.qos === 3 || topicProblem(w.topic) !== null);
  const v4 = c.protocol === 4;
  const setWill = (patch: Partial<WillDef>) => w && act().willChanged(c.name, { ...w, ...patch });
  const props = w?.props ?? null;
  const setProps = (patch: Partial<NonNullable<WillDef['props']>>) => {
    const next = { ...(props ?? {}), ...patch };
    for (const k of Object.keys(next) as (keyof typeof next)[])
      if (next[k] === undefined || next[k] === '') delete next[k];
    setWill({ props: Object.keys(next).length ? next : null });
  };
  return (
    <fieldset className="grid gap-2 rounded border border-slate-200 p-2 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">{ed.setup.will}</legend>
      <CheckField
        label={ed.setup.hasWill}
        checked={w !== null}
        onChange={(on) => act().willChanged(c.name, on ? defaultWill(c.clientId) : null)}
      />
      {w && (
        <>
          <TextField
            label={ed.setup.willTopic}
            value={w.topic}
            validate={(v) =>
              w.allowInvalid ? check('anyTopic')(v) : topicProblem(v) ? ed.setup.badTopic : check('topic')(v)
            }
            onCommit={(v) => setWill({ topic: v })}
          />
          <TextField
            label={ed.setup.willPayload}
            value={w.payload}
            validate={check('payload')}
            onCommit={(v) => setWill({ payload: v })}
          />
          <div className="grid grid-cols-2 gap-2">
            <SelectField
              label={ed.setup.qos}
              value={w.qos}
              options={(w.allowInvalid ? [0, 1, 2, 3] : [0, 1, 2]).map((q) => ({
                value: q as WillDef['qos'],
                label: String(q),
              }))}
              onChange={(v) => setWill({ qos: v })}
            />
            <CheckField
              className="self-end pb-1"
              label={ed.setup.retain}
              checked={w.retain}
              onChange={(v) => setWill({ retain: v })}
            />
          </div>
          <CheckField
            label={ed.setup.allowInvalid}
            hint={ed.setup.allowInvalidHint}
            checked={w.allowInvalid === true}
            // Unticking would leave an invalid will in a valid scenario: the will must be made valid first.
            disabled={w.allowInvalid === true && needsInvalid}
            reason={w.allowInvalid === true && needsInvalid ? ed.setup.allowInvalidNeeded : undefined}
            onChange={(on) => {
              const { allowInvalid: _a, ...rest } = w;
              act().willChanged(c.name, on ? { ...rest, allowInvalid: true } : rest);
            }}
          />
          {refusal && (
            <Warning>
              {ed.warnings.willRefused(
                renderWhy(why(refusal.code, c.protocol, { ...refusal.params, reason: refusal.reason }), cat).sentence,
              )}
            </Warning>
          )}
          <fieldset disabled={v4} aria-describedby={v4 ? reasonId : undefined} className="grid gap-2">
            <legend className="sr-only">{ed.setup.moreWillProps}</legend>
            {v4 && (
              <p id={reasonId} className="text-xs text-slate-600 dark:text-slate-400">
                {ed.setup.reasons.willProps}
              </p>
            )}
            <div className="grid grid-cols-2 gap-2">
              <NumberField
                label={ed.setup.willDelay}
                value={w.delay}
                allowBlank
                min={0}
                max={U32}
                hint={ed.setup.blankIsAbsent}
                badNumber={ed.setup.badNumber}
                onCommit={(v) => setWill({ delay: v })}
              />
              <NumberField
                label={ed.setup.messageExpiry}
                value={w.messageExpiry}
                allowBlank
                min={0}
                max={U32}
                hint={ed.setup.blankIsAbsent}
                badNumber={ed.setup.badNumber}
                onCommit={(v) => setWill({ messageExpiry: v })}
              />
            </div>
            <details>
              <summary className="text-sm">{ed.setup.moreWillProps}</summary>
              <div className="mt-2 grid gap-2">
                <CheckField
                  label={ed.setup.payloadFormat}
                  checked={props?.payloadFormatIndicator ?? false}
                  onChange={(v) => setProps({ payloadFormatIndicator: v || undefined })}
                />
                <TextField
                  label={ed.setup.contentType}
                  value={props?.contentType ?? ''}
                  validate={check('contentType')}
                  onCommit={(v) => setProps({ contentType: v })}
                />
                <TextField
                  label={ed.setup.responseTopic}
                  value={props?.responseTopic ?? ''}
                  validate={(v) => (v === '' ? null : topicProblem(v) ? ed.setup.badTopic : check('topic')(v))}
                  onCommit={(v) => setProps({ responseTopic: v })}
                />
                <TextField
                  label={ed.setup.correlationData}
                  value={props?.correlationData ?? ''}
                  validate={check('correlationData')}
                  onCommit={(v) => setProps({ correlationData: v })}
                />
                <PairListField
                  legend={ed.setup.userProperties}
                  hint={ed.setup.userPropertiesHint}
                  pairs={props?.userProperties ?? []}
                  max={LIMITS.userProperties}
                  labels={{
                    name: ed.setup.userPropertyName,
                    value: ed.setup.userPropertyValue,
                    add: ed.setup.addUserProperty,
                    remove: ed.setup.removeUserProperty,
                    moveUp: ed.setup.moveUserPropertyUp,
                    full: ed.setup.userPropertiesFull,
                  }}
                  validateName={check('userPropertyName')}
                  validateValue={check('userPropertyValue')}
                  onChange={(list: { name: string; value: string }[]) =>
                    setProps({ userProperties: list.length ? list : undefined })
                  }
                />
              </div>
            </details>
          </fieldset>
        </>
      )}
    </fieldset>
  );
}

function SubscriptionEditor({ c, sub, index }: { c: ClientDef; sub: SubscriptionDef; index: number }) {
  const ed = useMessages('edit');
  const check = useFieldCheck();
  const reasonId = useId();
  const v4 = c.protocol === 4;
  const set = (patch: Partial<SubscriptionDef>) => act().subscriptionChanged(c.name, index, { ...sub, ...patch });
  return (
    <fieldset className="grid gap-2 rounded border border-slate-200 p-2 dark:border-slate-700">
      <legend className="px-1 text-xs font-semibold">{ed.setup.subscription(index + 1)}</legend>
      <div className="grid grid-cols-[1fr_5rem] gap-2">
        <TextField
          label={ed.setup.filter}
          value={sub.filter}
          validate={(v) => (filterProblem(v) ? ed.setup.badFilter : check('filter')(v))}
          onCommit={(v) => set({ filter: v })}
        />
        <SelectField
          label={ed.setup.qos}
          value={sub.qos}
          options={[0, 1, 2].map((q) => ({ value: q as 0 | 1 | 2, label: String(q) }))}
          onChange={(v) => set({ qos: v })}
        />
      </div>
      <fieldset disabled={v4} aria-describedby={v4 ? reasonId : undefined} className="grid grid-cols-2 gap-2">
        <legend className="sr-only">{ed.setup.retainHandling}</legend>
        {v4 && (
          <p id={reasonId} className="col-span-2 text-xs text-slate-600 dark:text-slate-400">
            {ed.setup.reasons.subscriptionOptions}
          </p>
        )}
        <CheckField
          label={ed.setup.retainAsPublished}
          checked={sub.retainAsPublished}
          onChange={(v) => set({ retainAsPublished: v })}
        />
        <CheckField label={ed.setup.noLocal} checked={sub.noLocal} onChange={(v) => set({ noLocal: v })} />
        <SelectField
          className="col-span-2"
          label={ed.setup.retainHandling}
          value={sub.retainHandling}
          options={([0, 1, 2] as const).map((r) => ({ value: r, label: ed.setup.retainHandlingValues[r] }))}
          onChange={(v) => set({ retainHandling: v })}
        />
      </fieldset>
      <button
        type="button"
        className="btn justify-self-start text-xs"
        onClick={() => act().subscriptionRemoved(c.name, index)}
      >
        {ed.setup.removeSubscription(sub.filter)}
      </button>
    </fieldset>
  );
}

function ClientEditor({ c, open }: { c: ClientDef; open: boolean }) {
  const ed = useMessages('edit');
  const check = useFieldCheck();
  const names = useScenario((s) => s.scenario.clients.map((x) => x.name).join('\n'));
  const scenario = useScenario((s) => s.scenario);
  const v4 = c.protocol === 4;
  const mode = seiMode(c.sessionExpiry);
  const set = (patch: Parameters<ReturnType<typeof act>['clientSettingsChanged']>[1]) =>
    act().clientSettingsChanged(c.name, patch);
  const wd = willDelayVsExpiry(c);
  const retainedNoOnline = retainedWillWithoutOnline(scenario, c);
  return (
    <details open={open} className="rounded-md border border-slate-200 dark:border-slate-700">
      <summary className="px-2 py-1.5">
        <span className="font-semibold">{c.name}</span>{' '}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {ed.setup.summary(ed.setup.protocols[c.protocol], c.clientId, c.will !== null, c.subscriptions.length)}
        </span>
      </summary>
      <div className="grid gap-2 border-t border-slate-200 p-2 dark:border-slate-700">
        <div className="grid grid-cols-2 gap-2">
          <TextField
            label={ed.setup.name}
            value={c.name}
            commitOnBlur
            validate={(v) =>
              v.length === 0 || v.length > 64 || v.startsWith('$')
                ? ed.setup.nameInvalid
                : v !== c.name && names.split('\n').includes(v)
                  ? ed.setup.nameTaken
                  : check('clientName')(v)
            }
            onCommit={(v) => {
              act().clientRenamed(c.name, v);
              if (viewStore.getState().selectedClient === c.name) viewStore.getState().clientSelected(v);
            }}
          />
          <SelectField
            label={ed.setup.protocol}
            value={c.protocol}
            options={[
              { value: 5 as const, label: ed.setup.protocols[5] },
              { value: 4 as const, label: ed.setup.protocols[4] },
            ]}
            onChange={(v) => set({ protocol: v })}
          />
        </div>
        <TextField
          label={ed.setup.clientId}
          value={c.clientId}
          validate={check('clientId')}
          onCommit={(v) => set({ clientId: v })}
        />
        <CheckField
          label={v4 ? ed.setup.cleanSession : ed.setup.cleanStart}
          checked={c.cleanStart}
          onChange={(v) => set({ cleanStart: v })}
        />
        <div className="grid grid-cols-2 gap-2">
          <SelectField
            label={ed.setup.sessionExpiry}
            value={mode}
            disabled={v4}
            reason={v4 ? ed.setup.reasons.sessionExpiry : undefined}
            options={(['absent', 'seconds', 'never'] as const).map((m) => ({
              value: m,
              label: ed.setup.sessionExpiryModes[m],
            }))}
            onChange={(m) =>
              set({
                sessionExpiry:
                  m === 'absent'
                    ? null
                    : m === 'never'
                      ? SEI_NEVER
                      : c.sessionExpiry === null || c.sessionExpiry === SEI_NEVER
                        ? 0
                        : c.sessionExpiry,
              })
            }
          />
          {mode === 'seconds' && (
            <NumberField
              label={ed.setup.sessionExpirySeconds}
              value={c.sessionExpiry}
              disabled={v4}
              min={0}
              max={U32 - 1}
              badNumber={ed.setup.badNumber}
              onCommit={(v) => v !== null && set({ sessionExpiry: v })}
            />
          )}
        </div>
        <NumberField
          label={ed.setup.keepAlive}
          value={c.keepAlive}
          min={0}
          max={65535}
          badNumber={ed.setup.badNumber}
          onCommit={(v) => v !== null && set({ keepAlive: v })}
        />
        {keepAliveOff(c) && <Warning>{ed.warnings.keepAliveZero}</Warning>}
        <WillEditor c={c} />
        {wd && <Warning>{ed.warnings.willDelayGeSessionExpiry(wd.delay, wd.sei)}</Warning>}
        {retainedNoOnline && c.will && (
          <Warning
            action={
              <button type="button" className="btn mt-1 block text-xs" onClick={() => act().onlineMessageAdded(c.name)}>
                {ed.warnings.addOnline}
              </button>
            }
          >
            {ed.warnings.retainedWillNoOnline(c.will.topic)}
          </Warning>
        )}
        <fieldset className="grid gap-2">
          <legend className="text-sm font-semibold">{ed.setup.subscriptions}</legend>
          {c.subscriptions.map((sub, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: subscriptions have no identity but their place
            <SubscriptionEditor key={i} c={c} sub={sub} index={i} />
          ))}
          <button
            type="button"
            className="btn justify-self-start text-xs"
            onClick={() => act().subscriptionAdded(c.name)}
          >
            {ed.setup.addSubscription}
          </button>
        </fieldset>
        <button
          type="button"
          className="btn justify-self-start border-rose-300 text-rose-800 dark:border-rose-800 dark:text-rose-200"
          onClick={() => act().clientRemoved(c.name)}
        >
          {ed.setup.removeClient(c.name)}
        </button>
      </div>
    </details>
  );
}

/** Parameters: the scenario, the broker profile and the clients. */
export default function Setup() {
  const ed = useMessages('edit');
  const headingId = useId();
  const clients = useScenario((s) => s.scenario.clients);
  return (
    <section aria-labelledby={headingId} className="panel grid content-start gap-3">
      <h2 id={headingId} className="panel-title">
        {ed.setup.heading}
      </h2>
      <ScenarioSettings />
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">{ed.setup.clients}</h3>
        <button
          type="button"
          className="btn ml-auto text-xs"
          onClick={() => {
            const name = act().clientAdded('device');
            if (name) viewStore.getState().clientSelected(name);
          }}
        >
          {ed.setup.addDevice}
        </button>
        <button type="button" className="btn text-xs" onClick={() => act().clientAdded('subscriber')}>
          {ed.setup.addSubscriber}
        </button>
      </div>
      {clients.map((c, i) => (
        <ClientEditor key={c.name} c={c} open={i === 0 && clients.length <= 3} />
      ))}
    </section>
  );
}
