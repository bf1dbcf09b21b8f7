import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet } from '../testing';

const run = runKnet;

const YAML = `apiVersion: v1
kind: Service
metadata: {name: api, namespace: prod}
spec: {clusterIP: 10.96.0.12, ports: [{name: http, port: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: boxed, namespace: shop, labels: {app: boxed}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec: {podSelector: {matchLabels: {app: boxed}}, policyTypes: [Egress]}
`;

interface DNSJSON {
  query: { name: string; type: string };
  tried: string[];
  rcode: string | null;
  status: string;
  answers: { name: string; type: string; ttl: number; data: string }[];
}

describe('knet dns', () => {
  it('prints the contract JSON: names tried in order, rcode and zone-file answers', async () => {
    const r = await run(['dns', 'in.yaml', '--from', 'shop/client', 'api.prod', '--json'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as DNSJSON;
    expect(doc.query).toEqual({ name: 'api.prod', type: 'A' });
    expect(doc.tried).toEqual(['api.prod.shop.svc.cluster.local.', 'api.prod.svc.cluster.local.']);
    expect(doc.rcode).toBe('NOERROR');
    expect(doc.answers).toEqual([expect.objectContaining({ name: 'api.prod.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.0.12' })]);
  });

  it('takes the name as fully qualified without --from, and PTR accepts an address', async () => {
    const r = await run(['dns', 'in.yaml', '10.96.0.12', '--type', 'PTR', '--json'], { 'in.yaml': YAML });
    const doc = JSON.parse(r.stdout) as DNSJSON;
    expect(doc.tried).toEqual(['12.0.96.10.in-addr.arpa.']);
    expect(doc.answers.map((a) => `${a.type} ${a.data}`)).toEqual(['PTR api.prod.svc.cluster.local.']);
  });

  it('shows the resolv.conf, each name tried and the answer section for people', async () => {
    const r = await run(['dns', 'in.yaml', '--from', 'shop/client', 'api'], { 'in.yaml': YAML });
    expect(r.stdout).toContain('search shop.svc.cluster.local svc.cluster.local cluster.local');
    expect(r.stdout).toMatch(/1\. api\.shop\.svc\.cluster\.local\.\s+NXDOMAIN/);
    expect(r.stdout).toContain('api.prod');
  });

  it('times out when egress policy blocks UDP 53', async () => {
    const r = await run(['dns', 'in.yaml', '--from', 'shop/boxed', 'api.prod', '--json'], { 'in.yaml': YAML });
    const doc = JSON.parse(r.stdout) as DNSJSON & { reason: string };
    expect(doc.status).toBe('TIMEOUT');
    expect(doc.rcode).toBeNull();
    expect(doc.reason).toContain('shop/deny-egress');
  });

  it.each([
    ['an unknown outside name is NXDOMAIN from the simulated upstream resolver (DNS-12)', 'nothing.example.edu', 'NXDOMAIN', []],
    ['an RFC 2606 name gets the RFC 5737 documentation address from the simulated upstream resolver (DNS-12)', 'www.example.com', 'NOERROR', ['192.0.2.10']],
  ])('%s: rcode is never null outside a timeout', async (_name, qname, rcode, data) => {
    const r = await run(['dns', 'in.yaml', '--from', 'shop/client', qname, '--json'], { 'in.yaml': YAML });
    const doc = JSON.parse(r.stdout) as DNSJSON & { forwarded: boolean; assumptions: string[] };
    expect([doc.status, doc.rcode, doc.forwarded, doc.answers.map((a) => a.data)]).toEqual(['FORWARDED', rcode, true, data]);
    expect(doc.assumptions.some((a) => a.startsWith('[SIM]'))).toBe(true);
  });

  it.each([
    { argv: ['dns', 'in.yaml', '--from', 'shop/nope', 'api'], code: EXIT.INPUT },
    { argv: ['dns', 'in.yaml', 'api', '--type', 'MX'], code: EXIT.USAGE },
    { argv: ['dns', 'in.yaml'], code: EXIT.USAGE },
  ])('exits $code for $argv', async ({ argv, code }) => {
    const r = await run(argv, { 'in.yaml': YAML });
    expect(r.code).toBe(code);
    expect(r.stderr).not.toBe('');
  });
});
