import { describe, expect, it } from 'vitest';
import { type BrokerProfile, PROFILES, SPEC } from './profiles';

/**
 * Every knob a profile sets away from the spec must come with a cited departure: at least one of
 * the decision codes the knob changes has a `deviations` entry with a source. Generic over every
 * profile; a knob this table does not know fails the test too, so a new knob cannot slip through
 * without saying which decisions it changes.
 */
const KNOB_CODES: Record<string, readonly string[]> = {
  keepAliveFactor: ['conn.closed.keepAlive'],
  keepAliveSweepMs: ['conn.closed.keepAlive'],
  keepAliveGraceWholeSeconds: ['conn.closed.keepAlive'],
  'sessionQuirks.cachesCleanStart0': ['will.withheld.cachedSession', 'session.kept.cached'],
  'sessionQuirks.cleanStart1NeverKept': ['will.published.cleanStartNotKept', 'session.ended.cleanStartNotKept'],
  'sessionQuirks.seiZeroWillWaitsForDelay': ['will.published.seiZeroDelayed'],
  disconnectDeletesWill: ['will.deleted.quirkAnyDisconnect'],
  takeoverKeepsWillOnlyIfSessionEnds: ['will.deleted.quirkTakeover'],
  ignoresWillRetain: ['will.retainIgnored'],
  timerTickMs: ['will.published.delayElapsed', 'will.published.sessionExpired', 'session.ended.expired'],
  timerTickAfter: ['will.published.delayElapsed', 'will.published.sessionExpired', 'session.ended.expired'],
  cachedSessionTickMs: ['will.published.cachedSessionClosed', 'session.ended.cachedSessionClosed'],
  cachedSessionDeadline: ['will.published.cachedSessionClosed', 'session.ended.cachedSessionClosed'],
  newConnectionDropsDelayedWill: ['will.deleted.quirkNewConnection'],
  secondConnectEndsSession: ['will.deleted.quirkSecondConnect'],
  willDelayQueue: ['will.heldBehind'],
  'serverDisconnect.takeover': ['conn.closed.takeover'],
  'serverDisconnect.broker.shutdown': ['conn.closed.shutdown'],
  'serverDisconnect.packet.malformed': ['conn.closed.malformed'],
  'serverDisconnect.packet.secondConnect': ['conn.closed.protocolError'],
  'serverDisconnect.keepAlive.expired': ['conn.closed.keepAlive'],
  'restart.publishesEveryWill': ['will.published.flushedAtShutdown'],
  'restart.persistsOnlyCleanStart0': ['session.ended.notPersisted'],
  'restart.restoredSessionsExpire': ['session.restoredNoExpiry'],
  'restart.keepsSessions': ['session.ended.inMemoryOnly', 'broker.persistenceIgnored'],
  'restart.deliversWills': ['will.deleted.quirkShutdown'],
  queuesQos0BehindUnacked: ['message.queuedQos0BehindUnacked'],
  invalidWillClosesWithoutConnack: ['conn.refused.willQos3', 'conn.refused.willTopic'],
  // NanoMQ's knobs (the nanomq branch), so that its profiles are checked the same way when it lands.
  'connectionTimer.firstMs': ['conn.closed.keepAlive', 'will.published.cachedSessionClosed'],
  'connectionTimer.everyMs': ['conn.closed.keepAlive', 'will.published.cachedSessionClosed'],
  cachedSeiZeroExpires: ['will.published.cachedSessionClosed', 'session.ended.cachedSessionClosed'],
  willRetainNotStored: ['will.retainNotStored'],
  willMessageExpiryDropped: ['will.messageExpiryDropped'],
  takeoverCachesSession: ['session.kept.cached', 'conn.closed.takeover'],
  reservedPacketIgnored: ['packet.reservedIgnored'],
  seiRaiseAtDisconnectAccepted: ['session.expiryRaisedAccepted'],
  refusesEmptyWillPayload: ['conn.refused.emptyWill'],
  v311LiveKeepsRetain: ['message.delivered'],
};

/** What the spec does where a knob is absent (the optional knobs' documented defaults). */
const SPEC_DEFAULTS: Record<string, unknown> = {
  'sessionQuirks.seiZeroWillWaitsForDelay': false,
  'restart.publishesEveryWill': false,
  'restart.persistsOnlyCleanStart0': false,
  'restart.restoredSessionsExpire': true,
  'restart.keepsSessions': true,
  'restart.deliversWills': true,
  timerTickAfter: false,
  newConnectionDropsDelayedWill: false,
  secondConnectEndsSession: false,
  keepAliveGraceWholeSeconds: false,
  queuesQos0BehindUnacked: false,
  invalidWillClosesWithoutConnack: false,
  cachedSeiZeroExpires: false,
  willRetainNotStored: false,
  willMessageExpiryDropped: false,
  takeoverCachesSession: false,
  reservedPacketIgnored: false,
  seiRaiseAtDisconnectAccepted: false,
  refusesEmptyWillPayload: false,
  v311LiveKeepsRetain: false,
};

const META = new Set(['id', 'label', 'deviations']);

/** Leaf knobs of a profile as dotted paths (serverDisconnect keys contain dots themselves). */
function leaves(p: BrokerProfile): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(p)) {
    if (META.has(k) || v === undefined) continue;
    if (v !== null && typeof v === 'object') for (const [k2, v2] of Object.entries(v)) out.set(`${k}.${k2}`, v2);
    else out.set(k, v);
  }
  return out;
}

const spec = leaves(SPEC);
const specValue = (knob: string) => (spec.has(knob) ? spec.get(knob) : SPEC_DEFAULTS[knob]);

/** The knobs a profile sets away from the spec without a cited departure (empty = all cited). */
function uncitedKnobs(profile: BrokerProfile): string[] {
  const uncited: string[] = [];
  for (const [knob, value] of leaves(profile)) {
    if (value === specValue(knob)) continue;
    const codes = KNOB_CODES[knob];
    if (!codes) {
      uncited.push(`${knob}: unknown knob (say in KNOB_CODES which decisions it changes)`);
      continue;
    }
    const deviations: Partial<Record<string, { source: string }>> = profile.deviations;
    const cited = codes.some((c) => (deviations[c]?.source ?? '').trim() !== '');
    if (!cited) uncited.push(`${knob} = ${JSON.stringify(value)}: none of ${codes.join(', ')} is cited`);
  }
  return uncited;
}

describe.each(PROFILES.map((p) => [p.id, p] as const))('profile %s', (_id, profile) => {
  it('cites a departure for every knob it sets away from the spec', () => {
    expect(uncitedKnobs(profile)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('fails a profile that sets a knob away from the spec without citing it, or an unknown knob', () => {
    expect(uncitedKnobs({ ...SPEC, id: 'bad', keepAliveFactor: 2 })).toEqual([
      'keepAliveFactor = 2: none of conn.closed.keepAlive is cited',
    ]);
    const unknown = { ...SPEC, id: 'bad', someNewKnob: true } as BrokerProfile;
    expect(uncitedKnobs(unknown)).toEqual(['someNewKnob: unknown knob (say in KNOB_CODES which decisions it changes)']);
    expect(
      uncitedKnobs({ ...SPEC, id: 'ok', keepAliveFactor: 2, deviations: { 'conn.closed.keepAlive': { source: 'x' } } }),
    ).toEqual([]);
    expect(uncitedKnobs(SPEC)).toEqual([]);
  });
});
