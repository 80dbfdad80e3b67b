import type { WhyCode } from '../engine/rules';
import { SEI_NEVER } from '../engine/script/names';
import type { CloseCause, ProtocolLevel, TraceEntry, WillProps } from '../engine/types';
import type { ProblemCode, ProblemParams } from '../scenario/problem-codes';
import type { Catalog, P } from './catalog';

const hex = (n: unknown) =>
  `0x${Number(n ?? 0)
    .toString(16)
    .toUpperCase()
    .padStart(2, '0')}`;
const sec = (msValue: unknown) => `${(Number(msValue) / 1000).toFixed(3)} s`;
/** A Session Expiry value in words: 0xFFFFFFFF is "never expires", not a number of seconds. */
const seconds = (x: unknown) => (x === SEI_NEVER ? 'never expires' : `${x ?? 0} s`);
const sei = (p: P) => seconds(p.sessionExpiry);

const CAUSES: Record<CloseCause, string> = {
  network: 'the network connection was lost without a DISCONNECT',
  reset: 'the connection was reset (TCP RST) without a DISCONNECT',
  keepAlive: 'the client stayed silent past its keep-alive window',
  clientDisconnect: 'the client sent DISCONNECT',
  protocolError: 'the broker closed it on a protocol error',
  malformed: 'the broker closed it on a malformed packet',
  takeover: 'another connection took over its Client Identifier',
  adminKick: 'an administrator kicked the client',
  shutdown: 'the broker shut down',
};

const cause = (p: P) =>
  p.cause === 'clientDisconnect' && typeof p.reason === 'number' && p.reason !== 0
    ? `the client sent DISCONNECT with Reason Code ${hex(p.reason)} (only 0x00 deletes a will)`
    : (CAUSES[(p.cause as CloseCause) ?? 'network'] ?? String(p.cause));
/** Will Delay and Session Expiry end at the same instant. */
const tie = (p: P) => p.delay !== null && p.delay !== undefined && p.delay === p.sessionExpiry;

