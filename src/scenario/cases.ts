import * as z from 'zod/mini';
import { brokerSettings, observerSettings } from '../engine/script';
import type { Outcome, ReceivedMessage, Scenario } from '../engine/types';
import { canonicalProps } from './compare';
import { problem } from './problems';
import { clientSchema, LIMITS, scenarioSchema, stepSchema } from './schema';
import {
  crossCheck,
  formatPath,
  normalizeScenario,
  normClient,
  normStep,
  type Parsed,
  type Problem,
  sortSteps,
  zodProblems,
} from './validate';

/**
 * Case files in the shape of conformance/FORMAT.md: a scenario plus the outcome it must produce.
 * Unknown fields are ignored (recordings from real brokers carry diagnostics).
 */

const willOut = z.looseObject({
  from: z.string(),
  conn: z.number(),
  t: z.number(),
  topic: z.string(),
  payload: z.string(),
  qos: z.number(),
  retain: z.boolean(),
});

export const outcomeSchema = z.looseObject({
  wills: z.array(willOut),
  sessionPresent: z.optional(z.array(z.looseObject({ client: z.string(), step: z.number(), value: z.boolean() }))),
  disconnectReasons: z.optional(
    z.array(z.looseObject({ client: z.string(), reason: z.number(), t: z.optional(z.number()) })),
  ),
  retainedAfter: z.optional(
    z.looseObject({ t: z.number(), messages: z.array(z.looseObject({ topic: z.string(), payload: z.string() })) }),
  ),
  offlineSubscriber: z.optional(
    z.looseObject({
      messages: z.array(
        z.looseObject({ topic: z.string(), payload: z.string(), qos: z.number(), retain: z.boolean() }),
      ),
    }),
  ),
  // Scenario-document cases: what named clients received, in order (docs/scenario-format.md).
  received: z.optional(
    z.record(
      z.string(),
      z.array(
        z.looseObject({
          t: z.number(),
          topic: z.string(),
          payload: z.string(),
          qos: z.number(),
          retain: z.optional(z.boolean()),
          dup: z.optional(z.boolean()),
          props: z.optional(
            z.looseObject({
              payloadFormatIndicator: z.optional(z.boolean()),
              contentType: z.optional(z.string()),
              responseTopic: z.optional(z.string()),
              correlationData: z.optional(z.string()),
              userProperties: z.optional(z.array(z.looseObject({ name: z.string(), value: z.string() }))),
            }),
          ),
        }),
      ),
    ),
  ),
});

export const caseSchema = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  title: z.optional(z.string().check(z.maxLength(LIMITS.titleLength))),
  protocol: z.union([z.literal(4), z.literal(5)]),
  broker: z.optional(z.union([z.literal('volatile'), z.literal('persist')])),
  observer: z.optional(
    z.looseObject({
      protocol: z.optional(z.union([z.literal(4), z.literal(5)])),
      subscriptionQos: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2)])),
      retainAsPublished: z.optional(z.boolean()),
    }),
  ),
  clients: z.array(clientSchema).check(z.maxLength(LIMITS.clients)),
  steps: z.array(stepSchema).check(z.maxLength(LIMITS.steps)),
  end: z.number().check(z.gte(0), z.lte(LIMITS.endSeconds)),
  t0Phase: z.optional(z.number().check(z.gte(0), z.lt(1))),
  expect: z.optional(outcomeSchema),
  observed: z.optional(outcomeSchema),
});

export interface ConformanceCase {
  id: string;
  title: string;
  scenario: Scenario;
  expect?: Outcome;
  observed?: Outcome;
  t0Phase?: number;
  /** Extra fields of a recording (broker version and so on), kept as they were. */
  extra: Record<string, unknown>;
}

const KNOWN = new Set([
  'id',
  'title',
  'protocol',
  'broker',
  'observer',
  'clients',
  'steps',
  'end',
  't0Phase',
  'expect',
  'observed',
]);

function toOutcome(o: z.infer<typeof outcomeSchema>): Outcome {
  const out: Outcome = {
    wills: o.wills.map((w) => ({
      from: w.from,
      conn: w.conn,
      t: w.t,
      topic: w.topic,
      payload: w.payload,
      qos: w.qos,
      retain: w.retain,
    })),
    sessionPresent: (o.sessionPresent ?? []).map((s) => ({ client: s.client, step: s.step, value: s.value })),
    disconnectReasons: (o.disconnectReasons ?? []).map((d) =>
      d.t === undefined ? { client: d.client, reason: d.reason } : { client: d.client, reason: d.reason, t: d.t },
    ),
    retainedAfter: o.retainedAfter
      ? {
          t: o.retainedAfter.t,
          messages: o.retainedAfter.messages.map((m) => ({ topic: m.topic, payload: m.payload })),
        }
      : { t: Number.NaN, messages: [] },
  };
  if (o.offlineSubscriber)
    out.offlineSubscriber = {
      messages: o.offlineSubscriber.messages.map((m) => ({
        topic: m.topic,
        payload: m.payload,
        qos: m.qos,
        retain: m.retain,
      })),
    };
  if (o.received) {
    const received: NonNullable<Outcome['received']> = {};
    for (const [name, list] of Object.entries(o.received))
      received[name] = list.map((m) => {
        const r: ReceivedMessage = {
          t: m.t,
          topic: m.topic,
          payload: m.payload,
          qos: m.qos,
          retain: m.retain ?? false,
          dup: m.dup ?? false,
        };
        if (m.props) r.props = canonicalProps(m.props);
        return r;
      });
    out.received = received;
  }
  return out;
}

