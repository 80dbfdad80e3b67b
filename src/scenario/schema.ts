import * as z from 'zod/mini';
import { PROFILE_IDS } from '../engine/profiles';
import { filterProblem, topicProblem } from '../engine/topic';
import { SEI_NEVER } from '../engine/types';
import { utf8Length } from './json';

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
  /** UTF-8 bytes, as MQTT counts a string's length (§1.5.4). */
  clientIdLength: 256,
  /** UTF-8 bytes. */
  topicLength: 1024,
  /** UTF-8 bytes: "16 KiB payloads". */
  payloadLength: 16_384,
  /** UTF-8 bytes of a user property's name, of its value, and of the other string properties. */
  propertyNameLength: 256,
  propertyValueLength: 1024,
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

/** Lone UTF-16 surrogates: text that UTF-8 (links, files, the autosave, MQTT) cannot carry. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Any text of the file (a title, a name, a payload): at most `max` characters, and valid Unicode. */
const plain = (max: number) =>
  text(max).check(
    z.check<string>((ctx) => {
      if (hasLoneSurrogate(ctx.value))
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          params: { code: 'loneSurrogate' },
          message: 'loneSurrogate',
        });
    }),
  );

/**
 * A UTF-8 Encoded String of MQTT (§1.5.4): at most `max` bytes in UTF-8, no lone surrogates
 * [MQTT-1.5.4-1], no U+0000 [MQTT-1.5.4-2]. `binary` (a payload, Correlation Data) may hold U+0000.
 */
const mqttString = (max: number, binary = false) =>
  z.string().check(
    z.check<string>((ctx) => {
      const v = ctx.value;
      const push = (code: string, extra: Record<string, number> = {}) =>
        ctx.issues.push({ code: 'custom', input: v, params: { code, ...extra }, message: code });
      // Characters never exceed bytes; only a text that might be too long is measured.
      if (v.length * 3 > max) {
        const bytes = v.length > max ? v.length : utf8Length(v);
        if (bytes > max) push('tooManyBytes', { max, bytes: v.length > max ? utf8Length(v) : bytes });
      }
      if (hasLoneSurrogate(v)) push('loneSurrogate');
      else if (!binary && v.includes('\u0000')) push('nullChar');
    }),
  );

// Refinements report a problem code (src/scenario/problems.ts) through their params.
const coded = <T>(fn: (v: T) => string | null) =>
  z.check<T>((ctx) => {
    const code = fn(ctx.value);
    if (code !== null) ctx.issues.push({ code: 'custom', input: ctx.value, params: { code }, message: code });
  });
// Topic rules (§4.7) first; U+0000 is a topic rule too, worded as such (topic.null).
const topicName = mqttString(LIMITS.topicLength, true).check(coded(topicProblem));
const topicFilter = mqttString(LIMITS.topicLength, true).check(coded(filterProblem));

const userProperty = z.object({
  name: mqttString(LIMITS.propertyNameLength),
  value: mqttString(LIMITS.propertyValueLength),
});
const tooManyUserProperties = coded((r: unknown[] | Record<string, string>) =>
  (Array.isArray(r) ? r.length : Object.keys(r).length) <= LIMITS.userProperties ? null : 'userProperties',
);

const willProps = z.object({
  payloadFormatIndicator: z.optional(z.boolean()),
  contentType: z.optional(mqttString(LIMITS.propertyNameLength)),
  responseTopic: z.optional(topicName),
  correlationData: z.optional(mqttString(LIMITS.propertyNameLength, true)),
  // 5.0 §3.1.3.2.8: a User Property is a UTF-8 String Pair.
  // An ordered list of name/value pairs; a name may repeat [MQTT-3.1.3-10]. Documents written before
  // the list form carry an object (one value per name, in key order): still read, turned into a list
  // by normWill (src/scenario/validate.ts).
  userProperties: z.optional(
    z
      .union([
        z.array(userProperty),
        z.record(mqttString(LIMITS.propertyNameLength), mqttString(LIMITS.propertyValueLength)),
      ])
      .check(tooManyUserProperties),
  ),
});

/** A will QoS: 3 only with `allowInvalid` (checked on the will as a whole). */
const willQos = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

export const willSchema = z
  .object({
    // Topic rules are checked on the will as a whole (allowInvalid); the string rules here.
    topic: mqttString(LIMITS.topicLength, true),
    payload: mqttString(LIMITS.payloadLength, true),
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

const clientName = plain(LIMITS.nameLength).check(
  coded((n: string) => (n.length === 0 ? 'emptyName' : n.startsWith('$') ? 'reservedName' : null)),
);

const clientId = mqttString(LIMITS.clientIdLength).check(
  coded((id: string) => (id.startsWith('__observer__') || id.startsWith('__offline__') ? 'reservedClientId' : null)),
);

export const clientSchema = z.object({
  name: clientName,
  clientId,
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
    payload: mqttString(LIMITS.payloadLength, true),
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
  title: z.optional(plain(LIMITS.titleLength)),
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

/**
 * The schema of each text field the editor offers, the very ones the loader applies: a field can
 * never hold what a file, a link or the autosave would refuse (src/scenario/fields.ts).
 */
export const FIELD_SCHEMAS = {
  title: plain(LIMITS.titleLength),
  clientName,
  clientId,
  topic: topicName,
  /** A will topic marked `allowInvalid`: only the string rules (the topic rules become a refusal). */
  anyTopic: mqttString(LIMITS.topicLength, true),
  filter: topicFilter,
  payload: mqttString(LIMITS.payloadLength, true),
  contentType: mqttString(LIMITS.propertyNameLength),
  correlationData: mqttString(LIMITS.propertyNameLength, true),
  userPropertyName: mqttString(LIMITS.propertyNameLength),
  userPropertyValue: mqttString(LIMITS.propertyValueLength),
} as const;