const WHY: Record<WhyCode, (p: P, v: ProtocolLevel) => string> = {
  'conn.accepted': (p) =>
    `The broker accepted the CONNECT (CONNACK 0x00, Session Present ${p.sessionPresent ? 1 : 0}).`,
  'conn.refused.qos': () =>
    "The will asks for a QoS above the broker's Maximum QoS, so the CONNECT is refused (0x9B) and no will is stored.",
  'conn.refused.retain': () =>
    'The will is retained but the broker does not support retain, so the CONNECT is refused (0x9A) and no will is stored.',
  'conn.refused.emptyWill': (_p, v) =>
    v === 5
      ? 'The broker refused the CONNECT because its will has an empty payload (CONNACK 0x81).'
      : 'The broker refused the CONNECT because its will has an empty payload.',
  'conn.refused.willQos3': (p) =>
    p.reason === null
      ? 'Will QoS 3 is not allowed, so the CONNECT is invalid: the broker closes the network connection without a CONNACK. No session is created and no will is stored.'
      : `Will QoS 3 makes the CONNECT a Malformed Packet, so the broker refuses it (CONNACK ${hex(p.reason)}) and closes the connection. No session is created and no will is stored.`,
  'conn.refused.willTopic': (p) => {
    const what =
      p.problem === 'topic.empty'
        ? 'The will topic is empty'
        : p.problem === 'topic.null'
          ? 'The will topic contains a null character'
          : 'The will topic contains a wildcard (+ or #)';
    return p.reason === null
      ? `${what}, which no Topic Name may: the broker closes the network connection without a CONNACK. No session is created and no will is stored.`
      : `${what}, which no Topic Name may: the broker refuses the CONNECT (CONNACK ${hex(p.reason)}) and closes the connection. No session is created and no will is stored.`;
  },
  'conn.refused.clientId': (_p, v) =>
    v === 4
      ? 'A zero-length Client Identifier needs CleanSession 1 in MQTT 3.1.1: refused with return code 0x02.'
      : 'The broker refused the Client Identifier.',
  'conn.clientIdAssigned': (p) => `The Client Identifier was empty, so the broker assigned "${p.clientId}".`,
  'conn.closed.network': () =>
    'The network connection closed without a DISCONNECT, which the broker treats as a failure.',
  'conn.closed.reset': () => 'The connection was reset (TCP RST): the same as a network failure for MQTT.',
  'conn.closed.keepAlive': (p) => {
    const ka = p.serverKeepAlive
      ? `the Server Keep Alive of ${p.keepAlive} s (the broker's value, which replaced the client's)`
      : `its Keep Alive of ${p.keepAlive} s`;
    const closed =
      typeof p.disconnect === 'number'
        ? `sent DISCONNECT ${hex(p.disconnect)} (Keep Alive timeout) and closed the connection`
        : 'closed the connection as if the network had failed';
    if (p.tick !== undefined)
      return `The broker checks each connection on a timer of its own (${p.firstTick} s after the CONNECT, then every ${p.tick} s). Nothing arrived from the client until the ticks since its last packet, times ${p.tick} s, exceeded ${p.factor} x ${ka}: it ${closed}.`;
    if (p.sweep !== undefined)
      return `Nothing arrived from the client for more than ${p.factor ?? 1.5} x ${ka} (counted in whole seconds), and the broker noticed at its keep-alive check, which runs every ${p.sweep} s: it ${closed}.`;
    if (p.grace !== undefined)
      return `Nothing arrived from the client for ${p.grace} s (${p.factor ?? 1.5} x ${ka}, rounded to whole seconds), so the broker ${closed}.`;
    return `Nothing arrived from the client for ${p.factor ?? 1.5} x ${ka}, so the broker ${closed}.`;
  },
  'conn.closed.clientDisconnect': (p, v) =>
    v === 5
      ? `The client sent DISCONNECT with Reason Code ${hex(p.reason)} and closed the connection.`
      : 'The client sent DISCONNECT and closed the connection.',
  'conn.closed.protocolError': (p) =>
    typeof p.disconnect === 'number'
      ? `A second CONNECT on the same connection is a Protocol Error: the broker sent DISCONNECT ${hex(p.disconnect)} and closed the connection.`
      : 'A second CONNECT on the same connection is a Protocol Error: the broker closed the connection.',
  'conn.closed.seiRaised': () =>
    'The DISCONNECT raised the Session Expiry from 0, which is a Protocol Error: it does not count as a valid DISCONNECT, the broker answers 0x82 and closes.',
  'conn.closed.qosNotSupported': (p) =>
    `The client published at QoS ${p.qos}, above the Maximum QoS ${p.maximumQos} the broker announced: a Protocol Error. The broker sent DISCONNECT 0x9B (QoS not supported), closed the connection and did not forward the message.`,
  'conn.closed.retainNotSupported': () =>
    'The client published with RETAIN 1 although the broker announced Retain Available 0: a Protocol Error. The broker sent DISCONNECT 0x9A (Retain not supported), closed the connection and did not forward the message.',
  'conn.closed.malformed': (p, v) =>
    typeof p.disconnect === 'number'
      ? `The broker received a malformed packet, sent DISCONNECT ${hex(p.disconnect)} and closed the connection.`
      : v === 5 && p.reason !== undefined
        ? `Reason Code ${hex(p.reason)} is not a DISCONNECT Reason Code, so the packet is malformed: the broker closed the connection.`
        : 'The broker received a malformed packet and closed the connection.',
  'conn.closed.takeover': (p, v) =>
    v === 5 && p.disconnect !== null
      ? 'A new connection with the same Client Identifier was accepted: the broker sent this one DISCONNECT 0x8E (Session taken over) and closed it.'
      : 'A new connection with the same Client Identifier was accepted: the broker closed this one.',
  'conn.closed.adminKick': (_p, v) =>
    v === 5 ? 'An administrator kicked the client (DISCONNECT 0x98).' : 'An administrator kicked the client.',
  'conn.closed.shutdown': (p, v) =>
    v === 5 && p.disconnect !== null ? 'The broker shut down (DISCONNECT 0x8B).' : 'The broker shut down.',
  'keepAlive.inForce': (p) => `Keep Alive in force: ${p.keepAlive} s.`,
  'keepAlive.off': () =>
    'This connection has Keep Alive 0, so the broker keeps no keep-alive window for it: if it goes silent or half-open, only the network can end it.',
  'keepAlive.server': (p) =>
    `The broker sent a Server Keep Alive of ${p.keepAlive} s in CONNACK: it replaces the ${p.requested} s the client asked for, and the broker's 1.5 x window is counted on it.`,
  'ping.sent': () => 'The client had sent nothing for its Keep Alive, so it sent PINGREQ.',
  'session.created.cleanStart': (_p, v) =>
    v === 5
      ? 'Clean Start 1: any existing session is discarded and a new one starts (Session Present 0).'
      : 'CleanSession 1: a new session that lasts as long as this connection (Session Present 0).',
  'session.created.noneStored': (_p, v) =>
    v === 5
      ? 'Clean Start 0 and no session stored for this Client Identifier: a new one is created (Session Present 0).'
      : 'CleanSession 0 and no session stored: a new one is created (Session Present 0).',
  'session.resumed': (_p, v) =>
    v === 5
      ? 'Clean Start 0 and a session is stored: the broker resumes it (Session Present 1).'
      : 'CleanSession 0 and a session is stored: the broker resumes it (Session Present 1).',
  'session.kept.expires': (p) => `The session outlives the connection for its Session Expiry Interval (${sei(p)}).`,
  'session.kept.never': (_p, v) =>
    v === 5
      ? 'Session Expiry 0xFFFFFFFF: the session never expires.'
      : 'CleanSession 0: the session is kept after the connection closes, with no expiry in MQTT 3.1.1.',
  'session.kept.cached': () => 'NanoMQ caches the Clean Start 0 session, even with Session Expiry 0.',
  'session.ended.closedSeiZero': (p, v) =>
    v === 5
      ? `Session Expiry ${p.sessionExpiry ?? 0} (absent counts as 0): the session ends when the connection closes.`
      : 'CleanSession 1: the session lasts only as long as the connection.',
  'session.ended.expired': (p) =>
    `The Session Expiry Interval (${sei(p)}) passed without a resuming connection: the session ended.`,
  'session.ended.cleanStart': (_p, v) =>
    v === 5
      ? 'A new connection with Clean Start 1 discarded the session.'
      : 'A new connection with CleanSession 1 discarded the session.',
  'session.ended.adminDiscard': () => 'An administrator discarded the session.',
  'session.ended.brokerStopped': () =>
    'The broker stopped without persistence and lost the session, which the Session Expiry would otherwise have kept.',
  'session.ended.cleanStartNotKept': () => 'NanoMQ does not keep a Clean Start 1 session, whatever its Session Expiry.',
  'session.ended.cachedSessionClosed': () => 'NanoMQ closed the cached session on its periodic timer.',
  'session.expiryChanged': (p) => `The DISCONNECT set the Session Expiry from ${seconds(p.from)} to ${seconds(p.to)}.`,
  'session.expiryRaisedAccepted': (p) =>
    `The DISCONNECT raised the Session Expiry from ${seconds(p.from)} to ${seconds(p.to)}, and the broker took the new value.`,
  'session.ended.inMemoryOnly': () =>
    'The broker keeps MQTT sessions in memory only, persistence or not: the restart lost this session.',
  'session.ended.notPersisted': () =>
    'The broker stopped and wrote only Clean Start 0 sessions to its persistence: this session is lost.',
  'session.restoredNoExpiry': () =>
    'The session was read back from persistence and no longer expires until its client connects again.',
  'session.expiryCapped': (p) =>
    `The broker grants a Session Expiry of ${seconds(p.granted)} instead of ${seconds(p.requested)} and says so in CONNACK.`,
  'will.stored': (_p, v) =>
    v === 5
      ? 'The CONNECT carried a will: the broker stores it with the session.'
      : 'The CONNECT carried a will: the broker stores it with the network connection.',
  'will.deleted.normalDisconnect': (_p, v) =>
    v === 5
      ? 'The client sent DISCONNECT with Reason Code 0x00 (Normal disconnection), which deletes the will without publishing it.'
      : 'The client sent DISCONNECT, which deletes the will without publishing it.',
  'will.deleted.quirkAnyDisconnect': (p) =>
    `The broker deletes the will on any DISCONNECT; this one had Reason Code ${hex(p.reason)}.`,
  'will.deleted.quirkTakeover': () => 'The broker removes the old will when a takeover keeps the session.',
  'will.deleted.quirkSecondConnect': () =>
    'The client sent a second CONNECT: the broker discarded its will and its session along with the failed CONNECT, then closed the connection.',
  'will.deleted.quirkNewConnection': () =>
    'A new connection for this Client Identifier arrived while the will waited for its Will Delay: the broker removed the will without publishing it.',
  'will.published.seiZeroDelayed': (p) =>
    `The Will Delay of ${p.delay} s passed after the close at ${sec(p.closedAt)}; the broker kept the will waiting although Session Expiry 0 ended the session at the close.`,
  'will.published.flushedAtShutdown': () =>
    'The broker is stopping and publishes every will now, without waiting for the Will Delay: those of the clients it has just disconnected and those that were already waiting.',
  'will.heldBehind': (p) =>
    `The Will Delay has passed, but a will with a shorter or equal delay that is not due yet is ahead of it in the broker's list: it waits until ${sec(p.until)}.`,
  'will.published.v4Closed': (p) =>
    `In MQTT 3.1.1 the will belongs to the network connection: it is published as soon as the connection closes (${cause(p)}), whatever CleanSession says.`,
  'will.published.sessionEndsAtClose': (p) =>
    `${capital(cause(p))} and the session ended at once (Session Expiry ${p.sessionExpiry ?? 0}), which cuts any Will Delay short.`,
  'will.published.noDelay': (p) => `${capital(cause(p))} and the will has no Will Delay, so it was published at once.`,
  'will.published.delayElapsed': (p) =>
    tie(p)
      ? `The Will Delay and the Session Expiry are both ${p.delay} s: they ended together, ${p.delay} s after the connection closed at ${sec(p.closedAt)}, and the will was published then.`
      : `The Will Delay of ${p.delay} s passed after the connection closed at ${sec(p.closedAt)}, before the session ended.`,
  'will.published.sessionExpired': (p) =>
    tie(p)
      ? `The Will Delay and the Session Expiry are both ${p.delay} s: they ended together, ${p.delay} s after the close, and the will was published then.`
      : `The session expired ${p.sessionExpiry} s after the close, before the Will Delay of ${p.delay} s had passed: whichever comes first.`,
  'will.published.cleanStart': () =>
    'A new connection with Clean Start 1 ended the session while the will was waiting: it was published at once.',
  'will.published.adminDiscard': () => 'An administrator discarded the session, so the waiting will was published.',
  'will.published.brokerStopped': () =>
    'The broker stopped and lost the session, so the waiting will was published at once.',
  'will.published.cachedSessionClosed': () =>
    'NanoMQ published the will only when its timer closed the cached session.',
  'will.published.cleanStartNotKept': () =>
    'NanoMQ does not keep a Clean Start 1 session, so the will went out at the close, ignoring the Will Delay.',
  'will.scheduled': (p) =>
    `The will waits for the Will Delay (${p.delay} s) or the end of the session${p.sessionEnd === null ? ' (never)' : ` at ${sec(p.sessionEnd)}`}, whichever comes first.`,
  'will.cancelled.resumed': () =>
    'A new connection resumed this session before the Will Delay passed, so the will must not be sent.',
  'will.withheld.cachedSession': () =>
    'NanoMQ cached the Clean Start 0 session and withheld the will instead of publishing it.',
  'will.retainIgnored': () => 'The broker ignores the Will Retain flag and publishes the will non-retained.',
  'will.messageExpiryDropped': () =>
    'The will has a Message Expiry Interval; the broker published it without one, so a queued copy never expires.',
  'will.retainNotStored': (p) =>
    `The will went out with RETAIN 1, but the broker did not store it as the retained message of ${p.topic}.`,
  'will.deleted.quirkShutdown': () =>
    'The broker stopped without publishing this will: its sessions ended with it, and the will reached no subscriber.',
  'message.delivered': (p) =>
    `Delivered at the lower of the message QoS and the subscription QoS${p.messageExpiry !== null && p.messageExpiry !== undefined ? `, with ${p.messageExpiry} s of Message Expiry left` : ''}.`,
  'message.deliveredRetained': () => 'A new subscription receives the retained message, with RETAIN 1.',
  'message.queued': () =>
    'The subscriber is offline but its session is alive: QoS 1 and 2 messages wait in its session.',
  'message.queueDelivered': (p) =>
    `Delivered from the session's queue on reconnect${p.messageExpiry !== null && p.messageExpiry !== undefined ? `, with ${p.messageExpiry} s of Message Expiry left` : ''}.`,
  'message.resent': () =>
    'Sent before the connection closed but never acknowledged: the broker resends it with DUP 1 when the session resumes, whatever its Message Expiry (its delivery had started).',
  'message.expired': (p) =>
    `The Message Expiry Interval (${p.expiry} s, counted from publication) passed before delivery: discarded.`,
  'message.qos0NotQueued': () => 'The subscriber is offline and this copy is QoS 0: the broker does not queue it.',
  'message.queuedQos0BehindUnacked': () =>
    'The subscriber is offline and this copy is QoS 0, but a QoS 1 or 2 message still waits for its acknowledgement: the broker queues this one behind it.',
  'message.retained': () =>
    "Published with RETAIN 1: the broker keeps it as the topic's retained message, outside any session.",
  'message.retainCleared': () =>
    "A retained message with an empty payload clears the topic's retained message and is not stored.",
  'message.retainedExpired': (p) => `The retained message's Message Expiry (${p.expiry} s) passed: it is discarded.`,
  'message.retainedLost': () => 'The broker restarted without persistence: retained messages are lost.',
  'message.droppedWithSession': () => 'The session ended, and the messages waiting in it with it.',
  'step.notConnected': () => 'This step needs a connected client; the client is not connected, so nothing happens.',
  'step.alreadyConnected': () => 'The client is already connected, so this step is ignored.',
  'step.silent': () => 'The client is silent (it sends nothing), so this step is ignored.',
  'step.takeoverTargetGone': (p) =>
    `"${p.of}" is not connected, so this is an ordinary connect rather than a takeover.`,
  'step.takeoverWrongClientId': () => 'The two clients do not share a Client Identifier.',
  'step.notSubscribed': (p) => `There was no subscription to "${p.filter}".`,
  'broker.persistenceIgnored': () =>
    'This broker keeps sessions and retained messages in memory only: nothing survives the restart.',
  'packet.reservedIgnored': () => 'The broker dropped the packet of reserved type 0 and kept the connection open.',
  'broker.restarted': (p) =>
    p.persistence === 'persist'
      ? 'The broker restarted with persistence: sessions and retained messages survive.'
      : 'The broker restarted without persistence: sessions and retained messages are gone.',
  'run.truncated': (p) => `The run stopped after ${p.events} events, before its end.`,
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ACTIONS: Record<TraceEntry & { kind: 'step' } extends { action: infer A } ? A & string : never, string> = {
  connect: 'connect',
  reconnect: 'reconnect',
  drop: 'network drop',
  reset: 'connection reset',
  silence: 'keep-alive silence',
  disconnect: 'DISCONNECT',
  takeover: 'takeover',
  protoerr: 'second CONNECT (protocol error)',
  badpacket: 'malformed packet',
  publish: 'publish',
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  kick: 'administrative kick',
  brokerRestart: 'broker restart',
};

/** Names of the types a field may need (validate.ts passes zod's name). */
const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};
const typeName = (t: unknown) => TYPE_NAMES[String(t)] ?? String(t);

