import { CODES } from '../../diagnostics/codes';
import type { AdminPeer, AdminPort, AdminRule, AdminSubject } from '../../model/admin-policy';
import type { LabelSelector } from '../../model/meta';
import { parseCIDR } from '../../net/ip';
import type { KindHandler } from '../kind';
import type { FieldReader } from '../reader';

const EMPTY: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/**
 * policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy (§6.4,
 * ANP-1..5). Cluster-scoped; the BANP is a singleton that must be named `default`.
 */
export const adminPolicyKind: KindHandler = {
  kinds: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'],
  apiVersions: ['policy.networking.k8s.io/v1alpha1'],
  namespaced: false,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = r.diags.length;
    const baseline = meta.kind === 'BaselineAdminNetworkPolicy';
    if (baseline && meta.name !== 'default') {
      r.report(CODES.INVALID_VALUE, 'metadata.name', 'The BaselineAdminNetworkPolicy is a singleton and must be named "default" (ANP-2).', 'error', 'ANP-2');
      return;
    }
    const priority = baseline ? undefined : r.int('spec.priority', { required: true, min: 0, max: 1000 });
    const subject = readSubject(r, 'spec.subject');
    const actions = baseline ? ['Allow', 'Deny'] : ['Allow', 'Deny', 'Pass'];
    const ingress = r.list('spec.ingress').map((i) => readRule(r, `spec.ingress.${i}`, 'from', i, actions));
    const egress = r.list('spec.egress').map((i) => readRule(r, `spec.egress.${i}`, 'to', i, actions));
    if (!subject || r.diags.slice(before).some((d) => d.severity === 'error')) return;
    world.adminNetworkPolicies.push({
      ...meta,
      kind: baseline ? 'BaselineAdminNetworkPolicy' : 'AdminNetworkPolicy',
      ...(priority !== undefined ? { priority } : {}),
      subject,
      ingress: ingress.filter((x): x is AdminRule => !!x),
      egress: egress.filter((x): x is AdminRule => !!x),
    });
  },
};

function pods(r: FieldReader, path: string) {
  return { namespaceSelector: r.selector(`${path}.namespaceSelector`) ?? EMPTY, podSelector: r.selector(`${path}.podSelector`) ?? EMPTY };
}

function readSubject(r: FieldReader, path: string): AdminSubject | undefined {
  if (r.has(`${path}.namespaces`)) return { namespaces: r.selector(`${path}.namespaces`) ?? EMPTY };
  if (r.has(`${path}.pods`)) return { pods: pods(r, `${path}.pods`) };
  r.report(CODES.REQUIRED, path, 'subject must set exactly one of namespaces or pods (ANP-1).', 'error', 'ANP-1');
  return undefined;
}

function readRule(r: FieldReader, path: string, field: 'from' | 'to', index: number, actions: string[]): AdminRule | undefined {
  const action = r.str(`${path}.action`, { required: true });
  if (action !== undefined && !actions.includes(action)) {
    r.report(CODES.INVALID_VALUE, `${path}.action`, `action must be ${actions.join(', ')}, not "${action}" (ANP-2).`, 'error', 'ANP-2');
    return undefined;
  }
  const peers: AdminPeer[] = [];
  for (const j of r.list(`${path}.${field}`)) {
    const p = `${path}.${field}.${j}`;
    if (r.has(`${p}.namespaces`)) peers.push({ namespaces: r.selector(`${p}.namespaces`) ?? EMPTY });
    else if (r.has(`${p}.pods`)) peers.push({ pods: pods(r, `${p}.pods`) });
    else if (field === 'to' && r.has(`${p}.networks`)) {
      const nets = r.strList(`${p}.networks`).filter((c, k) => {
        if (parseCIDR(c)) return true;
        r.report(CODES.INVALID_VALUE, `${p}.networks.${k}`, `"${c}" is not a CIDR (ANP-4).`, 'error', 'ANP-4');
        return false;
      });
      peers.push({ networks: nets });
    } else if (field === 'to' && r.has(`${p}.nodes`)) peers.push({ nodes: r.selector(`${p}.nodes`) ?? EMPTY });
    else r.report(CODES.INVALID_VALUE, p, `a ${field} peer must set namespaces or pods${field === 'to' ? ', networks or nodes' : ''} (ANP-4).`, 'error', 'ANP-4');
  }
  if (peers.length === 0 && r.list(`${path}.${field}`).length === 0) r.report(CODES.REQUIRED, `${path}.${field}`, `${field} must list at least one peer (ANP-4).`, 'error', 'ANP-4');
  let ports: AdminPort[] | undefined;
  if (r.has(`${path}.ports`)) {
    ports = [];
    for (const j of r.list(`${path}.ports`)) {
      const p = `${path}.ports.${j}`;
      if (r.has(`${p}.portNumber`)) {
        const port = r.int(`${p}.portNumber.port`, { required: true, min: 1, max: 65535 });
        if (port !== undefined) ports.push({ portNumber: { protocol: r.protocol(`${p}.portNumber.protocol`), port } });
      } else if (r.has(`${p}.portRange`)) {
        const start = r.int(`${p}.portRange.start`, { required: true, min: 1, max: 65535 });
        const end = r.int(`${p}.portRange.end`, { required: true, min: 1, max: 65535 });
        if (start !== undefined && end !== undefined) {
          if (start >= end) r.report(CODES.INVALID_VALUE, `${p}.portRange`, `portRange start ${start} must be below end ${end} (ANP-4).`, 'error', 'ANP-4');
          else ports.push({ portRange: { protocol: r.protocol(`${p}.portRange.protocol`), start, end } });
        }
      } else if (r.has(`${p}.namedPort`)) {
        const name = r.str(`${p}.namedPort`);
        if (name) ports.push({ namedPort: name });
      } else r.report(CODES.INVALID_VALUE, p, 'a port must set portNumber, portRange or namedPort (ANP-4).', 'error', 'ANP-4');
    }
  }
  const name = r.str(`${path}.name`);
  return { ...(name ? { name } : {}), action: (action ?? 'Deny') as AdminRule['action'], peers, ...(ports ? { ports } : {}), index };
}

