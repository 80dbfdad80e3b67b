import type { BrokerProfile } from '../profiles';
import type { BrokerSettings } from '../types';

/**
 * A broker restart (brokerRestart step; 5.0 §3.1.2.5, §4.1): what survives. The spec keeps what the
 * persistence setting says (ambiguity A8: wills waiting for their delay go out at shutdown only on
 * a volatile broker, whose sessions are lost); profiles add what their broker really does.
 */
export interface RestartPlan {
  persist: boolean;
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
  /** No will goes out as the broker stops: connected clients' wills and waiting wills are lost. */
  dropsWills: boolean;
}

export function restartPlan(broker: BrokerSettings, profile: BrokerProfile): RestartPlan {
  const persist = broker.persistence === 'persist';
  const r = profile.restart;
  return {
    persist,
    flushWaitingWills: r?.publishesEveryWill === true,
    endSeiZeroAfterFlush: r?.publishesEveryWill === true,
    dropCleanStartSessions: persist && r?.persistsOnlyCleanStart0 === true,
    restoredNeverExpire: persist && r !== undefined && !r.restoredSessionsExpire,
    // ejabberd 23.01: sessions are RAM tables and processes (restart.keepsSessions false).
    keepsSessions: persist && r?.keepsSessions !== false,
    dropsWills: r?.deliversWills === false,
  };
}
