import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { entryLine } from '../../i18n/render';
import { sim } from '../../test/driver';
import { OBSERVER, type WillProps } from '../types';

const PROPS: WillProps = {
  payloadFormatIndicator: true,
  contentType: 'text/plain',
  responseTopic: 'lab/reply',
  correlationData: 'c-1',
  userProperties: [
    { name: 'site', value: 'north' },
    { name: 'zone', value: '2' },
    { name: 'site', value: 'south' },
  ],
};

describe('will properties travel with the will', () => {
  it('5.0 [MQTT-3.1.3-10]: subscribers receive the will properties, User Properties in order with a repeated name', () => {
    const d = sim()
      .client('dev', { will: { props: PROPS, messageExpiry: 60 } })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 1000 });
    expect(d.receivedProps(OBSERVER)).toEqual([PROPS]);
    const delivered = d.trace.find((e) => e.kind === 'message' && e.op === 'delivered');
    expect(delivered?.kind === 'message' && delivered.why?.params?.messageExpiry).toBe(60);
  });

  it('the event log line of the delivery names the properties, User Properties in order', () => {
    const d = sim()
      .client('dev', { will: { props: PROPS } })
      .at(1000)
      .drop('dev');
    const e = d.trace.find((x) => x.kind === 'message' && x.op === 'delivered');
    expect(e && entryLine(e, en)).toContain(
      'with Payload Format Indicator 1 (UTF-8), Content Type "text/plain", Response Topic "lab/reply", Correlation Data "c-1", User Properties "site" = "north", "zone" = "2", "site" = "south"',
    );
  });

  it('a retained will keeps its properties for a later subscriber, with the Message Expiry that is left', () => {
    const d = sim()
      .client('dev', { will: { props: PROPS, retain: true, messageExpiry: 60 } })
      .at(1000)
      .drop('dev')
      .at(11_000)
      .subscriber('late', 'wills/#');
    expect(d.receivedProps('late')).toEqual([PROPS]);
    const late = d.trace.find((e) => e.kind === 'message' && e.op === 'delivered' && e.to === 'late');
    expect(late?.kind === 'message' && late.why?.params?.messageExpiry).toBe(50);
  });

  it('a 3.1.1 subscriber gets the payload without properties (3.1.1 PUBLISH has none)', () => {
    const d = sim()
      .client('dev', { will: { props: PROPS } })
      .subscriber('old', 'wills/#', { protocol: 4 })
      .at(1000)
      .drop('dev');
    expect(d.receivedProps('old')).toEqual([undefined]);
    expect(d.receivedProps(OBSERVER)).toEqual([PROPS]);
  });

  it('a 3.1.1 connection sends no will properties, so none arrive', () => {
    const d = sim({ protocol: 4 })
      .client('dev', { will: { props: PROPS } })
      .at(1000)
      .drop('dev');
    expect(d.receivedProps(OBSERVER)).toEqual([undefined]);
  });
});
