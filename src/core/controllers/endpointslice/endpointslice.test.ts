import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import type { EndpointSlice } from '../../model/discovery';
import { reconcile } from './reconcile';

function sim(yaml: string) {
  const s = simulate([{ name: 'test.yaml', text: yaml }]);
  const slicesOf = (svc: string, ns = 'default') => s.world.endpointSlices.filter((e) => e.namespace === ns && e.serviceName === svc);
  return { ...s, slicesOf, text: yaml };
}

/** `10.244.1.5:8080` for every endpoint × port of the slices; ports-less endpoints as bare IPs. */
function eps(slices: EndpointSlice[]): string[] {
  return slices.flatMap((s) => s.endpoints.flatMap((e) => (s.ports.length ? s.ports.map((p) => `${e.addresses[0]}:${p.port}`) : [e.addresses[0]!]))).sort();
}

const pod = (name: string, labels: string, extra = '', spec = "containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]") =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {${labels}}${extra ? `, ${extra}` : ''}}\nspec: {nodeName: node-1, ${spec}}\n---\n`;
const withStatus = (name: string, labels: string, status: string, meta = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {${labels}}${meta}}\nspec: {nodeName: node-1, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}\nstatus: ${status}\n---\n`;
const svc = (name: string, spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: ${spec}\n---\n`;

describe('named targetPort resolution (SVC-9)', () => {
  const cases: { name: string; pods: string; want: string[][] }[] = [
    {
      name: 'pods that resolve a named targetPort to different numbers land in different slices (edge case 1)',
      pods:
        pod('a', 'app: w', '', "containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]") +
        pod('b', 'app: w', '', "containers: [{name: c, ports: [{name: http, containerPort: 9090}]}]") +
        pod('c', 'app: w', '', "containers: [{name: c, ports: [{name: http, containerPort: 8080, protocol: UDP}]}]"),
      want: [['10.244.1.3:8080'], ['10.244.1.4:9090'], ['10.244.1.5']],
    },
    {
      name: 'a port named only on a plain init container is not found, on a sidecar it is (edge case 3)',
      pods:
        pod('init', 'app: w', '', "initContainers: [{name: i, ports: [{name: http, containerPort: 7070}]}], containers: [{name: c}]") +
        pod('side', 'app: w', '', "initContainers: [{name: i, restartPolicy: Always, ports: [{name: http, containerPort: 7070}]}], containers: [{name: c}]"),
      want: [['10.244.1.3'], ['10.244.1.4:7070']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = sim(c.pods + svc('web', '{selector: {app: w}, ports: [{name: web, port: 80, targetPort: http}]}'));
      const got = s.slicesOf('web').map((x) => eps([x])).sort();
      expect(got).toEqual([...c.want].sort());
    });
  }

  it('a UDP Service port does not match a TCP container port of the same name (edge case 2)', () => {
    const s = sim(pod('a', 'app: w') + svc('dns', '{selector: {app: w}, ports: [{name: dns, port: 53, protocol: UDP, targetPort: http}]}'));
    const slices = s.slicesOf('dns');
    expect(slices.map((x) => x.ports)).toEqual([[]]);
    expect(eps(slices)).toEqual(['10.244.1.3']);
    const d = s.diagnostics.find((x) => x.code === 'named-target-port-unresolved')!;
    expect(s.text.slice(d.range.start, d.range.end)).toBe('targetPort: http');
  });

  it('an omitted targetPort equals the port, not the container port (edge case 4)', () => {
    const s = sim(pod('a', 'app: w') + svc('web', '{selector: {app: w}, ports: [{port: 80}]}'));
    expect(eps(s.slicesOf('web'))).toEqual(['10.244.1.3:80']);
  });
});

describe('which pods become endpoints (SVC-6, SVC-7, EPS-4, EPS-5)', () => {
  it('selector: {} selects nothing and the Service gets no managed slice (edge case 5)', () => {
    const s = sim(pod('a', 'app: w') + svc('web', '{selector: {}, ports: [{port: 80}]}'));
    expect(s.slicesOf('web')).toEqual([]);
    expect(s.diagnostics.map((d) => d.code)).toContain('service-empty-selector');
  });

  it('a selector matching no pod keeps one placeholder slice without ports or endpoints (edge case 6)', () => {
    const s = sim(pod('a', 'app: w') + svc('web', '{selector: {app: x}, ports: [{port: 80}]}'));
    const slices = s.slicesOf('web');
    expect(slices.map((x) => [x.ports, x.endpoints])).toEqual([[[], []]]);
    expect(s.world.services.find((x) => x.name === 'web')!.clusterIPs).toHaveLength(1);
  });

  it('Succeeded, Failed and IP-less pods are not endpoints; terminating ones are (edge cases 7, 8)', () => {
    const s = sim(
      withStatus('done', 'app: w', '{phase: Succeeded}') +
        withStatus('failed', 'app: w', '{phase: Failed}') +
        withStatus('pending', 'app: w', '{phase: Pending}') +
        withStatus('ending', 'app: w', '{podIP: 10.244.1.50}', ', deletionTimestamp: "2024-01-01T00:00:00Z"') +
        withStatus('ok', 'app: w', '{podIP: 10.244.1.60}') +
        svc('web', '{selector: {app: w}, ports: [{port: 80}]}'),
    );
    const endpoints = s.slicesOf('web').flatMap((x) => x.endpoints);
    expect(endpoints.map((e) => [e.targetRef!.name, e.conditions])).toEqual([
      ['ending', { ready: false, serving: true, terminating: true }],
      ['ok', { ready: true, serving: true, terminating: false }],
    ]);
  });

  it('publishNotReadyAddresses makes unready and terminating pods ready (edge case 9)', () => {
    const s = sim(
      withStatus('unready', 'app: w', '{podIP: 10.244.1.50, conditions: [{type: Ready, status: "False"}]}') +
        withStatus('ending', 'app: w', '{podIP: 10.244.1.51}', ', deletionTimestamp: "2024-01-01T00:00:00Z"') +
        svc('web', '{selector: {app: w}, publishNotReadyAddresses: true, clusterIP: None, ports: [{port: 80}]}'),
    );
    expect(s.slicesOf('web').flatMap((x) => x.endpoints).map((e) => e.conditions.ready)).toEqual([true, true]);
  });

  it('250 endpoints make 3 slices of 100, 100 and 50 sorted by pod name (edge case 10)', () => {
    const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: big}\nspec:\n  replicas: 250\n  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n    spec: {containers: [{name: c}]}\n---\n`;
    const s = sim(deploy + svc('big', '{selector: {app: big}, ports: [{port: 80}]}'));
    const slices = s.slicesOf('big');
    expect(slices.map((x) => x.endpoints.length)).toEqual([100, 100, 50]);
    const names = slices.flatMap((x) => x.endpoints.map((e) => e.targetRef!.name));
    expect(names).toEqual([...names].sort());
    expect(new Set(slices.map((x) => x.name)).size).toBe(3);
    for (const x of slices) expect(x.name).toMatch(/^big-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('the reconciler skips a pod whose node is gone unless publishNotReadyAddresses (SVC-7)', () => {
    // kubernetes/kubernetes staging/src/k8s.io/endpointslice/reconciler.go reconcileByAddressType: a pod
    // whose Node is missing is left out, "if the service.Spec.PublishNotReadyAddresses is set we just add
    // the Pod". That pod still carries the IP it had when its node existed: call the reconciler on it directly.
    const s = sim(svc('web', '{selector: {app: w}, ports: [{port: 80}]}') + svc('pub', '{selector: {app: w}, publishNotReadyAddresses: true, ports: [{port: 80}]}'));
    const lost = { ...s.world.pods.find((p) => p.namespace === 'kube-system')!, id: 'Pod/default/lost', name: 'lost', namespace: 'default', labels: { app: 'w' }, nodeName: 'gone', ips: ['10.244.9.9'] };
    const of = (name: string) => reconcile(s.world.services.find((x) => x.name === name)!, [lost], s.world.nodes, 100);
    expect(eps(of('web'))).toEqual([]);
    expect(eps(of('pub'))).toEqual(['10.244.9.9:80']);
  });

  it('a pod bound to a node that is not in the input never starts: no endpoint, even with publishNotReadyAddresses (SVC-7)', () => {
    const lost = `apiVersion: v1\nkind: Pod\nmetadata: {name: lost, labels: {app: w}}\nspec: {nodeName: nowhere, containers: [{name: c}]}\nstatus: {podIP: 10.244.9.9}\n---\n`;
    const s = sim(lost + svc('web', '{selector: {app: w}, publishNotReadyAddresses: true, ports: [{port: 80}]}'));
    expect(eps(s.slicesOf('web'))).toEqual([]);
    expect(s.world.pods.find((p) => p.name === 'lost')).toMatchObject({ phase: 'Pending', ready: false, ips: [] });
  });

  it('endpoint hostname is set only when the pod subdomain names the Service (EPS-5)', () => {
    const s = sim(
      pod('a', 'app: w', '', 'hostname: one, subdomain: web, containers: [{name: c}]') +
        pod('b', 'app: w', '', 'hostname: two, subdomain: other, containers: [{name: c}]') +
        svc('web', '{selector: {app: w}, clusterIP: None, ports: [{port: 80}]}'),
    );
    expect(s.slicesOf('web').flatMap((x) => x.endpoints).map((e) => e.hostname ?? null)).toEqual(['one', null]);
  });

  it('managed slices carry the EPS-6 labels, the Service labels and an owner', () => {
    const s = sim(pod('a', 'app: w') + `apiVersion: v1\nkind: Service\nmetadata: {name: web, labels: {team: blue}}\nspec: {clusterIP: None, selector: {app: w}, ports: [{port: 80}]}\n`);
    const [slice] = s.slicesOf('web');
    expect(slice!.labels).toEqual({
      team: 'blue',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'service.kubernetes.io/headless': '',
    });
    expect(slice!.ownerId).toBe('Service/default/web');
    expect(slice!.endpoints[0]!.zone).toBe('zone-a');
  });

  it('slice names of a 63-character Service are cut as generateName cuts them', () => {
    const long = 'a'.repeat(63);
    const [slice] = sim(pod('a', 'app: w') + svc(long, '{selector: {app: w}, ports: [{port: 80}]}')).slicesOf(long);
    expect(slice!.name).toMatch(new RegExp(`^a{58}[bcdfghjklmnpqrstvwxz2456789]{5}$`));
  });

  it('ExternalName Services get no slices (SVC-3)', () => {
    const s = sim(svc('ext', '{type: ExternalName, externalName: example.com}'));
    expect(s.slicesOf('ext')).toEqual([]);
  });
});