/** The value found (validate.ts `describeValue`): its kind, and the value itself when short. */
function got(p: ProblemParams): string {
  switch (p.gotKind) {
    case 'nothing':
      return 'nothing';
    case 'null':
      return 'null';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'longText':
      return `a text of ${Number(p.gotLength).toLocaleString('en')} characters`;
    default:
      return String(p.got);
  }
}

/** The allowed values (a JSON array) as "0, 1 or 2". */
function oneOf(allowed: unknown): string {
  let values: unknown[];
  try {
    values = JSON.parse(String(allowed)) as unknown[];
  } catch {
    return String(allowed);
  }
  const words = values.map((v) => JSON.stringify(v));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : (words[0] ?? '');
}

const unit = (u: unknown) => (u === 'characters' ? ' characters' : u === 'items' ? ' items' : '');

/** The will properties a delivery carried, in the order they travel. */
function willPropsText(p: WillProps): string {
  const parts: string[] = [];
  if (p.payloadFormatIndicator) parts.push('Payload Format Indicator 1 (UTF-8)');
  if (p.contentType !== undefined) parts.push(`Content Type "${p.contentType}"`);
  if (p.responseTopic !== undefined) parts.push(`Response Topic "${p.responseTopic}"`);
  if (p.correlationData !== undefined) parts.push(`Correlation Data "${p.correlationData}"`);
  if (p.userProperties?.length)
    parts.push(`User Properties ${p.userProperties.map((u) => `"${u.name}" = "${u.value}"`).join(', ')}`);
  return parts.length ? `, with ${parts.join(', ')}` : '';
}