/**
 * policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy (ANP-6): one kind for both tiers, actions
 * `Accept|Deny|Pass` (read as Allow/Deny/Pass), ports under `protocols` (`tcp|udp|sctp.destinationPort`
 * with `number` or `range`, or `destinationNamedPort`). `domainNames` peers need DNS snooping and are not
 * simulated (noted, never matched).
 */
export const clusterNetworkPolicyKind: KindHandler = {
  kinds: ['ClusterNetworkPolicy'],
  apiVersions: ['policy.networking.k8s.io/v1alpha2'],
  namespaced: false,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = r.diags.length;
    const tier = r.oneOf('spec.tier', ['Admin', 'Baseline'] as const, 'Admin');
    if (!r.has('spec.tier')) r.required('spec.tier');
    const priority = r.int('spec.priority', { required: true, min: 0, max: 1000 });
    const subject = readSubject(r, 'spec.subject');
    const ingress = r.list('spec.ingress').map((i) => readV2Rule(r, `spec.ingress.${i}`, 'from', i));
    const egress = r.list('spec.egress').map((i) => readV2Rule(r, `spec.egress.${i}`, 'to', i));
    if (!subject || r.diags.slice(before).some((d) => d.severity === 'error')) return;
    world.adminNetworkPolicies.push({
      ...meta,
      kind: 'ClusterNetworkPolicy',
      tier,
      ...(priority !== undefined ? { priority } : {}),
      subject,
      ingress: ingress.filter((x): x is AdminRule => !!x),
      egress: egress.filter((x): x is AdminRule => !!x),
    });
  },
};

function readV2Rule(r: FieldReader, path: string, field: 'from' | 'to', index: number): AdminRule | undefined {
  const action = r.str(`${path}.action`, { required: true });
  if (action !== undefined && !['Accept', 'Deny', 'Pass'].includes(action)) {
    r.report(CODES.INVALID_VALUE, `${path}.action`, `action must be Accept, Deny or Pass, not "${action}" (ANP-6).`, 'error', 'ANP-6');
    return undefined;
  }
  const peers: AdminPeer[] = [];
  for (const j of r.list(`${path}.${field}`)) {
    const p = `${path}.${field}.${j}`;
    if (r.has(`${p}.namespaces`)) peers.push({ namespaces: r.selector(`${p}.namespaces`) ?? EMPTY });
    else if (r.has(`${p}.pods`)) peers.push({ pods: pods(r, `${p}.pods`) });
    else if (field === 'to' && r.has(`${p}.networks`)) peers.push({ networks: r.strList(`${p}.networks`).filter((c) => parseCIDR(c)) });
    else if (field === 'to' && r.has(`${p}.nodes`)) peers.push({ nodes: r.selector(`${p}.nodes`) ?? EMPTY });
    else if (field === 'to' && r.has(`${p}.domainNames`)) r.report(CODES.INVALID_VALUE, p, 'domainNames peers are not simulated (they need DNS-aware enforcement); this peer never matches.', 'info', 'ANP-6');
    else r.report(CODES.INVALID_VALUE, p, `a ${field} peer must set namespaces or pods${field === 'to' ? ', networks, nodes or domainNames' : ''} (ANP-6).`, 'error', 'ANP-6');
  }
  let ports: AdminPort[] | undefined;
  if (r.has(`${path}.protocols`)) {
    ports = [];
    for (const j of r.list(`${path}.protocols`)) {
      const p = `${path}.protocols.${j}`;
      const named = r.str(`${p}.destinationNamedPort`);
      if (named) {
        ports.push({ namedPort: named });
        continue;
      }
      const proto = (['tcp', 'udp', 'sctp'] as const).find((x) => r.has(`${p}.${x}`));
      if (!proto) {
        r.report(CODES.INVALID_VALUE, p, 'a protocol entry must set tcp, udp, sctp or destinationNamedPort (ANP-6).', 'error', 'ANP-6');
        continue;
      }
      const protocol = proto.toUpperCase() as 'TCP' | 'UDP' | 'SCTP';
      const dp = `${p}.${proto}.destinationPort`;
      const number = r.int(`${dp}.number`, { min: 1, max: 65535 });
      const start = r.int(`${dp}.range.start`, { min: 1, max: 65535 });
      const end = r.int(`${dp}.range.end`, { min: 1, max: 65535 });
      if (number !== undefined) ports.push({ portNumber: { protocol, port: number } });
      else if (start !== undefined && end !== undefined) {
        if (start >= end) r.report(CODES.INVALID_VALUE, `${dp}.range`, `range start ${start} must be below end ${end} (ANP-6).`, 'error', 'ANP-6');
        else ports.push({ portRange: { protocol, start, end } });
      } else ports.push({ portRange: { protocol, start: 1, end: 65535 } }); // no destinationPort: every port of the protocol
    }
  }
  const name = r.str(`${path}.name`);
  const mapped = action === 'Accept' ? 'Allow' : ((action ?? 'Deny') as AdminRule['action']);
  return { ...(name ? { name } : {}), action: mapped, peers, ...(ports ? { ports, portsField: 'protocols' as const } : {}), index };
}