describe('hand-written slices and mirroring (SVC-10, SVC-11, SVC-13)', () => {
  const slice = (labels: string, port: string) =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: manual, labels: {${labels}}}\naddressType: IPv4\nports: [${port}]\nendpoints: [{addresses: [10.1.0.5]}]\n---\n`;
  it('a slice without the service-name label is reported (edge case 11)', () => {
    const s = sim(svc('db', '{ports: [{name: http, port: 80, targetPort: 9376}]}') + slice('x: y', '{name: http, port: 8080}'));
    expect(s.diagnostics.map((d) => d.code)).toContain('endpointslice-without-service');
  });

  it('a slice port name that differs from the Service port name is reported at the name (edge case 11)', () => {
    const s = sim(svc('db', '{ports: [{name: http, port: 80, targetPort: 9376}]}') + slice('kubernetes.io/service-name: db', '{name: "", port: 8080}'));
    const d = s.diagnostics.find((x) => x.code === 'endpointslice-port-mismatch')!;
    expect(d.rule).toBe('SVC-11');
    expect(s.text.slice(d.range.start, d.range.end)).toBe('name: ""');
  });

  it('legacy Endpoints of a selector-less Service are mirrored with their port names', () => {
    const ep = `apiVersion: v1\nkind: Endpoints\nmetadata: {name: db}\nsubsets:\n- addresses: [{ip: 10.1.0.5}]\n  notReadyAddresses: [{ip: 10.1.0.6}]\n  ports: [{name: http, port: 8080}]\n`;
    const s = sim(svc('db', '{ports: [{name: http, port: 80}]}') + ep);
    const slices = s.slicesOf('db');
    expect(slices.map((x) => x.managedBy)).toEqual(['endpointslicemirroring-controller.k8s.io']);
    expect(eps(slices)).toEqual(['10.1.0.5:8080', '10.1.0.6:8080']);
    expect(slices[0]!.endpoints.map((e) => e.conditions.ready)).toEqual([true, false]);
  });

  it('skip-mirror and selector Services are not mirrored', () => {
    const ep = (labels: string) => `apiVersion: v1\nkind: Endpoints\nmetadata: {name: db, labels: {${labels}}}\nsubsets: [{addresses: [{ip: 10.1.0.5}], ports: [{port: 8080}]}]\n`;
    expect(sim(svc('db', '{ports: [{port: 80}]}') + ep('endpointslice.kubernetes.io/skip-mirror: "true"')).slicesOf('db')).toEqual([]);
    expect(sim(svc('db', '{selector: {app: db}, ports: [{port: 80}]}') + ep('a: b')).slicesOf('db').map((x) => x.managedBy)).toEqual(['endpointslice-controller.k8s.io']);
  });
});

describe('endpoint addresses kube-proxy will not use (SVC-12)', () => {
  const slice = (addresses: string) =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: manual, labels: {kubernetes.io/service-name: db}}\naddressType: IPv4\nports: [{port: 8080}]\nendpoints:\n${addresses}---\n`;
  const legacy = (ips: string) => `apiVersion: v1\nkind: Endpoints\nmetadata: {name: db}\nsubsets:\n- addresses: [${ips}]\n  ports: [{port: 8080}]\n---\n`;
  it.each([
    ['a loopback address in a hand-written EndpointSlice is reported on that address', slice('- addresses: [127.0.0.1]\n'), '127.0.0.1'],
    ['a link-local address in a hand-written EndpointSlice is reported on that address', slice('- addresses: [10.1.0.5]\n- addresses: [169.254.1.1]\n'), '169.254.1.1'],
    ["another Service's ClusterIP in a hand-written EndpointSlice is reported on that address", slice('- addresses: [10.96.0.10]\n'), '10.96.0.10'],
    ['a loopback address in legacy Endpoints is reported on that address', legacy('{ip: 10.1.0.5}, {ip: 127.0.0.2}'), 'ip: 127.0.0.2'],
  ])('%s', (_name, extra, bad) => {
    const s = sim(svc('db', '{ports: [{port: 80}]}') + extra);
    const found = s.diagnostics.filter((x) => x.code === 'endpoint-address-unusable');
    expect(found.map((d) => [d.rule, d.severity, s.text.slice(d.range.start, d.range.end)])).toEqual([['SVC-12', 'warning', bad]]);
  });

  it('a pod address in a hand-written EndpointSlice is not reported', () => {
    const s = sim(svc('db', '{ports: [{port: 80}]}') + slice('- addresses: [10.1.0.5]\n'));
    expect(s.diagnostics.map((d) => d.code)).not.toContain('endpoint-address-unusable');
  });
});

