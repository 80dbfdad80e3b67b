import { describe, expect, it } from 'vitest';
import { loadDocumentText } from './load';

// The problem lists every importer shows (files, pastes, links, autosave): they must name the value.
describe('validation messages name what is wrong', () => {
  const text = JSON.stringify({
    format: 'mqtt-will-lab/scenario',
    version: 1,
    clients: [
      {
        name: 'a',
        clientId: 'a',
        cleanStart: true,
        keepAlive: 10,
        will: { topic: 't', payload: 'p', qos: 3, retain: 'yes' },
      },
    ],
    steps: [{ t: 0, action: 'jump', client: 'a' }],
    end: '5',
  });

  it('lists one problem per field with the wrong value', () => {
    const r = loadDocumentText(text);
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'clients[0].will.qos', message: 'must be 0, 1, 2, not 3' },
      { path: 'clients[0].will.retain', message: 'must be true or false, not "yes"' },
      { path: 'steps[0].action', message: expect.stringMatching(/^must be one of: connect, reconnect/) },
      { path: 'end', message: 'must be a number, not "5"' },
    ]);
  });

  it('says "is missing" only for a missing field', () => {
    const r = loadDocumentText(
      JSON.stringify({ format: 'mqtt-will-lab/scenario', version: 1, clients: [], steps: [] }),
    );
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'end', message: 'is missing (expected a number)' }]);
  });

  it('reads case files with the same messages', () => {
    const r = loadDocumentText(
      JSON.stringify([{ id: 'c', protocol: 5, clients: [], steps: [], end: 'x', expect: { wills: [] } }]),
    );
    expect(r.ok ? [] : r.problems).toEqual([{ path: '[0].end', message: 'must be a number, not "x"' }]);
  });
});
