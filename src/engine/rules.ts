import type { ProtocolLevel } from './script/names';

/**
 * The clause table: every decision code the engine can record, with the clause IDs that justify it
 * in each protocol version. IDs are version-specific ([MQTT-3.1.2-8] is a different sentence in 3.1.1
 * and 5.0), so a code carries one list per version. Where the standard gives a rule without an ID,
 * the section is given ("§3.1.2.11.2"). Source: docs/mqtt-will-rules.md (copied from the research note).
 *
 * Sentences are not here: src/i18n renders them from the code and its params.
 */
type ClauseSet = { 4: string[]; 5: string[] };

const both = (ids: string[]): ClauseSet => ({ 4: ids, 5: ids });

export const RULES = {
  // --- connections -------------------------------------------------------------------------
  'conn.accepted': { 4: ['MQTT-3.1.4-4'], 5: ['MQTT-3.1.4-5'] },
  'conn.refused.qos': { 4: [], 5: ['MQTT-3.2.2-12'] },
  'conn.refused.retain': { 4: [], 5: ['MQTT-3.2.2-13'] },
  'conn.refused.emptyWill': { 4: ['§3.1.3.3'], 5: ['§3.1.3.4', '§1.5.6'] },
  'conn.refused.willQos3': { 4: ['MQTT-3.1.2-14', 'MQTT-3.1.4-1'], 5: ['MQTT-3.1.2-12', 'MQTT-3.1.4-1', '§3.2.2.2'] },
  'conn.refused.willTopic': {
    4: ['MQTT-4.7.1-1', 'MQTT-4.7.3-1', 'MQTT-3.1.4-1'],
    5: ['MQTT-4.7.0-1', 'MQTT-4.7.3-1', 'MQTT-3.1.4-1', '§3.2.2.2'],
  },
  'conn.refused.clientId': { 4: ['MQTT-3.1.3-8'], 5: ['MQTT-3.1.3-7'] },
  'conn.clientIdAssigned': { 4: ['MQTT-3.1.3-6'], 5: ['MQTT-3.1.3-6', 'MQTT-3.2.2-16'] },
  'conn.closed.network': both(['§3.1.2.5']),
  'conn.closed.reset': both(['§3.1.2.5']),
  'conn.closed.keepAlive': { 4: ['MQTT-3.1.2-24'], 5: ['MQTT-3.1.2-22'] },
  'conn.closed.clientDisconnect': { 4: ['MQTT-3.14.4-1'], 5: ['MQTT-3.14.4-1', '§3.14.2.1'] },
  'conn.closed.protocolError': { 4: ['MQTT-3.1.0-2', '§4.8'], 5: ['MQTT-3.1.0-2', 'MQTT-4.13.1-1'] },
  'conn.closed.seiRaised': { 4: [], 5: ['§3.14.2.2.2', 'MQTT-4.13.1-1'] },
  'conn.closed.malformed': { 4: ['§4.8'], 5: ['MQTT-3.14.2-1', 'MQTT-4.13.1-1'] },
  'conn.closed.qosNotSupported': { 4: [], 5: ['§3.2.2.3.4', 'MQTT-3.2.2-11', 'MQTT-4.13.1-1'] },
  'conn.closed.retainNotSupported': { 4: [], 5: ['§3.2.2.3.5', 'MQTT-3.2.2-14', '§3.3.1.3', 'MQTT-4.13.1-1'] },
  'conn.closed.takeover': { 4: ['MQTT-3.1.4-2'], 5: ['MQTT-3.1.4-3'] },
  'conn.closed.adminKick': both(['§3.1.2.5']),
  'conn.closed.shutdown': both(['§3.1.2.5']),
  'keepAlive.inForce': { 4: ['MQTT-3.1.2-24'], 5: ['MQTT-3.1.2-22', 'MQTT-3.2.2-21', 'MQTT-3.2.2-22'] },
  'keepAlive.off': both(['§3.1.2.10']),
  'keepAlive.server': { 4: [], 5: ['MQTT-3.2.2-21', 'MQTT-3.2.2-22', '§3.2.2.3.14'] },
  'ping.sent': { 4: ['MQTT-3.1.2-23'], 5: ['MQTT-3.1.2-20'] },

  // --- sessions ----------------------------------------------------------------------------
  'session.created.cleanStart': { 4: ['MQTT-3.1.2-6', 'MQTT-3.2.2-1'], 5: ['MQTT-3.1.2-4', 'MQTT-3.2.2-2'] },
  'session.created.noneStored': { 4: ['MQTT-3.1.2-4', 'MQTT-3.2.2-3'], 5: ['MQTT-3.1.2-6', 'MQTT-3.2.2-3'] },
  'session.resumed': { 4: ['MQTT-3.1.2-4', 'MQTT-3.2.2-2'], 5: ['MQTT-3.1.2-5', 'MQTT-3.2.2-3'] },
  'session.kept.expires': { 4: ['MQTT-3.1.2-4'], 5: ['MQTT-3.1.2-23', '§3.1.2.11.2'] },
  'session.kept.never': { 4: ['MQTT-3.1.2-4'], 5: ['§3.1.2.11.2'] },
  'session.kept.cached': { 4: ['MQTT-3.1.2-4'], 5: ['§3.1.2.11.2'] },
  'session.ended.closedSeiZero': { 4: ['MQTT-3.1.2-6'], 5: ['§3.1.2.11.2'] },
  'session.ended.expired': { 4: ['§4.1'], 5: ['MQTT-4.1.0-2'] },
  'session.ended.cleanStart': { 4: ['MQTT-3.1.2-6'], 5: ['MQTT-3.1.2-4'] },
  'session.ended.adminDiscard': both(['§4.1']),
  // A volatile broker loses Session State at a restart (§4.1): not a rule it follows, so none is cited.
  'session.ended.brokerStopped': both(['§4.1']),
  'session.ended.cleanStartNotKept': { 4: ['MQTT-3.1.2-6'], 5: ['MQTT-3.1.2-23'] },
  'session.ended.cachedSessionClosed': { 4: ['MQTT-3.1.2-4'], 5: ['§3.1.2.11.2'] },
  'session.expiryChanged': { 4: [], 5: ['§3.14.2.2.2'] },
  'session.expiryRaisedAccepted': { 4: [], 5: ['§3.14.2.2.2', 'MQTT-4.13.1-1'] },
  'session.expiryCapped': { 4: [], 5: ['§3.2.2.3.2'] },
  'session.ended.notPersisted': { 4: ['MQTT-3.1.2-4'], 5: ['MQTT-3.1.2-23'] },
  'session.ended.inMemoryOnly': { 4: ['MQTT-3.1.2-4'], 5: ['MQTT-3.1.2-23'] },
  'session.restoredNoExpiry': { 4: [], 5: ['MQTT-4.1.0-2', '§3.1.2.11.2'] },

  // --- wills -------------------------------------------------------------------------------
  'will.stored': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-7'] },
  'will.deleted.normalDisconnect': { 4: ['MQTT-3.1.2-10', 'MQTT-3.14.4-3'], 5: ['MQTT-3.1.2-10', 'MQTT-3.14.4-3'] },
  'will.deleted.quirkAnyDisconnect': { 4: ['MQTT-3.14.4-3'], 5: ['MQTT-3.1.2-8', '§3.14.2.1'] },
  'will.deleted.quirkTakeover': { 4: ['MQTT-3.1.4-2', 'MQTT-3.1.2-8'], 5: ['MQTT-3.1.4-3', '§3.1.3.2.2'] },
  'will.deleted.quirkShutdown': both(['§3.1.2.5', 'MQTT-3.1.2-8']),
  'will.deleted.quirkSecondConnect': { 4: ['MQTT-3.1.0-2', 'MQTT-3.1.2-8'], 5: ['MQTT-3.1.0-2', 'MQTT-3.1.2-8'] },
  'will.deleted.quirkNewConnection': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', 'MQTT-3.1.2-4', '§3.1.4'] },
  'will.published.v4Closed': { 4: ['MQTT-3.1.2-8', '§3.1.2.5'], 5: ['MQTT-3.1.2-8'] },
  'will.published.sessionEndsAtClose': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', '§3.1.2.11.2', '§3.1.3.2.2'] },
  'will.published.noDelay': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', '§3.1.3.2.2'] },
  'will.published.delayElapsed': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', '§3.1.3.2.2'] },
  'will.published.sessionExpired': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', '§3.1.3.2.2', 'MQTT-4.1.0-2'] },
  'will.published.cleanStart': { 4: ['MQTT-3.1.2-6', 'MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-4', '§3.1.3.2.2', '§3.1.4'] },
  'will.published.adminDiscard': both(['MQTT-3.1.2-8', '§4.1']),
  'will.published.brokerStopped': both(['§3.1.2.5']),
  'will.published.cachedSessionClosed': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', '§3.1.2.11.2'] },
  'will.published.cleanStartNotKept': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', 'MQTT-3.1.2-23'] },
  'will.published.seiZeroDelayed': { 4: [], 5: ['MQTT-3.1.2-8', '§3.1.2.11.2', '§3.1.3.2.2'] },
  'will.published.flushedAtShutdown': both(['§3.1.2.5']),
  'will.heldBehind': { 4: [], 5: ['MQTT-3.1.2-8', '§3.1.3.2.2'] },
  'will.scheduled': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', '§3.1.3.2.2'] },
  'will.cancelled.resumed': { 4: [], 5: ['MQTT-3.1.3-9', 'MQTT-3.1.2-8'] },
  'will.withheld.cachedSession': { 4: ['MQTT-3.1.2-8'], 5: ['MQTT-3.1.2-8', '§3.1.2.11.2'] },
  'will.retainIgnored': { 4: ['MQTT-3.1.2-17'], 5: ['MQTT-3.1.2-15'] },
  'will.messageExpiryDropped': { 4: [], 5: ['MQTT-3.3.2-5', '§3.1.3.2.4'] },
  'will.retainNotStored': { 4: ['MQTT-3.1.2-17', 'MQTT-3.3.1-5'], 5: ['MQTT-3.1.2-15', 'MQTT-3.3.1-5'] },

  // --- messages ----------------------------------------------------------------------------
  'message.delivered': { 4: ['MQTT-3.8.4-6'], 5: ['MQTT-3.8.4-8', 'MQTT-3.3.1-12', 'MQTT-3.3.1-13'] },
  'message.deliveredRetained': { 4: ['MQTT-3.3.1-6'], 5: ['MQTT-3.3.1-9', 'MQTT-3.3.1-10', 'MQTT-3.3.1-11'] },
  'message.queued': { 4: ['MQTT-3.1.2-5'], 5: ['MQTT-4.5.0-1', 'MQTT-3.1.2-23'] },
  'message.queueDelivered': { 4: ['MQTT-4.4.0-1'], 5: ['MQTT-4.4.0-1', 'MQTT-3.3.2-6'] },
  'message.resent': { 4: ['MQTT-4.4.0-1', 'MQTT-3.3.1-1'], 5: ['MQTT-4.4.0-1', 'MQTT-3.3.1-1', 'MQTT-3.3.2-5'] },
  'message.expired': { 4: [], 5: ['MQTT-3.3.2-5'] },
  'message.qos0NotQueued': both(['§4.1']),
  'message.queuedQos0BehindUnacked': both(['§4.1']),
  'message.retained': { 4: ['MQTT-3.3.1-5'], 5: ['MQTT-3.3.1-5'] },
  'message.retainCleared': { 4: ['MQTT-3.3.1-10', 'MQTT-3.3.1-11'], 5: ['MQTT-3.3.1-6', 'MQTT-3.3.1-7'] },
  'message.retainedExpired': { 4: [], 5: ['§3.3.1.3', 'MQTT-3.3.2-5'] },
  'message.retainedLost': both(['§4.1']),
  'message.droppedWithSession': { 4: ['§4.1'], 5: ['MQTT-4.1.0-2'] },

  // --- notes on scenario steps ---------------------------------------------------------------
  'step.notConnected': both([]),
  'step.alreadyConnected': both([]),
  'step.silent': both([]),
  'step.takeoverTargetGone': both([]),
  'step.takeoverWrongClientId': both([]),
  'step.notSubscribed': both([]),
  'broker.restarted': both(['§3.1.2.5']),
  'broker.persistenceIgnored': both(['MQTT-3.1.2-23', '§4.1']),
  'packet.reservedIgnored': { 4: ['§2.2.1', '§4.8'], 5: ['§2.1.2', 'MQTT-4.13.1-1'] },
  'run.truncated': both([]),
} satisfies Record<string, ClauseSet>;

export type WhyCode = keyof typeof RULES;

/**
 * Why the broker (or a client) did something: a stable code, its parameters and the clause IDs of
 * the protocol version in force. Sentences are rendered from this in src/i18n, never stored.
 */
export interface Why {
  code: WhyCode;
  v: ProtocolLevel;
  clauses: string[];
  params?: Record<string, string | number | boolean | null>;
  /** Set when a broker profile departs from the spec here. */
  deviation?: { profile: string; source: string };
}

/** Builds the explanation record for a decision: the clauses come from the table, never ad hoc. */
export function why(code: WhyCode, v: ProtocolLevel, params?: Why['params'], deviation?: Why['deviation']): Why {
  const w: Why = { code, v, clauses: RULES[code][v] };
  if (params !== undefined) w.params = params;
  if (deviation !== undefined) w.deviation = deviation;
  return w;
}
