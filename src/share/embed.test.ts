import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsMessage, changedVerdicts, normalizeOrigin, parseEmbedQuery, parseHostMessage, playgroundHref, viewToQuery } from './embed';

describe('query flags', () => {
  it.each([
    ['', { embed: false, readonly: false, origin: null, view: {}, persistLocal: true }],
    ['?embed=1', { embed: true, readonly: false, origin: null, view: {}, persistLocal: false }],
    ['?readonly=1', { embed: false, readonly: true, origin: null, view: {}, persistLocal: false }],
    ['?embed&readonly=true', { embed: true, readonly: true, origin: null, view: {}, persistLocal: false }],
    ['?embed=0', { embed: false, readonly: false, origin: null, view: {}, persistLocal: true }],
    [
      '?embed=1&origin=https%3A%2F%2Ftraining.example.com',
      { embed: true, readonly: false, origin: 'https://training.example.com', view: {}, persistLocal: false },
    ],
    [
      '?panel=trace&select=Service/shop/api',
      { embed: false, readonly: false, origin: null, view: { panel: 'trace', selected: 'Service/shop/api' }, persistLocal: true },
    ],
    [
      '?trace=shop/web-0+http://api.shop/v1',
      {
        embed: false,
        readonly: false,
        origin: null,
        view: { trace: { from: 'shop/web-0', url: 'http://api.shop/v1' } },
        persistLocal: true,
      },
    ],
    [
      '?panel=terminal&cmd=kubectl+get+endpoints+-n+shop',
      { embed: false, readonly: false, origin: null, view: { panel: 'terminal' }, persistLocal: true, command: { line: 'kubectl get endpoints -n shop', run: false } },
    ],
    [
      '?cmd=wget%20-qO-%20http%3A%2F%2Fapi.shop&run=1',
      { embed: false, readonly: false, origin: null, view: {}, persistLocal: true, command: { line: 'wget -qO- http://api.shop', run: true } },
    ],
  ])('%s gives the expected configuration', (search, expected) => {
    expect(parseEmbedQuery(search)).toEqual({ command: null, ...expected, warnings: [] });
  });

  it.each([
    ['?embed=maybe', 1],
    ['?origin=*', 1],
    ['?origin=http://evil.example', 1],
    ['?panel=<b>', 1],
    ['?select=not an id', 1],
    ['?trace=only-one-part', 1],
    ['?trace=shop/web-0+javascript:alert(1)', 1],
    ['?%E0%A4%A=1&embed=1', 0],
    ['?cmd=', 1],
    [`?cmd=${'x'.repeat(1001)}`, 1],
    ['?cmd=ls%0Arm', 1],
  ])('%s is ignored with %i warning(s), never thrown', (search, n) => {
    expect(parseEmbedQuery(search).warnings).toHaveLength(n);
  });

  it('never throws on any query string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => typeof parseEmbedQuery(s).embed === 'boolean'),
      { numRuns: 500 },
    );
  });

  it('viewToQuery writes flags that parse back to the same view', () => {
    const view = { panel: 'trace', selected: 'Pod/shop/web-0', trace: { from: 'ip:203.0.113.9', url: 'https://shop.example.com/api?x=1' } };
    expect(parseEmbedQuery(`?${viewToQuery(view)}`).view).toEqual(view);
  });
});

