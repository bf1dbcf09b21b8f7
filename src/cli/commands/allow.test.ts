import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet as run } from '../testing';

const YAML = `# two pods and a default deny
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{containerPort: 80}]}]}
status: {phase: Running, podIP: 10.244.1.10}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.244.1.11}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;
const ASK = ['--from', 'shop/web', '--to', 'shop/api', '--port', '8080'];

describe('knet allow', () => {
  it('--json lists each change as {object, action, yaml}', async () => {
    const r = await run(['allow', 'in.yaml', ...ASK, '--json'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as { changes: { object: string; action: string; yaml: string }[] };
    expect(Object.keys(doc)).toEqual(['changes']);
    expect(doc.changes.map((c) => [c.object, c.action])).toEqual([['NetworkPolicy/shop/allow-web-to-api', 'create']]);
  });

  it('--apply prints the input rewritten, which knet check then allows', async () => {
    const r = await run(['allow', 'in.yaml', ...ASK, '--apply'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout.startsWith(YAML)).toBe(true);
    const c = await run(['check', 'out.yaml', ...ASK, '--json'], { 'out.yaml': r.stdout });
    expect((JSON.parse(c.stdout) as { verdict: string }).verdict).toBe('allowed');
  });

  it('says so and exits 0 when the connection is already allowed; --apply prints the input unchanged', async () => {
    const r = await run(['allow', 'in.yaml', ...ASK.slice(0, 2), '--to', 'shop/web', '--port', '80'], { 'in.yaml': YAML.replace('policyTypes: [Ingress]', 'policyTypes: [Egress]') });
    expect([r.code, r.stdout]).toEqual([EXIT.OK, 'Already allowed: no change.\n']);
    const a = await run(['allow', 'in.yaml', '--from', 'shop/api', '--to', 'shop/web', '--port', '80', '--apply'], { 'in.yaml': YAML.replace('{}, policyTypes', '{matchLabels: {app: api}}, policyTypes') });
    expect([a.code, a.stdout]).toEqual([EXIT.OK, YAML.replace('{}, policyTypes', '{matchLabels: {app: api}}, policyTypes')]);
  });

  it('exits 1 with the reason when no policy change can help, 2 for bad usage', async () => {
    const r = await run(['allow', 'in.yaml', '--from', 'shop/web', '--to', 'shop/api', '--port', '9999'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.INPUT);
    expect(r.stderr).toContain('does not listen on 9999/TCP');
    expect((await run(['allow', 'in.yaml', '--from', 'shop/web', '--to', 'shop/api'], { 'in.yaml': YAML })).code).toBe(EXIT.USAGE);
  });
});
