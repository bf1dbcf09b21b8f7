import { describe, expect, it } from 'vitest';
import { readManifests } from '../read';
import { withDefaults } from '../../options';
import type { Diagnostic } from '../../diagnostics/diagnostic';

function read(text: string) {
  const diags: Diagnostic[] = [];
  const world = readManifests([{ name: 'in.yaml', text }], withDefaults(), diags);
  return { world, errors: diags.filter((d) => d.severity === 'error') };
}

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: a}}\nspec:\n${spec}`;
const deployment = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n${spec.replace(/^/gm, '    ')}`;

const REJECTED: [string, string, string][] = [
  ['a port name used by two containers', '  containers:\n  - {name: a, image: x, ports: [{name: http, containerPort: 80}]}\n  - {name: b, image: x, ports: [{name: http, containerPort: 81}]}\n', 'containers.1.ports.0.name'],
  ['a port name used by a sidecar and a container', '  initContainers:\n  - {name: s, image: x, restartPolicy: Always, ports: [{name: http, containerPort: 81}]}\n  containers:\n  - {name: a, image: x, ports: [{name: http, containerPort: 80}]}\n', 'initContainers.0.ports.0.name'],
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
