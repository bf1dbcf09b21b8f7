import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { trace } from './trace';
import type { TraceResult } from './types';

const NS = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;
const deploy = (ns: string, app: string, port: number, env = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: ${port}}]${env}}]}\n`;
const service = (ns: string, app: string, port: number, extra = '') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${app}, namespace: ${ns}}\nspec: {selector: {app: ${app}}, ports: [{port: ${port}, targetPort: http}]${extra}}\n`;
const policy = (ns: string, name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec}\n`;

const BASE = [NS('shop'), deploy('shop', 'web', 8080), service('shop', 'web', 80), deploy('shop', 'api', 9000), service('shop', 'api', 80)];

function run(extra: string[], from: string, url: string): TraceResult {
  const sim = simulate([{ name: 't.yaml', text: [...BASE, ...extra].join('---\n') }]);
  const pod = (app: string) => sim.world.pods.find((p) => p.labels.app === app)!;
  const src = from.startsWith('app:') ? `shop/${pod(from.slice(4)).name}` : from;
  return trace(sim, { from: src, url });
}

/** Hops as `step:result`, the notation of these tables. */
const steps = (r: TraceResult) => r.hops.map((h) => `${h.step}:${h.result}`).join(' ');

const DNS_OK = policy('shop', 'web-dns', '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n    ports: [{port: 53, protocol: UDP}]');

describe('trace of one request', () => {
  it.each([
    ['a pod calls a Service by its short name', [], 'app:web', 'http://api/', 'delivered', 'dns:ok service:ok endpoint:ok policy-egress:ok policy-ingress:ok pod:ok'],
    ['the DNS lookup times out under default-deny egress (NP-14)', [policy('shop', 'deny-egress', '  podSelector: {}\n  policyTypes: [Egress]')], 'app:web', 'http://api/', 'blocked', 'dns:blocked'],
    [
      'an egress rule on the Service port instead of the targetPort blocks (NP-10)',
      [DNS_OK, policy('shop', 'web-to-api', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress:\n  - to: [{podSelector: {matchLabels: {app: api}}}]\n    ports: [{port: 80}]')],
      'app:web',
      'http://api/',
      'blocked',
      'dns:ok service:ok endpoint:ok policy-egress:blocked',
    ],
    [
      'the same rule on the targetPort allows it',
      [DNS_OK, policy('shop', 'web-to-api', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress:\n  - to: [{podSelector: {matchLabels: {app: api}}}]\n    ports: [{port: 9000}]')],
      'app:web',
      'http://api/',
      'delivered',
      'dns:ok service:ok endpoint:ok policy-egress:ok policy-ingress:ok pod:ok',
    ],
    ['an ingress default-deny on the destination blocks', [policy('shop', 'deny-in', '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Ingress]')], 'app:web', 'http://api/', 'blocked', 'dns:ok service:ok endpoint:ok policy-egress:ok policy-ingress:blocked'],
    ['a name that exists nowhere fails at DNS', [], 'app:web', 'http://nope/', 'failed', 'dns:failed'],
    ['a Service with no ready endpoint refuses the connection (KP-5)', [service('shop', 'empty', 80).replace('app: empty}', 'app: nothing}')], 'app:web', 'http://empty/', 'failed', 'dns:ok service:failed'],
  ])('%s', (_title, extra, from, url, verdict, hops) => {
    const r = run(extra, from, url);
    expect(r.error).toBeUndefined();
    expect(steps(r)).toBe(hops);
    expect(r.verdict).toBe(verdict);
  });

  it('cites the policy that blocked the DNS lookup', () => {
    const r = run([policy('shop', 'deny-egress', '  podSelector: {}\n  policyTypes: [Egress]')], 'app:web', 'http://api/');
    expect(r.hops[0]!.object).toBe('NetworkPolicy/shop/deny-egress');
    expect(r.hops[0]!.cites.map((c) => c.object)).toEqual(['NetworkPolicy/shop/deny-egress']);
  });

  it('follows a request from outside through the Ingress controller, whose pods are the policy source (ING-13)', () => {
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: shop}\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]\n';
    const onlyFromController = policy(
      'shop',
      'from-ingress',
      '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]',
    );
    const allowed = run([ingress, onlyFromController], 'ip:198.51.100.7', 'http://shop.example.com/');
    expect([allowed.verdict, steps(allowed)]).toEqual(['delivered', 'entry:ok route:ok service:ok endpoint:ok policy-egress:ok policy-ingress:ok pod:ok']);
    const denied = run([ingress, policy('shop', 'deny-in', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]')], 'ip:198.51.100.7', 'http://shop.example.com/');
    expect([denied.verdict, steps(denied)]).toEqual(['blocked', 'entry:ok route:ok service:ok endpoint:ok policy-egress:ok policy-ingress:blocked']);
  });

  it('answers 404 for a host no entry point serves', () => {
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: shop}\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]\n';
    const r = run([ingress], 'ip:198.51.100.7', 'http://other.example.com/');
    expect(r.verdict).toBe('failed');
    expect(r.hops.map((h) => h.step)).toEqual(['entry', 'route']);
  });

  it('reports an unknown source pod and a bad URL as errors, not hops', () => {
    expect(run([], 'shop/ghost', 'http://api/').error).toMatch(/no pod shop\/ghost/);
    expect(run([], 'app:web', 'ftp://api/').error).toMatch(/not an http/);
  });

  it('judges traffic to a NodePort from outside after SNAT to the receiving node (NP-12)', () => {
    const sim = simulate([{ name: 't.yaml', text: [...BASE, service('shop', 'pub', 80, ', type: NodePort').replace('app: pub}', 'app: web}')].join('---\n') }]);
    const svc = sim.world.services.find((s) => s.name === 'pub')!;
    const node = sim.world.nodes[0]!;
    const r = trace(sim, { from: 'ip:198.51.100.7', url: `http://${node.addresses[0]}:${svc.ports[0]!.nodePort}/` });
    expect(r.verdict).toBe('delivered');
    expect(r.hops[0]!.step).toBe('service');
  });

  it('delivers on each backend\'s own port when a named targetPort resolves differently per pod (SVC-9)', () => {
    const pod = (name: string, port: number) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: {app: multi}}\nspec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: ${port}}]}]}\n`;
    const r = run([pod('pa', 8080), pod('pb', 9090), service('shop', 'multi', 80)], 'app:web', 'http://multi/');
    expect(r.verdict).toBe('delivered');
    expect(r.hops.at(-1)!.reason).toBe('Delivered to one of 2 endpoints: shop/pa:8080, shop/pb:9090.');
  });

  it('delivers to the addresses of a hand-written EndpointSlice, not to the ClusterIP (SVC-11)', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: ext, namespace: shop}\nspec: {ports: [{port: 80}]}\n';
    const slice = 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ext-1, namespace: shop, labels: {kubernetes.io/service-name: ext}}\naddressType: IPv4\nports: [{port: 8080}]\nendpoints: [{addresses: [192.0.2.44]}]\n';
    const r = run([svc, slice], 'app:web', 'http://ext/');
    expect([r.verdict, r.hops.at(-1)!.reason]).toEqual(['delivered', 'Delivered to 192.0.2.44:8080.']);
  });

  it('fails a cluster name looked up from a node, whose resolver does not serve the cluster zone (DNS-13)', () => {
    const r = run([], 'node:node-1', 'http://api.shop.svc.cluster.local/');
    expect([r.verdict, steps(r)]).toEqual(['failed', 'dns:failed']);
  });

  it('sends a pod calling a public name of its own Ingress through the controller, as public DNS points there (DNS-12 [SIM])', () => {
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: shop}\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]\n';
    const r = run([ingress], 'app:web', 'http://shop.example.com/');
    expect([r.verdict, steps(r)]).toEqual(['delivered', 'dns:ok entry:ok route:ok service:ok endpoint:ok policy-egress:ok policy-ingress:ok pod:ok']);
  });

  it('lets traffic to an outside name leave the cluster unless egress policy stops it', () => {
    expect(steps(run([], 'app:web', 'http://example.com/'))).toBe('dns:ok policy-egress:ok');
    const denied = run([DNS_OK, policy('shop', 'no-out', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress: [{to: [{podSelector: {}}]}]')], 'app:web', 'http://example.com/');
    expect([denied.verdict, steps(denied)]).toEqual(['blocked', 'dns:ok policy-egress:blocked']);
  });

  it('fails a name the simulated upstream does not know (NXDOMAIN)', () => {
    expect([run([], 'app:web', 'http://no-such-host.invalid/').verdict]).toEqual(['failed']);
  });
});
