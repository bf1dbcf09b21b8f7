import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate } from '../core/index';
import { getEndpointPorts, podToEndpoint, selectedPods } from '../core/controllers/endpointslice/index';
import type { IPFamily } from '../core/model/core';

/**
 * Upstream kubernetes staging/src/k8s.io/endpointslice/utils_test.go vectors (TestPodToEndpoint,
 * TestGetEndpointPorts) run against our podToEndpoint/getEndpointPorts, with the Pod, Node and Service
 * read through the real manifest reader. Then every manifests.yaml of every suite goes through `simulate`.
 */
const DATA = fileURLToPath(new URL('./data/', import.meta.url));

interface Vectors {
  podToEndpoint: { name: string; pod: object; node: object | null; service: object; addressType: IPFamily; expectedEndpoint: Record<string, unknown> }[];
  getEndpointPorts: { name: string; service: { spec: { ports: Record<string, unknown>[] } }; pod: { spec: object }; expectedEndpointPorts: Record<string, unknown>[] }[];
}
const vectors = JSON.parse(readFileSync(join(DATA, 'k8s-endpointslice-unit/vectors.json'), 'utf8')) as Vectors;

/**
 * Upstream's vectors leave out `spec.ports[].port` (getEndpointPorts/podToEndpoint never read it) and
 * container names; the API server would reject that, so the reader needs placeholders. They do not affect
 * the result: the port becomes the numeric targetPort (or 1000+index for a named one).
 */
function admissible(service: Record<string, unknown>, pod: Record<string, unknown>) {
  const spec = (service.spec ?? {}) as { ports?: Record<string, unknown>[] };
  const ports = (spec.ports ?? []).map((p, i) => ({ ...p, port: p.port ?? (typeof p.targetPort === 'number' ? p.targetPort : 1000 + i) }));
  const podSpec = (pod.spec ?? {}) as { containers?: Record<string, unknown>[] };
  const containers = (podSpec.containers ?? []).map((c, i) => ({ name: `c${i}`, ...c }));
  return {
    service: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'foo', namespace: 'test' }, ...service, spec: { ...spec, ports } },
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod1', namespace: 'test' }, ...pod, spec: { ...podSpec, containers } },
  };
}

function world(objects: object[]) {
  const sim = simulate([{ name: 'vector.json', text: objects.map((o) => JSON.stringify(o)).join('\n---\n') }]);
  const errors = sim.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message)).toEqual([]);
  return sim.world;
}

describe('k8s-endpointslice-unit: TestPodToEndpoint', () => {
  for (const v of vectors.podToEndpoint) {
    it(v.name, () => {
      const { service, pod } = admissible(v.service as Record<string, unknown>, v.pod as Record<string, unknown>);
      const w = world([service, pod, ...(v.node ? [v.node] : [])]);
      const svc = w.services.find((s) => s.id === 'Service/test/' + (service.metadata as { name: string }).name)!;
      const p = w.pods.find((x) => x.id === 'Pod/test/pod1')!;
      const node = v.node ? w.nodes.find((n) => n.name === p.nodeName) ?? null : null;
      expect(podToEndpoint(p, svc, node, v.addressType)).toEqual(v.expectedEndpoint);
    });
  }
});

describe('k8s-endpointslice-unit: TestGetEndpointPorts', () => {
  for (const v of vectors.getEndpointPorts) {
    it(v.name, () => {
      const { service, pod } = admissible(v.service, v.pod);
      const w = world([service, pod]);
      const svc = w.services.find((s) => s.id === 'Service/test/foo')!;
      const p = w.pods.find((x) => x.id === 'Pod/test/pod1')!;
      expect(getEndpointPorts(svc, p)).toEqual(v.expectedEndpointPorts);
    });
  }
});

function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...manifests(p));
    else if (name === 'manifests.yaml') out.push(p);
  }
  return out;
}

describe('every conformance manifest simulates', () => {
  for (const file of manifests(DATA)) {
    const rel = file.slice(DATA.length);
    const suite = rel.split('/')[0]!;
    const servicesMatter = suite === 'k8s-e2e-netpol' || suite === 'ahmetb-netpol-recipes';
    it(`${rel} runs without an internal error${servicesMatter ? ' and every Service has endpoints for the pods it selects' : ''}`, () => {
      const sim = simulate([{ name: rel, text: readFileSync(file, 'utf8') }]);
      expect(sim.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
      if (!servicesMatter) return;
      const w = sim.world;
      let checked = 0;
      for (const svc of w.services) {
        if (svc.system || !svc.selector) continue;
        const wanted = selectedPods(svc, w.pods).filter((p) => p.ips.length && p.phase !== 'Succeeded' && p.phase !== 'Failed').map((p) => p.ips[0]).sort();
        const got = w.endpointSlices
          .filter((s) => s.namespace === svc.namespace && s.serviceName === svc.name)
          .flatMap((s) => (s.ports.length === svc.ports.length ? s.endpoints.map((e) => e.addresses[0]) : []))
          .sort();
        expect(got, svc.id).toEqual(wanted);
        checked += wanted.length;
      }
      // The netpol suites put a Service in front of pods; a case without any would test nothing here.
      expect(checked).toBeGreaterThan(0);
    });
  }
});
