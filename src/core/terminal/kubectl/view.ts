/**
 * The objects kubectl reads, as the API server would hold them after the controllers ran: the World's
 * objects, the legacy Endpoints the endpoints controller writes from the EndpointSlices, the address
 * ingress-nginx publishes on the Ingresses it serves, and the Gateway API status.
 */
import type { Service } from '../../model/core';
import type { Ingress } from '../../model/networking';
import type { ObjectMeta, LabelSelector, Labels } from '../../model/meta';
import type { Simulation } from '../../simulate';
import { matchesSelector } from '../../net/labels';

export interface View {
  sim: Simulation;
}

export function viewOf(sim: Simulation): View {
  return { sim };
}

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: string; namespace: string; name: string };
}

/** v1/Endpoints as the endpoints controller (or the input) writes it. */
export interface EndpointsObject extends ObjectMeta {
  kind: 'Endpoints';
  subsets: { addresses: EndpointAddress[]; notReadyAddresses: EndpointAddress[]; ports: { name: string; port: number; protocol: string }[] }[];
}

/**
 * Every Service with a selector gets an Endpoints object of its name (one subset per port set of its
 * slices, ready and not-ready addresses apart); hand-written Endpoints are kept for Services without one.
 */
export function endpointsObjects(view: View): EndpointsObject[] {
  const w = view.sim.world;
  const out: EndpointsObject[] = [];
  for (const s of w.services) {
    if (s.selector === null || s.type === 'ExternalName') continue;
    out.push(fromSlices(view, s));
  }
  for (const e of w.legacyEndpoints) {
    if (out.some((o) => o.namespace === e.namespace && o.name === e.name)) continue;
    out.push({ ...e, kind: 'Endpoints', subsets: e.subsets.map((x) => ({ addresses: x.addresses, notReadyAddresses: x.notReadyAddresses, ports: x.ports })) });
  }
  return out;
}

function fromSlices(view: View, s: Service): EndpointsObject {
  const slices = view.sim.world.endpointSlices.filter((x) => x.namespace === s.namespace && x.serviceName === s.name && x.ownerId === s.id && x.addressType !== 'FQDN');
  const subsets: EndpointsObject['subsets'] = [];
  for (const sl of slices) {
    if (sl.endpoints.length === 0) continue;
    const addr = (e: (typeof sl.endpoints)[number]): EndpointAddress => ({
      ip: e.addresses[0] ?? '',
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
      ...(e.targetRef ? { targetRef: e.targetRef } : {}),
    });
    // RepackSubsets sorts each subset's addresses by IP (addrsByIPAndUID).
    const byIP = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
    subsets.push({
      addresses: sl.endpoints.filter((e) => e.conditions.ready).map(addr).sort(byIP),
      notReadyAddresses: sl.endpoints.filter((e) => !e.conditions.ready).map(addr).sort(byIP),
      ports: sl.ports.filter((p) => p.port !== null).map((p) => ({ name: p.name, port: p.port!, protocol: p.protocol })),
    });
  }
  return {
    id: `Endpoints/${s.namespace}/${s.name}`,
    kind: 'Endpoints',
    name: s.name,
    namespace: s.namespace,
    labels: { ...s.labels, 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' },
    annotations: {},
    order: s.order,
    source: s.source,
    ...(s.system ? { system: true } : {}),
    subsets,
  };
}

/** The addresses ingress-nginx published in the Ingress's `status.loadBalancer` (the controller stage writes them). */
export function ingressAddress(i: Ingress): string[] {
  return i.status?.loadBalancer.ingress.map((x) => x.ip) ?? [];
}

/** `metav1.FormatLabelSelector`: `<none>` for the empty selector. */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  if (!sel) return '<none>';
  const parts = Object.keys(sel.matchLabels)
    .sort()
    .map((k) => `${k}=${sel.matchLabels[k]}`);
  for (const e of sel.matchExpressions) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${[...e.values].sort().join(',')})`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

/** `labels.FormatLabels`: keys sorted, `<none>` when empty. */
export function formatLabels(labels: Labels | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** `-l`: a label selector in kubectl's syntax (`a=b,c!=d,e in (f,g),h notin (i),j,!k`), or an error. */
export function parseSelector(text: string): LabelSelector | { error: string } {
  const sel: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  const parts = text.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*(==?|!=)\s*([\w.-]*)$/.exec(p))) {
      if (m[2] === '!=') sel.matchExpressions.push({ key: m[1]!, operator: 'NotIn', values: [m[3]!] });
      else sel.matchLabels[m[1]!] = m[3]!;
    } else if ((m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(p)))
      sel.matchExpressions.push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values: m[3]!.split(',').map((v) => v.trim()).filter(Boolean) });
    else if ((m = /^!([\w./-]+)$/.exec(p))) sel.matchExpressions.push({ key: m[1]!, operator: 'DoesNotExist', values: [] });
    else if ((m = /^([\w./-]+)$/.exec(p))) sel.matchExpressions.push({ key: m[1]!, operator: 'Exists', values: [] });
    else return { error: `error: unable to parse requirement: found '${p}', expected: in, notin, =, ==, !=, gt, lt` };
  }
  return sel;
}

export function selects(sel: LabelSelector, labels: Labels): boolean {
  return matchesSelector(sel, labels);
}