describe('origins', () => {
  it.each([
    ['https://Training.Example.com', 'https://training.example.com'],
    ['https://host.example:443', 'https://host.example'],
    ['https://host.example:8443/', 'https://host.example:8443'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1', 'http://127.0.0.1'],
    ['http://intranet.example', null],
    ['https://host.example/path', null],
    ['*', null],
    ['null', null],
    ['file://', null],
    ['https://user@host.example', null],
  ])('%s is accepted as %s', (input, expected) => expect(normalizeOrigin(input)).toBe(expected));

  const parent = { name: 'parent window' };
  it.each([
    ['the configured origin from the parent window', 'https://host.example', 'https://host.example', parent, true],
    ['another origin', 'https://host.example', 'https://evil.example', parent, false],
    ['the right origin from another window', 'https://host.example', 'https://host.example', { other: true }, false],
    ['any message when no origin was configured', null, 'https://host.example', parent, false],
  ])('accepts %s: %s', (_what, configured, origin, source, expected) => {
    expect(acceptsMessage({ origin: configured }, { origin, source }, parent)).toBe(expected);
  });
});

describe('host messages', () => {
  it.each([
    [
      'a load',
      { knet: 1, type: 'load', id: 'a1', text: 'kind: Namespace\n', view: { panel: 'dns' } },
      { knet: 1, type: 'load', id: 'a1', state: { text: 'kind: Namespace\n', view: { panel: 'dns' } } },
    ],
    ['a select', { knet: 1, type: 'select', object: 'Pod/shop/web-0' }, { knet: 1, type: 'select', object: 'Pod/shop/web-0' }],
    ['a select clearing the selection', { knet: 1, type: 'select', object: null }, { knet: 1, type: 'select', object: null }],
    [
      'a trace',
      { knet: 1, type: 'trace', from: 'shop/web-0', url: 'http://api.shop/', headers: ['X-User: a'] },
      { knet: 1, type: 'trace', trace: { from: 'shop/web-0', url: 'http://api.shop/', headers: ['X-User: a'] } },
    ],
    ['a subscribe', { knet: 1, type: 'subscribe' }, { knet: 1, type: 'subscribe' }],
    ['a get-state', { knet: 1, type: 'get-state', id: 'q' }, { knet: 1, type: 'get-state', id: 'q' }],
    ['a command typed into the terminal', { knet: 1, type: 'terminal', command: 'kubectl get pods -A' }, { knet: 1, type: 'terminal', command: 'kubectl get pods -A', run: false }],
    ['a command run in the terminal', { knet: 1, type: 'terminal', id: 't', command: 'nslookup api', run: true }, { knet: 1, type: 'terminal', id: 't', command: 'nslookup api', run: true }],
    [
      'a query with the CLI flags as JSON',
      { knet: 1, type: 'query', id: 'd1', query: 'dns', args: { from: 'app/api', name: 'db', type: 'A' } },
      { knet: 1, type: 'query', id: 'd1', query: 'dns', args: { from: 'app/api', name: 'db', type: 'A' } },
    ],
    ['a query without flags', { knet: 1, type: 'query', query: 'validate' }, { knet: 1, type: 'query', query: 'validate', args: {} }],
  ])('%s is accepted in its documented shape', (_name, data, message) => {
    const r = parseHostMessage(data);
    expect(r.kind === 'ok' && r.message).toEqual(message);
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['another protocol', { type: 'load', text: 'x' }],
    ['a future protocol version', { knet: 2, type: 'load', text: 'x' }],
    ['an array', [1, 2]],
  ])('%s is ignored silently', (_name, data) => expect(parseHostMessage(data).kind).toBe('ignore'));

  it.each([
    ['a load without text', { knet: 1, type: 'load' }, 'bad-message'],
    ['a load with huge text', { knet: 1, type: 'load', text: 'x'.repeat(2_000_001) }, 'too-large'],
    ['a select of something that is not an id', { knet: 1, type: 'select', object: '../../etc' }, 'bad-message'],
    ['a trace to a javascript: URL', { knet: 1, type: 'trace', from: 'shop/web-0', url: 'javascript:alert(1)' }, 'bad-message'],
    ['an unknown type', { knet: 1, type: 'eval', code: '1' }, 'bad-message'],
    ['a terminal message without a command', { knet: 1, type: 'terminal' }, 'bad-message'],
    ['a terminal command of two lines', { knet: 1, type: 'terminal', command: 'ls\nrm -rf /' }, 'bad-message'],
    ['a terminal run that is not a boolean', { knet: 1, type: 'terminal', command: 'ls', run: 'yes' }, 'bad-message'],
    ['a malformed id', { knet: 1, type: 'subscribe', id: '<script>' }, 'bad-message'],
    ['a query without a name', { knet: 1, type: 'query', args: {} }, 'bad-message'],
    ['a query whose args are a list', { knet: 1, type: 'query', query: 'dns', args: ['db'] }, 'bad-message'],
    ['a query with huge args', { knet: 1, type: 'query', query: 'dns', args: { name: 'x'.repeat(20_000) } }, 'too-large'],
  ])('%s is answered with %s', (_name, data, code) => {
    const r = parseHostMessage(data);
    expect(r.kind === 'invalid' && r.code).toBe(code);
  });

  it('never throws on arbitrary data', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('load', 'select', 'trace', 'subscribe', 'terminal', 'x'), (extra, type) => {
        const a = parseHostMessage(extra);
        const b = parseHostMessage(
          typeof extra === 'object' && extra !== null
            ? { ...extra, knet: 1, type }
            : { knet: 1, type, text: extra, object: extra, from: extra, command: extra },
        );
        return typeof a.kind === 'string' && typeof b.kind === 'string';
      }),
      { numRuns: 500 },
    );
  });
});

describe('the "Open in playground" link', () => {
  it.each([
    ['https://h.example/training/k8s/?embed=1&readonly=1&origin=https%3A%2F%2Fx.example#v1.old', 'https://h.example/training/k8s/#v1.new'],
    ['https://h.example/?embed=1&lang=en#v1.old', 'https://h.example/?lang=en#v1.new'],
    ['http://localhost:5173/', 'http://localhost:5173/#v1.new'],
  ])('%s becomes %s', (href, expected) => expect(playgroundHref(href, '#v1.new')).toBe(expected));
});

describe('verdict notifications', () => {
  it('lists every edge first, then only those whose verdict changed or that are new', () => {
    const a = { from: 'Pod/shop/web-0', to: 'Service/shop/api', verdict: 'allowed' as const };
    const b = { from: 'Pod/shop/api-0', to: 'Service/data/db', verdict: 'allowed' as const };
    expect(changedVerdicts(null, [a, b])).toEqual([a, b]);
    const c = { from: 'Pod/x/y', to: 'Pod/x/z', verdict: 'unknown' as const };
    expect(changedVerdicts([a, b], [a, { ...b, verdict: 'blocked' }, c])).toEqual([{ ...b, verdict: 'blocked' }, c]);
  });
});
