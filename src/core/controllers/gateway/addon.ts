import type { Diagnostic } from '../../diagnostics/diagnostic';
import { rangeIn } from '../../manifest/reader';
import type { Service, ServicePort, Workload } from '../../model/core';
import type { Gateway } from '../../model/gateway';
import type { World } from '../../model/world';
import { madeService } from '../../model/made';
import { cidrSize, formatIP, nthAddress, parseCIDR } from '../../net/ip';
import type { SimOptions } from '../../options';
import { GATEWAY_CODES } from './codes';
import { GATEWAY_NAME_LABEL, implementationName } from './implementation';
import { servesController } from './status';

export { GATEWAY_NAME_LABEL, implementationName };

/**
 * Gateway implementations as pods (GW-15, NP-12): for each Gateway a simulated controller serves, add a
 * Deployment and a LoadBalancer Service `<gateway>-<gatewayclass>` in the Gateway's namespace, labelled
 * `gateway.networking.k8s.io/gateway-name`, unless the input defines them. The workloads stage then makes
 * the proxy pods, so NetworkPolicies that admit them work as in a cluster. Gateways without an address get
 * one from the top of the load balancer pool (the Service allocator hands out from the bottom).
 * Runs before the workloads and allocator stages.
 */
export function addGatewayImplementations(world: World, options: SimOptions, diags: Diagnostic[]): void {
  const used = new Set([...world.services.flatMap((s) => s.loadBalancerIPs), ...world.gateways.flatMap((g) => g.addresses)]);
  const pool = parseCIDR(world.cluster.loadBalancerPool);
  let next = pool ? cidrSize(pool) - 1n : -1n;
  const allocate = (): string | undefined => {
    while (pool && next >= 0n) {
      const ip = formatIP(nthAddress(pool, next--));
      if (!used.has(ip)) {
        used.add(ip);
        return ip;
      }
    }
    return undefined;
  };
  for (const gw of [...world.gateways].sort((a, b) => a.order - b.order)) {
    const cls = world.gatewayClasses.find((c) => c.name === gw.gatewayClassName);
    if (!cls || !servesController(options, cls.controllerName)) continue;
    const name = implementationName(gw);
    const inputWorkload = world.workloads.find((w) => w.namespace === gw.namespace && (w.name === name || w.template.labels[GATEWAY_NAME_LABEL] === gw.name));
    const inputService = world.services.find((s) => s.namespace === gw.namespace && (s.name === name || (s.selector !== null && s.selector[GATEWAY_NAME_LABEL] === gw.name)));
    if (inputWorkload || inputService) {
      const which = [inputWorkload?.id, inputService?.id].filter(Boolean).join(' and ');
      diags.push({ code: GATEWAY_CODES.GATEWAY_IMPLEMENTATION_FROM_INPUT, severity: 'info', message: `Gateway ${gw.namespace}/${gw.name} is implemented by ${which} from the input (GW-15).`, file: gw.source.file, range: rangeIn(gw.source, 'metadata.name'), object: gw.id, rule: 'GW-15' });
    }
    if (gw.addresses.length === 0) {
      const ip = inputService?.loadBalancerIPs[0] ?? allocate();
      // The implementation's own LoadBalancer Service carries the Gateway address (the allocator then leaves it).
      if (ip && inputService?.type === 'LoadBalancer' && inputService.loadBalancerIPs.length === 0) inputService.loadBalancerIPs = [ip];
      if (ip) gw.addresses = [ip];
      else diags.push({ code: GATEWAY_CODES.GATEWAY_NO_ADDRESS, severity: 'warning', message: `The load balancer pool ${world.cluster.loadBalancerPool} is used up; Gateway ${gw.namespace}/${gw.name} has no address (Programmed=False).`, file: gw.source.file, range: rangeIn(gw.source, 'spec'), object: gw.id, rule: 'I-6' });
    }
    if (!inputWorkload) world.workloads.push(deployment(gw, name, cls.controllerName));
    if (!inputService) world.services.push(service(gw, name));
  }
}

function meta(kind: string, gw: Gateway, name: string) {
  const labels = { [GATEWAY_NAME_LABEL]: gw.name, 'gateway.networking.k8s.io/gateway-class-name': gw.gatewayClassName };
  return { id: `${kind}/${gw.namespace}/${name}`, kind, name, namespace: gw.namespace, labels, annotations: {}, order: gw.order, source: { ...gw.source, fields: {} }, system: true };
}

function listenerPorts(gw: Gateway): ServicePort[] {
  const ports: ServicePort[] = [];
  for (const l of gw.listeners) {
    const protocol = l.protocol === 'UDP' ? 'UDP' : 'TCP';
    if (ports.some((p) => p.port === l.port && p.protocol === protocol)) continue;
    ports.push({ name: `${l.name}`.slice(0, 15).replace(/-+$/, '') || `port-${l.port}`, protocol, port: l.port, targetPort: l.port, index: ports.length });
  }
  return ports;
}

function deployment(gw: Gateway, name: string, controllerName: string): Workload {
  const m = meta('Deployment', gw, name);
  return {
    ...m,
    kind: 'Deployment',
    replicas: 1,
    selector: { matchLabels: { [GATEWAY_NAME_LABEL]: gw.name }, matchExpressions: [] },
    templatePath: 'spec.template',
    template: {
      labels: { ...m.labels },
      annotations: {},
      hostNetwork: false,
      dnsPolicy: 'ClusterFirst',
      containers: [
        {
          name: 'gateway',
          image: `simulated/${controllerName}`,
          ports: listenerPorts(gw).map((p) => ({ name: p.name, containerPort: p.port, protocol: p.protocol })),
          env: [],
          command: [],
          args: [],
          index: 0,
        },
      ],
      initContainers: [],
    },
  };
}

function service(gw: Gateway, name: string): Service {
  return madeService(meta('Service', gw, name), {
    type: 'LoadBalancer',
    selector: { [GATEWAY_NAME_LABEL]: gw.name },
    ports: listenerPorts(gw),
    loadBalancerIPs: [...gw.addresses],
  });
}
