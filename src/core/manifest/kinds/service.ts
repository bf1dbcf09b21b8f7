import { CODES } from '../../diagnostics/codes';
import type { IPFamily, ServicePort, ServiceType, TrafficPolicy, Service } from '../../model/core';
import { canonicalIP, parseCIDR, parseIP } from '../../net/ip';
import { checkDNS1123Label, checkDNS1123Subdomain, checkPortName } from '../../net/names';
import type { KindHandler } from '../kind';
import { withMeta } from '../../model/meta';

const TYPES: ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const POLICIES: TrafficPolicy[] = ['Cluster', 'Local'];

/**
 * v1/Service with admission defaulting (ADM-1) and validation (ADM-2). ClusterIPs, NodePorts and load
 * balancer addresses not written here are allocated later by the allocator stage.
 */
export const serviceKind: KindHandler = {
  kinds: ['Service'],
  apiVersions: ['v1'],
  namespaced: true,
  nameRule: 'rfc1035',
  read(r, meta, { world }) {
    const type = r.oneOf('spec.type', TYPES, 'ClusterIP');
    const clusterIPText = r.str('spec.clusterIP');
    const headless = clusterIPText === 'None';
    const clusterIPs: string[] = [];
    for (const ip of [clusterIPText, ...r.strList('spec.clusterIPs')]) {
      if (!ip || ip === 'None') continue;
      if (!parseIP(ip)) r.report(CODES.INVALID_VALUE, 'spec.clusterIP', `"${ip}" is not an IP address (or None).`);
      else if (!clusterIPs.includes(canonicalIP(ip))) clusterIPs.push(canonicalIP(ip));
    }
    if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
      r.report(CODES.INVALID_VALUE, 'spec.clusterIP', `clusterIP: None cannot be used with type ${type} (ADM-2).`, 'error', 'ADM-2');
      return;
    }
    const externalName = r.str('spec.externalName');
    if (type === 'ExternalName') {
      if (!externalName) {
        r.required('spec.externalName');
        return;
      }
      const problem = checkDNS1123Subdomain(externalName.replace(/\.$/, '').toLowerCase());
      if (problem) r.report(CODES.INVALID_VALUE, 'spec.externalName', `externalName "${externalName}" ${problem}.`);
    }
    const ports = readPorts(r, type, headless);
    if (!ports) return;
    const externalIPs = r.strList('spec.externalIPs').filter((ip, i) => {
      if (parseIP(ip)) return true;
      r.report(CODES.INVALID_VALUE, `spec.externalIPs.${i}`, `"${ip}" is not an IP address.`);
      return false;
    });
    const externallyReachable = type === 'NodePort' || type === 'LoadBalancer' || externalIPs.length > 0;
    let externalTrafficPolicy: TrafficPolicy | undefined;
    if (r.has('spec.externalTrafficPolicy')) {
      const etp = r.oneOf('spec.externalTrafficPolicy', POLICIES, 'Cluster');
      if (!externallyReachable) {
        r.report(CODES.INVALID_VALUE, 'spec.externalTrafficPolicy', 'externalTrafficPolicy may only be set on NodePort, LoadBalancer or Services with externalIPs (ADM-2).', 'error', 'ADM-2');
        return;
      }
      externalTrafficPolicy = etp;
    } else if (externallyReachable) externalTrafficPolicy = 'Cluster';
    const internalTrafficPolicy = type === 'ExternalName' ? undefined : r.oneOf('spec.internalTrafficPolicy', POLICIES, 'Cluster');
    const sessionAffinity = r.oneOf('spec.sessionAffinity', ['None', 'ClientIP'] as const, 'None');
    let sessionAffinityTimeoutSeconds: number | undefined;
    if (sessionAffinity === 'ClientIP') {
      sessionAffinityTimeoutSeconds = r.int('spec.sessionAffinityConfig.clientIP.timeoutSeconds', { min: 1, max: 86400 }) ?? 10800;
    }
    const selectorMap = r.strMap('spec.selector', { labelRules: true });
    const families = r.strList('spec.ipFamilies').filter((f): f is IPFamily => f === 'IPv4' || f === 'IPv6');
    const ipFamilies: IPFamily[] = families.length ? families : clusterIPs.length ? clusterIPs.map((ip) => (parseIP(ip)!.family === 6 ? 'IPv6' : 'IPv4')) : ['IPv4'];
    const lbIPs = r.list('status.loadBalancer.ingress').flatMap((i) => {
      const ip = r.str(`status.loadBalancer.ingress.${i}.ip`);
      return ip && parseIP(ip) ? [ip] : [];
    });
    const lbSpecIP = r.str('spec.loadBalancerIP');
    if (type === 'LoadBalancer' && lbSpecIP && parseIP(lbSpecIP) && !lbIPs.includes(lbSpecIP)) lbIPs.push(lbSpecIP);
    const sourceRanges = r.strList('spec.loadBalancerSourceRanges').filter((c, i) => {
      if (parseCIDR(c)) return true;
      r.report(CODES.INVALID_VALUE, `spec.loadBalancerSourceRanges.${i}`, `"${c}" is not a CIDR.`);
      return false;
    });
    const trafficDistribution = r.str('spec.trafficDistribution');
    const topologyMode = meta.annotations['service.kubernetes.io/topology-aware-hints'] ?? meta.annotations['service.kubernetes.io/topology-mode'];
    const healthCheckNodePort = r.int('spec.healthCheckNodePort', { min: 1, max: 65535 });
    world.services.push(withMeta<Service>(meta, {
      kind: 'Service',
      type,
      headless: headless && type !== 'ExternalName',
      clusterIPs: type === 'ExternalName' ? [] : clusterIPs,
      // SVC-6: an empty selector map behaves as no selector.
      selector: type === 'ExternalName' || Object.keys(selectorMap).length === 0 ? null : selectorMap,
      ports,
      ...(type === 'ExternalName' && externalName ? { externalName } : {}),
      externalIPs: type === 'ExternalName' ? [] : externalIPs,
      loadBalancerIPs: type === 'LoadBalancer' ? lbIPs : [],
      loadBalancerSourceRanges: sourceRanges,
      ...(externalTrafficPolicy ? { externalTrafficPolicy } : {}),
      ...(internalTrafficPolicy ? { internalTrafficPolicy } : {}),
      sessionAffinity,
      ...(sessionAffinityTimeoutSeconds ? { sessionAffinityTimeoutSeconds } : {}),
      publishNotReadyAddresses: r.bool('spec.publishNotReadyAddresses') ?? false,
      ipFamilies,
      allocateLoadBalancerNodePorts: type === 'LoadBalancer' ? (r.bool('spec.allocateLoadBalancerNodePorts') ?? true) : false,
      ...(healthCheckNodePort ? { healthCheckNodePort } : {}),
      ...(trafficDistribution ? { trafficDistribution } : {}),
      ...(topologyMode ? { topologyMode } : {}),
    }));
  },
};