const PROBLEMS: Record<ProblemCode, (p: ProblemParams) => string> = {
  missing: (p) => `is missing (expected ${typeName(p.expected)})`,
  type: (p) => `must be ${typeName(p.expected)}, not ${got(p)}`,
  tooBig: (p) => `must be at most ${p.max}${unit(p.unit)}`,
  tooSmall: (p) => `must be at least ${p.min}${unit(p.unit)}`,
  notAllowed: (p) => `must be ${oneOf(p.allowed)}, not ${got(p)}`,
  unknownAction: (p) => `must be one of: ${p.allowed}`,
  shape: () => 'has an unexpected shape',
  custom: (p) => String(p.text),
  'topic.empty': () => 'a topic name must be at least one character long',
  'topic.wildcard': () => 'a topic name may not contain "+" or "#"',
  'topic.null': () => 'a topic name may not contain the null character',
  'filter.empty': () => 'a topic filter must be at least one character long',
  'filter.hash': () => '"#" must be a whole level and the last one',
  'filter.plus': () => '"+" must be a whole level',
  'filter.null': () => 'a topic filter may not contain the null character',
  reservedName: () => 'names starting with "$" are reserved for the implicit observer',
  emptyName: () => 'a client name may not be empty',
  reservedClientId: () => 'this Client Identifier is reserved',
  userProperties: (p) => `at most ${p.max} user properties`,
  willInvalid: (p) =>
    `${p.problem === 'willQos3' ? 'a will QoS must be 0, 1 or 2, not 3' : (PROBLEMS[p.problem as ProblemCode]?.(p) ?? String(p.problem))}; to simulate the broker refusing this CONNECT, add "allowInvalid": true to the will`,
  duplicateName: (p) => `"${p.name}" is used by two clients; names must be unique`,
  unknownClient: (p) => `names no client (known: ${p.known || 'none'})`,
  takeoverClientId: (p) => `"${p.of}" has Client Identifier "${p.ofId}", not "${p.id}": a takeover needs the same one`,
  afterEnd: (p) => `is after the end of the run (${p.end} s)`,
  publishNeedsTopic: () => 'a publish needs "topic" or "topicOf"',
  topicOfNoWill: (p) => `"${p.name}" is not a client with a will`,
  notCase: () => 'must be a case object',
  duplicateId: (p) => `"${p.id}" is used twice; ids must be unique`,
  emptyCases: () => 'the list of cases is empty',
  tooLong: (p) =>
    `is ${Number(p.length).toLocaleString('en')} bytes long; at most ${Number(p.max).toLocaleString('en')} bytes are accepted`,
  tooDeep: (p) =>
    `nests lists and objects more than ${p.max} levels deep (at line ${p.line}, column ${p.column}); a scenario never needs that many`,
  tooManyBytes: (p) =>
    `is ${Number(p.bytes).toLocaleString('en')} bytes in UTF-8; at most ${Number(p.max).toLocaleString('en')} bytes are accepted`,
  loneSurrogate: () => 'contains a broken character (a lone UTF-16 surrogate), which UTF-8 text cannot hold',
  nullChar: () => 'may not contain the null character U+0000 (MQTT strings never do)',
  json: (p) => `is not valid JSON: ${p.detail}`,
  notDocument: () => 'must be a scenario object or a list of cases',
  formatWrong: (p) => `must be "${p.expected}", not ${p.got}`,
  formatMissing: (p) =>
    `is missing: a scenario file starts with "format": "${p.expected}" (or use a FORMAT.md case list)`,
  versionUnknown: (p) => `scenario format version ${got(p)} is not known to this build (it reads version 1)`,
};

