import { describe, expect, it } from 'vitest';
import type { WillProps } from '../engine/types';
import { connectPacket, userPropertiesList, userPropertiesObject, willPropsDifferences } from './codec';

const PROPS: WillProps = {
  payloadFormatIndicator: true,
  contentType: 'text/plain',
  responseTopic: 'lab/reply',
  correlationData: 'c-1',
  userProperties: [
    { name: 'site', value: 'north' },
    { name: 'site', value: 'south' },
    { name: 'zone', value: '2' },
  ],
};

const arrived = (o: Record<string, unknown> = {}) => ({
  payloadFormatIndicator: true,
  contentType: 'text/plain',
  responseTopic: 'lab/reply',
  correlationData: new TextEncoder().encode('c-1'),
  userProperties: { site: ['north', 'south'], zone: '2' },
  messageExpiryInterval: 59,
  ...o,
});

describe('will properties on the wire', () => {
  it('sends every will property in the CONNECT, a repeated User Property name as a list of values', () => {
    const p = connectPacket({
      clientId: 'dev',
      protocol: 5,
      cleanStart: true,
      keepAlive: 60,
      sessionExpiry: null,
      will: { topic: 'w', payload: 'x', qos: 1, retain: false, delay: 3, messageExpiry: 60, props: PROPS },
    });
    expect(p.will?.properties).toMatchObject({
      willDelayInterval: 3,
      messageExpiryInterval: 60,
      payloadFormatIndicator: true,
      contentType: 'text/plain',
      responseTopic: 'lab/reply',
      userProperties: { site: ['north', 'south'], zone: '2' },
    });
  });

  it('reads User Properties back in the order the library keeps', () => {
    expect(userPropertiesList(userPropertiesObject(PROPS.userProperties ?? []))).toEqual(PROPS.userProperties);
  });

  it('finds no difference when the will arrives as sent (Message Expiry counted down)', () => {
    expect(willPropsDifferences(PROPS, 60, arrived())).toEqual([]);
    expect(willPropsDifferences(null, null, {})).toEqual([]);
  });

  it('names each property that arrived changed or missing', () => {
    expect(
      willPropsDifferences(
        PROPS,
        60,
        arrived({
          contentType: undefined,
          userProperties: { site: ['south', 'north'], zone: '2' },
          messageExpiryInterval: 61,
        }),
      ),
    ).toEqual([
      { prop: 'Content Type', got: null, sent: '"text/plain"' },
      {
        prop: 'User Properties',
        got: '[{"name":"site","value":"south"},{"name":"site","value":"north"},{"name":"zone","value":"2"}]',
        sent: '[{"name":"site","value":"north"},{"name":"site","value":"south"},{"name":"zone","value":"2"}]',
      },
      { prop: 'Message Expiry', got: '61', sent: '60' },
    ]);
  });
});
