import { describe, expect, it } from 'vitest';
import { parseRequestURL } from '../../http';
import { route, type EntryResult } from '../../route';
import { simulate } from '../../simulate';
import { backend, ingress, notation } from './testing';

/**
 * ingress-nginx redirects and the default-backend annotation (ING-15, ING-17, ING-18), each case restating
 * an upstream test of kubernetes/ingress-nginx:
 * - test/e2e/annotations/redirect.go ("should respond with a standard redirect code", "... custom redirect code")
 * - internal/ingress/annotations/redirect/redirect_test.go (TestPermanentRedirectWithCustomCode,
 *   TestTemporalRedirectWithDefaultCode, TestTemporalRedirectWithCustomCode)
 * - test/e2e/annotations/approot.go ("should redirect to /foo")
 * - test/e2e/annotations/default_backend.go ("should use a custom default backend as upstream")
 * - test/e2e/annotations/preservetrailingslash.go ("should allow preservation of trailing slashes") and
 *   rootfs/etc/nginx/lua/lua_ingress.lua ("do not append a trailing slash on redirects unless enabled")
 */
const NS = 'shop';
const ann = (a: Record<string, string>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [`nginx.ingress.kubernetes.io/${k}`, v]));

function go(yaml: string, url: string, headers: [string, string][] = []): EntryResult {
  const s = simulate([{ name: 'in.yaml', text: yaml }]);
  return route(s, parseRequestURL(url, headers)!).results[0]!;
}

describe('permanent-redirect and temporal-redirect (ING-17)', () => {
  const one = (a: Record<string, string>, host = 'redirect', path = '/something') => backend(NS, 'echo') + ingress('r', [[path, 'Prefix', 'echo']], { host, annotations: ann(a) });
  const cases: [string, Record<string, string>, string][] = [
    ['permanent-redirect answers 301 with the URL as Location', { 'permanent-redirect': 'http://redirect.example.com' }, '301 http://redirect.example.com'],
    ['permanent-redirect-code 302 changes the code', { 'permanent-redirect': 'http://redirect.example.com', 'permanent-redirect-code': '302' }, '302 http://redirect.example.com'],
    ['a valid permanent-redirect-code 308 is kept', { 'permanent-redirect': 'http://some-site.com', 'permanent-redirect-code': '308' }, '308 http://some-site.com'],
    ['an invalid permanent-redirect-code (418) falls back to 301', { 'permanent-redirect': 'http://some-site.com', 'permanent-redirect-code': '418' }, '301 http://some-site.com'],
    ['temporal-redirect answers 302', { 'temporal-redirect': 'http://some-site.com' }, '302 http://some-site.com'],
    ['temporal-redirect-code 307 is kept', { 'temporal-redirect': 'http://some-site.com', 'temporal-redirect-code': '307' }, '307 http://some-site.com'],
    ['an invalid temporal-redirect-code (418) falls back to 302', { 'temporal-redirect': 'http://some-site.com', 'temporal-redirect-code': '418' }, '302 http://some-site.com'],
    ['temporal-redirect wins over permanent-redirect', { 'temporal-redirect': 'http://t.example.com', 'permanent-redirect': 'http://p.example.com' }, '302 http://t.example.com'],
    ['nginx variables in the URL are expanded ($request_uri)', { 'permanent-redirect': 'https://new.example.com$request_uri' }, '301 https://new.example.com/something/x?a=1'],
  ];
  for (const [name, a, want] of cases) {
    it(`${name}: ${want}`, () => expect(notation(go(one(a), a['permanent-redirect']?.includes('$') ? 'http://redirect/something/x?a=1' : 'http://redirect/something'))).toBe(want));
  }

  it('a URL that is not http(s) is rejected by the parser: no redirect, and a warning on the annotation', () => {
    const yaml = one({ 'permanent-redirect': 'ok.com' });
    expect(notation(go(yaml, 'http://redirect/something'))).toBe('Service/shop/echo:80');
    const s = simulate([{ name: 'in.yaml', text: yaml }]);
    const d = s.diagnostics.find((x) => x.code === 'ingress-annotation-invalid')!;
    expect(yaml.slice(d.range.start, d.range.end)).toContain('nginx.ingress.kubernetes.io/permanent-redirect');
  });

  it('the redirect happens in the location, before the ssl redirect of a TLS host', () => {
    const tls = '\n  tls: [{hosts: [redirect], secretName: t}]';
    const yaml = backend(NS, 'echo') + ingress('r', [['/', 'Prefix', 'echo']], { host: 'redirect', extra: tls, annotations: ann({ 'permanent-redirect': 'http://redirect.example.com' }) });
    expect(notation(go(yaml, 'http://redirect/'))).toBe('301 http://redirect.example.com');
  });
});