/**
 * The case fields a scenario-format document adds (docs/scenario-format.md, "Cases"): an `id` and
 * the outcome it must produce, in FORMAT.md's vocabulary.
 */
const scenarioCaseSchema = z.looseObject({
  id: caseSchema.shape.id,
  expect: z.optional(outcomeSchema),
  observed: z.optional(outcomeSchema),
  t0Phase: caseSchema.shape.t0Phase,
});
const SCENARIO_CASE_KEYS = new Set(['id', 'expect', 'observed', 't0Phase', ...Object.keys(scenarioSchema.shape)]);

/**
 * A scenario file (format v1) used as a case: it can carry what FORMAT.md cases cannot (broker
 * settings, kicks, subscriptions, will properties). The scenario is read exactly as a scenario file.
 */
function parseScenarioCase(input: object, prefix: string): Parsed<ConformanceCase> {
  const head = scenarioCaseSchema.safeParse(input, { reportInput: true });
  const { id: _id, expect: _expect, observed: _observed, t0Phase: _t0, ...doc } = input as Record<string, unknown>;
  const body = scenarioSchema.safeParse(doc, { reportInput: true });
  const problems = [
    ...(head.success ? [] : zodProblems(head.error.issues, prefix)),
    ...(body.success ? [] : zodProblems(body.error.issues, prefix)),
  ];
  if (head.success && !head.data.expect && !head.data.observed)
    problems.push(problem(formatPath(['expect'], prefix), 'missing', { expected: 'an outcome' }));
  if (!head.success || !body.success || problems.length > 0) return { ok: false, problems };
  const outcome = head.data.expect ?? head.data.observed;
  const sc = normalizeScenario(body.data);
  // As in FORMAT.md: an outcome that lists the offline subscriber's messages asks for it.
  if (outcome?.offlineSubscriber !== undefined) sc.offlineSubscriber = true;
  const cross = crossCheck(sc, prefix);
  if (cross.length > 0) return { ok: false, problems: cross };
  // Extra fields of a recording (broker version, clock phases) are kept, as for FORMAT.md cases.
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (!SCENARIO_CASE_KEYS.has(k)) extra[k] = v;
  const out: ConformanceCase = { id: head.data.id, title: sc.title || head.data.id, scenario: sc, extra };
  if (head.data.expect) out.expect = toOutcome(head.data.expect);
  if (head.data.observed) out.observed = toOutcome(head.data.observed);
  if (head.data.t0Phase !== undefined) out.t0Phase = head.data.t0Phase;
  return { ok: true, value: out };
}

/**
 * Converts one case (already known to be an object) into a runnable case: a FORMAT.md case, or a
 * scenario-format document (it has `format`) with an `id` and an `expect` outcome.
 */
export function parseCase(input: unknown, prefix = ''): Parsed<ConformanceCase> {
  if (typeof input === 'object' && input !== null && 'format' in input) return parseScenarioCase(input, prefix);
  const r = caseSchema.safeParse(input, { reportInput: true });
  if (!r.success) return { ok: false, problems: zodProblems(r.error.issues, prefix) };
  const c = r.data;
  const outcome = c.expect ?? c.observed;
  const scenario: Scenario = {
    version: 1,
    title: c.title ?? c.id,
    profile: 'spec',
    seed: 1,
    protocol: c.protocol,
    broker: brokerSettings(c.broker === undefined ? undefined : { persistence: c.broker }),
    observer: observerSettings(c.observer ?? {}),
    offlineSubscriber: outcome?.offlineSubscriber !== undefined,
    clients: c.clients.map((cl) => normClient(cl, c.protocol)),
    // Sorted after the cross-check: a problem names the step's position as written.
    steps: c.steps.map(normStep),
    end: c.end,
  };
  const problems = crossCheck(scenario, prefix);
  if (problems.length > 0) return { ok: false, problems };
  scenario.steps = sortSteps(scenario.steps);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) if (!KNOWN.has(k)) extra[k] = v;
  const out: ConformanceCase = { id: c.id, title: c.title ?? c.id, scenario, extra };
  if (c.expect) out.expect = toOutcome(c.expect);
  if (c.observed) out.observed = toOutcome(c.observed);
  if (c.t0Phase !== undefined) out.t0Phase = c.t0Phase;
  return { ok: true, value: out };
}

/** A case file: a JSON array of cases (a single case object is accepted too). */
export function parseCaseFile(input: unknown): Parsed<ConformanceCase[]> {
  const list = Array.isArray(input) ? input : [input];
  const problems: Problem[] = [];
  const cases: ConformanceCase[] = [];
  const ids = new Set<string>();
  list.forEach((item, i) => {
    const prefix = Array.isArray(input) ? formatPath([i]) : '';
    if (typeof item !== 'object' || item === null) {
      problems.push(problem(prefix || '(top level)', 'notCase'));
      return;
    }
    const r = parseCase(item, prefix);
    if (!r.ok) problems.push(...r.problems);
    else if (ids.has(r.value.id)) problems.push(problem(`${prefix}.id`, 'duplicateId', { id: r.value.id }));
    else {
      ids.add(r.value.id);
      cases.push(r.value);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: cases };
}

/** True if the value looks like a FORMAT.md case (or a list of them) rather than a scenario file. */
export function looksLikeCases(input: unknown): boolean {
  const first = Array.isArray(input) ? input[0] : input;
  return (
    typeof first === 'object' &&
    first !== null &&
    'id' in first &&
    ('expect' in first || 'observed' in first || !('format' in first))
  );
}