describe('service diagnostics', () => {
  it('a selector that misses names the closest pod and points at the selector', () => {
    const s = sim(pod('a', 'app: web, tier: fe') + svc('web', '{selector: {app: web, tier: be}, ports: [{port: 80}]}'));
    const d = s.diagnostics.find((x) => x.code === 'service-selects-nothing')!;
    expect(s.text.slice(d.range.start, d.range.end)).toBe('selector: {app: web, tier: be}');
    expect(d.message).toContain('Pod/default/a');
    expect(d.related).toHaveLength(1);
  });

  it('a selector matching pods only in another namespace says so', () => {
    const other = `apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: shop, labels: {app: w}}\nspec: {containers: [{name: c}]}\n---\n`;
    const s = sim(other + svc('web', '{selector: {app: w}, ports: [{port: 80}]}'));
    expect(s.diagnostics.map((d) => d.code)).toContain('service-selects-other-namespace');
    expect(s.diagnostics.map((d) => d.code)).not.toContain('service-selects-nothing');
  });

  it('a Service whose pods are all unready gets an info note', () => {
    const s = sim(withStatus('a', 'app: w', '{conditions: [{type: Ready, status: "False"}]}') + svc('web', '{selector: {app: w}, ports: [{port: 80}]}'));
    const d = s.diagnostics.find((x) => x.code === 'service-no-ready-endpoints')!;
    expect(d.severity).toBe('info');
  });

  it('system Services are never diagnosed', () => {
    const s = sim('');
    expect(s.diagnostics).toEqual([]);
  });
});

