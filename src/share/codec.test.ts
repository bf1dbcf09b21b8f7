import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../core/options';
import { encodeBase64url, decodeBase64url } from './base64url';
import { CURRENT_VERSION, HASH_LIMITS, boundedInflate, decodeState, encodeState, linkSize } from './codec';
import type { SharedState } from './state';

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** Every released version's frozen links: `v<N>-<name>.txt` (the hash) beside `v<N>-<name>.json` (the state). */
const fixtures = readdirSync(FIXTURES)
  .filter((f) => /^v\d+-.*\.txt$/.test(f))
  .map((f) => ({
    name: f,
    hash: readFileSync(new URL(f, FIXTURES), 'utf8').trim(),
    expected: JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.json'), FIXTURES), 'utf8')) as SharedState,
  }));

describe('frozen link fixtures', () => {
  it('there is at least one fixture for every released version', () => {
    for (let v = 1; v <= CURRENT_VERSION; v++) expect(fixtures.some((f) => f.name.startsWith(`v${v}-`))).toBe(true);
  });
  it.each(fixtures)('$name still opens as the state it was written from', ({ name, hash, expected }) => {
    const r = decodeState(hash);
    expect(r).toEqual({ ok: true, state: expected, version: Number(/^v(\d+)-/.exec(name)![1]), warnings: [] });
  });
});

const TEXT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n';

describe('encoding', () => {
  it('writes the current version prefix and only URL-safe characters', () => {
    expect(encodeState({ text: TEXT })).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
  });
  it('leaves out options equal to the defaults', () => {
    const a = encodeState({ text: TEXT, options: { dns: { resolver: 'glibc' }, policy: { ipBlockMatchesPods: true } } });
    expect(a).toBe(encodeState({ text: TEXT }));
    const r = decodeState(encodeState({ text: TEXT, options: { dns: { resolver: 'musl', podsMode: 'insecure' } } }));
    expect(r.ok && r.state.options).toEqual({ dns: { resolver: 'musl' } });
  });
  it('keeps list options whose default is empty', () => {
    const r = decodeState(encodeState({ text: TEXT, options: { gateway: { controllers: ['example.com/gateway-controller'] } } }));
    expect(r.ok && r.state.options).toEqual({ gateway: { controllers: ['example.com/gateway-controller'] } });
  });
  it('keeps changed cluster settings, nested lists included', () => {
    const options = {
      cluster: { clusterDomain: 'corp.example', defaultNodes: [{ name: 'a', zone: 'z1' }], nodePortRange: { base: 31000, size: 100 } },
    };
    const r = decodeState(encodeState({ text: TEXT, options }));
    expect(r.ok && r.state.options).toEqual(options);
  });
  it('keeps a changed nested setting whole, since options merge one level deep', () => {
    const nodePortRange = { base: 31000, size: 2768 };
    const r = decodeState(encodeState({ text: TEXT, options: { cluster: { ...DEFAULT_OPTIONS.cluster, nodePortRange } } }));
    expect(r.ok && r.state.options).toEqual({ cluster: { nodePortRange } });
  });
  it('drops an incomplete nested setting from a link instead of half-applying it', () => {
    const r = decodeState(
      `#v1.${encodeBase64url(deflateSync(strToU8(JSON.stringify({ text: 'x', options: { cluster: { nodePortRange: { base: 31000 } } } }))))}`,
    );
    expect(r.ok && r.state.options).toBeUndefined();
    expect(r.ok && r.warnings).toEqual(['options.cluster.nodePortRange has the wrong type or is incomplete; ignored']);
  });
  it('keeps a 40-object scenario to a few kilobytes', () => {
    const docs = Array.from(
      { length: 40 },
      (_, i) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 4}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: app-${i}\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n    spec:\n      containers:\n      - name: main\n        image: nginx:1.27\n        ports:\n        - containerPort: 8080\n`,
    );
    const hash = encodeState({ text: docs.join('---\n') });
    expect(hash.length).toBeLessThan(4_000);
  });
});

describe('pasted links', () => {
  it('a whole link decodes like its fragment', () => {
    const hash = encodeState({ text: TEXT });
    const r = decodeState(`https://play.example.org/training/?embed=1${hash}`);
    expect(r.ok && r.state.text).toBe(TEXT);
  });
});

