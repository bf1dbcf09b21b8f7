import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet } from '../testing';

// api calls db (its DATABASE_URL); web calls nobody; an old policy lets anything into shop.
const YAML = `apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec:
  containers:
  - name: c
    image: x
    ports: [{containerPort: 8080}]
    env: [{name: DATABASE_URL, value: "postgres://db:5432/app"}]
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all, namespace: shop}
spec: {podSelector: {}, ingress: [{}]}
`;

interface PolicyJSON {
  kind: string;
  metadata: { name: string; namespace: string };
  spec: { policyTypes: string[] };
}

describe('knet policies', () => {
  it('prints one policy per workload that uses something, after a default deny and DNS, as --json objects', async () => {
    const r = await runKnet(['policies', 'in.yaml', '--json'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as PolicyJSON[];
    expect(doc.map((p) => `${p.kind}/${p.metadata.namespace}/${p.metadata.name} ${p.spec.policyTypes.join(',')}`)).toEqual([
      'NetworkPolicy/shop/default-deny Ingress,Egress',
      'NetworkPolicy/shop/allow-dns Egress',
      'NetworkPolicy/shop/api Egress',
      'NetworkPolicy/shop/db Ingress',
    ]);
  });

  it('says in a comment which call each rule serves', async () => {
    const r = await runKnet(['policies', 'in.yaml'], { 'in.yaml': YAML });
    expect(r.stdout).toContain('# api calls db:5432 (env DATABASE_URL)');
    expect(r.stdout).toContain('# look up names in the cluster DNS, UDP and TCP (NP-14)');
  });

  // After --apply, what knet check says (the old allow-all is replaced, so it no longer admits web → db).
  it.each([
    ['shop/api', 'service:shop/db', 5432, 'allowed'],
    ['shop/web', 'service:shop/db', 5432, 'denied'],
    ['shop/api', 'shop/web', 80, 'denied'],
    ['shop/db', 'shop/api', 8080, 'denied'],
    ['shop/web', 'shop/api', 8080, 'denied'],
  ])('--apply: %s → %s:%i is %s', async (from, to, port, verdict) => {
    const applied = await runKnet(['policies', 'in.yaml', '--apply'], { 'in.yaml': YAML });
    expect(applied.code).toBe(EXIT.OK);
    expect(applied.stderr).toContain('NetworkPolicy/shop/allow-all replaced by the lock-down');
    const r = await runKnet(['check', 'out.yaml', '--from', from, '--to', to, '--port', String(port), '--json'], { 'out.yaml': applied.stdout });
    expect((JSON.parse(r.stdout) as { verdict: string }).verdict).toBe(verdict);
  });

  it('keeps the input and comments out the policies it replaces', async () => {
    const r = await runKnet(['policies', 'in.yaml', '--apply'], { 'in.yaml': YAML });
    expect(r.stdout.startsWith(YAML.slice(0, YAML.indexOf('apiVersion: networking.k8s.io/v1')))).toBe(true);
    expect(r.stdout).toContain('# NetworkPolicy/shop/allow-all is replaced by the policies knet policies appended below.\n# apiVersion: networking.k8s.io/v1');
  });

  it.each([
    [['--namespace', 'nowhere'], EXIT.INPUT, 'there is no namespace "nowhere"'],
    [['--port', '80'], EXIT.USAGE, '--port'],
  ])('refuses %j (exit %i)', async (flags, code, message) => {
    const r = await runKnet(['policies', 'in.yaml', ...flags], { 'in.yaml': YAML });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });
});
