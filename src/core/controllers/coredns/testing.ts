import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Protocol } from '../../model/meta';
import type { EndpointSlice } from '../../model/discovery';
import type { World } from '../../model/world';
import { readManifests } from '../../manifest/read';
import { withDefaults, type DeepPartial, type SimOptions } from '../../options';

/** A hand-written EndpointSlice in compact form, for tests: endpoints as `10.244.1.5` or `10.244.1.5 db-0 notready`. */
export function slice(
  ns: string,
  service: string,
  ports: [string, number, Protocol?][],
  endpoints: string[],
  addressType: 'IPv4' | 'IPv6' = 'IPv4',
): EndpointSlice {
  const name = `${service}-${addressType.toLowerCase()}`;
  return {
    id: `EndpointSlice/${ns}/${name}`,
    kind: 'EndpointSlice',
    name,
    namespace: ns,
    labels: { 'kubernetes.io/service-name': service },
    annotations: {},
    order: 0,
    source: { file: 0, range: { start: 0, end: 0 }, fields: {} },
    addressType,
    ports: ports.map(([n, port, protocol]) => ({ name: n, port, protocol: protocol ?? 'TCP' })),
    endpoints: endpoints.map((e) => {
      const [address, ...flags] = e.split(' ');
      const ready = !flags.includes('notready');
      const hostname = flags.find((f) => f !== 'notready');
      return { addresses: [address!], conditions: { ready, serving: ready, terminating: false }, ...(hostname ? { hostname } : {}) };
    }),
    serviceName: service,
    generated: false,
  };
}

/** Read manifests (no controllers run) and add hand-written slices; fails the test on input errors. */
export function worldOf(
  text: string,
  slices: EndpointSlice[] = [],
  opts?: DeepPartial<SimOptions>,
): { world: World; options: SimOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const options = withDefaults(opts);
  const world = readManifests([{ name: 'test.yaml', text }], options, diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`test input has errors: ${errors.map((d) => d.message).join('; ')}`);
  world.endpointSlices.push(...slices);
  return { world, options, diagnostics };
}
