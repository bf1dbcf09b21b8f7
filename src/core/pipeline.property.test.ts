import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { simulate } from './simulate';
import { buildTopology } from './topology/build';
import { checkPeers as check } from './queries/testing';

/** Realistic objects whose fields take arbitrary, often wrong, values: the core must report, never throw. */
const name = fc.oneof(fc.constantFrom('web', 'api', 'db', 'a', 'x-1'), fc.string({ maxLength: 8 }));
const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'kubernetes.io/metadata.name', 'k8s-app'), fc.oneof(fc.constantFrom('web', 'api', 'db', 'kube-dns'), fc.string({ maxLength: 5 })), { maxKeys: 2 });
const port = fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.constantFrom(53, 80, 8080, 'http', 'dns', ''));
const anyValue = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, anyValue);
const selector = fc.record({ matchLabels: labels, matchExpressions: fc.array(fc.record({ key: fc.constantFrom('app', 'tier'), operator: fc.constantFrom('In', 'NotIn', 'Exists', 'Bogus'), values: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }) }), { maxLength: 2 }) }, { requiredKeys: [] });
const cidr = fc.constantFrom('10.0.0.0/8', '0.0.0.0/0', '::/0', '10.0.0.1/8', 'fd00::/64', '10.244.1.0/24', 'not-a-cidr', '300.1.1.1/8', '10.0.0.0/33');
const container = fc.record({ name: maybe(name), image: fc.constant('x'), ports: fc.array(fc.record({ name: maybe(fc.constantFrom('http', 'dns', 'metrics')), containerPort: maybe(port), protocol: maybe(fc.constantFrom('TCP', 'UDP', 'SCTP', 'ICMP')) }), { maxLength: 2 }), env: fc.array(fc.record({ name: fc.constant('URL'), value: fc.constantFrom('http://api:80', 'db.data:5432', 'redis') }), { maxLength: 1 }) });
const ns = fc.constantFrom('default', 'shop', 'data', 'kube-system');

const objects = fc.oneof(
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Pod'), metadata: fc.record({ name, namespace: ns, labels }), spec: fc.record({ containers: fc.array(container, { maxLength: 2 }), hostNetwork: maybe(fc.boolean()), dnsPolicy: maybe(fc.constantFrom('ClusterFirst', 'None', 'Default')), hostname: maybe(name), subdomain: maybe(name) }, { requiredKeys: ['containers'] }) }),
  fc.record({ apiVersion: fc.constant('apps/v1'), kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet'), metadata: fc.record({ name, namespace: ns }), spec: fc.record({ replicas: maybe(fc.integer({ min: -1, max: 4 })), serviceName: maybe(name), selector: fc.record({ matchLabels: labels }), template: fc.record({ metadata: fc.record({ labels }), spec: fc.record({ containers: fc.array(container, { minLength: 1, maxLength: 2 }) }) }) }) }),
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Service'), metadata: fc.record({ name, namespace: ns }), spec: fc.record({ type: maybe(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName')), clusterIP: maybe(fc.constantFrom('None', '10.96.0.10', '10.96.5.5')), selector: labels, externalTrafficPolicy: maybe(fc.constantFrom('Local', 'Cluster')), externalName: maybe(fc.constantFrom('example.com', '1.2.3.4')), ports: fc.array(fc.record({ name: maybe(fc.constantFrom('http', 'dns')), port: maybe(port), targetPort: maybe(port), protocol: maybe(fc.constantFrom('TCP', 'UDP')), nodePort: maybe(fc.integer({ min: 29990, max: 32800 })) }), { maxLength: 2 }) }) }),
  fc.record({ apiVersion: fc.constant('networking.k8s.io/v1'), kind: fc.constant('NetworkPolicy'), metadata: fc.record({ name, namespace: ns }), spec: fc.record({ podSelector: selector, policyTypes: maybe(fc.subarray(['Ingress', 'Egress'])), ingress: fc.array(fc.record({ from: fc.array(fc.oneof(fc.record({ podSelector: selector }), fc.record({ namespaceSelector: selector }), fc.record({ ipBlock: fc.record({ cidr, except: fc.array(cidr, { maxLength: 1 }) }) })), { maxLength: 2 }), ports: fc.array(fc.record({ port: maybe(port), protocol: maybe(fc.constantFrom('TCP', 'UDP')), endPort: maybe(port) }), { maxLength: 1 }) }, { requiredKeys: [] }), { maxLength: 2 }), egress: fc.array(fc.record({ to: fc.array(fc.record({ ipBlock: fc.record({ cidr, except: fc.array(cidr, { maxLength: 1 }) }) }), { maxLength: 1 }) }, { requiredKeys: [] }), { maxLength: 1 }) }, { requiredKeys: ['podSelector'] }) }),
  fc.record({ apiVersion: fc.constant('networking.k8s.io/v1'), kind: fc.constant('Ingress'), metadata: fc.record({ name, namespace: ns }), spec: fc.record({ rules: fc.array(fc.record({ host: maybe(fc.constantFrom('a.example.com', '*.example.com', '*', 'EXAMPLE.com')), http: fc.record({ paths: fc.array(fc.record({ path: maybe(fc.constantFrom('/', '/api', 'api', '//x')), pathType: maybe(fc.constantFrom('Prefix', 'Exact', 'ImplementationSpecific')), backend: fc.record({ service: fc.record({ name, port: fc.record({ number: maybe(port) }) }) }) }), { maxLength: 2 }) }) }), { maxLength: 2 }) }) }),
  fc.record({ apiVersion: fc.constant('gateway.networking.k8s.io/v1'), kind: fc.constant('HTTPRoute'), metadata: fc.record({ name, namespace: ns }), spec: fc.record({ parentRefs: fc.array(fc.record({ name, sectionName: maybe(name) }, { requiredKeys: ['name'] }), { maxLength: 1 }), hostnames: fc.array(fc.constantFrom('a.example.com', '*.example.com'), { maxLength: 1 }), rules: fc.array(fc.record({ backendRefs: fc.array(fc.record({ name, port: maybe(port), weight: maybe(fc.integer({ min: -1, max: 5 })) }), { maxLength: 2 }) }), { maxLength: 1 }) }) }),
);

const gateway = 'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.net/gc}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: web, namespace: shop}\nspec: {gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP}]}\n';

describe('property: the whole core pipeline on arbitrary manifests', () => {
  it('never throws, answers the same twice, and locates every diagnostic inside the input', () => {
    fc.assert(
      fc.property(fc.array(objects, { maxLength: 6 }), (objs) => {
        const text = [gateway, ...objs.map((o) => stringify(o))].join('---\n');
        const a = simulate([{ name: 'p.yaml', text }]);
        const b = simulate([{ name: 'p.yaml', text }]);
        expect(JSON.stringify(b.diagnostics)).toBe(JSON.stringify(a.diagnostics));
        for (const d of a.diagnostics) {
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(text.length);
        }
        const topo = buildTopology(a);
        expect(JSON.stringify(buildTopology(b))).toBe(JSON.stringify(topo));
        const pods = a.world.pods.filter((p) => !p.system);
        if (pods.length >= 2) {
          const q = { from: `${pods[0]!.namespace}/${pods[0]!.name}`, to: `${pods[1]!.namespace}/${pods[1]!.name}`, port: 80 };
          expect(JSON.stringify(check(b, q))).toBe(JSON.stringify(check(a, q)));
        }
      }),
      { numRuns: 150 },
    );
  });
});