export const en: Catalog = {
  problem: PROBLEMS,
  locale: 'en',
  why: WHY,
  seconds: (msValue) => sec(msValue),
  clientLabel: (name) => (name === '$observer' ? 'observer' : name === '$offline' ? 'offline subscriber' : name),
  broker: 'broker',
  action: (a) => ACTIONS[a] ?? a,
  deviation: (label, source, instead) =>
    `${label} departs from the spec here (${source})${instead ? `: the spec ${instead}` : ''}.`,
  specInstead: {
    'will.withheld.cachedSession':
      'publishes the will when the session ends (at once with Session Expiry 0) or after the Will Delay',
    'session.kept.cached': 'keeps a session only for its Session Expiry Interval (0: not at all)',
    'will.published.cachedSessionClosed': 'publishes at the earlier of close + Will Delay and the end of the session',
    'session.ended.cachedSessionClosed': 'ends the session at close + Session Expiry',
    'will.deleted.quirkAnyDisconnect': 'deletes the will only on DISCONNECT 0x00; 0x04 and error codes publish it',
    'will.deleted.quirkTakeover': 'publishes the old will at the takeover when its Will Delay is 0',
    'will.published.cleanStartNotKept':
      'keeps the session for its Session Expiry and waits for the Will Delay (Clean Start only decides whether a session is resumed)',
    'session.ended.cleanStartNotKept': 'keeps the session for its Session Expiry Interval',
    'will.retainIgnored': 'publishes a will with Will Retain 1 as a retained message',
    'conn.closed.keepAlive':
      'closes after exactly 1.5 x Keep Alive of silence, as if the network had failed (no DISCONNECT), and never when Keep Alive is 0',
    'conn.closed.protocolError': 'closes the connection without a DISCONNECT',
    'message.queuedQos0BehindUnacked': 'does not queue QoS 0 messages for an offline subscriber',
    'session.ended.inMemoryOnly': 'keeps sessions across a restart with persistence',
    'will.deleted.quirkShutdown':
      'publishes the will of a client connected at the shutdown; a will still waiting for its delay goes out at once without persistence, and waits across the restart with it',
    'will.deleted.quirkNewConnection':
      'publishes the will when a new connection ends its session (Clean Start 1, or Session Expiry 0), and only cancels it when the session is resumed',
    'will.deleted.quirkSecondConnect':
      'publishes the will when it closes the connection on the Protocol Error, and keeps the session for its Session Expiry',
    'will.published.seiZeroDelayed': 'publishes the will at the close when Session Expiry is 0: the session ends first',
    'will.heldBehind': 'publishes each will when its own delay has passed',
    'will.published.delayElapsed': 'publishes exactly at close + Will Delay',
    'will.published.sessionExpired': 'publishes exactly at close + Session Expiry',
    'session.ended.expired': 'ends the session exactly at close + Session Expiry',
    'conn.closed.takeover': 'sends the old connection DISCONNECT 0x8E (Session taken over) first',
    'conn.refused.willQos3': 'sends a 5.0 client CONNACK 0x81 (Malformed Packet) before closing',
    'conn.refused.willTopic': 'sends a 5.0 client CONNACK 0x90 (Topic Name invalid) before closing',
    'conn.closed.shutdown': 'sends 5.0 clients DISCONNECT 0x8B (Server shutting down) first',
    'conn.closed.malformed': 'may close without a DISCONNECT, or send 0x81 (Malformed Packet)',
    'will.published.flushedAtShutdown': 'may keep waiting wills across a restart with persistence (§3.1.2.5)',
    'session.ended.notPersisted': 'keeps every session with a Session Expiry, whatever its Clean Start',
    'session.restoredNoExpiry': 'ends a session at close + Session Expiry, restart or not',
    'message.delivered': 'clears RETAIN on live deliveries to a 3.1.1 subscriber [MQTT-3.3.1-9]',
    'will.messageExpiryDropped':
      'publishes the will with its Message Expiry Interval: a copy queued for an offline subscriber expires',
    'will.retainNotStored': 'stores a will with Will Retain 1 as the retained message of its topic',
    'conn.refused.emptyWill':
      'accepts a will with an empty payload (zero-length Binary Data) and publishes it like any other',
    'session.expiryRaisedAccepted':
      'treats raising Session Expiry from 0 at DISCONNECT as a Protocol Error: DISCONNECT 0x82, and the will is published',
    'broker.persistenceIgnored': 'keeps sessions and retained messages across a restart when it has persistence',
    'packet.reservedIgnored': 'treats a packet of reserved type 0 as malformed and closes the connection',
  },
  profileLabel: {
    spec: 'Strict spec',
    'nanomq-0.23.2': 'NanoMQ 0.23.2',
    'nanomq-0.23.3': 'NanoMQ 0.23.3',
    'mosquitto-2.0': 'Mosquitto 2.0',
    'ejabberd-23.01': 'ejabberd 23.01',
  },
  profileSummary: {
    spec: 'Follows MQTT 5.0 and 3.1.1 to the letter, with the documented choices on ambiguous points.',
    'mosquitto-2.0':
      'Mosquitto 2.0.11: serves Will Delay and Session Expiry on whole seconds, checks keep-alive every 6 s, deletes the will on every DISCONNECT but 0x04, publishes no will on a takeover that keeps the session and drops a waiting will when a new connection arrives, lets Session Expiry 0 wait for the Will Delay (mosquitto#3505), holds wills behind shorter delays, sends no DISCONNECT 0x8E or 0x8B, and publishes all waiting wills when it stops.',
    'ejabberd-23.01':
      'ejabberd 23.01 (mod_mqtt): rounds the keep-alive grace of 1.5 x Keep Alive to whole seconds, and sends DISCONNECT before it closes a connection: 0x8D on a keep-alive timeout, 0x81 on a malformed packet, 0x82 on a second CONNECT; an offline session queues QoS 0 messages behind an unacknowledged QoS 1 or 2 one.',
    'nanomq-0.23.2':
      'NanoMQ 0.23.2, measured: withholds the will of a Clean Start 0 client that drops and keeps its session, also with Session Expiry 0 (nanomq#1989); checks keep-alive and cached sessions on a timer of each connection (15 s after CONNECT, then every 10 s), closes silent connections after 1.25 x Keep Alive, Keep Alive 0 included; counts Will Delay from CONNECT; deletes the will on every DISCONNECT; never keeps Clean Start 1 sessions; caches the old session at a takeover; sends no DISCONNECT 0x8E or 0x8B; ignores a reserved packet; refuses an empty will payload; delivers a retained will without storing it; loses everything at a restart, wills included.',
    'nanomq-0.23.3':
      'NanoMQ 0.23.3, measured: as 0.23.2, except that a cached session with Session Expiry 0 now closes at the next tick of its connection timer, so the will of a dropped Clean Start 0 client goes out at that tick, late instead of never (NanoNNG 9551ebe).',
  },
  profileHint: (summary, c, sourceOnly) => {
    const checked =
      c.kind === 'specCases'
        ? `Checked against the expected outcomes of the ${c.cases} spec cases.`
        : c.kind === 'broker'
          ? `Measured: ${c.cases} recorded cases of ${c.broker} ${c.version} (${c.date}) agree with it.`
          : "Not measured: modelled from the broker's source and issues.";
    const points =
      sourceOnly > 0
        ? ` ${sourceOnly} of its departures ${sourceOnly === 1 ? 'is' : 'are'} read from source only.`
        : c.kind === 'broker'
          ? ' None of its departures is read from source only.'
          : '';
    return `${summary ? `${summary} ` : ''}${checked}${points}`;
  },
  entry: {
    step: (e) => `step ${e.index + 1}: ${ACTIONS[e.action]}`,
    packet: (e, who) => {
      const d = e.detail;
      const extra: string[] = [];
      if (e.type === 'CONNECT')
        extra.push(
          `Clean Start ${d.cleanStart ? 1 : 0}`,
          `Keep Alive ${d.keepAlive}`,
          d.hasWill ? 'with will' : 'no will',
        );
      if (e.type === 'CONNECT' && d.sessionExpiry !== undefined)
        extra.push(`Session Expiry ${d.sessionExpiry === null ? 'absent' : d.sessionExpiry}`);
      if (e.type === 'CONNACK')
        extra.push(d.reason ? `refused ${hex(d.reason)}` : `Session Present ${d.sessionPresent ? 1 : 0}`);
      if (e.type === 'DISCONNECT' && d.reason !== undefined) extra.push(`reason ${hex(d.reason)}`);
      if (e.type === 'DISCONNECT' && d.sessionExpiry !== undefined) extra.push(`Session Expiry ${d.sessionExpiry}`);
      if (e.type === 'PUBLISH') extra.push(`"${d.topic}"`, `QoS ${d.qos}`, d.retain ? 'retained' : '');
      if (e.type === 'SUBSCRIBE' || e.type === 'UNSUBSCRIBE') extra.push(`"${d.filter}"`);
      const arrow = e.dir === 'in' ? `${who} → broker` : `broker → ${who}`;
      return `${arrow}: ${e.type}${extra.filter(Boolean).length ? ` (${extra.filter(Boolean).join(', ')})` : ''}`;
    },
    timer: (e, who) => {
      const names = {
        keepAlive: 'keep-alive window',
        willDelay: 'Will Delay',
        sessionExpiry: 'Session Expiry',
        ping: 'ping',
      };
      const op = { armed: 'started', cancelled: 'cancelled', fired: 'ran out' }[e.op];
      return `${names[e.timer]} timer of ${who} ${op}${e.op === 'armed' && e.due !== null ? `, due at ${sec(e.due)}` : ''}`;
    },
    connection: (e, who) =>
      e.op === 'opened'
        ? `connection ${who}#${e.conn} opened`
        : e.op === 'refused'
          ? `connection ${who}#${e.conn} refused`
          : `connection ${who}#${e.conn} closed`,
    session: (e, who) =>
      `session of ${e.clientId.startsWith('__') ? who : `"${e.clientId}"`} ${e.op}${e.op === 'created' || e.op === 'resumed' ? ` for ${who}` : ''}`,
    will: (e, who) =>
      `will of ${who}#${e.conn} ${e.op}${e.op === 'scheduled' && e.due != null ? ` for ${sec(e.due)}` : ''} ("${e.topic}")`,
    message: (e, who) => {
      const tail = e.willOf ? ` (will of ${e.willOf.from}#${e.willOf.conn})` : '';
      if (e.op === 'delivered')
        return `${who} receives "${e.payload}" on "${e.topic}" at QoS ${e.qos}${e.retain ? ', RETAIN 1' : ''}${tail}${e.props ? willPropsText(e.props) : ''}`;
      if (e.op === 'queued') return `message on "${e.topic}" queued for ${who}${tail}`;
      if (e.op === 'retained') return `"${e.payload}" is now retained on "${e.topic}"${tail}`;
      if (e.op === 'retainCleared') return `retained message on "${e.topic}" cleared${tail}`;
      if (e.op === 'expired') return `message on "${e.topic}" expired${e.to ? ` for ${who}` : ''}${tail}`;
      return `message on "${e.topic}" discarded${e.to ? ` for ${who}` : ''}${tail}`;
    },
    state: (e) => `${e.machine} ${e.id} → ${e.value}`,
    note: (_e, who) => `note for ${who}`,
  },
  outcome: {
    published: (t) => `Will published at ${t}`,
    notPublished: 'Will not published',
    pending: (t) => `Will pending: due at ${t}`,
    noWill: 'No will',
    deletedBy: (t) => `deleted at ${t}`,
  },
};
