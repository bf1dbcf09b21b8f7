import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../options';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { generateCluster, sizeFor } from '../../bench/generate';
import { readManifests } from './read';
import { parseFile } from './parse';
import { unknownFields } from './unknown-fields';

function read(text: string) {
  const diags: Diagnostic[] = [];
  const world = readManifests([{ name: 'test.yaml', text }], DEFAULT_OPTIONS, diags);
  const at = (d: Diagnostic) => text.slice(d.range.start, d.range.end);
  return { world, diags, at };
}

const svc = (name: string, spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: ${spec}\n`;

describe('reading multi-document YAML', () => {
  it('keeps reading the other documents when one has a syntax error', () => {
    const { world, diags } = read(`${svc('a', '{ports: [{port: 80}]}')}---\nkind: [oops\n---\n${svc('b', '{ports: [{port: 80}]}')}`);
    expect(world.services.map((s) => s.name)).toEqual(['a', 'b']);
    expect(diags.map((d) => d.code)).toContain('yaml-syntax');
  });

  it('reports a duplicate key at the key', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n';
    const { diags } = read(text);
    expect(diags).toHaveLength(1);
    expect(diags[0]!.code).toBe('yaml-duplicate-key');
    expect(text.slice(0, diags[0]!.range.start).split('\n').length).toBe(5);
  });

  it('unfolds kind: List and *List objects as kubectl prints them', () => {
    const text = `apiVersion: v1\nkind: ServiceList\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n  spec: {ports: [{port: 80}]}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n  spec: {ports: [{port: 80, targetPort: x_y}]}\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: shop}\n`;
    const { world, diags, at } = read(text);
    // b is rejected (ADM-2) and left out; a and the Namespace are read.
    expect(world.services.map((s) => s.id)).toEqual(['Service/default/a']);
    expect(world.namespaces.find((n) => n.name === 'shop')?.implicit).toBe(false);
    // Ranges of list items point into the item, not the list.
    expect(diags.map((d) => [d.code, at(d)])).toEqual([['invalid-value', 'targetPort: x_y']]);
  });

  it('reports unknown kinds as info and ignores them', () => {
    const { diags, at } = read('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n');
    expect(diags.map((d) => [d.code, d.severity, at(d)])).toEqual([['unknown-kind', 'info', 'kind: Widget']]);
  });

  it.each([
    // [apiVersion, kind, what the message ends with]
    ['v1', 'Serice', 'Did you mean Service? The object is ignored.'],
    ['v1', 'service', 'Did you mean Service? The object is ignored.'],
    ['apps/v1', 'Deploymnet', 'Did you mean Deployment? The object is ignored.'],
    ['networking.k8s.io/v1', 'NetworkPolcy', 'Did you mean NetworkPolicy? The object is ignored.'],
    ['v1', 'Lease', 'Lease is served by coordination.k8s.io/v1. The object is ignored.'],
    ['v1', 'Gizmo', '(no matches for kind "Gizmo" in version "v1"). The object is ignored.'],
  ])('refuses %s %s, a kind its built-in group does not serve, as the API server would', (apiVersion, kind, end) => {
    const { world, diags, at } = read(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w, namespace: shop}\n`);
    expect(diags.map((d) => [d.code, d.severity, at(d)])).toEqual([['no-such-kind', 'error', `kind: ${kind}`]]);
    expect(diags[0]!.message.endsWith(end), diags[0]!.message).toBe(true);
    // Left out as the API server would leave it, and said so (knet lists it; the page's answers can name it).
    expect(world.leftOut.map((l) => l.object)).toEqual([`${kind}/shop/w`]);
  });

  it.each([
    ['v1', 'ConfigMap'],
    ['v1', 'PersistentVolumeClaim'],
    ['rbac.authorization.k8s.io/v1', 'Role'],
    ['coordination.k8s.io/v1', 'Lease'],
    ['cert-manager.io/v1', 'Certificate'],
    ['networking.k8s.io/v1beta2', 'Thing'],
  ])('only says %s %s is not simulated (the kind exists, or its group is not built in)', (apiVersion, kind) => {
    const { diags } = read(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w}\n`);
    expect(diags.map((d) => d.severity)).not.toContain('error');
  });

  const deploy = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: ${spec}\n`;
  const np = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec: ${spec}\n`;
  it.each([
    // [text, where the error is, what the message ends with]
    [svc('web', '{selector: {app: web}, ports: [{port: 80, targetPrt: 8080}]}'), 'targetPrt: 8080', 'Did you mean targetPort? The object is ignored.'],
    [svc('web', '{elector: {app: web}, ports: [{port: 80}]}'), 'elector: {app: web}', 'Did you mean selector? The object is ignored.'],
    [np('{podSelecter: {}, policyTypes: [Ingress]}'), 'podSelecter: {}', 'Did you mean podSelector? The object is ignored.'],
    [np('{podSelector: {matchLabel: {app: a}}}'), 'matchLabel: {app: a}', 'Did you mean matchLabels? The object is ignored.'],
    [np('{podSelector: {}, ingress: [{from: [{podSelector: {}, namspaceSelector: {}}]}]}'), 'namspaceSelector: {}', 'Did you mean namespaceSelector? The object is ignored.'],
    [deploy('{selector: {matchLabels: {app: w}}, template: {metadata: {labels: {app: w}}, spec: {containers: [{name: c, image: x, port: [{containerPort: 80}]}]}}}'), 'port: [{containerPort: 80}]', 'Did you mean ports? The object is ignored.'],
    [svc('web', '{ports: [{port: 80}]}').replace('metadata: {', 'metadata: {lables: {a: b}, '), 'lables: {a: b}', 'Did you mean labels? The object is ignored.'],
    [svc('web', '{ports: [{port: 80}]}') + 'spek: {}\n', 'spek: {}', 'Did you mean spec? The object is ignored.'],
  ])('refuses an object with a field its kind does not have, as kubectl apply does: %#', (text, where, end) => {
    const { world, diags, at } = read(text);
    expect(diags.map((d) => [d.code, d.severity, at(d)])).toEqual([['unknown-field', 'error', where]]);
    expect(diags[0]!.message.endsWith(end), diags[0]!.message).toBe(true);
    expect(world.leftOut).toHaveLength(1);
  });

  it('says nothing of fields inside maps of any keys, status, or kinds whose fields it does not list', () => {
    const text = [
      svc('web', '{selector: {anything: goes}, ports: [{port: 80}], sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}}') + 'status: {loadBalancer: {}}\n',
      deploy('{selector: {matchLabels: {app: w}}, template: {metadata: {labels: {app: w}, annotations: {x: y}}, spec: {containers: [{name: c, image: x, env: [{name: A, valueFrom: {fieldRef: {fieldPath: status.podIP}}}], resources: {limits: {cpu: 1}}, readinessProbe: {httpGet: {port: 80}}}]}}}'),
      'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: shop}\nspec: {gatewayClassName: c, listeners: [{name: h, port: 80, protocol: HTTP, anyNewField: 1}]}\n',
    ].join('---\n');
    const { diags } = read(text);
    expect(diags.filter((d) => d.code === 'unknown-field')).toEqual([]);
  });

  it('names the replacement for a removed apiVersion', () => {
    const { diags } = read('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: w}\n');
    expect(diags[0]!.code).toBe('unsupported-api-version');
    expect(diags[0]!.message).toContain('apps/v1');
  });

  it('keeps the first of two objects with the same id and points at both', () => {
    const { world, diags } = read(`${svc('a', '{ports: [{port: 80}]}')}---\n${svc('a', '{ports: [{port: 81}]}')}`);
    expect(world.services).toHaveLength(1);
    expect(world.services[0]!.ports[0]!.port).toBe(80);
    expect(diags.map((d) => d.code)).toEqual(['duplicate-object']);
    expect(diags[0]!.related).toHaveLength(1);
  });

  it('refuses documents that are not mappings, with a location', () => {
    const { diags } = read('- a\n- b\n');
    expect(diags.map((d) => d.code)).toEqual(['yaml-not-object']);
  });

  it('bounds alias expansion (billion laughs)', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${new Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const { diags } = read(lines.join('\n') + '\n');
    expect(diags.map((d) => d.code)).toEqual(['input-limit']);
  });
});

describe('object metadata', () => {
  it.each([
    ['Service names must be RFC 1035 labels', svc('1web', '{ports: [{port: 80}]}'), 'invalid-name', 'name: 1web'],
    ['label keys are validated', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {"bad key": x}}\n', 'invalid-label', '"bad key": x'],
    ['label values must be strings', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {on: true}}\n', 'wrong-type', 'on: true'],
    ['metadata.name is required', 'apiVersion: v1\nkind: Namespace\nmetadata: {labels: {}}\n', 'required-field', 'metadata: {labels: {}}'],
  ])('%s', (_title, text, code, where) => {
    const { diags, at } = read(text);
    expect(diags.map((d) => [d.code, at(d)])).toEqual([[code, where]]);
  });

  it('adds kubernetes.io/metadata.name to every namespace and creates implied ones', () => {
    const { world } = read(`${svc('a', '{ports: [{port: 80}]}')}`);
    const shop = world.namespaces.find((n) => n.name === 'shop')!;
    expect(shop.implicit).toBe(true);
    expect(shop.labels['kubernetes.io/metadata.name']).toBe('shop');
    expect(world.namespaces.map((n) => n.name).sort()).toEqual(['default', 'kube-system', 'shop']);
  });
});

describe('Service admission (ADM-1, ADM-2)', () => {
  it('defaults type, protocol, targetPort and the traffic policies', () => {
    const { world, diags } = read(svc('a', '{selector: {app: a}, ports: [{port: 80}]}'));
    expect(diags).toEqual([]);
    const s = world.services[0]!;
    expect([s.type, s.ports[0]!.protocol, s.ports[0]!.targetPort, s.internalTrafficPolicy, s.externalTrafficPolicy, s.sessionAffinity]).toEqual([
      'ClusterIP',
      'TCP',
      80,
      'Cluster',
      undefined,
      'None',
    ]);
  });

  it('defaults externalTrafficPolicy only for externally reachable Services', () => {
    const { world } = read(svc('a', '{type: NodePort, ports: [{port: 80}]}'));
    expect(world.services[0]!.externalTrafficPolicy).toBe('Cluster');
  });

  it('rejects externalTrafficPolicy on a plain ClusterIP Service (edge case 21)', () => {
    const { world, diags, at } = read(svc('a', '{externalTrafficPolicy: Local, ports: [{port: 80}]}'));
    expect(world.services).toEqual([]);
    expect(diags.map((d) => [d.code, at(d)])).toEqual([['invalid-value', 'externalTrafficPolicy: Local']]);
  });

  it('treats selector: {} as no selector (SVC-6)', () => {
    const { world } = read(svc('a', '{selector: {}, ports: [{port: 80}]}'));
    expect(world.services[0]!.selector).toBeNull();
  });

  it('requires names on every port of a multi-port Service', () => {
    const { diags } = read(svc('a', '{ports: [{port: 80, name: http}, {port: 81}]}'));
    expect(diags.map((d) => d.path)).toEqual(['spec.ports.1.name']);
  });

  it('accepts Service port names longer than 15 characters (DNS-1123 labels, unlike container ports)', () => {
    const { diags } = read(svc('a', '{ports: [{port: 80, name: service-port-sctp-80}]}'));
    expect(diags).toEqual([]);
  });

  it('rejects clusterIP: None with type NodePort', () => {
    const { world, diags } = read(svc('a', '{type: NodePort, clusterIP: None, ports: [{port: 80}]}'));
    expect(world.services).toEqual([]);
    expect(diags[0]!.path).toBe('spec.clusterIP');
  });

  it('defaults session affinity timeout to 10800 seconds', () => {
    const { world } = read(svc('a', '{sessionAffinity: ClientIP, ports: [{port: 80}]}'));
    expect(world.services[0]!.sessionAffinityTimeoutSeconds).toBe(10800);
  });

  it('reports a port number of the wrong type at the field', () => {
    const { diags, at } = read(svc('a', '{ports: [{port: "eighty"}]}'));
    expect(diags.map((d) => [d.code, at(d)])).toContainEqual(['wrong-type', 'port: "eighty"']);
  });
});

describe('Pods and workloads (ADM-3)', () => {
  it('defaults dnsPolicy to ClusterFirst and hostPort under hostNetwork', () => {
    const { world } = read('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostNetwork: true, containers: [{name: c, ports: [{containerPort: 8080}]}]}\n');
    const p = world.pods[0]!;
    expect(p.dnsPolicy).toBe('ClusterFirst');
    expect(p.containers[0]!.ports[0]).toEqual({ containerPort: 8080, protocol: 'TCP', hostPort: 8080 });
    expect([p.phase, p.ready]).toEqual(['Running', true]);
  });

  it('honours status written in the manifest', () => {
    const { world } = read(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, deletionTimestamp: "2024-01-01T00:00:00Z"}\nspec: {containers: [{name: c}]}\nstatus: {podIP: 10.244.1.7, conditions: [{type: Ready, status: "False"}]}\n',
    );
    const p = world.pods[0]!;
    expect([p.ips, p.ready, p.terminating]).toEqual([['10.244.1.7'], false, true]);
  });

  it('rejects a Deployment whose selector does not match its template', () => {
    const { world, diags } = read(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: b}}\n    spec: {containers: [{name: c}]}\n',
    );
    expect(world.workloads).toEqual([]);
    expect(diags.map((d) => d.path)).toEqual(['spec.selector']);
  });

  it('reads the pod template of a CronJob', () => {
    const { world, diags } = read(
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: backup}}\n        spec: {containers: [{name: c, env: [{name: DB, value: "db.data:5432"}]}], restartPolicy: Never}\n',
    );
    expect(diags).toEqual([]);
    expect(world.workloads[0]!.templatePath).toBe('spec.jobTemplate.spec.template');
    expect(world.workloads[0]!.template.containers[0]!.env).toEqual([{ name: 'DB', value: 'db.data:5432' }]);
  });
});

describe('objects the API server would refuse', () => {
  it.each([
    ['an invalid name', 'apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\nspec: {containers: [{name: c}]}\n', 'Pod/default/Bad_Name', 'Bad_Name'],
    ['an invalid field', 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec: {ports: [{port: 70000}]}\n', 'Service/shop/s', 'port: 70000'],
    ['an apiVersion the API no longer serves', 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n', 'Ingress/default/i', 'extensions/v1beta1'],
    ['a second definition of the same object', `${svc('a', '{ports: [{port: 80}]}')}---\n${svc('a', '{ports: [{port: 81}]}')}`, 'Service/shop/a', 'a'],
    ['a document without a kind', 'apiVersion: v1\nmetadata: {name: x}\n', null, ''],
    ['an ownerReference without a uid (ADM-7)', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs}]}\nspec: {containers: [{name: c}]}\n', 'Pod/default/p', '{apiVersion: apps/v1'],
  ])('are recorded as left out, with the reason and where it points: %s', (_name, text, object, at) => {
    const { world } = read(text);
    expect(world.leftOut).toHaveLength(1);
    const o = world.leftOut[0]!;
    expect(o.object).toBe(object);
    expect(o.reason).not.toBe('');
    expect(text.slice(o.range.start, o.range.end)).toContain(at);
  });

  it('leave out nothing the World keeps, and not kinds the simulator does not model', () => {
    const { world } = read(`${svc('a', '{ports: [{port: 80}]}')}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n`);
    expect(world.services.map((s) => s.name)).toEqual(['a']);
    expect(world.leftOut).toEqual([]);
  });

  it.each(['TLSRoute', 'TCPRoute', 'UDPRoute'])('leave out no %s the World keeps, even with a warning', (kind) => {
    // backendRef filters on an L4 route are ignored with a warning (GW-17); the route itself is kept.
    const { world, diags } = read(`apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: ${kind}\nmetadata: {name: r}\nspec:\n  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: s, port: 80, filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x, value: y}]}}]}]}]\n`);
    expect(diags.map((d) => d.severity)).toEqual(['warning']);
    expect([...world.tlsRoutes, ...world.tcpRoutes, ...world.udpRoutes].map((r) => r.id)).toEqual([`${kind}/default/r`]);
    expect(world.leftOut).toEqual([]);
  });
});

describe('objects the plain reader saw whole (RawObject.listedFields)', () => {
  const root = new URL('../../../', import.meta.url).pathname;
  const files = execSync("git ls-files '*.yaml' '*.yml'", { encoding: 'utf8', cwd: root }).trim().split('\n').map((f) => readFileSync(root + f, 'utf8'));
  it('are only those in which unknownFields finds nothing (every YAML file of the repository and a generated cluster)', () => {
    let flagged = 0;
    let all = 0;
    for (const text of [...files, generateCluster(sizeFor(60))]) {
      for (const o of parseFile(text, 0, [])) {
        all++;
        if (!o.listedFields) continue;
        flagged++;
        expect(unknownFields(String(o.value.kind), o.value)).toEqual([]);
      }
    }
    expect(flagged / all).toBeGreaterThan(0.5);
  });
  it('are not those with a misspelt field, written in block or flow style', () => {
    for (const text of [svc('web', '{ports: [{port: 80, targetPrt: 8080}]}'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPrt: 8080\n']) {
      expect(parseFile(text, 0, []).map((o) => o.listedFields)).toEqual([undefined]);
    }
  });
});
