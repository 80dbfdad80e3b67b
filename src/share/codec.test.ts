import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { shareEn } from '../i18n/share-en';
import { parseScenario } from '../scenario/validate';
import { toBase64Url } from './base64url';
import { canonicalScenario } from './canonical';
import {
  decodeLink,
  encodeScenario,
  LINK_VERSION,
  LINK_VERSIONS_READ,
  LINK_WARN_CHARS,
  type LinkErrorCode,
  type LinkResult,
  linkSize,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  shareLink,
} from './codec';
import { describeLinkError } from './describe';
import fixtures from './fixtures/links.json';
import typical from './fixtures/typical-3-clients.json';

const parsed = (file: unknown) => {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(`fixture invalid: ${JSON.stringify(r.problems)}`);
  return r.value;
};

type Fixed = { clients: { will: { props: { userProperties: unknown } } }[] };
const listOf = (...pairs: [string, string][]) => pairs.map(([name, value]) => ({ name, value }));
/**
 * Fixtures written in a form this build still reads but no longer writes: what their canonical text
 * is now. Will User Properties were an object before they became an ordered list [MQTT-3.1.3-10].
 */
const OLDER_FORMS: Record<string, (sc: Fixed) => void> = {
  'every-field': (sc) => {
    (sc.clients[0] as Fixed['clients'][number]).will.props.userProperties = listOf(['b', '2'], ['a', '1']);
  },
  'will-user-properties-object': (sc) => {
    (sc.clients[0] as Fixed['clients'][number]).will.props.userProperties = listOf(['zone', '2'], ['site', 'north']);
  },
};

/** A v1 payload around arbitrary bytes, to reach the later stages of the decoder. */
const v1Of = (bytes: Uint8Array) => `#s=v1.${toBase64Url(deflateSync(bytes, { level: 9 }))}`;
const v1OfText = (text: string) => v1Of(new TextEncoder().encode(text));

const codeOf = (r: LinkResult) => (r.ok ? 'ok' : r.error.code);

describe('released link formats keep opening to the same scenario', () => {
  it.each(fixtures.links.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const r = decodeLink(f.link);
    expect(codeOf(r)).toBe('ok');
    if (r.ok) {
      expect(r.version).toBe(f.linkVersion);
      expect(r.scenario).toEqual(parsed(f.scenario));
    }
  });

  it('has a fixture for every link version this build reads', () => {
    for (const v of LINK_VERSIONS_READ) expect(fixtures.links.some((f) => f.linkVersion === v)).toBe(true);
    expect(LINK_VERSIONS_READ).toContain(LINK_VERSION);
  });

  it('keeps the fixtures canonical (defaults left out, fixed key order)', () => {
    for (const f of fixtures.links) {
      const expected = structuredClone(f.scenario) as Record<string, unknown>;
      OLDER_FORMS[f.name]?.(expected as unknown as Fixed);
      expect(canonicalScenario(parsed(f.scenario))).toEqual(expected);
    }
  });

  it('opens will user properties written as an object (the older form) as the ordered list', () => {
    const f = fixtures.links.find((l) => l.name === 'will-user-properties-object');
    const r = decodeLink(f?.link);
    expect(r.ok && r.scenario.clients[0]?.will?.props?.userProperties).toEqual([
      { name: 'zone', value: '2' },
      { name: 'site', value: 'north' },
    ]);
  });
});

