import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet as run } from '../testing';

/**
 * Issue 17, end to end through the CLI: `knet allow --apply > out.yaml`, then `knet check out.yaml` says
 * allowed and `knet diff in.yaml out.yaml` lists exactly the one connection the new rule opens, with the
 * policy that opened it, and nothing denied. Hand-checked: `default-deny` isolates every pod in `shop` for
 * ingress; the new policy selects `app: api` and admits `app: web` on 8080 only, so `admin` → api, web → admin
 * and api → web stay denied.
 */
const IN = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{containerPort: 80}]}]}
status: {phase: Running, podIP: 10.244.1.10}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]}]}
status: {phase: Running, podIP: 10.244.1.11}
---
apiVersion: v1
kind: Pod
metadata: {name: admin, namespace: shop, labels: {app: admin}}
spec: {nodeName: node-2, containers: [{name: c, ports: [{containerPort: 80}]}]}
status: {phase: Running, podIP: 10.244.2.10}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;
const ASK = ['--from', 'shop/web', '--to', 'shop/api', '--port', '8080'];

describe('knet allow --apply, then knet check and knet diff', () => {
  it('opens exactly shop/web → shop/api on 8080/TCP, because of the new policy, and denies nothing', async () => {
    const applied = await run(['allow', 'in.yaml', ...ASK, '--apply'], { 'in.yaml': IN });
    expect(applied.code).toBe(EXIT.OK);
    const files = { 'in.yaml': IN, 'out.yaml': applied.stdout };

    const checked = await run(['check', 'out.yaml', ...ASK, '--json'], files);
    expect((JSON.parse(checked.stdout) as { verdict: string }).verdict).toBe('allowed');

    const diffed = await run(['diff', 'in.yaml', 'out.yaml', '--json'], files);
    expect(diffed.code).toBe(EXIT.OK);
    expect(JSON.parse(diffed.stdout)).toEqual({
      connections: [{ from: 'Pod/shop/web', to: 'Pod/shop/api', port: 8080, protocol: 'TCP', before: 'denied', after: 'allowed', because: 'NetworkPolicy/shop/allow-web-to-api' }],
      routes: [],
      dns: [],
    });
  });
});