describe('topology hints (KP-13, KP-14, edge case 22)', () => {
  const nodes = (zones: (string | null)[]) =>
    zones.map((z, i) => `apiVersion: v1\nkind: Node\nmetadata: {name: n${i + 1}${z ? `, labels: {topology.kubernetes.io/zone: ${z}}` : ''}}\n---\n`).join('');
  const deploy = (replicas: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: w}}\n  template:\n    metadata: {labels: {app: w}}\n    spec: {containers: [{name: c}]}\n---\n`;
  const hints = (s: ReturnType<typeof sim>) => s.slicesOf('web').flatMap((x) => x.endpoints).map((e) => e.hints?.forZones.join(',') ?? null);

  it('PreferClose hints every ready endpoint with its zone', () => {
    const s = sim(nodes(['a', 'b']) + deploy(2) + svc('web', '{selector: {app: w}, trafficDistribution: PreferClose, ports: [{port: 80}]}'));
    expect(hints(s).sort()).toEqual(['a', 'b']);
  });

  it('topology-mode Auto with fewer endpoints than zones gives no hints', () => {
    const annotated = `apiVersion: v1\nkind: Service\nmetadata: {name: web, annotations: {service.kubernetes.io/topology-mode: Auto}}\nspec: {selector: {app: w}, ports: [{port: 80}]}\n`;
    expect(hints(sim(nodes(['a', 'b', 'c']) + deploy(2) + annotated))).toEqual([null, null]);
    expect(hints(sim(nodes(['a', 'b', 'c']) + deploy(3) + annotated)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('topology-mode Auto moves hints from an over-allocated zone to the others (KP-14 step 4)', () => {
    const podOn = (name: string, node: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: w}}\nspec: {nodeName: ${node}, containers: [{name: c}]}\n---\n`;
    const annotated = `apiVersion: v1\nkind: Service\nmetadata: {name: web, annotations: {service.kubernetes.io/topology-mode: Auto}}\nspec: {selector: {app: w}, ports: [{port: 80}]}\n`;
    const s = sim(nodes(['a', 'b', 'c']) + ['p1', 'p2', 'p3', 'p4'].map((p) => podOn(p, 'n1')).join('') + podOn('p5', 'n2') + podOn('p6', 'n3') + annotated);
    const zones = hints(s);
    expect(['a', 'b', 'c'].map((z) => zones.filter((x) => x === z).length)).toEqual([2, 2, 2]);
  });

  it('topology-mode Auto overrides trafficDistribution and gives no hints when a node has no zone', () => {
    const annotated = `apiVersion: v1\nkind: Service\nmetadata: {name: web, annotations: {service.kubernetes.io/topology-mode: Auto}}\nspec: {selector: {app: w}, trafficDistribution: PreferClose, ports: [{port: 80}]}\n`;
    expect(hints(sim(nodes(['a', 'b', null]) + deploy(3) + annotated))).toEqual([null, null, null]);
  });
});
