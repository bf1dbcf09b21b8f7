/**
 * Ingress conformance from public data (src/conformance/data/ingress/README.md):
 * - k8s-docs-tables/tables.json: the Kubernetes Ingress concept page's path-matching and host-wildcard tables,
 *   each row turned into an Ingress and routed;
 * - k8s-docs-tables/as-manifests: the same rows as manifests with 25 requests;
 * - ingress-controller-conformance/<feature>: kubernetes-sigs/ingress-controller-conformance scenarios.
 * Every request passes or sits in SKIP with a one-line reason.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRequestURL, simulate, type Simulation } from '../core/index';
import { route, type EntryResult } from '../core/route';
import { INGRESS_CODES } from '../core/controllers/ingress/codes';

const DATA = new URL('./data/ingress/', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, DATA), 'utf8');

/** Requests not checked, keyed `<suite>#<index>`, with the reason. */
const SKIP: Record<string, string> = {};

interface Expect {
  status?: number;
  backend?: { namespace: string; service: string };
  upstreamRequestPath?: string;
  upstreamMethod?: string;
  upstreamHostHeader?: string;
  tls?: string;
  distinctPods?: number;
  ingressStatus?: string;
}
interface Case {
  request: { method?: string; scheme?: string; host: string | null; path: string } | null;
  expect: Expect;
  scenario?: string;
  row?: number | string;
}

function routeOne(sim: Simulation, req: NonNullable<Case['request']>): EntryResult {
  // A request without Host reaches the controller by its address: no host rule can match it.
  const url = `${req.scheme ?? 'http'}://${req.host ?? '192.0.2.10'}${req.path}`;
  const parsed = parseRequestURL(url, [], req.method ?? 'GET');
  expect(parsed).not.toBeNull();
  const results = route(sim, parsed!).results;
  expect(results).toHaveLength(1); // each data set declares exactly one IngressClass
  return results[0]!;
}

/** Compare one result with one expectation; the checks are those the data states. */
function check(sim: Simulation, c: Case): void {
  const r = routeOne(sim, c.request!);
  const e = c.expect;
  const why = r.reasons.join('\n');
  if (e.backend) {
    expect(r.backends.map((b) => `${b.namespace}/${b.name}`), why).toEqual([`${e.backend.namespace}/${e.backend.service}`]);
  }
  // Without a stated status only the choice of backend is asserted (some docs rows have no pods behind it).
  if (e.status !== undefined) expect(r.status, why).toBe(e.status);
  if (e.status === 404) expect(r.backends).toEqual([]);
  // The simulated controller proxies without changing method or Host; only rewrites change the path.
  if (e.upstreamRequestPath !== undefined) expect(r.upstreamPath).toBe(e.upstreamRequestPath);
  if (e.tls) {
    // "must verify hostname": the host is listed in spec.tls with a kubernetes.io/tls Secret.
    expect(r.reasons.some((s) => s.startsWith('TLS for') && s.includes('terminated with Secret')), why).toBe(true);
  }
  if (e.distinctPods !== undefined) expect(new Set(r.backends[0]!.endpoints.map((p) => p.pod)).size).toBe(e.distinctPods);
}

describe('Kubernetes docs: path-matching and host-wildcard tables (tables.json)', () => {
  const tables = JSON.parse(read('k8s-docs-tables/tables.json')) as {
    pathMatching: { row: number; paths: { path: string; pathType: string }[]; requestPaths: string[]; matches: boolean; expectedWinningPath: { path: string; pathType: string } | null }[];
    hostWildcards: { host: string; hostHeader: string; matches: boolean }[];
  };
  const ingressYAML = (host: string, paths: { path: string; pathType: string }[]) =>
    [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: row, namespace: docs}',
      'spec:',
      '  rules:',
      `  - host: '${host}'`,
      '    http:',
      '      paths:',
      ...paths.map((p, i) => `      - {path: '${p.path}', pathType: ${p.pathType}, backend: {service: {name: svc-${i}, port: {number: 80}}}}`),
    ].join('\n');
  for (const row of tables.pathMatching) {
    const samples = row.requestPaths[0] === '(all paths)' ? ['/', '/x', '/x/y/'] : row.requestPaths;
    for (const reqPath of samples) {
      it(`row ${row.row}: ${row.paths.map((p) => `${p.pathType} ${p.path}`).join(' + ')} with request ${reqPath} ${row.matches ? `selects ${row.expectedWinningPath!.pathType} ${row.expectedWinningPath!.path}` : 'matches nothing'}`, () => {
        const sim = simulate([{ name: `row-${row.row}.yaml`, text: ingressYAML('docs.test', row.paths) }]);
        const r = routeOne(sim, { host: 'docs.test', path: reqPath });
        if (!row.matches) {
          expect(r.status).toBe(404);
          return;
        }
        const w = row.expectedWinningPath!;
        const idx = row.paths.findIndex((p) => p.path === w.path && p.pathType === w.pathType);
        expect(r.backends.map((b) => b.name)).toEqual([`svc-${idx}`]);
        expect(r.cite?.path).toBe(`spec.rules.0.http.paths.${idx}`);
      });
    }
  }
  for (const row of tables.hostWildcards) {
    it(`host ${row.host} ${row.matches ? 'matches' : 'does not match'} Host ${row.hostHeader}`, () => {
      const sim = simulate([{ name: 'wildcard.yaml', text: ingressYAML(row.host, [{ path: '/', pathType: 'Prefix' }]) }]);
      const r = routeOne(sim, { host: row.hostHeader, path: '/' });
      expect(r.route !== null).toBe(row.matches);
      expect(r.status === 404).toBe(!row.matches);
    });
  }
});

function suite(name: string, dir: string, extra?: (sim: Simulation, c: Case) => void): void {
  const sim = simulate([{ name: `${dir}/manifests.yaml`, text: read(`${dir}/manifests.yaml`) }]);
  const cases = (JSON.parse(read(`${dir}/expected.json`)) as { requests: Case[] }).requests;
  describe(name, () => {
    cases.forEach((c, i) => {
      const key = `${dir}#${i}`;
      const req = c.request;
      const title = `${c.scenario ?? `row ${c.row}`}: ${req ? `${req.method ?? 'GET'} ${req.scheme ?? 'http'}://${req.host ?? '<no host>'}${req.path}` : 'no request'} → ${c.expect.status ?? (c.expect.backend ? c.expect.backend.service : c.expect.ingressStatus)}`;
      if (SKIP[key]) {
        it.skip(`${title} (skipped: ${SKIP[key]})`, () => {});
        return;
      }
      it(title, () => {
        if (req) check(sim, c);
        if (extra) extra(sim, c);
        if (!req && !extra) throw new Error(`${key} has no request and no check`);
      });
    });
  });
}

suite('Kubernetes docs tables as manifests', 'k8s-docs-tables/as-manifests');

const features = readdirSync(new URL('ingress-controller-conformance/', DATA)).sort();
for (const f of features) {
  suite(`ingress-controller-conformance ${f}`, `ingress-controller-conformance/${f}`, (sim, c) => {
    if (c.expect.ingressStatus) {
      // "must not be picked up by the controller": no class serves it, and its host routes nowhere.
      const unserved = sim.diagnostics.filter((d) => d.code === INGRESS_CODES.NOT_SERVED);
      expect(unserved.map((d) => d.object)).toEqual(sim.world.ingresses.map((i) => i.id));
      for (const ing of sim.world.ingresses) {
        for (const rule of ing.rules) expect(routeOne(sim, { host: rule.host ?? null, path: '/' }).status).toBe(404);
      }
    }
  });
}
