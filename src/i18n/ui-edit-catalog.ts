import type { StepAction } from '../engine/types';
import type { ScriptDetail } from './ui-catalog';

/**
 * Words of the editing panels (set-up, injection, script, warnings). They live beside the panels'
 * lazily loaded code, out of the first load; the rest of the UI's words are in ui-catalog.ts.
 */
export interface EditCatalog {
  setup: {
    heading: string;
    scenario: string;
    title: string;
    profile: string;
    end: string;
    observer: string;
    observerHint: string;
    persistence: string;
    persistenceValues: { volatile: string; persist: string };
    maximumQos: string;
    maximumQosHint: string;
    retainAvailable: string;
    retainAvailableHint: string;
    clients: string;
    addDevice: string;
    addSubscriber: string;
    removeClient: (name: string) => string;
    summary: (protocol: string, clientId: string, hasWill: boolean, subs: number) => string;
    name: string;
    nameTaken: string;
    nameInvalid: string;
    protocol: string;
    protocols: { 4: string; 5: string };
    clientId: string;
    cleanStart: string;
    cleanSession: string;
    sessionExpiry: string;
    sessionExpiryModes: { absent: string; seconds: string; never: string };
    sessionExpirySeconds: string;
    keepAlive: string;
    will: string;
    hasWill: string;
    willTopic: string;
    willPayload: string;
    qos: string;
    retain: string;
    willDelay: string;
    messageExpiry: string;
    blankIsAbsent: string;
    moreWillProps: string;
    payloadFormat: string;
    contentType: string;
    responseTopic: string;
    correlationData: string;
    userProperties: string;
    userPropertiesHint: string;
    userPropertyName: (n: number) => string;
    userPropertyValue: (n: number) => string;
    addUserProperty: string;
    removeUserProperty: (n: number) => string;
    moveUserPropertyUp: (n: number) => string;
    userPropertiesFull: (max: number) => string;
    allowInvalid: string;
    allowInvalidHint: string;
    allowInvalidNeeded: string;
    subscriptions: string;
    filter: string;
    retainAsPublished: string;
    noLocal: string;
    retainHandling: string;
    retainHandlingValues: { 0: string; 1: string; 2: string };
    addSubscription: string;
    removeSubscription: (filter: string) => string;
    subscription: (n: number) => string;
    reasons: {
      sessionExpiry: string;
      willProps: string;
      subscriptionOptions: string;
      disconnectReason: string;
    };
    badNumber: (min: number, max: number) => string;
    badTopic: string;
    badFilter: string;
    examples: string;
    exampleNames: Record<string, string>;
    load: string;
  };
  inject: {
    heading: (t: string) => string;
    client: string;
    noClients: string;
    stateAt: (client: string, state: string, t: string) => string;
    fork: string;
    forkHint: string;
    drop: string;
    silence: string;
    kick: string;
    restart: string;
    disconnect: string;
    reason: string;
    reasonNames: Record<number, string>;
    changeSessionExpiry: string;
    newSessionExpiry: string;
    sendDisconnect: string;
    takeover: string;
    takeoverHint: string;
    takeoverCleanStart: string;
    takeoverButton: string;
    reconnect: string;
    withWill: string;
    reconnectButton: string;
    publish: string;
    topic: string;
    payload: string;
    publishButton: string;
    subscribe: string;
    subscribeButton: string;
    injected: (what: string, t: string) => string;
  };
  script: {
    heading: string;
    empty: string;
    remove: (what: string, t: string) => string;
    go: (t: string) => string;
    describe: (action: StepAction, name: string, detail: ScriptDetail) => string;
  };
  warnings: {
    heading: string;
    willDelayGeSessionExpiry: (delay: number, sei: number) => string;
    keepAliveZero: string;
    seiRaised: string;
    retainedWillNoOnline: (topic: string) => string;
    addOnline: string;
    /** The broker's refusal of this will, worded by the trace catalog (`explanation`). */
    willRefused: (explanation: string) => string;
  };
}
