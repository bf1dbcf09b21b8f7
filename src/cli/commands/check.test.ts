import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet } from '../testing';

const run = runKnet;

const YAML = `apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.244.1.10}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: data, labels: {app: db}}
spec: {nodeName: node-2, containers: [{name: c, ports: [{containerPort: 5432}, {containerPort: 53, protocol: UDP}]}]}
status: {phase: Running, podIP: 10.244.2.20}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: data}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;

describe('knet check', () => {
  it('prints the contract JSON fields with the isolating policy and a reason', async () => {
    const r = await run(['check', 'in.yaml', '--from', 'shop/api', '--to', 'data/db', '--port', '5432', '--json'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & { egress: { verdict: string; policies: string[] }; ingress: { verdict: string; policies: string[]; cites: { line: number; path: string }[] } };
    expect(doc).toMatchObject({ verdict: 'denied', from: 'shop/api', to: 'data/db', port: 5432, protocol: 'TCP' });
    expect(doc.egress).toMatchObject({ verdict: 'allowed', policies: [] });
    expect(doc.ingress).toMatchObject({ verdict: 'denied', policies: ['data/default-deny'] });
    expect(doc.ingress.cites[0]).toMatchObject({ line: 16, path: 'spec.podSelector' });
    expect(typeof doc.reason).toBe('string');
  });

  it('explains the verdict for people and points at the YAML', async () => {
    const r = await run(['check', 'in.yaml', '--from', 'shop/api', '--to', 'data/db', '--port', '5432'], { 'in.yaml': YAML });
    expect(r.stdout).toContain('DENIED');
    expect(r.stdout).toContain('in.yaml:16:');
  });

  it('exits 1 for an unknown pod and 2 for bad usage', async () => {
    expect((await run(['check', 'in.yaml', '--from', 'shop/nope', '--to', 'data/db', '--port', '1'], { 'in.yaml': YAML })).code).toBe(EXIT.INPUT);
    expect((await run(['check', 'in.yaml', '--from', 'shop/api', '--to', 'data/db'], { 'in.yaml': YAML })).code).toBe(EXIT.USAGE);
    expect((await run(['check', 'in.yaml', '--from', 'shop/api', '--to', 'data/db', '--port', '1', '--protocol', 'GRE'], { 'in.yaml': YAML })).code).toBe(EXIT.USAGE);
  });

  it.each([
    ['node-2', 'allowed'],
    ['node-1', 'denied'],
  ])('--node %s names the node that received load-balancer traffic, whose SNAT address the policy judges (NP-12)', async (node, verdict) => {
    const lb = `---\napiVersion: v1\nkind: Service\nmetadata: {name: pub, namespace: data}\nspec: {type: LoadBalancer, selector: {app: db}, ports: [{port: 80, targetPort: 5432}]}\nstatus: {loadBalancer: {ingress: [{ip: 172.18.255.200}]}}\n`;
    const r = await run(['check', 'in.yaml', '--from', 'ip:8.8.8.8', '--to', 'ip:172.18.255.200', '--port', '80', '--node', node, '--json'], { 'in.yaml': YAML + lb });
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as { verdict: string; service: { node: string } };
    expect([doc.verdict, doc.service.node]).toEqual([verdict, node]);
  });
});

describe('knet matrix', () => {
  it('prints one row string per source pod and port, system pods left out', async () => {
    const r = await run(['matrix', 'in.yaml', '--port', '5432', '--port', '53/udp', '--json'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.OK);
    expect(JSON.parse(r.stdout)).toEqual({
      pods: ['shop/api', 'data/db'],
      ports: [{ port: 5432, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }],
      matrix: { '5432/TCP': ['10', '11'], '53/UDP': ['10', '11'] },
    });
  });

  it('uses every declared container port without --port and filters by --namespace', async () => {
    const r = await run(['matrix', 'in.yaml', '--namespace', 'data', '--json'], { 'in.yaml': YAML });
    expect(JSON.parse(r.stdout)).toMatchObject({ pods: ['data/db'], ports: [{ port: 53, protocol: 'UDP' }, { port: 5432, protocol: 'TCP' }] });
  });

  it.each([
    ['a sidecar (init container with restartPolicy Always) counts as a container (SVC-9)', 'Always', [{ port: 8080, protocol: 'TCP' }, { port: 9090, protocol: 'TCP' }]],
    ['a plain init container that has exited does not serve its port', 'Never', [{ port: 8080, protocol: 'TCP' }]],
  ])('without --port, %s', async (_name, restartPolicy, ports) => {
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: app}\nspec:\n  initContainers: [{name: s, image: x, ${restartPolicy === 'Always' ? 'restartPolicy: Always, ' : ''}ports: [{containerPort: 9090}]}]\n  containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]\n`;
    const r = await run(['matrix', 'in.yaml', '--namespace', 'app', '--json'], { 'in.yaml': pod });
    expect((JSON.parse(r.stdout) as { ports: unknown }).ports).toEqual(ports);
  });

  it("includes pods the input declares in kube-system, and leaves out only the simulator's own", async () => {
    const dns = `apiVersion: v1\nkind: Pod\nmetadata: {name: my-dns, namespace: kube-system, labels: {app: my-dns}}\nspec: {containers: [{name: c, ports: [{containerPort: 53, protocol: UDP}]}]}\n`;
    const r = await run(['matrix', 'in.yaml', '--port', '53/udp', '--json'], { 'in.yaml': `${YAML}---\n${dns}` });
    const pods = (JSON.parse(r.stdout) as { pods: string[] }).pods;
    expect(pods).toEqual(['shop/api', 'data/db', 'kube-system/my-dns']);
    // The CoreDNS pods the simulator adds come only when their namespace is asked for.
    const asked = await run(['matrix', 'in.yaml', '--port', '53/udp', '--namespace', 'kube-system', '--json'], { 'in.yaml': `${YAML}---\n${dns}` });
    expect((JSON.parse(asked.stdout) as { pods: string[] }).pods).toEqual(expect.arrayContaining(['kube-system/my-dns', expect.stringMatching(/^kube-system\/coredns-/)]));
  });

  it('rejects a malformed --port with exit 2', async () => {
    expect((await run(['matrix', 'in.yaml', '--port', '80/icmp'], { 'in.yaml': YAML })).code).toBe(EXIT.USAGE);
  });
});
