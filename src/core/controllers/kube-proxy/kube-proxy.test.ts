import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { categorizeEndpoints, healthCheck, lookupServiceAddress, servicePortEndpoints, serviceBackends, sourceIPSeen, type Client, type Via } from './index';

/** Three nodes n1..n3 (zones a, b, c; IPs 172.18.0.2..4) and whatever the test adds. */
const NODES = ['a', 'b', 'c']
  .map((z, i) => `apiVersion: v1\nkind: Node\nmetadata: {name: n${i + 1}, labels: {topology.kubernetes.io/zone: ${z}}}\n---\n`)
  .join('');
const pod = (name: string, node: string, labels = 'app: w', extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {${labels}}${extra}}\nspec: {nodeName: ${node}, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}\n---\n`;
const svc = (spec: string, name = 'web', meta = '') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}${meta}}\nspec: ${spec}\n---\n`;

function world(yaml: string) {
  const s = simulate([{ name: 't.yaml', text: NODES + yaml }]);
  const w = s.world;
  const service = (name = 'web') => w.services.find((x) => x.name === name)!;
  const client = (spec: string): Client => {
    if (spec.startsWith('node:')) return { kind: 'node', node: w.nodes.find((n) => n.name === spec.slice(5))! };
    if (spec.startsWith('ext@')) return { kind: 'external', ip: '203.0.113.7', node: w.nodes.find((n) => n.name === spec.slice(4))! };
    return { kind: 'pod', pod: w.pods.find((p) => p.name === spec)! };
  };
  const ask = (from: string, via: Via = 'clusterIP', name = 'web') => {
    const r = serviceBackends(w, service(name), service(name).ports[0]!, client(from), via);
    return { ...r, eps: r.endpoints.map((e) => `${e.ip}:${e.port}`).sort(), rules: r.reasons.map((x) => x.rule) };
  };
  return { w, s, service, client, ask };
}

// Pod IPs: the first pod on nX gets 10.244.X.2, the next 10.244.X.3.
const THREE = pod('p1', 'n1') + pod('p2', 'n2') + pod('client', 'n3', 'role: client');

describe('usable endpoints and outcomes (KP-2..KP-5)', () => {
  const cases: { name: string; yaml: string; from: string; via?: Via; outcome: string; eps: string[] }[] = [
    { name: 'a ClusterIP Service balances over every ready endpoint', yaml: THREE + svc('{selector: {app: w}, ports: [{port: 80, targetPort: http}]}'), from: 'client', outcome: 'ok', eps: ['10.244.1.3:8080', '10.244.2.3:8080'] },
    { name: 'no endpoint at all rejects at once (edge case 6)', yaml: THREE + svc('{selector: {app: nothing}, ports: [{port: 80}]}'), from: 'client', outcome: 'reject', eps: [] },
    { name: 'internalTrafficPolicy Local with endpoints only on other nodes drops (edge case 17)', yaml: THREE + svc('{selector: {app: w}, internalTrafficPolicy: Local, ports: [{port: 80}]}'), from: 'client', outcome: 'drop', eps: [] },
    { name: 'internalTrafficPolicy Local uses the endpoint on the client node', yaml: THREE + svc('{selector: {app: w}, internalTrafficPolicy: Local, ports: [{port: 80}]}'), from: 'p1', outcome: 'ok', eps: ['10.244.1.3:80'] },
    { name: 'externalTrafficPolicy Local drops on a node without a local endpoint (edge case 15)', yaml: THREE + svc('{type: NodePort, externalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}'), from: 'ext@n3', via: 'nodePort', outcome: 'drop', eps: [] },
    { name: 'externalTrafficPolicy Local serves from the receiving node only', yaml: THREE + svc('{type: NodePort, externalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}'), from: 'ext@n2', via: 'nodePort', outcome: 'ok', eps: ['10.244.2.3:80'] },
    { name: 'externalTrafficPolicy Local from a pod short-circuits to the cluster view (edge case 16)', yaml: THREE + svc('{type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}'), from: 'client', via: 'loadBalancer', outcome: 'ok', eps: ['10.244.1.3:80', '10.244.2.3:80'] },
    { name: 'a headless Service is not proxied (KP-9)', yaml: THREE + svc('{clusterIP: None, selector: {app: w}, ports: [{port: 80}]}'), from: 'client', outcome: 'not-proxied', eps: [] },
    {
      name: 'terminating pods are used only when no ready endpoint exists anywhere (edge case 8)',
      yaml: pod('old', 'n1', 'app: w', ', deletionTimestamp: "2024-01-01T00:00:00Z"') + pod('client', 'n3', 'role: client') + svc('{selector: {app: w}, ports: [{port: 80}]}'),
      from: 'client', outcome: 'ok', eps: ['10.244.1.3:80'],
    },
    {
      name: 'publishNotReadyAddresses sends traffic to an unready pod (edge case 9)',
      yaml: `apiVersion: v1\nkind: Pod\nmetadata: {name: slow, labels: {app: w}}\nspec: {nodeName: n1, containers: [{name: c}]}\nstatus: {conditions: [{type: Ready, status: "False"}]}\n---\n` + pod('client', 'n3', 'role: client') + svc('{selector: {app: w}, publishNotReadyAddresses: true, ports: [{port: 80}]}'),
      from: 'client', outcome: 'ok', eps: ['10.244.1.3:80'],
    },
    {
      name: 'an unready pod without publishNotReadyAddresses gets nothing, and the connection is refused',
      yaml: `apiVersion: v1\nkind: Pod\nmetadata: {name: slow, labels: {app: w}}\nspec: {nodeName: n1, containers: [{name: c}]}\nstatus: {conditions: [{type: Ready, status: "False"}]}\n---\n` + pod('client', 'n3', 'role: client') + svc('{selector: {app: w}, ports: [{port: 80}]}'),
      from: 'client', outcome: 'reject', eps: [],
    },
    {
      name: 'a ready endpoint wins over a terminating one',
      yaml: pod('old', 'n1', 'app: w', ', deletionTimestamp: "2024-01-01T00:00:00Z"') + pod('new', 'n2') + pod('client', 'n3', 'role: client') + svc('{selector: {app: w}, ports: [{port: 80}]}'),
      from: 'client', outcome: 'ok', eps: ['10.244.2.3:80'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = world(c.yaml).ask(c.from, c.via);
      expect([r.outcome, r.eps]).toEqual([c.outcome, c.eps]);
    });
  }
});

