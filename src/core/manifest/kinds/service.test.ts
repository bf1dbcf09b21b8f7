import { describe, expect, it } from 'vitest';
import { readManifests } from '../read';
import { withDefaults } from '../../options';
import type { Diagnostic } from '../../diagnostics/diagnostic';

function read(text: string) {
  const diags: Diagnostic[] = [];
  const world = readManifests([{ name: 'in.yaml', text }], withDefaults(), diags);
  return { world, errors: diags.filter((d) => d.severity === 'error') };
}

const svc = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {a: b}, ports: ${ports}}\n`;

describe('Service port validation (ADM-2)', () => {
  it.each([
    ['a quoted number as targetPort is a port name without a letter, which the API server rejects (ADM-2)', '[{name: c, port: 82, targetPort: "8080"}]', 'spec.ports.0.targetPort'],
    ['a targetPort name with an underscore is rejected by the API server (ADM-2)', '[{port: 80, targetPort: x_y}]', 'spec.ports.0.targetPort'],
    ['a numeric targetPort above 65535 is rejected by the API server (ADM-2)', '[{port: 80, targetPort: 70000}]', 'spec.ports.0.targetPort'],
    ['a Service port name that is not a DNS-1123 label is rejected by the API server (ADM-2)', '[{port: 80, name: Web_1}]', 'spec.ports.0.name'],
  ])('%s, so the Service is left out of the cluster (§1)', (_name, ports, path) => {
    const { world, errors } = read(svc(ports));
    expect(errors.map((d) => [d.code, d.path])).toEqual([['invalid-value', path]]);
    expect(world.services).toEqual([]);
  });

  it.each([
    ['a numeric targetPort stays a number', '[{port: 80, targetPort: 8080}]', 8080],
    ['a named targetPort stays a name (SVC-9)', '[{port: 80, targetPort: http}]', 'http'],
    ['a missing targetPort defaults to the port (ADM-1)', '[{port: 80}]', 80],
  ])('%s', (_name, ports, want) => {
    const { world, errors } = read(svc(ports));
    expect(errors).toEqual([]);
    expect(world.services[0]!.ports[0]!.targetPort).toBe(want);
  });
});