describe('encoding', () => {
  it('round-trips every fixture through a fresh link', () => {
    for (const f of fixtures.links) {
      const sc = parsed(f.scenario);
      const r = decodeLink(shareLink(sc, 'http://127.0.0.1:5173/?embed=1#old'));
      expect(r.ok && r.scenario).toEqual(sc);
    }
  });

  it('keeps an invalid will marked allowInvalid through a link, so the refusal is shared too', () => {
    const sc = parsed({
      format: 'mqtt-will-lab/scenario',
      version: 1,
      clients: [
        {
          name: 'dev',
          clientId: 'dev',
          cleanStart: true,
          keepAlive: 60,
          will: { topic: 'a/#', payload: 'x', qos: 3, retain: false, allowInvalid: true },
        },
      ],
      steps: [{ t: 0, action: 'connect', client: 'dev' }],
      end: 5,
    });
    const r = decodeLink(shareLink(sc, 'http://h/'));
    expect(r.ok && r.scenario.clients[0]?.will).toMatchObject({ topic: 'a/#', qos: 3, allowInvalid: true });
  });

  it('puts a typical 3-client scenario in well under 2,000 characters', () => {
    const link = shareLink(parsed(typical), 'https://example.org/mqtt-will-lab/');
    expect(link.length).toBeLessThan(1000);
    expect(linkSize(link)).toEqual({ chars: link.length, level: 'ok', warnAt: LINK_WARN_CHARS });
  });

  it('replaces the base URL fragment and keeps its query', () => {
    const link = shareLink(parsed(typical), 'http://h/app/?embed=1#s=v1.old');
    expect(link.startsWith('http://h/app/?embed=1#s=v1.')).toBe(true);
    expect(link).not.toContain('old');
  });

  it('never carries the trace or the format name, only the inputs', () => {
    const payload = encodeScenario(parsed(typical));
    expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const r = decodeLink(payload);
    expect(r.ok).toBe(true);
  });

  it('measures links for the meter', () => {
    expect(linkSize('x'.repeat(LINK_WARN_CHARS)).level).toBe('ok');
    expect(linkSize('x'.repeat(LINK_WARN_CHARS + 1)).level).toBe('long');
    expect(linkSize('x'.repeat(MAX_LINK_CHARS + 1)).level).toBe('tooLong');
  });
});

describe('decoding what people paste', () => {
  const sc = parsed(typical);
  const link = shareLink(sc, 'https://example.org/mqtt-will-lab/');
  const fragment = link.slice(link.indexOf('#'));

  it.each([
    ['a full link', link],
    ['a fragment', fragment],
    ['a fragment without "#"', fragment.slice(1)],
    ['a bare payload', fragment.slice(3)],
    [
      'a link wrapped over lines by an e-mail client',
      `${link.slice(0, 70)}\n${link.slice(70, 140)}\r\n ${link.slice(140)}`,
    ],
    ['a link percent-encoded by a chat client', encodeURIComponent(link)],
    ['a link with other fragment parameters', `https://h/#lesson=3&${fragment.slice(1)}&x=1`],
    ['a link with spaces around it', `   ${link}  `],
  ])('opens %s', (_what, input) => {
    const r = decodeLink(input);
    expect(r.ok && r.scenario).toEqual(sc);
  });
});

