import { describe, expect, it } from 'vitest';
import { runQuery } from '../queries/index';
import { simulate } from '../simulate';

/** A small shop: web and api in `shop`, db in `data`, each pod with its ports; policies added per case. */
const PODS = `# the shop's pods
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web, pod-template-hash: 7d4b9c}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{containerPort: 80}]}]}
status: {phase: Running, podIP: 10.244.1.10}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api, tier: backend}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.244.1.11}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: data, labels: {app: db}}
spec: {nodeName: node-2, containers: [{name: c, ports: [{containerPort: 5432}]}]}
status: {phase: Running, podIP: 10.244.2.20}
`;
const DENY_SHOP = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;
const API_FROM_ADMIN = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress # who may call the api
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: admin}}
`;
const WEB_EGRESS = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: []}
`;
const DENY_ADMIN = `---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: no-web-to-data}
spec:
  priority: 10
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: data}}}
  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: data}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;

function ask(text: string, args: Record<string, unknown>) {
  const sim = simulate([{ name: 'in.yaml', text }]);
  return { sim, answer: runQuery(sim, 'allow', args) };
}

function verdict(text: string, from: string, to: string, port: number, protocol = 'TCP'): string {
  const r = runQuery(simulate([{ name: 'out.yaml', text }]), 'check', { from, to, port, protocol });
  if (!r.ok) throw new Error(r.error);
  return r.result.verdict;
}

describe('allow: the change a person would write', () => {
  // scenario, from, to, port, then the changed object, create|update, and what its YAML must now hold
  const rows: [string, string, string, string, number, string, 'create' | 'update', string[]][] = [
    ['a default deny selecting the whole namespace gets a policy beside it, for the api only', PODS + DENY_SHOP, 'shop/web', 'shop/api', 8080, 'NetworkPolicy/shop/allow-web-to-api', 'create', ['podSelector:', 'app: api', 'policyTypes:', '- Ingress', 'app: web', 'port: http', 'protocol: TCP']],
    ['a policy selecting only the api gets one more rule, its comment kept', PODS + API_FROM_ADMIN, 'shop/web', 'shop/api', 8080, 'NetworkPolicy/shop/api-ingress', 'update', ['# who may call the api', 'app: admin', 'app: web', 'port: http']],
    ['egress across namespaces names the namespace by its name label', PODS + WEB_EGRESS, 'shop/web', 'data/db', 5432, 'NetworkPolicy/shop/web-egress', 'update', ['kubernetes.io/metadata.name: data', 'app: db', 'port: 5432']],
    ['an outside address is allowed by its /32', PODS + DENY_SHOP, 'ip:203.0.113.9', 'shop/web', 80, 'NetworkPolicy/shop/allow-203-0-113-9-to-web', 'create', ['cidr: 203.0.113.9/32', 'port: 80']],
  ];
  it.each(rows)('%s', (_name, text, from, to, port, object, action, holds) => {
    const { answer } = ask(text, { from, to, port, apply: true });
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.result.changes.map((c) => [c.object, c.action])).toEqual([[object, action]]);
    for (const s of holds) expect(answer.result.changes[0]!.yaml).toContain(s);
    // Per-replica labels never reach a selector.
    expect(answer.result.changes[0]!.yaml).not.toContain('pod-template-hash');
    expect(verdict(text, from, to, port)).toBe('denied');
    expect(verdict(answer.result.files![0]!.text, from, to, port)).toBe('allowed');
  });

  it('fixes both ends when egress and ingress both deny, in the same file', () => {
    const text = PODS + WEB_EGRESS + DENY_SHOP;
    const { answer } = ask(text, { from: 'shop/web', to: 'shop/api', port: 8080, apply: true });
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.result.changes.map((c) => [c.object, c.action])).toEqual([
      ['NetworkPolicy/shop/web-egress', 'update'],
      ['NetworkPolicy/shop/allow-web-to-api', 'create'],
    ]);
    expect(verdict(answer.result.files![0]!.text, 'shop/web', 'shop/api', 8080)).toBe('allowed');
  });

  it('keeps every other document byte for byte and the documents in order', () => {
    const text = PODS + API_FROM_ADMIN + DENY_SHOP.replace('---\n', '---\n# deny by default\n');
    const { answer } = ask(text, { from: 'shop/web', to: 'shop/api', port: 8080, apply: true });
    if (!answer.ok) throw new Error(answer.error);
    const out = answer.result.files![0]!.text;
    expect(out.startsWith(PODS)).toBe(true);
    expect(out.endsWith(DENY_SHOP.replace('---\n', '---\n# deny by default\n'))).toBe(true);
  });

  it('answers no change for a connection already allowed', () => {
    const { answer } = ask(PODS, { from: 'shop/web', to: 'shop/api', port: 8080, apply: true });
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.result.changes).toEqual([]);
    expect(answer.result.files![0]!.text).toBe(PODS);
  });

  it.each([
    ['the destination does not listen on the port', PODS + DENY_SHOP, 'shop/web', 'shop/api', 9090, 'does not listen on 9090/TCP'],
    ['an admin policy denies it before any NetworkPolicy is asked (ANP-2)', PODS + DENY_ADMIN, 'shop/web', 'data/db', 5432, 'AdminNetworkPolicy no-web-to-data denies it'],
    ['the pod does not exist', PODS + DENY_SHOP, 'shop/web', 'shop/nope', 80, 'no pod shop/nope'],
  ])('refuses with the reason when %s', (_name, text, from, to, port, why) => {
    const { answer } = ask(text, { from, to, port });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toContain(why);
  });

  it('allows every denied backend of a Service, on its targetPort (NP-10)', () => {
    const svc = `---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: http}]}\n`;
    const text = PODS + DENY_SHOP + svc;
    const { answer } = ask(text, { from: 'shop/web', to: 'service:shop/api', port: 80, apply: true });
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.result.changes[0]!.yaml).toContain('port: http');
    expect(verdict(answer.result.files![0]!.text, 'shop/web', 'service:shop/api', 80)).toBe('allowed');
  });

  it('allows DNS (NP-14) as one rule to CoreDNS for UDP and TCP 53, after which lookups work', () => {
    const text = PODS + WEB_EGRESS;
    const before = simulate([{ name: 'in.yaml', text }]);
    expect(before.diagnostics.some((d) => d.code === 'netpol-blocks-dns')).toBe(true);
    const { answer } = ask(text, { from: 'shop/web', dns: true, apply: true });
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.result.changes.map((c) => [c.object, c.action])).toEqual([['NetworkPolicy/shop/web-egress', 'update']]);
    const yaml = answer.result.changes[0]!.yaml;
    for (const s of ['kubernetes.io/metadata.name: kube-system', 'k8s-app: kube-dns', 'protocol: UDP', 'protocol: TCP', 'port: 53']) expect(yaml).toContain(s);
    // One rule with both ports, as NP-14 writes it.
    expect(yaml.match(/- to:/g)).toHaveLength(1);
    const after = simulate(answer.result.files!);
    expect(after.diagnostics.filter((d) => d.code === 'netpol-blocks-dns')).toEqual([]);
    const lookup = runQuery(after, 'dns', { from: 'shop/web', name: 'kubernetes.default' });
    expect(lookup.ok && lookup.result.answers.length > 0).toBe(true);
  });
});
