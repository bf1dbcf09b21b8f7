/**
 * What the lock-down keeps and what it denies, case by case in Kubernetes notation: each scenario is locked
 * down (`knet policies --apply`, optionally for some namespaces only), then connections are judged by the
 * policy engine as `knet check` judges them.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { runQuery } from '../queries/index';
import { checkPeers } from '../queries/testing';

const pod = (ns: string, name: string, labels: string, ports: string, env = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}${labels ? `, labels: {${labels}}` : ''}}\nspec:\n  containers:\n  - name: c\n    image: x\n    ports: [${ports}]\n${env ? `    env: [${env}]\n` : ''}`;
const svc = (ns: string, name: string, selector: string, ports: string, extra = '') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {selector: {${selector}}, ports: [${ports}]${extra}}\n`;
const yaml = (...docs: string[]) => docs.join('---\n');

// A named targetPort resolved in each pod (SVC-9): a listens on 8080, b on 9090.
const NAMED = yaml(
  pod('shop', 'a', 'app: api', '{name: http, containerPort: 8080}'),
  pod('shop', 'b', 'app: api', '{name: http, containerPort: 9090}'),
  svc('shop', 'api', 'app: api', '{port: 80, targetPort: http}'),
  pod('shop', 'client', 'app: client', '{containerPort: 80}', '{name: API_URL, value: "http://api/"}'),
  pod('shop', 'idle', 'app: idle', '{containerPort: 80}'),
);

// web/front calls data/db across namespaces.
const CROSS = yaml(
  pod('web', 'front', 'app: front', '{containerPort: 80}', '{name: DATABASE_URL, value: "postgres://db.data:5432/x"}'),
  pod('web', 'other', 'app: other', '{containerPort: 80}'),
  pod('data', 'db', 'app: db', '{containerPort: 5432}'),
  svc('data', 'db', 'app: db', '{port: 5432}'),
);

// A headless Service: clients connect to the pod addresses on the port they asked for (SVC-4).
const HEADLESS = yaml(
  pod('db', 'pg-0', 'app: pg', '{containerPort: 5432}'),
  svc('db', 'pg', 'app: pg', '{port: 5432}', ', clusterIP: None'),
  pod('db', 'app', 'app: app', '{containerPort: 80}', '{name: PG_HOST, value: "pg-0.pg:5432"}'),
);

// The ingress controller's pods reach the backend after DNAT on its targetPort (ING-13, NP-12).
const INGRESS = yaml(
  pod('shop', 'web', 'app: web', '{containerPort: 8080}'),
  pod('shop', 'peer', 'app: peer', '{containerPort: 80}'),
  svc('shop', 'web', 'app: web', '{port: 80, targetPort: 8080}'),
  'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: shop.example.com\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n',
  'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}\n',
);

function lockedDown(text: string, namespace?: string[]) {
  const before = simulate([{ name: 'in.yaml', text }]);
  const r = runQuery(before, 'policies', { apply: true, ...(namespace ? { namespace } : {}) });
  if (!r.ok || Array.isArray(r.result)) throw new Error('no applied text');
  return simulate([{ name: 'out.yaml', text: r.result.text }]);
}

describe('after knet policies --apply', () => {
  it.each([
    ['named targetPort, pod a', NAMED, undefined, 'shop/client', 'shop/a', 8080, 'allowed'],
    ['named targetPort, pod b', NAMED, undefined, 'shop/client', 'shop/b', 9090, 'allowed'],
    ['the Service address', NAMED, undefined, 'shop/client', 'service:shop/api', 80, 'allowed'],
    ['a port of a the call does not use', NAMED, undefined, 'shop/client', 'shop/a', 9090, 'denied'],
    ['a pod that calls nothing', NAMED, undefined, 'shop/idle', 'service:shop/api', 80, 'denied'],
    ['the called pod calling back', NAMED, undefined, 'shop/a', 'shop/client', 80, 'denied'],
    ['across namespaces', CROSS, undefined, 'web/front', 'service:data/db', 5432, 'allowed'],
    ['another pod of the caller namespace', CROSS, undefined, 'web/other', 'data/db', 5432, 'denied'],
    ['only data locked: the caller', CROSS, ['data'], 'web/front', 'data/db', 5432, 'allowed'],
    ['only data locked: its egress is closed', CROSS, ['data'], 'data/db', 'web/other', 80, 'denied'],
    ['only data locked: web stays open', CROSS, ['data'], 'web/other', 'web/front', 80, 'allowed'],
    ['headless: the pod address', HEADLESS, undefined, 'db/app', 'db/pg-0', 5432, 'allowed'],
    ['headless: back the other way', HEADLESS, undefined, 'db/pg-0', 'db/app', 80, 'denied'],
    ['ingress controller to its backend', INGRESS, undefined, 'ingress-nginx/*', 'shop/web', 8080, 'allowed'],
    ['a neighbour to that backend', INGRESS, undefined, 'shop/peer', 'shop/web', 8080, 'denied'],
  ] as const)('%s: %s → %s:%i is %s', (_what, text, ns, from, to, port, verdict) => {
    const after = lockedDown(text, ns ? [...ns] : undefined);
    // `ingress-nginx/*`: the controller's pod, whatever its generated name.
    const src = from.endsWith('/*') ? `${from.slice(0, -2)}/${after.world.pods.find((p) => p.namespace === from.slice(0, -2))!.name}` : from;
    const r = checkPeers(after, { from: src, to, port, protocol: 'TCP' });
    if (!r.ok) throw new Error(r.error);
    expect(r.result.verdict).toBe(verdict);
  });

  it('lets pods without labels be selected as the pods lacking their neighbours’ label keys', () => {
    const text = yaml(pod('t', 'bare', '', '{containerPort: 80}', '{name: API_URL, value: "http://api/"}'), pod('t', 'api', 'app: api', '{containerPort: 80}'), svc('t', 'api', 'app: api', '{port: 80}'), pod('t', 'x', 'role: x', '{containerPort: 80}'));
    const after = lockedDown(text);
    expect(after.world.networkPolicies.find((p) => p.name === 'bare')?.podSelector.matchExpressions.map((e) => `${e.key} ${e.operator}`)).toEqual(['app DoesNotExist', 'role DoesNotExist']);
    const verdict = (from: string) => {
      const r = checkPeers(after, { from, to: 'service:t/api', port: 80, protocol: 'TCP' });
      return r.ok ? r.result.verdict : r.error;
    };
    expect([verdict('t/bare'), verdict('t/x')]).toEqual(['allowed', 'denied']);
  });
});

describe('what --apply says it changes', () => {
  const changes = (text: string) => {
    const r = runQuery(simulate([{ name: 'in.yaml', text }]), 'policies', { apply: true });
    if (!r.ok || Array.isArray(r.result)) throw new Error('no applied text');
    return r.result.connections.map((c) => `${c.from} → ${c.to} ${c.port}/${c.protocol}: ${c.before} → ${c.after}`);
  };

  it('lists the pod pairs that lose their access, and keeps the calls out of the list', () => {
    const list = changes(NAMED);
    expect(list).toContain('Pod/shop/idle → Pod/shop/a 8080/TCP: allowed → denied');
    expect(list).toContain('Pod/shop/a → Pod/shop/client 80/TCP: allowed → denied');
    expect(list.filter((l) => l.startsWith('Pod/shop/client → Pod/shop/a 8080') || l.startsWith('Pod/shop/client → Pod/shop/b 9090'))).toEqual([]);
  });

  it('reads the changes as knet diff does: a native sidecar’s port counts (SVC-9), and each change names the policy that decided it', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: app, namespace: mesh, labels: {app: app}}
spec:
  initContainers: [{name: proxy, restartPolicy: Always, ports: [{containerPort: 8443}]}]
  containers: [{name: c, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: idle, namespace: mesh, labels: {app: idle}}
spec: {containers: [{name: c}]}
`;
    const r = runQuery(simulate([{ name: 'in.yaml', text }]), 'policies', { apply: true });
    if (!r.ok || Array.isArray(r.result)) throw new Error('no applied text');
    expect(r.result.connections.filter((c) => c.to === 'Pod/mesh/app' && c.from === 'Pod/mesh/idle')).toEqual(
      [8080, 8443].map((port) => ({ from: 'Pod/mesh/idle', to: 'Pod/mesh/app', port, protocol: 'TCP', before: 'allowed', after: 'denied', because: 'NetworkPolicy/mesh/default-deny' })),
    );
  });

  it('lists a call that a policy of the namespace blocked as newly allowed', () => {
    const denyAll = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: data}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n';
    expect(changes(yaml(CROSS, denyAll))).toContain('Pod/web/front → Pod/data/db 5432/TCP: denied → allowed');
  });
});
