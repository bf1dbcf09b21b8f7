import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate, type HttpRequest } from '../core/index';
import { routeGateways } from '../core/controllers/gateway/index';

/**
 * Gateway API conformance (kubernetes-sigs/gateway-api, see data/gateway-api-conformance/README.md): every
 * request expectation and every status expectation of all 32 cases, run through `simulate` and the router.
 */
const DIR = new URL('./data/gateway-api-conformance/', import.meta.url);

/** `case` or `case#request-index` or `case#status-index` → one-line reason. Printed, never silent. */
const SKIP: Record<string, string> = {};

interface Req {
  method?: string;
  host?: string | null;
  hostWithoutPort?: string;
  path?: string;
  query?: [string, string][];
  headers?: Record<string, string>;
  protocol?: string;
  service?: string;
  authority?: string | null;
  metadata?: Record<string, string>;
}
interface Expect {
  status?: number;
  statusCodes?: number[];
  backend?: { namespace: string; service: string };
  grpcCode?: string;
}
interface RequestCase {
  index: number;
  gateway: { namespace: string; name: string };
  listenerPort: number;
  request: Req;
  expect: Expect;
}
interface StatusCase {
  kind: string;
  namespace: string;
  name: string;
  parent?: { namespace: string; name: string };
  condition?: { type: string; status: string; reason?: string };
  listeners?: Record<string, { attachedRoutes?: number; conditions?: Record<string, string> }>;
  attachedRoutesTotal?: number;
}
interface Expected {
  shortName: string;
  requests: RequestCase[];
  statusExpectations?: StatusCase[];
  weightedDistribution?: { gateway: { namespace: string; name: string }; request: { method: string; path: string }; expectedFractions: Record<string, number> };
}

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function load(name: string) {
  const text = readFileSync(new URL(`${name}/manifests.yaml`, DIR), 'utf8');
  const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, DIR), 'utf8')) as Expected;
  const sim = simulate([{ name: `${name}/manifests.yaml`, text }]);
  return { sim, expected };
}

