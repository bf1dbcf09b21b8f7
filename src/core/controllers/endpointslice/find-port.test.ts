import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';

/**
 * SVC-9 / ADM-8 with a port name reused across containers: FindPort (kubernetes/kubernetes
 * pkg/api/v1/pod/util.go FindPort, as the EndpointSlice controller's getEndpointPorts calls it) searches
 * regular containers in order, then restartable init containers, and takes the first name + protocol match.
 */
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: a}}\nspec:\n${spec}---\n`;
const service = `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: a}, ports: [{port: 80, targetPort: http}]}\n`;

describe('a named targetPort whose name several containers declare (SVC-9, ADM-8)', () => {
  const cases: [string, string, number][] = [
    ['two regular containers: the first one', '  containers:\n  - {name: a, ports: [{name: http, containerPort: 8080}]}\n  - {name: b, ports: [{name: http, containerPort: 9090}]}\n', 8080],
    ['a sidecar listed first and a regular container: the regular container', '  initContainers:\n  - {name: proxy, restartPolicy: Always, ports: [{name: http, containerPort: 15001}]}\n  containers:\n  - {name: app, ports: [{name: http, containerPort: 8080}]}\n', 8080],
    ['the first container declares it for UDP only: the first TCP match', '  containers:\n  - {name: a, ports: [{name: http, containerPort: 53, protocol: UDP}]}\n  - {name: b, ports: [{name: http, containerPort: 9090}]}\n', 9090],
    ['only a sidecar has it: the sidecar', '  initContainers:\n  - {name: proxy, restartPolicy: Always, ports: [{name: http, containerPort: 15001}]}\n  containers:\n  - {name: app}\n', 15001],
  ];
  for (const [name, spec, port] of cases) {
    it(`${name} (${port})`, () => {
      const s = simulate([{ name: 'in.yaml', text: pod(spec) + service }]);
      expect(s.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const slices = s.world.endpointSlices.filter((e) => e.serviceName === 's');
      expect(slices.flatMap((e) => e.ports.map((p) => p.port))).toEqual([port]);
    });
  }
});
