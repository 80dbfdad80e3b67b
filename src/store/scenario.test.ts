import { describe, expect, it } from 'vitest';
import { createScenarioStore } from './scenario';

describe('scenario store: events, not setters', () => {
  it('an injection at the playhead becomes a step at that time, rounded to the millisecond, after the steps already there', () => {
    const store = createScenarioStore();
    store.getState().stepInjected(5000.4, { action: 'disconnect', client: 'device', reason: 0 });
    const steps = store.getState().scenario.steps;
    expect(steps.map((s) => [s.t, s.action])).toEqual([
      [0, 'connect'],
      [0, 'publish'],
      [5, 'drop'],
      [5, 'disconnect'],
    ]);
    store.getState().stepInjected(1234.5678, { action: 'kick', client: 'device' });
    expect(store.getState().scenario.steps[2]).toEqual({ t: 1.235, action: 'kick', client: 'device' });
  });

  it('a fork drops the steps after the playhead first', () => {
    const store = createScenarioStore();
    store.getState().stepInjected(3000, { action: 'disconnect', client: 'device', reason: 0 }, { fork: true });
    expect(store.getState().scenario.steps.map((s) => s.action)).toEqual(['connect', 'publish', 'disconnect']);
  });

  it('an injection past the end extends the run', () => {
    const store = createScenarioStore();
    store.getState().stepInjected(55_000, { action: 'drop', client: 'device' });
    expect(store.getState().scenario.end).toBe(55);
  });

  it('every edit is a new scenario object and can be undone and redone', () => {
    const store = createScenarioStore();
    const first = store.getState().scenario;
    store.getState().clientSettingsChanged('device', { keepAlive: 0 });
    const second = store.getState().scenario;
    expect(second).not.toBe(first);
    expect(second.clients[0]?.keepAlive).toBe(0);
    store.getState().undone();
    expect(store.getState().scenario).toBe(first);
    store.getState().redone();
    expect(store.getState().scenario).toBe(second);
  });

  it('removing a client removes its steps; renaming one follows it through the script', () => {
    const store = createScenarioStore();
    const twin = store.getState().takeoverInjected(5000, 'device', true);
    expect(twin).toBe('device-twin');
    expect(store.getState().scenario.clients.map((c) => c.name)).toEqual(['device', 'device-twin']);
    store.getState().clientRenamed('device', 'sensor');
    const takeover = store.getState().scenario.steps.find((s) => s.action === 'takeover');
    expect(takeover).toMatchObject({ client: 'device-twin', of: 'sensor', cleanStart: true, t: 5 });
    store.getState().clientRemoved('sensor');
    expect(store.getState().scenario.steps).toEqual([]);
  });

  it('a rename to a taken name changes nothing', () => {
    const store = createScenarioStore();
    const name = store.getState().clientAdded('subscriber');
    const before = store.getState().scenario;
    store.getState().clientRenamed(name, 'device');
    expect(store.getState().scenario).toBe(before);
  });

  it('adds a retained "online" after each connect of a client (the birth message)', () => {
    const store = createScenarioStore();
    store.getState().scenarioLoaded({
      ...store.getState().scenario,
      steps: [
        { t: 0, action: 'connect', client: 'device' },
        { t: 9, action: 'reconnect', client: 'device' },
      ],
    });
    store.getState().onlineMessageAdded('device');
    expect(store.getState().scenario.steps.map((s) => [s.t, s.action])).toEqual([
      [0, 'connect'],
      [0, 'publish'],
      [9, 'reconnect'],
      [9, 'publish'],
    ]);
  });
});
