import type { TraceEntry } from '../engine/types';

type Of<K extends TraceEntry['kind']> = Extract<TraceEntry, { kind: K }>;

/**
 * Words of the exports (Mermaid diagram, reproduction script). Loaded with the export code, lazily.
 * Trace entries that are notes in the diagram use the main catalog's renderers; this catalog adds
 * the arrow labels and every comment of the reproduction script.
 */
export interface ExportCatalog {
  locale: string;
  mermaid: {
    header: (title: string, profile: string) => string;
    packet: (e: Of<'packet'>) => string;
    delivery: (e: Of<'message'>, willOf: string | null) => string;
    closed: (conn: string, cause: string) => string;
    cause: Record<string, string>;
    truncated: string;
  };
  repro: {
    header: (title: string, profile: string) => string[];
    usage: string;
    limitsHeading: string;
    /** One bullet per thing a command-line client cannot do exactly. */
    limits: string[];
    testBroker: string;
    /** printf format of the script's own lines (time, text: two %s; no quote, $, backquote or backslash). */
    scriptLine: string;
    /** printf format of the observer's lines (time, text: two %s), as `scriptLine`. */
    observerLine: string;
    /** mosquitto_sub -F format of the offline subscriber's lines (%t topic, %p payload, %q QoS, %r RETAIN). */
    offlineLine: string;
    /** Comments on the script's helper lines. */
    observerTimes: string;
    lineBuffering: string;
    readLoop: string;
    clearRetained: string;
    observer: string;
    observerV4: string;
    offlineSubscriber: string;
    offlineReconnect: string;
    start: string;
    end: string;
    stepLine: (t: string, who: string, what: string) => string;
    connect: string;
    drop: string;
    reset: string;
    silence: string;
    disconnect0: string;
    disconnect4: string;
    disconnectV4: string;
    disconnectOther: (code: string) => string;
    disconnect0WithSubscriptions: string;
    disconnectSeiV4: string;
    takeover: (of: string) => string;
    publish: string;
    publishV4Expiry: string;
    cannot: (what: string) => string;
    protoerr: string;
    badpacket: string;
    kick: string;
    subscribe: string;
    unsubscribe: string;
    brokerRestart: string;
    afterClose: (s: number) => string;
    emptyClientId: string;
    keepAliveRange: (asked: number, used: number) => string;
    mixedQos: (used: number) => string;
    subscriptionOptions: string;
    v4IgnoresV5: string;
    nul: string;
    notConnected: string;
    userPropertyOrder: string;
    invalidWill: string;
  };
}