describe('app-root (ING-17)', () => {
  const yaml = backend(NS, 'echo') + ingress('root', [['/', 'Prefix', 'echo']], { host: 'approot.bar.com', annotations: ann({ 'app-root': '/foo' }) });
  it('a request for / is answered 302 to $scheme://$http_host/foo', () => expect(notation(go(yaml, 'http://approot.bar.com/'))).toBe('302 http://approot.bar.com/foo'));
  it('the Host port is kept, as $http_host carries it', () => expect(notation(go(yaml, 'http://approot.bar.com:8080/'))).toBe('302 http://approot.bar.com:8080/foo'));
  it('any other path goes to the backend', () => expect(notation(go(yaml, 'http://approot.bar.com/foo'))).toBe('Service/shop/echo:80'));
  it('it is a server-level rule: another Ingress\'s / on the same host is redirected too', () => {
    const two = backend(NS, 'echo') + backend(NS, 'home') + ingress('home', [['/', 'Exact', 'home']], { host: 'approot.bar.com' }) + ingress('root', [['/foo', 'Prefix', 'echo']], { host: 'approot.bar.com', annotations: ann({ 'app-root': '/foo' }) });
    expect(notation(go(two, 'http://approot.bar.com/'))).toBe('302 http://approot.bar.com/foo');
  });
});

describe('default-backend annotation (ING-18)', () => {
  const yaml = backend(NS, 'http-svc') + ingress('default-backend', [['/', 'Prefix', 'invalid']], { host: 'default-backend', annotations: ann({ 'default-backend': 'http-svc' }) });
  it('a rule whose Service is missing is answered by the annotated Service, as a custom error request', () => {
    const r = go(yaml, 'http://default-backend/alma/armud');
    expect(r.status).toBe(200);
    expect(r.backends.map((b) => `${b.role} ${b.namespace}/${b.name}:${b.port}`)).toEqual(['default-backend shop/http-svc:80']);
    expect(r.upstream).toMatchObject({ path: '/', headers: { 'x-code': '503', 'x-ingress-name': 'default-backend', 'x-service-name': 'invalid', 'x-original-uri': '/alma/armud' } });
  });
  it('a healthy rule backend is used as usual; the annotation changes nothing', () => {
    const ok = backend(NS, 'http-svc') + backend(NS, 'echo') + ingress('i', [['/', 'Prefix', 'echo']], { host: 'default-backend', annotations: ann({ 'default-backend': 'http-svc' }) });
    expect(notation(go(ok, 'http://default-backend/x'))).toBe('Service/shop/echo:80');
  });
  it('without endpoints behind the default backend either, the answer stays 503', () => {
    const none = ingress('i', [['/', 'Prefix', 'invalid']], { host: 'default-backend', annotations: ann({ 'default-backend': 'missing' }) });
    expect(go(none, 'http://default-backend/x').status).toBe(503);
  });
});

describe('ssl-redirect and preserve-trailing-slash (ING-15)', () => {
  const tls = '\n  tls: [{hosts: [forcesslredirect.bar.com], secretName: t}]';
  const site = (a: Record<string, string>) => backend(NS, 'echo') + ingress('s', [['/', 'Prefix', 'echo']], { host: 'forcesslredirect.bar.com', extra: tls, annotations: ann(a) });
  const cases: [string, Record<string, string>, string, string][] = [
    ['preserve-trailing-slash keeps the bare host\'s /', { 'ssl-redirect': 'true', 'preserve-trailing-slash': 'true' }, 'http://forcesslredirect.bar.com/', '308 https://forcesslredirect.bar.com/'],
    ['by default the trailing slash is dropped', { 'ssl-redirect': 'true' }, 'http://forcesslredirect.bar.com/', '308 https://forcesslredirect.bar.com'],
    ['on any path, not only the bare host', {}, 'http://forcesslredirect.bar.com/docs/', '308 https://forcesslredirect.bar.com/docs'],
    ['a query string keeps the path as it is', {}, 'http://forcesslredirect.bar.com/docs/?q=1', '308 https://forcesslredirect.bar.com/docs/?q=1'],
    ['a port in the Host header is not kept', {}, 'http://forcesslredirect.bar.com:8080/a', '308 https://forcesslredirect.bar.com/a'],
  ];
  for (const [name, a, url, want] of cases) it(`${name}: ${url} → ${want}`, () => expect(notation(go(site(a), url))).toBe(want));
});

describe('the request the backend receives (`knet route --json` `upstream`)', () => {
  it('carries the Host, the rewritten path with its query, the client headers and the X-Forwarded-* headers', () => {
    const yaml = backend(NS, 'echo') + ingress('rw', [['/api(/|$)(.*)', 'ImplementationSpecific', 'echo']], { annotations: ann({ 'rewrite-target': '/$2' }) });
    const r = go(yaml, 'http://shop.example.com/api/v1/users?id=7', [['X-Trace', 'abc']]);
    expect(r.upstream).toEqual({
      host: 'shop.example.com',
      path: '/v1/users?id=7',
      headers: { 'x-trace': 'abc', 'x-forwarded-host': 'shop.example.com', 'x-forwarded-port': '80', 'x-forwarded-proto': 'http', 'x-forwarded-scheme': 'http', 'x-scheme': 'http' },
    });
  });
  it('is absent for a redirect', () => expect(go(backend(NS, 'echo') + ingress('r', [['/', 'Prefix', 'echo']], { annotations: ann({ 'temporal-redirect': 'http://x.example.com' }) }), 'http://shop.example.com/').upstream).toBeUndefined());
});
