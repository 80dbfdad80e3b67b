import type { EditCatalog } from './ui-edit-catalog';

const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const editEn: EditCatalog = {
  setup: {
    heading: 'Set up',
    scenario: 'Scenario',
    title: 'Title',
    profile: 'Broker profile',
    end: 'Run length (s)',
    observer: 'Observer subscribes to every will topic',
    observerHint: 'An extra subscriber that connects first, to show who receives each will.',
    persistence: 'Broker restart',
    persistenceValues: { volatile: 'loses sessions and retained messages', persist: 'keeps them (persistence)' },
    maximumQos: 'Broker Maximum QoS',
    maximumQosHint: 'Sent in CONNACK to 5.0 clients; a 5.0 will above it is refused (0x9B).',
    retainAvailable: 'Broker supports retained messages (Retain Available)',
    retainAvailableHint: 'When off, a 5.0 CONNECT with a retained will is refused (0x9A).',
    clients: 'Clients',
    addDevice: 'Add device',
    addSubscriber: 'Add subscriber',
    removeClient: (name) => `Remove client ${name}`,
    summary: (protocol, clientId, hasWill, subs) =>
      [protocol, clientId ? `“${clientId}”` : 'empty Client Identifier', hasWill ? 'will' : 'no will']
        .concat(subs ? [plural(subs, 'subscription', 'subscriptions')] : [])
        .join(' · '),
    name: 'Name',
    nameTaken: 'Another client already has this name.',
    nameInvalid: 'A name is 1 to 64 characters and may not start with “$”.',
    protocol: 'Protocol',
    protocols: { 4: 'MQTT 3.1.1', 5: 'MQTT 5.0' },
    clientId: 'Client Identifier',
    cleanStart: 'Clean Start',
    cleanSession: 'CleanSession',
    sessionExpiry: 'Session Expiry',
    sessionExpiryModes: { absent: 'absent (= 0)', seconds: 'seconds', never: 'never expires' },
    sessionExpirySeconds: 'Session Expiry (s)',
    keepAlive: 'Keep Alive (s)',
    will: 'Will',
    hasWill: 'Has a will (Last Will and Testament)',
    willTopic: 'Will topic',
    willPayload: 'Will payload',
    qos: 'QoS',
    retain: 'Retain',
    willDelay: 'Will Delay (s)',
    messageExpiry: 'Message Expiry (s)',
    blankIsAbsent: 'Blank: property absent.',
    moreWillProps: 'Other will properties',
    payloadFormat: 'Payload Format Indicator (UTF-8 text)',
    contentType: 'Content Type',
    responseTopic: 'Response Topic',
    correlationData: 'Correlation Data',
    userProperties: 'User Properties',
    userPropertiesHint: 'Sent in this order; a name may repeat.',
    userPropertyName: (n) => `Name of user property ${n}`,
    userPropertyValue: (n) => `Value of user property ${n}`,
    addUserProperty: 'Add a user property',
    removeUserProperty: (n) => `Remove user property ${n}`,
    moveUserPropertyUp: (n) => `Move user property ${n} up`,
    userPropertiesFull: (max) => `A will carries at most ${max} user properties here.`,
    allowInvalid: 'Simulate an invalid will (the broker refuses it)',
    allowInvalidHint: 'Allows Will QoS 3 and a will topic with “+” or “#” or none, to see the refusal.',
    allowInvalidNeeded: 'The will is invalid now: give it QoS 0–2 and a valid topic to untick this.',
    subscriptions: 'Subscriptions',
    filter: 'Topic filter',
    retainAsPublished: 'Retain As Published',
    noLocal: 'No Local',
    retainHandling: 'Retain Handling',
    retainHandlingValues: { 0: '0: send retained', 1: '1: only if new', 2: '2: never' },
    addSubscription: 'Add subscription',
    removeSubscription: (f) => `Remove subscription ${f}`,
    subscription: (n) => `Subscription ${n}`,
    reasons: {
      sessionExpiry:
        'MQTT 3.1.1 has no Session Expiry: CleanSession alone decides whether the session outlives the connection.',
      willProps: 'MQTT 3.1.1 wills have no properties: Will Delay, Message Expiry and the rest are MQTT 5.0.',
      subscriptionOptions: 'Retain As Published, No Local and Retain Handling are MQTT 5.0 subscription options.',
      disconnectReason: 'An MQTT 3.1.1 DISCONNECT carries no reason code and no properties.',
    },
    badNumber: (min, max) => `Enter a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`,
    badTopic: 'A topic name is at least one character and has no “+” or “#”.',
    badFilter: 'A filter is at least one character; “+” and “#” must be whole levels, “#” only last.',
    examples: 'Examples',
    exampleNames: {
      default: 'A device drops off the network',
      normal: 'A clean DISCONNECT deletes the will',
      reasonCode: 'DISCONNECT 0x04 publishes the will',
      takeover: 'Takeover by the same Client Identifier',
      v311: 'MQTT 3.1.1: the will belongs to the connection',
      silence: 'A silent client and the keep-alive window',
      busy: 'Busy broker: 24 devices flapping (1,000+ events)',
      nanomq: 'NanoMQ 0.23.2 (measured): a Clean Start 0 drop, the will never comes (nanomq#1989)',
      nanomq0233: 'NanoMQ 0.23.3 (measured): the same drop, the will at the next tick of its timer',
    },
    load: 'Load example',
  },
  inject: {
    heading: (t) => `Inject at ${t}`,
    client: 'Client',
    noClients: 'Add a client first.',
    stateAt: (client, state, t) => `${client} is ${state} at ${t}.`,
    fork: 'Replace the rest of the script',
    forkHint: 'Drops the steps after the playhead before adding this one.',
    drop: 'Network drop',
    silence: 'Keep-alive silence',
    kick: 'Administrative kick',
    restart: 'Broker restart',
    disconnect: 'DISCONNECT',
    reason: 'Reason code',
    reasonNames: {
      0: '0x00 Normal disconnection',
      4: '0x04 Disconnect with Will Message',
      128: '0x80 Unspecified error',
      129: '0x81 Malformed Packet',
      130: '0x82 Protocol Error',
      131: '0x83 Implementation specific error',
      147: '0x93 Receive Maximum exceeded',
      149: '0x95 Packet too large',
      5: '0x05 (not a DISCONNECT reason code)',
    },
    changeSessionExpiry: 'Change Session Expiry',
    newSessionExpiry: 'New Session Expiry (s)',
    sendDisconnect: 'Send DISCONNECT',
    takeover: 'Takeover',
    takeoverHint: 'A second instance with the same Client Identifier connects.',
    takeoverCleanStart: 'New connection uses Clean Start',
    takeoverButton: 'Take over',
    reconnect: 'Reconnect',
    withWill: 'With its will',
    reconnectButton: 'Reconnect',
    publish: 'Publish',
    topic: 'Topic',
    payload: 'Payload',
    publishButton: 'Publish',
    subscribe: 'Subscribe',
    subscribeButton: 'Subscribe',
    injected: (what, t) => `Added ${what} at ${t}; the run from there was simulated again.`,
  },
  script: {
    heading: 'Script',
    empty: 'No steps yet: inject something at the playhead.',
    remove: (what, t) => `Remove ${what} at ${t}`,
    go: (t) => `Go to ${t}`,
    describe: (action, name, d) => {
      switch (action) {
        case 'disconnect':
          return `${name}${d.reason !== undefined ? ` ${hex(d.reason)}` : ''}${d.sessionExpiry !== undefined ? `, Session Expiry ${d.sessionExpiry ?? 'absent'}` : ''}`;
        case 'takeover':
          return `${name} of ${d.of}${d.cleanStart !== undefined ? `, Clean Start ${d.cleanStart ? 1 : 0}` : ''}`;
        case 'reconnect':
          return `${name}${d.cleanStart !== undefined ? `, Clean Start ${d.cleanStart ? 1 : 0}` : ''}`;
        case 'publish':
          return `${name} “${d.payload ?? ''}” to ${d.topic ?? ''}${d.retain ? ', retained' : ''}`;
        case 'subscribe':
        case 'unsubscribe':
          return `${name} ${d.filter ?? ''}`;
        default:
          return name;
      }
    },
  },
  warnings: {
    heading: 'Warning',
    willDelayGeSessionExpiry: (delay, sei) =>
      `Will Delay (${delay} s) ≥ Session Expiry (${sei} s): the session ends first, so the will goes out when it ends, not after the delay.`,
    keepAliveZero:
      'Keep Alive 0 turns keep-alive off: a half-open connection is never noticed, so the will may never be published.',
    seiRaised:
      'This client connected with Session Expiry 0: raising it at DISCONNECT is a Protocol Error (0x82), so the will is published.',
    retainedWillNoOnline: (topic) =>
      `The will is retained but nothing publishes a retained “online” to ${topic}: after the will, late subscribers see “offline” forever, even once the device is back.`,
    addOnline: 'Add a retained “online” after each connect',
    willRefused: (explanation) => `When this client connects: ${explanation}`,
  },
};
