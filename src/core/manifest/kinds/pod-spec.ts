import { CODES } from '../../diagnostics/codes';
import type { Container, ContainerPort, DNSPolicy, PodDNSConfig, PodTemplate } from '../../model/core';
import { checkDNS1123Label, checkPortName } from '../../net/names';
import type { FieldReader } from '../reader';

const DNS_POLICIES: DNSPolicy[] = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

/**
 * A PodSpec at `base` (`spec` of a Pod, `spec.template.spec` of a Deployment), with ADM-3 defaults:
 * `dnsPolicy: ClusterFirst`, container port protocol TCP, `hostPort = containerPort` under hostNetwork.
 * Undefined when the API server would reject the spec (any error reported while reading it: a duplicate
 * port name inside one container or an invalid one, a containerPort out of range, dnsPolicy None without nameservers, an invalid
 * hostname/subdomain, wrong types...): the caller leaves the object out (§1). Warnings do not reject it.
 */
export function readPodSpec(r: FieldReader, base: string, labels: Record<string, string>, annotations: Record<string, string>): PodTemplate | undefined {
  if (!r.isMap(base)) {
    r.required(base);
    return undefined;
  }
  const start = r.diags.length;
  const spec = readValidPodSpec(r, base, labels, annotations);
  return r.diags.slice(start).some((d) => d.severity === 'error') ? undefined : spec;
}

function readValidPodSpec(r: FieldReader, base: string, labels: Record<string, string>, annotations: Record<string, string>): PodTemplate {
  const hostNetwork = r.bool(`${base}.hostNetwork`) ?? false;
  const containers = readContainers(r, `${base}.containers`, hostNetwork);
  if (r.list(`${base}.containers`).length === 0) r.report(CODES.REQUIRED, `${base}.containers`, `${base}.containers must list at least one container.`);
  const initContainers = readContainers(r, `${base}.initContainers`, hostNetwork);
  checkUniquePortNames(r, base, containers, initContainers);
  const hostname = r.str(`${base}.hostname`);
  const subdomain = r.str(`${base}.subdomain`);
  for (const [field, v] of [['hostname', hostname], ['subdomain', subdomain]] as const) {
    const problem = v !== undefined ? checkDNS1123Label(v) : null;
    if (problem) r.report(CODES.INVALID_VALUE, `${base}.${field}`, `${field} "${v}" ${problem}.`);
  }
  const dnsPolicy = r.oneOf(`${base}.dnsPolicy`, DNS_POLICIES, 'ClusterFirst');
  const dnsConfig = readDNSConfig(r, `${base}.dnsConfig`);
  if (dnsPolicy === 'None' && (!dnsConfig || dnsConfig.nameservers.length === 0)) {
    r.report(CODES.REQUIRED, `${base}.dnsConfig`, 'dnsPolicy None needs dnsConfig with at least one nameserver (DNS-13).', 'error', 'DNS-13');
  }
  const nodeName = r.str(`${base}.nodeName`);
  return {
    labels,
    annotations,
    hostNetwork,
    ...(hostname && !checkDNS1123Label(hostname) ? { hostname } : {}),
    ...(subdomain && !checkDNS1123Label(subdomain) ? { subdomain } : {}),
    dnsPolicy,
    ...(dnsConfig ? { dnsConfig } : {}),
    containers,
    initContainers,
    ...(nodeName ? { nodeName } : {}),
  };
}

