import { describe, expect, it } from 'vitest';
import { type ClientDef, SEI_NEVER } from '../engine/types';
import { defaultScenario } from '../store/defaults';
import { keepAliveOff, raisesSessionExpiry, retainedWillWithoutOnline, willDelayVsExpiry } from './warnings';

const base = defaultScenario();
const device = base.clients[0] as ClientDef;
const withWill = (patch: Partial<NonNullable<ClientDef['will']>>, c: Partial<ClientDef> = {}): ClientDef => ({
  ...device,
  ...c,
  will: { ...(device.will as NonNullable<ClientDef['will']>), ...patch },
});

describe('authoring warnings', () => {
  it('Will Delay >= Session Expiry', () => {
    expect(willDelayVsExpiry(device)).toBeNull(); // 10 s < 30 s
    expect(willDelayVsExpiry(withWill({ delay: 30 }))).toEqual({ delay: 30, sei: 30 });
    expect(willDelayVsExpiry(withWill({ delay: 5 }, { sessionExpiry: null }))).toEqual({ delay: 5, sei: 0 });
    expect(willDelayVsExpiry(withWill({ delay: 99 }, { sessionExpiry: SEI_NEVER }))).toBeNull();
    expect(willDelayVsExpiry(withWill({ delay: 99 }, { protocol: 4 }))).toBeNull();
  });

  it('Keep Alive 0', () => {
    expect(keepAliveOff(device)).toBe(false);
    expect(keepAliveOff({ ...device, keepAlive: 0 })).toBe(true);
  });

  it('raising Session Expiry from 0 at DISCONNECT', () => {
    expect(raisesSessionExpiry({ ...device, sessionExpiry: 0 }, 60)).toBe(true);
    expect(raisesSessionExpiry({ ...device, sessionExpiry: null }, 60)).toBe(true);
    expect(raisesSessionExpiry({ ...device, sessionExpiry: 30 }, 60)).toBe(false);
    expect(raisesSessionExpiry({ ...device, sessionExpiry: 0 }, 0)).toBe(false);
  });

  it('a retained will with no retained "online" message', () => {
    expect(retainedWillWithoutOnline(base, device)).toBe(false);
    const noBirth = { ...base, steps: base.steps.filter((s) => s.action !== 'publish') };
    expect(retainedWillWithoutOnline(noBirth, device)).toBe(true);
    expect(retainedWillWithoutOnline(noBirth, withWill({ retain: false }))).toBe(false);
  });
});