describe('hand-written slices as kube-proxy reads them (SVC-11, SVC-12, EPS-7)', () => {
  const slice = (port: string, endpoints: string) =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: m, labels: {kubernetes.io/service-name: web}}\naddressType: IPv4\nports: [${port}]\nendpoints: ${endpoints}\n---\n`;
  const cases: { name: string; port: string; endpoints: string; outcome: string; eps: string[] }[] = [
    { name: 'the slice port number is used, not the Service targetPort (edge case 12)', port: '{name: http, port: 8080}', endpoints: '[{addresses: [10.1.0.5]}]', outcome: 'ok', eps: ['10.1.0.5:8080'] },
    { name: 'an unnamed slice port does not join a named Service port (edge case 11)', port: '{port: 8080}', endpoints: '[{addresses: [10.1.0.5]}]', outcome: 'reject', eps: [] },
    { name: 'only the first address of an endpoint is a backend (edge case 13)', port: '{name: http, port: 8080}', endpoints: '[{addresses: [10.1.0.5, 10.1.0.6]}]', outcome: 'ok', eps: ['10.1.0.5:8080'] },
    { name: 'an endpoint without conditions is ready (edge case 14)', port: '{name: http, port: 8080}', endpoints: '[{addresses: [10.1.0.5]}, {addresses: [10.1.0.7], conditions: {ready: false}}]', outcome: 'ok', eps: ['10.1.0.5:8080'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = world(pod('client', 'n3', 'role: client') + svc('{ports: [{name: http, port: 80, targetPort: 9376}]}') + slice(c.port, c.endpoints)).ask('client');
      expect([r.outcome, r.eps]).toEqual([c.outcome, c.eps]);
    });
  }

  it('identical IP:port in two slices is one backend (SVC-12)', () => {
    const two = slice('{name: http, port: 8080}', '[{addresses: [10.1.0.5]}]') + slice('{name: http, port: 8080}', '[{addresses: [10.1.0.5]}]').replace('name: m,', 'name: m2,');
    const r = world(pod('client', 'n3', 'role: client') + svc('{ports: [{name: http, port: 80}]}') + two).ask('client');
    expect(r.eps).toEqual(['10.1.0.5:8080']);
  });
});

describe('source address seen by the backend (KP-6)', () => {
  const cases: { name: string; yaml: string; from: string; via: Via; want: string }[] = [
    { name: 'pod to ClusterIP keeps the pod IP', yaml: THREE + svc('{selector: {app: w}, ports: [{port: 80}]}'), from: 'client', via: 'clusterIP', want: '10.244.3.2' },
    { name: 'a pod reaching itself is masqueraded to its node IP (edge case 18)', yaml: pod('p1', 'n1') + svc('{selector: {app: w}, ports: [{port: 80}]}'), from: 'p1', via: 'clusterIP', want: '172.18.0.2' },
    { name: 'NodePort with Cluster policy shows the receiving node IP (edge case 19)', yaml: pod('p1', 'n1') + svc('{type: NodePort, selector: {app: w}, ports: [{port: 80}]}'), from: 'ext@n1', via: 'nodePort', want: '172.18.0.2' },
    { name: 'NodePort with Local policy keeps the client IP', yaml: pod('p1', 'n1') + svc('{type: NodePort, externalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}'), from: 'ext@n1', via: 'nodePort', want: '203.0.113.7' },
    { name: 'a node process connects from the node IP', yaml: pod('p1', 'n1') + svc('{selector: {app: w}, ports: [{port: 80}]}'), from: 'node:n2', via: 'clusterIP', want: '172.18.0.3' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const t = world(c.yaml);
      const r = t.ask(c.from, c.via);
      expect(r.endpoints.length).toBeGreaterThan(0);
      expect(sourceIPSeen(t.w, r, t.client(c.from), r.endpoints[0]!).ip).toBe(c.want);
    });
  }
});

describe('a pod dialling a NodePort (KP-4, KP-6)', () => {
  it.each([
    ["on another node's address, the receiving node proxies and SNATs it to its own IP (edge case 19)", '{type: NodePort, selector: {app: w}, ports: [{port: 80}]}', 'n2', 'n2', '172.18.0.3'],
    ["on its own node's address, its own node masquerades it", '{type: NodePort, selector: {app: w}, ports: [{port: 80}]}', 'n3', 'n3', '172.18.0.4'],
    ['under externalTrafficPolicy Local, the short-circuit keeps the client pod IP (KP-6)', '{type: NodePort, externalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}', 'n3', 'n3', '10.244.3.2'],
  ])('%s', (_name, spec, dialled, proxying, seen) => {
    const t = world(THREE + svc(spec));
    const node = t.w.nodes.find((n) => n.name === dialled)!;
    const r = serviceBackends(t.w, t.service(), t.service().ports[0]!, t.client('client'), 'nodePort', node);
    expect([r.outcome, r.node]).toEqual(['ok', proxying]);
    expect(sourceIPSeen(t.w, r, t.client('client'), r.endpoints[0]!).ip).toBe(seen);
  });
});

describe('topology, affinity, source ranges, health checks', () => {
  it('PreferClose keeps a client in zone c on the zone-c endpoint, and another zone on all (KP-13)', () => {
    const yaml = pod('a1', 'n1') + pod('a2', 'n1') + pod('c1', 'n3') + pod('client', 'n3', 'role: client') + pod('client2', 'n2', 'role: client') + svc('{selector: {app: w}, trafficDistribution: PreferClose, ports: [{port: 80}]}');
    const t = world(yaml);
    expect(t.ask('client').eps).toEqual(['10.244.3.2:80']);
    expect(t.ask('client').rules).toContain('KP-12');
    expect(t.ask('client2').eps).toEqual(['10.244.1.3:80', '10.244.1.4:80', '10.244.3.2:80']);
  });

  it('internalTrafficPolicy Local disables hints', () => {
    const t = world(pod('a1', 'n1') + pod('c1', 'n3') + pod('client', 'n3', 'role: client') + svc('{selector: {app: w}, internalTrafficPolicy: Local, trafficDistribution: PreferClose, ports: [{port: 80}]}'));
    expect(t.ask('client').rules).not.toContain('KP-12');
  });

  it('sessionAffinity ClientIP reports the client key and the default timeout (edge case 20)', () => {
    const r = world(THREE + svc('{selector: {app: w}, sessionAffinity: ClientIP, ports: [{port: 80}]}')).ask('client');
    expect(r.affinity).toEqual({ clientIP: '10.244.3.2', timeoutSeconds: 10800 });
  });

  it('loadBalancerSourceRanges drops LB traffic from other sources but not ClusterIP traffic (KP-15)', () => {
    const t = world(THREE + svc('{type: LoadBalancer, loadBalancerSourceRanges: [192.0.2.0/24], selector: {app: w}, ports: [{port: 80}]}'));
    expect(t.ask('ext@n1', 'loadBalancer').outcome).toBe('drop');
    expect(t.ask('client', 'clusterIP').outcome).toBe('ok');
  });

  it('an external client of a Local LoadBalancer is sent only to nodes passing the health check (KP-10)', () => {
    const t = world(pod('p1', 'n1') + svc('{type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}'));
    const r = t.ask('ext@n3', 'loadBalancer');
    expect([r.outcome, r.eps, r.node, r.rules.includes('KP-10')]).toEqual(['ok', ['10.244.1.3:80'], 'n1', true]);
    expect(sourceIPSeen(t.w, r, t.client('ext@n3'), r.endpoints[0]!).ip).toBe('203.0.113.7');
    // The same client on the NodePort of a node without endpoints is dropped: no load balancer in between.
    expect(t.ask('ext@n3', 'nodePort').outcome).toBe('drop');
  });

  it('the healthCheckNodePort answers 200 only on nodes with a local endpoint (KP-10)', () => {
    const t = world(pod('p1', 'n1') + svc('{type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}'));
    expect(t.w.nodes.map((n) => healthCheck(t.w, t.service(), n)!.status)).toEqual([200, 503, 503]);
  });
});

describe('lookupServiceAddress', () => {
  it('finds a Service by ClusterIP, NodePort on a node IP, LB IP and externalIP', () => {
    const t = world(pod('p1', 'n1') + svc('{type: LoadBalancer, clusterIP: 10.96.5.5, externalIPs: [198.51.100.9], selector: {app: w}, ports: [{port: 80, nodePort: 30080}]}'));
    const s = t.service();
    const found = (ip: string, port: number) => {
      const r = lookupServiceAddress(t.w, ip, port);
      return r && `${r.service.name}/${r.via}`;
    };
    expect(found('10.96.5.5', 80)).toBe('web/clusterIP');
    expect(found('172.18.0.3', 30080)).toBe('web/nodePort');
    expect(found(s.loadBalancerIPs[0]!, 80)).toBe('web/loadBalancer');
    expect(found('198.51.100.9', 80)).toBe('web/externalIP');
    expect(found('10.96.5.5', 81)).toBeUndefined();
    expect(found('127.0.0.1', 30080)).toBeUndefined();
  });
});

describe('categorizeEndpoints (upstream pkg/proxy/topology.go)', () => {
  const cases: { name: string; spec: string; on: string; cluster: string[] | null; local: string[] | null; any: boolean }[] = [
    { name: 'a Cluster/Cluster Service uses only cluster endpoints', spec: '{type: NodePort, selector: {app: w}, ports: [{port: 80}]}', on: 'n1', cluster: ['10.244.1.3', '10.244.2.3'], local: null, any: true },
    { name: 'externalTrafficPolicy Local uses both views', spec: '{type: NodePort, externalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}', on: 'n2', cluster: ['10.244.1.3', '10.244.2.3'], local: ['10.244.2.3'], any: true },
    { name: 'both policies Local use only local endpoints', spec: '{type: NodePort, externalTrafficPolicy: Local, internalTrafficPolicy: Local, selector: {app: w}, ports: [{port: 80}]}', on: 'n3', cluster: null, local: [], any: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const t = world(pod('p1', 'n1') + pod('p2', 'n2') + svc(c.spec));
      const s = t.service();
      const r = categorizeEndpoints(servicePortEndpoints(t.w, s, s.ports[0]!), s, t.w.nodes.find((n) => n.name === c.on));
      const ips = (b: { ip: string }[] | null) => b && b.map((x) => x.ip).sort();
      expect([ips(r.clusterEndpoints), ips(r.localEndpoints), r.hasAnyEndpoints]).toEqual([c.cluster, c.local, c.any]);
    });
  }
});

describe('endpoint address rules (SVC-12)', () => {
  const slice = (addresses: string[]) =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: h-1, labels: {kubernetes.io/service-name: web}}\naddressType: IPv4\nports: [{port: 8080}]\nendpoints:\n${addresses.map((a) => `- {addresses: ["${a}"]}`).join('\n')}\n---\n`;
  it.each([
    ['loopback, link-local and ClusterIP addresses are not endpoints of a hand-written slice', ['127.0.0.1', '169.254.1.1', '224.0.0.5', '10.96.0.10', '10.1.0.5'], 'ok', ['10.1.0.5:8080']],
    ['a Service whose only endpoint is a loopback address rejects connections (KP-5)', ['127.0.0.1'], 'reject', []],
  ])('%s', (_name, addresses, outcome, eps) => {
    const { ask, w, service } = world(svc('{ports: [{port: 80}]}') + slice(addresses) + pod('client', 'n3', 'role: client'));
    const r = ask('client');
    expect([r.outcome, r.eps]).toEqual([outcome, eps]);
    expect(servicePortEndpoints(w, service(), service().ports[0]!).map((b) => b.ip)).toEqual(eps.map((e) => e.split(':')[0]));
  });
});