describe('bad links get a clear message and never throw', () => {
  const sc = parsed(typical);
  const link = shareLink(sc, 'https://example.org/');
  const cases: [string, unknown, LinkErrorCode][] = [
    ['not text', 42, 'notText'],
    ['null', null, 'notText'],
    ['an object', { link }, 'notText'],
    ['empty', '', 'empty'],
    ['only spaces', '  \n ', 'empty'],
    ['a hash and nothing else', 'https://example.org/#', 'empty'],
    ['an address without a fragment', 'https://example.org/mqtt-will-lab/', 'noFragment'],
    ['another fragment', 'https://example.org/#lesson=3', 'noScenario'],
    ['garbage', 'hello world', 'noScenario'],
    ['no version', '#s=hello', 'noVersion'],
    ['an unknown version', link.replace('#s=v1.', '#s=v2.'), 'unknownVersion'],
    ['a far-future version', '#s=v999999999.AAAA', 'unknownVersion'],
    ['no data', '#s=v1.', 'truncated'],
    ['cut after a few characters', link.slice(0, link.indexOf('#') + 12), 'truncated'],
    ['cut in the middle', link.slice(0, Math.floor(link.length * 0.6)), 'truncated'],
    ['cut to a length no base64 has', `#s=v1.${'A'.repeat(5)}`, 'truncated'],
    ['markup instead of data', '#s=v1.<script>alert(1)</script>', 'badCharacters'],
    ['a broken %-escape', '#s=v1.abc%E0%A4%A', 'badEscape'],
    ['megabytes of text', `#s=v1.${'A'.repeat(3_000_000)}`, 'tooLong'],
    ['random bytes', '#s=v1.zzzzzzzzzzzz', 'corrupt'],
    ['an inflate bomb', v1Of(new Uint8Array(MAX_INFLATED_BYTES + 10).fill(32)), 'tooBig'],
    ['bytes that are not UTF-8', v1Of(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 'notUtf8'],
    ['text that is not JSON', v1OfText('{"clients": [1, 2,'), 'truncated'],
    ['text that is not JSON at all', v1OfText('<html>hello</html>'), 'notJson'],
    ['a JSON list', v1OfText('[1,2,3]'), 'notObject'],
    ['a JSON string', v1OfText('"scenario"'), 'notObject'],
    [
      'a scenario of another format version',
      v1OfText('{"version":2,"clients":[],"steps":[],"end":1}'),
      'invalidScenario',
    ],
  ];
  it.each(cases)('%s', (_what, input, code) => {
    const r = decodeLink(input);
    expect(codeOf(r)).toBe(code);
    if (!r.ok) expect(describeLinkError(r.error, shareEn, en).message.length).toBeGreaterThan(10);
  });

  it('lists the validation problems by path, as the file loader words them', () => {
    const bad = structuredClone(typical) as { clients: { will: { qos: number } }[]; end: unknown };
    (bad.clients[0] as { will: { qos: number } }).will.qos = 3;
    bad.end = 1e308;
    const { format: _f, ...rest } = bad as unknown as Record<string, unknown>;
    const r = decodeLink(v1OfText(JSON.stringify(rest)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = describeLinkError(r.error, shareEn, en);
    expect(d.message).toBe(shareEn.link.error.invalidScenario({}));
    expect(d.details).toContain(
      'clients[0].will.qos: a will QoS must be 0, 1 or 2, not 3; to simulate the broker refusing this CONNECT, add "allowInvalid": true to the will',
    );
    expect(d.details.some((l) => l.startsWith('end: must be at most'))).toBe(true);
  });

  it('rejects numbers JSON turns into Infinity', () => {
    const text = JSON.stringify({ version: 1, clients: [], steps: [], end: 1 }).replace('"end":1', '"end":1e400');
    expect(codeOf(decodeLink(v1OfText(text)))).toBe('invalidScenario');
  });

  it('keeps markup in payloads as data', () => {
    const hostile = structuredClone(typical);
    const will = hostile.clients[0]?.will as { payload: string; topic: string };
    will.payload = '<img src=x onerror="alert(1)">';
    will.topic = 'a/<b>/c';
    const r = decodeLink(shareLink(parsed(hostile), 'http://h/'));
    expect(r.ok && r.scenario.clients[0]?.will).toMatchObject({
      payload: '<img src=x onerror="alert(1)">',
      topic: 'a/<b>/c',
    });
  });

  it('names the character that does not belong', () => {
    const r = decodeLink('#s=v1.abc<def');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeLinkError(r.error, shareEn, en).message).toContain('"<" at position 4');
  });

  it('has a sentence for every error code', () => {
    for (const code of Object.keys(shareEn.link.error) as LinkErrorCode[]) {
      const d = describeLinkError(
        {
          code,
          params: { chars: 1, max: 2, version: 3, newest: 1, char: 'x', position: 1, detail: 'd' },
          problems: [],
        },
        shareEn,
        en,
      );
      expect(d.message).not.toContain('undefined');
    }
  });
});