function readContainers(r: FieldReader, path: string, hostNetwork: boolean): Container[] {
  const out: Container[] = [];
  for (const i of r.list(path)) {
    const p = `${path}.${i}`;
    if (!r.isMap(p)) continue;
    const name = r.str(`${p}.name`, { required: true }) ?? `container-${i}`;
    const ports: ContainerPort[] = [];
    for (const j of r.list(`${p}.ports`)) {
      const pp = `${p}.ports.${j}`;
      const containerPort = r.int(`${pp}.containerPort`, { required: true, min: 1, max: 65535 });
      const portName = r.str(`${pp}.name`);
      const protocol = r.protocol(`${pp}.protocol`);
      if (portName !== undefined) {
        const problem = checkPortName(portName);
        if (problem) r.report(CODES.INVALID_VALUE, `${pp}.name`, `port name "${portName}" ${problem}.`);
      }
      let hostPort = r.int(`${pp}.hostPort`, { min: 1, max: 65535 });
      if (containerPort === undefined) continue;
      if (hostNetwork && hostPort === undefined) hostPort = containerPort; // ADM-3
      ports.push({ containerPort, protocol, ...(portName ? { name: portName } : {}), ...(hostPort ? { hostPort } : {}) });
    }
    const env = r.list(`${p}.env`).flatMap((j) => {
      const n = r.str(`${p}.env.${j}.name`);
      const v = r.at(`${p}.env.${j}.value`);
      if (n === undefined) return [];
      return [{ name: n, ...(v !== undefined && v !== null ? { value: String(v) } : {}) }];
    });
    const restartPolicy = r.str(`${p}.restartPolicy`);
    const image = r.str(`${p}.image`);
    out.push({
      name,
      ...(image ? { image } : {}),
      ports,
      env,
      command: anyStrings(r, `${p}.command`),
      args: anyStrings(r, `${p}.args`),
      ...(restartPolicy ? { restartPolicy } : {}),
      index: i,
    });
  }
  return out;
}

/** command/args: strings, but YAML may have read `8080` as a number; keep it as text. */
function anyStrings(r: FieldReader, path: string): string[] {
  return r.list(path).map((i) => String(r.at(`${path}.${i}`) ?? ''));
}

/**
 * ADM-8. Port names must be unique inside one container (validateContainerPorts: an error). Across the
 * containers that run for the pod's life (restartable init containers, then regular ones, in the order the
 * API server visits them) a reused name is accepted with a warning, in the API server's own words
 * (pkg/api/pod/warnings.go). Plain init containers are left out: they have exited before traffic arrives.
 */
function checkUniquePortNames(r: FieldReader, base: string, containers: Container[], init: Container[]): void {
  const first = new Map<string, { path: string; regular: boolean }>();
  const visit = (c: Container, field: 'containers' | 'initContainers') => {
    const own = new Set<string>();
    c.ports.forEach((p, j) => {
      if (!p.name) return;
      const path = `${base}.${field}.${c.index}.ports.${j}`;
      if (own.has(p.name)) {
        r.report(CODES.INVALID_VALUE, `${path}.name`, `${path}.name: Duplicate value: "${p.name}"; port names must be unique within a container (ADM-8).`, 'error', 'ADM-8');
        return;
      }
      own.add(p.name);
      if (field === 'initContainers' && c.restartPolicy !== 'Always') return;
      const earlier = first.get(p.name);
      if (!earlier) {
        first.set(p.name, { path, regular: field === 'containers' });
        return;
      }
      const shown = (x: string) => x.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
      // FindPort (Services' named targetPorts) searches regular containers before sidecars, whatever the
      // order the API server's warning names.
      const resolves = field === 'containers' && !earlier.regular ? ` (a Service's named targetPort is resolved in regular containers first, so it uses ${shown(path)} when the protocols match)` : '';
      r.report(
        CODES.DUPLICATE_PORT_NAME,
        `${path}.name`,
        `${shown(path)}: duplicate port name "${p.name}" with ${shown(earlier.path)}, services and probes that select ports by name will use ${shown(earlier.path)}${resolves} (ADM-8).`,
        'warning',
        'ADM-8',
      );
    });
  };
  for (const c of init) visit(c, 'initContainers');
  for (const c of containers) visit(c, 'containers');
}

function readDNSConfig(r: FieldReader, path: string): PodDNSConfig | undefined {
  if (!r.isMap(path)) return undefined;
  return {
    nameservers: r.strList(`${path}.nameservers`),
    searches: r.strList(`${path}.searches`),
    options: r.list(`${path}.options`).flatMap((i) => {
      const name = r.str(`${path}.options.${i}.name`);
      const value = r.at(`${path}.options.${i}.value`);
      return name === undefined ? [] : [{ name, ...(value !== undefined && value !== null ? { value: String(value) } : {}) }];
    }),
  };
}
