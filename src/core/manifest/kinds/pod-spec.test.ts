import { describe, expect, it } from 'vitest';
import { readManifests } from '../read';
import { withDefaults } from '../../options';
import type { Diagnostic } from '../../diagnostics/diagnostic';

function read(text: string) {
  const diags: Diagnostic[] = [];
  const world = readManifests([{ name: 'in.yaml', text }], withDefaults(), diags);
  return { world, errors: diags.filter((d) => d.severity === 'error'), warnings: diags.filter((d) => d.severity === 'warning') };
}

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: a}}\nspec:\n${spec}`;
const deployment = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n${spec.replace(/^/gm, '    ')}`;

const REJECTED: [string, string, string][] = [
  ['a port name used twice in one container (ADM-8)', '  containers:\n  - {name: a, image: x, ports: [{name: http, containerPort: 80}, {name: http, containerPort: 81}]}\n', 'containers.0.ports.1.name'],
  ['a port name used twice in one init container (ADM-8)', '  initContainers:\n  - {name: i, image: x, ports: [{name: http, containerPort: 80}, {name: http, containerPort: 81}]}\n  containers:\n  - {name: a, image: x}\n', 'initContainers.0.ports.1.name'],
  ['an invalid container port name', '  containers:\n  - {name: a, image: x, ports: [{name: Web_1, containerPort: 80}]}\n', 'containers.0.ports.0.name'],
  ['a containerPort out of range', '  containers:\n  - {name: a, image: x, ports: [{containerPort: 70000}]}\n', 'containers.0.ports.0.containerPort'],
  ['dnsPolicy None without nameservers', '  dnsPolicy: None\n  containers:\n  - {name: a, image: x}\n', 'dnsConfig'],
  ['an invalid hostname', '  hostname: Web_1\n  containers:\n  - {name: a, image: x}\n', 'hostname'],
  ['an invalid subdomain', '  subdomain: a.b\n  containers:\n  - {name: a, image: x}\n', 'subdomain'],
];

describe('pod specs the API server rejects (§1, ADM-3)', () => {
  it.each(REJECTED)('a Pod with %s is reported and left out of the cluster', (_name, spec, path) => {
    const { world, errors } = read(pod(spec));
    expect(errors.map((d) => d.path)).toEqual([`spec.${path}`]);
    expect(world.pods).toEqual([]);
  });

  it.each(REJECTED)('a Deployment whose template has %s is reported and left out of the cluster', (_name, spec, path) => {
    const { world, errors } = read(deployment(spec));
    expect(errors.map((d) => d.path)).toEqual([`spec.template.spec.${path}`]);
    expect(world.workloads).toEqual([]);
  });

  it.each([
    ['distinct port names in two containers', '  containers:\n  - {name: a, image: x, ports: [{name: http, containerPort: 80}]}\n  - {name: b, image: x, ports: [{name: metrics, containerPort: 81}]}\n'],
    ['dnsPolicy None with a nameserver', '  dnsPolicy: None\n  dnsConfig: {nameservers: [1.1.1.1]}\n  containers:\n  - {name: a, image: x}\n'],
    ['a valid hostname and subdomain', '  hostname: web-1\n  subdomain: web\n  containers:\n  - {name: a, image: x}\n'],
  ])('a Pod with %s is accepted', (_name, spec) => {
    const { world, errors } = read(pod(spec));
    expect(errors).toEqual([]);
    expect(world.pods.map((p) => p.name)).toEqual(['p']);
  });
});

/**
 * ADM-8, from kubernetes/kubernetes pkg/api/pod/warnings_test.go (TestWarnings, cases "create duplicate
 * container ports name in two containers", "... in two sidecar containers", "... in containers and
 * sidecar containers"): a name reused across containers is accepted with this exact warning text; the
 * API server visits restartable init containers before regular ones. Plain init containers take no part.
 */
describe('port names reused across containers are a warning, not an error (ADM-8)', () => {
  const cases: { name: string; spec: string; warnings: string[] }[] = [
    {
      name: 'two regular containers (the metallb/operator pattern)',
      spec: '  containers:\n  - {name: foo1, ports: [{name: test, containerPort: 80, protocol: UDP}]}\n  - {name: foo, ports: [{name: test, containerPort: 8090}]}\n',
      warnings: ['spec.containers[1].ports[0]: duplicate port name "test" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]'],
    },
    {
      name: 'two sidecar containers',
      spec: '  initContainers:\n  - {name: foo1, restartPolicy: Always, ports: [{name: test, containerPort: 80, protocol: UDP}]}\n  - {name: foo, restartPolicy: Always, ports: [{name: test, containerPort: 8090}]}\n  containers:\n  - {name: main}\n',
      warnings: ['spec.initContainers[1].ports[0]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]'],
    },
    {
      name: 'a sidecar and a regular container: the sidecar is visited first',
      spec: '  initContainers:\n  - {name: foo1, restartPolicy: Always, ports: [{name: test, containerPort: 80, protocol: UDP}]}\n  containers:\n  - {name: foo, ports: [{name: test1, containerPort: 8090, protocol: UDP}, {name: test, containerPort: 8092, protocol: UDP}]}\n',
      warnings: ['spec.containers[0].ports[1]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]'],
    },
    {
      name: 'a plain init container and a regular container: no warning',
      spec: '  initContainers:\n  - {name: setup, ports: [{name: test, containerPort: 80}]}\n  containers:\n  - {name: foo, ports: [{name: test, containerPort: 8090}]}\n',
      warnings: [],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: accepted with the API server's warning, on the later port's name`, () => {
      const { world, errors, warnings } = read(pod(c.spec));
      expect(errors).toEqual([]);
      expect(world.pods.map((p) => p.name)).toEqual(['p']);
      expect(warnings.map((w) => w.message.replace(/ \(a Service's named targetPort.*$| \(ADM-8\)\.$/, ''))).toEqual(c.warnings);
      for (const w of warnings) expect(w).toMatchObject({ code: 'duplicate-port-name', rule: 'ADM-8' });
    });
  }

  it('in a Deployment the paths are the template paths, as kubectl prints them', () => {
    const { warnings } = read(deployment('  containers:\n  - {name: a, ports: [{name: metrics, containerPort: 80}]}\n  - {name: b, ports: [{name: metrics, containerPort: 81}]}\n'));
    expect(warnings.map((w) => w.message)).toEqual([
      'spec.template.spec.containers[1].ports[0]: duplicate port name "metrics" with spec.template.spec.containers[0].ports[0], services and probes that select ports by name will use spec.template.spec.containers[0].ports[0] (ADM-8).',
    ]);
    expect(warnings[0]!.path).toBe('spec.template.spec.containers.1.ports.0.name');
  });
});
