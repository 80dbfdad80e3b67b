import * as z from 'zod/mini';
import { PROFILE_IDS } from '../engine/profiles';
import { filterProblem, topicProblem } from '../engine/topic';
import { SEI_NEVER } from '../engine/types';

/**
 * The scenario format, version 1 (docs/scenario-format.md). Validated at the boundary with zod/mini
 * (the small build of zod: the first load of the app has a size budget). Every problem is reported
 * once, with the field path and what is allowed.
 */

export const SCENARIO_FORMAT = 'mqtt-will-lab/scenario';
export const SCENARIO_VERSION = 1;

export const LIMITS = {
  clients: 50,
  steps: 2000,
  /** 400 days: a year-long case (spec row 13) must still run. */
  endSeconds: 400 * 86400,
  nameLength: 64,
  clientIdLength: 256,
  topicLength: 1024,
  payloadLength: 16_384,
  titleLength: 500,
  subscriptions: 20,
  userProperties: 20,
} as const;

const U32 = SEI_NEVER;

const intIn = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
const seconds = z.number().check(z.gte(0), z.lte(LIMITS.endSeconds));
const qos = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const protocol = z.union([z.literal(4), z.literal(5)]);
const text = (max: number) => z.string().check(z.maxLength(max));

// Refinements report a problem code (src/scenario/problems.ts) through their params.
const coded = <T>(fn: (v: T) => string | null) =>
  z.check<T>((ctx) => {
    const code = fn(ctx.value);
    if (code !== null) ctx.issues.push({ code: 'custom', input: ctx.value, params: { code }, message: code });
  });
const topicName = text(LIMITS.topicLength).check(coded(topicProblem));
const topicFilter = text(LIMITS.topicLength).check(coded(filterProblem));

const userProperty = z.object({ name: text(256), value: text(1024) });
const tooManyUserProperties = coded((r: unknown[] | Record<string, string>) =>
  (Array.isArray(r) ? r.length : Object.keys(r).length) <= LIMITS.userProperties ? null : 'userProperties',
);

const willProps = z.object({
  payloadFormatIndicator: z.optional(z.boolean()),
  contentType: z.optional(text(256)),
  responseTopic: z.optional(topicName),
  correlationData: z.optional(text(256)),
  // An ordered list of name/value pairs; a name may repeat [MQTT-3.1.3-10]. Documents written before
  // the list form carry an object (one value per name, in key order): still read, turned into a list
  // by normWill (src/scenario/validate.ts).
  userProperties: z.optional(
    z.union([z.array(userProperty), z.record(text(256), text(1024))]).check(tooManyUserProperties),
  ),
});

/** A will QoS: 3 only with `allowInvalid` (checked on the will as a whole). */
const willQos = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

export const willSchema = z
  .object({
    topic: text(LIMITS.topicLength),
    payload: text(LIMITS.payloadLength),
    qos: willQos,
    retain: z.boolean(),
    delay: z.optional(z.nullable(intIn(0, U32))),
    messageExpiry: z.optional(z.nullable(intIn(0, U32))),
    props: z.optional(z.nullable(willProps)),
    allowInvalid: z.optional(z.boolean()),
  })
  .check(
    // An invalid will is a load problem unless the scenario says it knows (docs/decisions.md,
    // "invalid wills"): then the run shows the broker refusing the CONNECT.
    // Runs even when other fields failed (`when`), so every problem is reported at once; the value
    // may then be anything, hence the guards.
    z.check<unknown>(
      (ctx) => {
        const w = ctx.value as { topic?: unknown; qos?: unknown; allowInvalid?: unknown } | null;
        if (typeof w !== 'object' || w === null || w.allowInvalid === true) return;
        const push = (path: string, code: string, input: unknown) =>
          ctx.issues.push({ code: 'custom', input, path: [path], params: { code, invalidWill: true }, message: code });
        const tp = typeof w.topic === 'string' ? topicProblem(w.topic) : null;
        if (tp !== null) push('topic', tp, w.topic);
        if (w.qos === 3) push('qos', 'willQos3', w.qos);
      },
      { when: () => true },
    ),
  );

const subscription = z.object({
  filter: topicFilter,
  qos,
  retainAsPublished: z.optional(z.boolean()),
  noLocal: z.optional(z.boolean()),
  retainHandling: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2)])),
});

const clientName = text(LIMITS.nameLength).check(
  coded((n: string) => (n.length === 0 ? 'emptyName' : n.startsWith('$') ? 'reservedName' : null)),
);

