import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet } from '../testing';

const BEFORE = `apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c}]}
`;
const DENY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-deny, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}
`;

describe('knet diff', () => {
  it('prints the changed connections with the object that caused them', async () => {
    const r = await runKnet(['diff', 'a.yaml', 'b.yaml', '--json'], { 'a.yaml': BEFORE, 'b.yaml': BEFORE + DENY });
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as { connections: unknown[]; routes: unknown[]; dns: unknown[] };
    expect(doc.connections).toContainEqual({ from: 'Pod/shop/web', to: 'Pod/shop/api', port: 8080, protocol: 'TCP', before: 'allowed', after: 'denied', because: 'NetworkPolicy/shop/api-deny' });
    expect(doc.routes).toEqual([]);
    expect(doc.dns).toEqual([]);
  });

  it('says so for people, and reads the second input from stdin', async () => {
    const r = await runKnet(['diff', 'a.yaml', '-'], { 'a.yaml': BEFORE }, BEFORE + DENY);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout).toContain('Pod/shop/web → Pod/shop/api 8080/TCP: allowed → denied  (NetworkPolicy/shop/api-deny)');
    const same = await runKnet(['diff', 'a.yaml', 'a.yaml', '--json'], { 'a.yaml': BEFORE });
    expect(JSON.parse(same.stdout)).toEqual({ connections: [], routes: [], dns: [] });
  });

  it('needs exactly two inputs', async () => {
    const r = await runKnet(['diff', 'a.yaml'], { 'a.yaml': BEFORE });
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toContain('give two inputs');
    expect((await runKnet(['diff', 'a.yaml', 'missing.yaml'], { 'a.yaml': BEFORE })).code).toBe(EXIT.INPUT);
  });
});

describe('knet test --start: a changes goal compares with the lab as shipped', () => {
  const LAB = `${BEFORE}${DENY}---
apiVersion: playground.knet.dev/v1
kind: Exercise
metadata: {name: lab}
spec:
  goals:
  - changes:
      opensOnly: [{from: shop/web, to: shop/api, port: 8080}]
`;
  const SOLVED = `${LAB}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]}
`;

  it('passes when the change opens exactly the goal, and fails without the start', async () => {
    const solved = await runKnet(['test', 'solved.yaml', '--start', 'lab.yaml'], { 'lab.yaml': LAB, 'solved.yaml': SOLVED });
    expect(solved.stdout).toContain('PASS from the starting version, opens only shop/web → shop/api:8080/TCP');
    expect(solved.code).toBe(EXIT.OK);
    const asShipped = await runKnet(['test', 'lab.yaml', '--start', 'lab.yaml'], { 'lab.yaml': LAB });
    expect(asShipped.code).toBe(EXIT.INPUT);
    expect(asShipped.stdout).toContain('got opens nothing');
    const noStart = await runKnet(['test', 'solved.yaml'], { 'solved.yaml': SOLVED });
    expect(noStart.code).toBe(EXIT.INPUT);
    expect(noStart.stdout).toContain('there is no starting version');
  });
});
