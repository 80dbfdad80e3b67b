import type * as z from 'zod/mini';
import {
  brokerSettings,
  observerSettings,
  SCENARIO_DEFAULTS,
  SUBSCRIPTION_DEFAULTS,
  sortSteps,
} from '../engine/script';
import type { ClientDef, Scenario, Step, SubscriptionDef, WillDef, WillProps } from '../engine/types';
import { shorten } from './json';
import { type Problem, type ProblemParams, problem } from './problems';
import {
  type ClientInput,
  LIMITS,
  type ScenarioInput,
  STEP_ACTIONS,
  type StepInput,
  scenarioSchema,
  type WillInput,
} from './schema';

export type { Problem };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** "clients[0].will.qos" */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    // A key is user data (a user property's name): quoted shortened, never whole.
    else out += out === '' ? shorten(String(p)) : `.${shorten(String(p))}`;
  }
  return out === '' ? '(top level)' : out;
}

/**
 * The value found, as data for the catalogs (`Catalog.problem` words it): `gotKind` says what it
 * is, `got` holds it as written when it is short (a JSON literal), `gotLength` a long text's length.
 */
function describeValue(v: unknown): ProblemParams {
  if (v === undefined) return { gotKind: 'nothing' };
  if (v === null) return { gotKind: 'null' };
  if (Array.isArray(v)) return { gotKind: 'array' };
  if (typeof v === 'string')
    return v.length > 40
      ? { gotKind: 'longText', gotLength: v.length }
      : { gotKind: 'literal', got: JSON.stringify(v) };
  if (typeof v === 'object') return { gotKind: 'object' };
  return { gotKind: 'literal', got: String(v) };
}

const UNITS: Record<string, string> = { string: 'characters', array: 'items' };

/** Turns zod issues into located problems, one per problem. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], prefix = ''): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path, prefix);
    const input = (issue as { input?: unknown }).input;
    // Our own refinements carry a problem code in their params.
    const own = (issue as { params?: { code?: Problem['code']; invalidWill?: boolean } }).params;
    if (issue.code === 'custom' && own?.code && own.invalidWill) {
      out.push(problem(path, 'willInvalid', { problem: own.code }));
      continue;
    }
    if (issue.code === 'custom' && own?.code) {
      const { code, ...params } = own as { code: Problem['code'] } & Record<string, number>;
      out.push(problem(path, code, code === 'userProperties' ? { max: LIMITS.userProperties } : params));
      continue;
    }
    switch (issue.code) {
      case 'invalid_type': {
        // The expected type by its zod name (number, int, string, boolean, object, array, null).
        const expected = String(issue.expected);
        out.push(
          input === undefined
            ? problem(path, 'missing', { expected })
            : problem(path, 'type', { expected, ...describeValue(input) }),
        );
        break;
      }
      case 'too_big':
        out.push(problem(path, 'tooBig', { max: Number(issue.maximum), unit: UNITS[issue.origin] ?? '' }));
        break;
      case 'too_small':
        out.push(problem(path, 'tooSmall', { min: Number(issue.minimum), unit: UNITS[issue.origin] ?? '' }));
        break;
      case 'invalid_value':
        out.push(problem(path, 'notAllowed', { allowed: JSON.stringify(issue.values), ...describeValue(input) }));
        break;
      case 'invalid_union': {
        const note = (issue as { note?: string }).note;
        if (note?.includes('discriminator')) {
          // zod points at the discriminator itself; list the allowed actions there.
          const options = (issue as { options?: unknown[] }).options ?? STEP_ACTIONS;
          out.push(problem(formatPath(issue.path, prefix), 'unknownAction', { allowed: options.join(', ') }));
          break;
        }
        // A union of literals (QoS, protocol): list what is allowed.
        const values = issue.errors.flat().flatMap((e) => (e.code === 'invalid_value' ? e.values : []));
        if (values.length > 0 && values.length === issue.errors.length)
          out.push(problem(path, 'notAllowed', { allowed: JSON.stringify(values), ...describeValue(input) }));
        else {
          // A union of shapes (User Properties: a list, or the older object): the one branch whose
          // type the value has reports its own problems, at their own paths.
          const fits = issue.errors.filter((b) => !b.some((e) => e.code === 'invalid_type' && e.path.length === 0));
          const only = fits.length === 1 ? fits[0] : undefined;
          if (only)
            out.push(
              ...zodProblems(
                only.map((e) => ({ ...e, path: [...issue.path, ...e.path] })),
                prefix,
              ),
            );
          else out.push(problem(path, 'shape'));
        }
        break;
      }
      default:
        // Not expected from our schemas; the English text is kept as it is.
        out.push(problem(path, 'custom', { text: (issue as { message: string }).message }));
    }
  }
  return out;
}

function normProps(p: NonNullable<WillInput['props']>): WillProps {
  const { userProperties: u, ...rest } = p;
  if (u === undefined) return rest;
  // The object form of older documents: one value per name, in key order.
  const list = Array.isArray(u)
    ? u.map(({ name, value }) => ({ name, value }))
    : Object.entries(u).map(([name, value]) => ({ name, value }));
  return { ...rest, userProperties: list };
}

function normWill(w: WillInput | null | undefined): WillDef | null {
  if (!w) return null;
  const out: WillDef = {
    topic: w.topic,
    payload: w.payload,
    qos: w.qos,
    retain: w.retain,
    delay: w.delay ?? null,
    messageExpiry: w.messageExpiry ?? null,
    props: w.props ? normProps(w.props) : null,
  };
  if (w.allowInvalid === true) out.allowInvalid = true;
  return out;
}

function normSub(s: NonNullable<ClientInput['subscriptions']>[number]): SubscriptionDef {
  return {
    filter: s.filter,
    qos: s.qos,
    retainAsPublished: s.retainAsPublished ?? SUBSCRIPTION_DEFAULTS.retainAsPublished,
    noLocal: s.noLocal ?? SUBSCRIPTION_DEFAULTS.noLocal,
    retainHandling: s.retainHandling ?? SUBSCRIPTION_DEFAULTS.retainHandling,
  };
}

export function normClient(c: ClientInput, protocol: 4 | 5): ClientDef {
  return {
    name: c.name,
    clientId: c.clientId,
    protocol: c.protocol ?? protocol,
    cleanStart: c.cleanStart,
    sessionExpiry: c.sessionExpiry ?? null,
    keepAlive: c.keepAlive,
    will: normWill(c.will),
    subscriptions: (c.subscriptions ?? []).map(normSub),
  };
}

export function normStep(s: StepInput): Step {
  if (s.action === 'brokerRestart') return { t: s.t, action: 'brokerRestart', client: null };
  if (s.action === 'reconnect') {
    const out: Step = { t: s.t, action: 'reconnect', client: s.client };
    if (s.cleanStart !== undefined) out.cleanStart = s.cleanStart;
    if (s.sessionExpiry !== undefined) out.sessionExpiry = s.sessionExpiry;
    if (s.keepAlive !== undefined) out.keepAlive = s.keepAlive;
    if (s.protocol !== undefined) out.protocol = s.protocol;
    if (s.will !== undefined) out.will = normWill(s.will);
    if (s.afterClose !== undefined) out.afterClose = s.afterClose;
    return out;
  }
  return s as Step;
}

/**
 * Cross-field rules a schema cannot express: names resolve, takeovers share a Client Identifier,
 * times fit the run. Returns one problem per violation.
 */