export const clientSchema = z.object({
  name: clientName,
  clientId: text(LIMITS.clientIdLength).check(
    coded((id: string) => (id.startsWith('__observer__') || id.startsWith('__offline__') ? 'reservedClientId' : null)),
  ),
  protocol: z.optional(protocol),
  cleanStart: z.boolean(),
  sessionExpiry: z.optional(z.nullable(intIn(0, U32))),
  keepAlive: intIn(0, 65535),
  will: z.optional(z.nullable(willSchema)),
  subscriptions: z.optional(z.array(subscription).check(z.maxLength(LIMITS.subscriptions))),
});

const base = { t: seconds };
const onClient = { ...base, client: clientName };

const stepSchemas = [
  z.object({ ...onClient, action: z.literal('connect') }),
  z.object({
    ...onClient,
    action: z.literal('reconnect'),
    cleanStart: z.optional(z.boolean()),
    sessionExpiry: z.optional(z.nullable(intIn(0, U32))),
    keepAlive: z.optional(intIn(0, 65535)),
    protocol: z.optional(protocol),
    will: z.optional(z.nullable(willSchema)),
    afterClose: z.optional(seconds),
  }),
  z.object({ ...onClient, action: z.literal('drop') }),
  z.object({ ...onClient, action: z.literal('reset') }),
  z.object({ ...onClient, action: z.literal('silence') }),
  z.object({ ...onClient, action: z.literal('protoerr') }),
  z.object({ ...onClient, action: z.literal('badpacket') }),
  z.object({
    ...onClient,
    action: z.literal('disconnect'),
    reason: z.optional(intIn(0, 255)),
    sessionExpiry: z.optional(z.nullable(intIn(0, U32))),
  }),
  z.object({ ...onClient, action: z.literal('takeover'), of: clientName, cleanStart: z.optional(z.boolean()) }),
  z.object({
    ...onClient,
    action: z.literal('publish'),
    topic: z.optional(topicName),
    topicOf: z.optional(clientName),
    payload: text(LIMITS.payloadLength),
    qos,
    retain: z.boolean(),
    messageExpiry: z.optional(z.nullable(intIn(0, U32))),
  }),
  z.object({
    ...onClient,
    action: z.literal('subscribe'),
    filter: topicFilter,
    qos,
    retainAsPublished: z.optional(z.boolean()),
    noLocal: z.optional(z.boolean()),
    retainHandling: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2)])),
  }),
  z.object({ ...onClient, action: z.literal('unsubscribe'), filter: topicFilter }),
  z.object({ ...onClient, action: z.literal('kick') }),
  z.object({ ...base, client: z.optional(z.null()), action: z.literal('brokerRestart') }),
] as const;

export const STEP_ACTIONS = [
  'connect',
  'reconnect',
  'drop',
  'reset',
  'silence',
  'protoerr',
  'badpacket',
  'disconnect',
  'takeover',
  'publish',
  'subscribe',
  'unsubscribe',
  'kick',
  'brokerRestart',
] as const;

export const stepSchema = z.discriminatedUnion('action', stepSchemas);

export const brokerSchema = z.object({
  persistence: z.optional(z.union([z.literal('volatile'), z.literal('persist')])),
  maximumQos: z.optional(qos),
  retainAvailable: z.optional(z.boolean()),
  serverKeepAlive: z.optional(z.nullable(intIn(0, 65535))),
  maxSessionExpiry: z.optional(z.nullable(intIn(0, U32))),
});

export const observerSchema = z.object({
  protocol: z.optional(protocol),
  subscriptionQos: z.optional(qos),
  retainAsPublished: z.optional(z.boolean()),
});

export const scenarioSchema = z.object({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  title: z.optional(text(LIMITS.titleLength)),
  profile: z.optional(
    z.string().check(
      z.check<string>((ctx) => {
        if (!PROFILE_IDS.includes(ctx.value))
          ctx.issues.push({
            code: 'invalid_value',
            input: ctx.value,
            values: [...PROFILE_IDS],
            message: 'unknown profile',
          });
      }),
    ),
  ),
  seed: z.optional(intIn(0, U32)),
  protocol: z.optional(protocol),
  broker: z.optional(brokerSchema),
  observer: z.optional(z.nullable(observerSchema)),
  offlineSubscriber: z.optional(z.boolean()),
  clients: z.array(clientSchema).check(z.maxLength(LIMITS.clients)),
  steps: z.array(stepSchema).check(z.maxLength(LIMITS.steps)),
  end: seconds,
});

export type ScenarioInput = z.infer<typeof scenarioSchema>;
export type StepInput = z.infer<typeof stepSchema>;
export type ClientInput = z.infer<typeof clientSchema>;
export type WillInput = z.infer<typeof willSchema>;