describe('round trip (property)', () => {
  const options = fc.record(
    {
      dns: fc.record(
        { resolver: fc.constantFrom('glibc', 'musl'), podsMode: fc.constantFrom('insecure', 'verified', 'disabled') },
        { requiredKeys: [] },
      ),
      policy: fc.record({ ipBlockMatchesPods: fc.boolean() }, { requiredKeys: [] }),
      cluster: fc.record(
        { clusterDomain: fc.constantFrom('cluster.local', 'corp.example'), nodeCIDRMask: fc.integer({ min: 16, max: 28 }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );
  it('decode(encode(state)) gives back the text byte for byte, for any unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const r = decodeState(encodeState({ text }));
        return r.ok && r.state.text === text;
      }),
      { numRuns: 300 },
    );
  });
  it('keeps lone surrogates and control characters too', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }), (text) => {
        const r = decodeState(encodeState({ text }));
        return r.ok && r.state.text === text;
      }),
      { numRuns: 200 },
    );
  });
  it('gives back the non-default options and the view', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), options, fc.constantFrom('trace', 'dns', 'policies'), (text, opts, panel) => {
        const state: SharedState = { text, options: opts, view: { panel, selected: 'Pod/shop/web-0' } };
        const r = decodeState(encodeState(state));
        const again = decodeState(encodeState(r.ok ? r.state : { text: '' }));
        return r.ok && again.ok && JSON.stringify(again.state) === JSON.stringify(r.state) && r.state.view?.panel === panel;
      }),
      { numRuns: 200 },
    );
  });
});

describe('hostile and broken links', () => {
  it('decode never throws on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `#v1.${s}`),
          fc.base64String().map((s) => `v1.${s.replace(/=/g, '')}`),
        ),
        (s) => {
          const r = decodeState(s);
          return typeof r.ok === 'boolean';
        },
      ),
      { numRuns: 500 },
    );
  });
  it('decode never throws on any bytes behind a v1 prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeState(`#v1.${encodeBase64url(bytes)}`);
        return r.ok === false || typeof r.state.text === 'string';
      }),
      { numRuns: 500 },
    );
  });

  const json = (v: unknown) => `#v1.${encodeBase64url(deflateSync(strToU8(JSON.stringify(v))))}`;
  const good = encodeState({ text: TEXT });
  it.each([
    ['an empty hash', 'empty', ''],
    ['a bare #', 'empty', '#'],
    ['no version prefix', 'unknown-version', '#hello'],
    ['a newer version', 'unknown-version', '#v9.abc'],
    ['version 0', 'unknown-version', '#v0.abc'],
    ['characters outside base64url', 'corrupt', '#v1.ab+c/d=='],
    ['a link cut in half', 'corrupt', good.slice(0, Math.floor(good.length / 2))],
    ['a payload that is not deflate', 'corrupt', '#v1.' + encodeBase64url(strToU8('{"text":"x"}'))],
    ['deflated text that is not JSON', 'corrupt', '#v1.' + encodeBase64url(deflateSync(strToU8('not json')))],
    ['JSON without text', 'invalid', json({ options: {} })],
    ['JSON whose text is a number', 'invalid', json({ text: 42 })],
    ['a JSON array', 'invalid', json([1, 2])],
    ['a hash longer than the limit', 'too-large', '#v1.' + 'A'.repeat(HASH_LIMITS.maxHashChars + 1)],
  ])('%s is refused with code %s', (_name, code, hash) => {
    const r = decodeState(hash);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('a deflate bomb stops inflating at the bound instead of filling memory', () => {
    const bomb = deflateSync(new Uint8Array(40 * 1024 * 1024), { level: 9 });
    const hash = `#v1.${encodeBase64url(bomb)}`;
    expect(hash.length).toBeLessThan(HASH_LIMITS.maxHashChars);
    const started = performance.now();
    const r = decodeState(hash);
    expect(r.ok === false && r.error.code).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('the bounded inflater returns the bytes when they fit', () => {
    const r = boundedInflate(deflateSync(strToU8('hello')), 10);
    expect(r.ok && new TextDecoder().decode(r.value)).toBe('hello');
  });

  it('drops unknown or mistyped options and view fields with a warning, keeping the scenario', () => {
    const r = decodeState(
      json({
        text: 'x',
        options: { dns: { resolver: 7, nope: 1 }, extra: true, policy: { ipBlockMatchesPods: false } },
        view: { panel: '<script>', selected: 'Pod/shop/web-0', trace: { from: 'shop/web-0', url: 'javascript:alert(1)' } },
        more: 1,
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state).toEqual({ text: 'x', options: { policy: { ipBlockMatchesPods: false } }, view: { selected: 'Pod/shop/web-0' } });
    expect(r.warnings.length).toBe(6);
  });
});

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const back = decodeBase64url(encodeBase64url(b));
        return back !== null && back.length === b.length && back.every((x, i) => x === b[i]);
      }),
    );
  });
  it('refuses an impossible length', () => expect(decodeBase64url('abcde')).toBeNull());
});

describe('link size', () => {
  it.each([
    [100, 'ok'],
    [2_001, 'long'],
    [8_001, 'too-long'],
  ])('a link of %i characters is %s', (n, level) => expect(linkSize('x'.repeat(n)).level).toBe(level));
});
