import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet } from '../testing';

const run = runKnet;

const YAML = `apiVersion: v1
kind: Pod
metadata: {name: a, namespace: shop, labels: {app: web}}
spec: {nodeName: node-2, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, clusterIP: 10.96.0.20, ports: [{name: http, port: 80, targetPort: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: ext, namespace: shop}
spec: {type: ExternalName, externalName: example.com}
`;

describe('knet endpoints', () => {
  it('prints the contract JSON shape for the input Services only', async () => {
    const r = await run(['endpoints', 'in.yaml', '--json'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as { services: { namespace: string; name: string; type: string; clusterIP: string | null; slices: unknown[] }[] };
    expect(doc.services.map((s) => [s.namespace, s.name, s.type, s.clusterIP, s.slices.length])).toEqual([
      ['shop', 'ext', 'ExternalName', null, 0],
      ['shop', 'web', 'ClusterIP', '10.96.0.20', 1],
    ]);
    expect(doc.services[1]!.slices[0]).toMatchObject({
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.2.3'], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'shop', name: 'a' }, nodeName: 'node-2', zone: 'zone-b' }],
    });
  });

  it('lists system Services with --all or when --service names one', async () => {
    const all = JSON.parse((await run(['endpoints', 'in.yaml', '--json', '--all'], { 'in.yaml': YAML })).stdout) as { services: { name: string }[] };
    expect(all.services.map((s) => s.name)).toEqual(['kubernetes', 'kube-dns', 'ext', 'web']);
    const one = JSON.parse((await run(['endpoints', 'in.yaml', '--json', '--service', 'kube-system/kube-dns'], { 'in.yaml': YAML })).stdout) as { services: { name: string }[] };
    expect(one.services.map((s) => s.name)).toEqual(['kube-dns']);
  });

  it('prints a table for people with endpoints as IPs and their pods', async () => {
    const r = await run(['endpoints', 'in.yaml', '--service', 'shop/web'], { 'in.yaml': YAML });
    expect(r.stdout).toContain('shop/web  ClusterIP  10.96.0.20');
    expect(r.stdout).toMatch(/10\.244\.2\.3\s+ready\s+node-2\s+zone-b\s+Pod shop\/a/);
  });

  it('exits 1 for a Service that is not in the input', async () => {
    const r = await run(['endpoints', 'in.yaml', '--service', 'shop/nope'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.INPUT);
  });
});