export function crossCheck(sc: Scenario, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[]) => formatPath(path, prefix);
  const names = new Map<string, ClientDef>();
  sc.clients.forEach((c, i) => {
    if (names.has(c.name)) problems.push(problem(at(['clients', i, 'name']), 'duplicateName', { name: c.name }));
    names.set(c.name, c);
  });
  const known = () => [...names.keys()].join(', ');
  sc.steps.forEach((s, i) => {
    if (s.t > sc.end) problems.push(problem(at(['steps', i, 't']), 'afterEnd', { end: sc.end }));
    if (s.client === null) return;
    const c = names.get(s.client);
    if (!c) {
      problems.push(problem(at(['steps', i, 'client']), 'unknownClient', { known: known() }));
      return;
    }
    if (s.action === 'takeover') {
      const of = names.get(s.of);
      if (!of) problems.push(problem(at(['steps', i, 'of']), 'unknownClient', { known: known() }));
      else if (of.clientId !== c.clientId)
        problems.push(
          problem(at(['steps', i, 'of']), 'takeoverClientId', { of: s.of, ofId: of.clientId, id: c.clientId }),
        );
    }
    if (s.action === 'publish') {
      if (s.topic === undefined && s.topicOf === undefined)
        problems.push(problem(at(['steps', i]), 'publishNeedsTopic'));
      if (s.topicOf !== undefined && !names.get(s.topicOf)?.will)
        problems.push(problem(at(['steps', i, 'topicOf']), 'topicOfNoWill', { name: s.topicOf }));
    }
  });
  return problems;
}

/** Validates a scenario object (format v1) into the engine's shape, or lists every problem. */
export function parseScenario(input: unknown): Parsed<Scenario> {
  const r = scenarioSchema.safeParse(input, { reportInput: true });
  if (!r.success) return { ok: false, problems: zodProblems(r.error.issues) };
  // Cross-checked before the steps are sorted by time: a problem names the step's position as written.
  const asWritten = normalizeScenario(r.data, false);
  const problems = crossCheck(asWritten);
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { ...asWritten, steps: sortSteps(asWritten.steps) } };
}

export function normalizeScenario(d: ScenarioInput, sorted = true): Scenario {
  const protocol = d.protocol ?? SCENARIO_DEFAULTS.protocol;
  // Steps run in time order; equal times keep file order (FORMAT.md).
  const steps = d.steps.map(normStep);
  return {
    version: 1,
    title: d.title ?? SCENARIO_DEFAULTS.title,
    profile: d.profile ?? SCENARIO_DEFAULTS.profile,
    seed: d.seed ?? SCENARIO_DEFAULTS.seed,
    protocol,
    broker: brokerSettings(d.broker),
    observer: observerSettings(d.observer),
    offlineSubscriber: d.offlineSubscriber ?? SCENARIO_DEFAULTS.offlineSubscriber,
    clients: d.clients.map((c) => normClient(c, protocol)),
    steps: sorted ? sortSteps(steps) : steps,
    end: d.end,
  };
}

export { LIMITS, sortSteps };