function toRequest(r: Req, port: number, gatewayIP: string): HttpRequest {
  if (r.protocol === 'gRPC') {
    const host = r.authority ?? gatewayIP;
    return {
      scheme: 'http',
      host,
      port,
      path: `/${r.service}/${r.method}`,
      query: [],
      method: 'POST',
      headers: Object.entries(r.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
      grpc: { service: r.service!, method: r.method! },
      hostIsIP: r.authority == null,
    };
  }
  const host = r.host == null ? gatewayIP : (r.hostWithoutPort ?? r.host);
  return {
    scheme: 'http',
    host: host.toLowerCase(),
    port,
    path: r.path ?? '/',
    query: r.query ?? [],
    method: r.method ?? 'GET',
    headers: Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    hostIsIP: r.host == null,
  };
}

const counts = { pass: 0, skip: 0 };

describe('Gateway API conformance', () => {
  it('has all 32 cases', () => {
    expect(cases).toHaveLength(32);
  });

  for (const name of cases) {
    describe(name, () => {
      const { sim, expected } = load(name);
      for (const rc of expected.requests) {
        const id = `${name}#${rc.index}`;
        const what = rc.request.protocol === 'gRPC' ? `gRPC ${rc.request.service}/${rc.request.method} ${JSON.stringify(rc.request.metadata ?? {})}` : `${rc.request.method} ${rc.request.host ?? '<gateway IP>'}${rc.request.path} ${JSON.stringify(rc.request.headers ?? {})}${JSON.stringify(rc.request.query ?? [])}`;
        const skip = SKIP[id] ?? SKIP[name];
        (skip ? it.skip : it)(`request ${rc.index}: ${what} → ${JSON.stringify(rc.expect)}${skip ? ` [skip: ${skip}]` : ''}`, () => {
          const gw = sim.world.gateways.find((g) => g.namespace === rc.gateway.namespace && g.name === rc.gateway.name);
          expect(gw, 'gateway exists').toBeDefined();
          const req = toRequest(rc.request, rc.listenerPort, gw!.addresses[0] ?? '0.0.0.0');
          const [res] = routeGateways(sim.world, sim.options, req, `${gw!.namespace}/${gw!.name}`);
          expect(res).toBeDefined();
          const e = rc.expect;
          const want = e.grpcCode ? (e.grpcCode === 'OK' ? 200 : e.grpcCode === 'Unimplemented' ? 404 : 500) : e.status;
          if (e.statusCodes) expect(e.statusCodes).toContain(res!.status);
          else expect({ status: res!.status, reasons: res!.reasons }).toMatchObject({ status: want });
          if (e.backend) {
            const served = res!.backends.filter((b) => b.state === 'ok' && b.weight > 0);
            expect(served.map((b) => `${b.namespace}/${b.name}`)).toEqual([`${e.backend.namespace}/${e.backend.service}`]);
            expect(served[0]!.endpoints.length).toBeGreaterThan(0);
          }
          counts.pass++;
        });
        if (skip) counts.skip++;
      }
      for (const [i, sc] of (expected.statusExpectations ?? []).entries()) {
        const id = `${name}#status-${i}`;
        const skip = SKIP[id] ?? SKIP[name];
        (skip ? it.skip : it)(`status ${i}: ${sc.kind} ${sc.namespace}/${sc.name} ${JSON.stringify(sc.condition ?? sc.listeners ?? { attachedRoutesTotal: sc.attachedRoutesTotal })}${skip ? ` [skip: ${skip}]` : ''}`, () => {
          // The status the Gateway API controller stage wrote into the World.
          if (sc.kind === 'Gateway') {
            const gs = sim.world.gateways.find((g) => g.namespace === sc.namespace && g.name === sc.name)!.status!;
            expect(gs.ours).toBe(true);
            if (sc.attachedRoutesTotal !== undefined) expect(gs.listeners.reduce((n, l) => n + l.attachedRoutes, 0)).toBe(sc.attachedRoutesTotal);
            for (const [lname, want] of Object.entries(sc.listeners ?? {})) {
              const l = gs.listeners.find((x) => x.name === lname)!;
              if (want.attachedRoutes !== undefined) expect(l.attachedRoutes).toBe(want.attachedRoutes);
              for (const [type, st] of Object.entries(want.conditions ?? {})) expect(l.conditions.find((c) => c.type === type)?.status).toBe(st);
            }
          } else {
            const rs = [...sim.world.httpRoutes, ...sim.world.grpcRoutes].find((r) => r.kind === sc.kind && r.namespace === sc.namespace && r.name === sc.name)?.status;
            expect(rs).toBeDefined();
            const parent = rs!.parents.find((p) => p.parentRef.namespace === sc.parent!.namespace && p.parentRef.name === sc.parent!.name)!;
            const c = parent.conditions.find((x) => x.type === sc.condition!.type);
            expect({ status: c?.status, reason: c?.reason }).toEqual({ status: sc.condition!.status, reason: sc.condition!.reason && sc.condition!.reason !== '(any)' ? sc.condition!.reason : c?.reason });
          }
          counts.pass++;
        });
        if (skip) counts.skip++;
      }
      if (expected.weightedDistribution) {
        const wd = expected.weightedDistribution;
        it(`weighted distribution ${JSON.stringify(wd.expectedFractions)}`, () => {
          const gw = sim.world.gateways.find((g) => g.namespace === wd.gateway.namespace && g.name === wd.gateway.name)!;
          const req = toRequest({ method: wd.request.method, path: wd.request.path, host: null }, 80, gw.addresses[0]!);
          const [res] = routeGateways(sim.world, sim.options, req, `${gw.namespace}/${gw.name}`);
          const total = res!.backends.reduce((n, b) => n + b.weight, 0);
          const fractions = Object.fromEntries(res!.backends.map((b) => [b.name, b.weight / total]));
          for (const [svc, f] of Object.entries(wd.expectedFractions)) expect(fractions[svc]).toBeCloseTo(f, 5);
          counts.pass++;
        });
      }
    });
  }

  it('prints the pass/skip counts', () => {
    const lines = [`gateway-api-conformance: ${counts.pass} passed, ${counts.skip} skipped`, ...Object.entries(SKIP).map(([k, v]) => `  skip ${k}: ${v}`)];
    console.log(lines.join('\n'));
    expect(counts.pass + counts.skip).toBeGreaterThan(0);
  });
});