function readPorts(r: Parameters<KindHandler['read']>[0], type: ServiceType, headless: boolean): ServicePort[] | undefined {
  const idx = r.list('spec.ports');
  if (idx.length === 0 && type !== 'ExternalName' && !headless) {
    r.report(CODES.REQUIRED, 'spec.ports', 'A Service needs at least one port (only headless and ExternalName Services may have none) (ADM-2).', 'error', 'ADM-2');
    return undefined;
  }
  const ports: ServicePort[] = [];
  const names = new Set<string>();
  const keys = new Set<string>();
  let ok = true;
  for (const i of idx) {
    const p = `spec.ports.${i}`;
    const port = r.int(`${p}.port`, { required: true, min: 1, max: 65535 });
    const name = r.str(`${p}.name`) ?? '';
    const protocol = r.protocol(`${p}.protocol`);
    if (port === undefined) {
      ok = false;
      continue;
    }
    if (idx.length > 1 && name === '') {
      r.report(CODES.REQUIRED, `${p}.name`, 'When a Service has more than one port, every port needs a name (ADM-2).', 'error', 'ADM-2');
      ok = false;
    }
    if (name !== '') {
      // Service port names are DNS-1123 labels (≤63); only container port names have the 15-character IANA limit.
      const problem = checkDNS1123Label(name);
      if (problem) {
        r.report(CODES.INVALID_VALUE, `${p}.name`, `port name "${name}" ${problem} (ADM-2).`, 'error', 'ADM-2');
        ok = false;
      }
      if (names.has(name)) {
        r.report(CODES.INVALID_VALUE, `${p}.name`, `port name "${name}" is used twice.`);
        ok = false;
      }
      names.add(name);
    }
    const key = `${port}/${protocol}`;
    if (keys.has(key)) r.report(CODES.INVALID_VALUE, `${p}.port`, `port ${key} is listed twice.`);
    keys.add(key);
    // A quoted number ("8080") is a string: the API server validates it as a port name and rejects it
    // (no letter), so it is not converted to a number here. Every rejection below leaves the Service out (§1).
    let targetPort = r.intOrString(`${p}.targetPort`);
    if (targetPort === undefined || targetPort === 0 || targetPort === '') targetPort = port; // ADM-1
    if (typeof targetPort === 'number' && (targetPort < 1 || targetPort > 65535)) {
      r.report(CODES.INVALID_VALUE, `${p}.targetPort`, `targetPort must be between 1 and 65535, not ${targetPort} (ADM-2).`, 'error', 'ADM-2');
      ok = false;
    }
    if (typeof targetPort === 'string') {
      const problem = checkPortName(targetPort);
      if (problem) {
        const quoted = /^\d+$/.test(targetPort) ? ' (write it unquoted to mean the number)' : '';
        r.report(CODES.INVALID_VALUE, `${p}.targetPort`, `targetPort "${targetPort}" is neither a number nor a valid port name: ${problem}${quoted} (ADM-2).`, 'error', 'ADM-2');
        ok = false;
      }
    }
    const nodePort = r.int(`${p}.nodePort`, { min: 1, max: 65535 });
    if (nodePort !== undefined && type !== 'NodePort' && type !== 'LoadBalancer') {
      r.report(CODES.INVALID_VALUE, `${p}.nodePort`, `nodePort may only be set on NodePort and LoadBalancer Services (ADM-2).`, 'error', 'ADM-2');
    }
    const appProtocol = r.str(`${p}.appProtocol`);
    ports.push({
      name,
      protocol,
      port,
      targetPort,
      ...(nodePort !== undefined && (type === 'NodePort' || type === 'LoadBalancer') ? { nodePort } : {}),
      ...(appProtocol ? { appProtocol } : {}),
      index: i,
    });
  }
  return ok ? ports : undefined;
}
