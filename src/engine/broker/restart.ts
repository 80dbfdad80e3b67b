import type { BrokerProfile } from '../profiles';
import type { BrokerSettings } from '../types';

/**
 * A broker restart (brokerRestart step; 5.0 §3.1.2.5, §4.1): what survives. The spec keeps what the
 * persistence setting says (ambiguity A8: wills waiting for their delay go out at shutdown only on
 * a volatile broker, whose sessions are lost); profiles add what their broker really does.
 */
export interface RestartPlan {
  persist: boolean;
  /** The scenario asked for persistence, but the broker has none for sessions (NanoMQ). */
  persistenceIgnored: boolean;
  /** The broker stops without publishing any will, those of open connections included. */
  dropsWills: boolean;
  /**
   * Every will is published as the broker stops (profile.restart.publishesEveryWill): connected
   * clients are closed first, so their wills join those already waiting, and all go out now.
   */
  flushWaitingWills: boolean;
  /** A flushed Session Expiry 0 session only waited for its will (mosquitto#3505): it ends. */
  endSeiZeroAfterFlush: boolean;
  /** Only sessions whose last connection had Clean Start 0 are written to persistence. */
  dropCleanStartSessions: boolean;
  /** Sessions read back from persistence never expire (their expiry timers are cancelled). */
  restoredNeverExpire: boolean;
  /** Sessions survive the restart: with persistence, unless the broker keeps them in memory only. */
  keepsSessions: boolean;
}

export function restartPlan(broker: BrokerSettings, profile: BrokerProfile): RestartPlan {
  const r = profile.restart;
  const persistenceIgnored = broker.persistence === 'persist' && r?.keepsSessions === false;
  const persist = broker.persistence === 'persist' && !persistenceIgnored;
  return {
    persist,
    persistenceIgnored,
    dropsWills: r?.deliversWills === false,
    flushWaitingWills: r?.publishesEveryWill === true,
    endSeiZeroAfterFlush: r?.publishesEveryWill === true,
    dropCleanStartSessions: persist && r?.persistsOnlyCleanStart0 === true,
    restoredNeverExpire: persist && r !== undefined && !r.restoredSessionsExpire,
    // NanoMQ, ejabberd 23.01: sessions live in memory only (restart.keepsSessions false).
    keepsSessions: persist,
  };
}
