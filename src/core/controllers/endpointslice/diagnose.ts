import type { Diagnostic } from '../../diagnostics/diagnostic';
import { CODES } from '../../diagnostics/codes';
import type { Pod, Service } from '../../model/core';
import type { EndpointSlice } from '../../model/discovery';
import type { World } from '../../model/world';
import { fieldRange, rangeIn } from '../../manifest/reader';
import { endpointLookups, slicesOf, unusableEndpointAddress, type EndpointLookups } from '../../net/endpoints';
import { indexPods, podsMatching, servicesByName, type PodIndex } from '../../model/lookup';
import { findPort } from './utils';

/**
 * Semantic diagnostics for Services and EndpointSlices, on the field that causes them: a selector that
 * selects nothing (with the closest miss), or only pods of another namespace (SVC-5); `selector: {}`
 * (SVC-6); a named targetPort no selected pod declares (SVC-9); no ready endpoint (EPS-5, info); a
 * hand-written slice without `kubernetes.io/service-name` or whose port names match no Service port (SVC-10/11).
 * System objects are not diagnosed. Run after the controllers, over the finished World.
 */
export function diagnoseServices(world: World, diags: Diagnostic[]): void {
  // Indexed once for every Service (issue 15): pods by namespace and labels, slices by Service, ClusterIPs.
  const pods = indexPods(world.pods);
  const ix = endpointLookups(world);
  for (const s of world.services) {
    if (s.system || s.type === 'ExternalName') continue;
    if (!s.selector) {
      if (fieldRange(s.source, 'spec.selector')) {
        push(diags, s, CODES.SERVICE_EMPTY_SELECTOR, 'spec.selector', 'warning', 'SVC-6', `selector: {} selects no pods (it behaves as no selector); ${s.name} gets endpoints only from hand-written EndpointSlices.`);
      }
      diagnoseReadiness(world, ix, s, diags);
      continue;
    }
    const selected = podsMatching(pods, s.namespace, s.selector);
    if (selected.length === 0) {
      diagnoseNothingSelected(pods, s, diags);
      continue;
    }
    for (const port of s.ports) {
      if (typeof port.targetPort !== 'string') continue;
      const missing = selected.filter((p) => findPort(p, port) === null);
      if (missing.length === 0) continue;
      const all = missing.length === selected.length;
      push(diags, s, CODES.NAMED_TARGET_PORT_UNRESOLVED, `spec.ports.${port.index}.targetPort`, all ? 'warning' : 'info', 'SVC-9',
        all
          ? `No selected pod has a ${port.protocol} container port named "${port.targetPort}"; port ${port.name || port.port} has no backends.`
          : `${missing.length} of ${selected.length} selected pods have no ${port.protocol} container port named "${port.targetPort}" (${missing.slice(0, 3).map((p) => p.name).join(', ')}); they get no traffic on port ${port.name || port.port}.`,
        missing.slice(0, 3).map((p) => ({ file: p.source.file, range: rangeIn(p.source, 'spec.containers'), message: `${p.id} containers` })));
    }
    diagnoseReadiness(world, ix, s, diags, selected);
  }
  const services = servicesByName(world);
  for (const slice of world.endpointSlices) if (!slice.generated) diagnoseSlice(services, slice, diags);
  diagnoseAddresses(world, ix, diags);
}

/**
 * SVC-12: endpoint addresses written by hand (EndpointSlices, legacy Endpoints) that are loopback,
 * link-local or a Service's ClusterIP. kube-proxy leaves them out (`net/endpoints.ts`), so they never
 * receive traffic; the warning sits on the address.
 */
function diagnoseAddresses(world: World, ix: EndpointLookups, diags: Diagnostic[]): void {
  const vips = ix.vips;
  const flag = (obj: { id: string; source: Service['source'] }, path: string, ip: string) => {
    const problem = unusableEndpointAddress(world, ip, vips);
    if (problem) push(diags, obj, CODES.ENDPOINT_ADDRESS_UNUSABLE, path, 'warning', 'SVC-12', `${problem}: endpoint addresses must not be loopback, link-local or a Service's ClusterIP, so kube-proxy never sends traffic here.`);
  };
  for (const slice of world.endpointSlices) {
    if (slice.generated || slice.addressType === 'FQDN') continue;
    slice.endpoints.forEach((e, i) => {
      if (e.addresses[0]) flag(slice, `endpoints.${i}.addresses.0`, e.addresses[0]);
    });
  }
  for (const ep of world.legacyEndpoints) {
    ep.subsets.forEach((subset, s) => {
      subset.addresses.forEach((a, i) => flag(ep, `subsets.${s}.addresses.${i}.ip`, a.ip));
      subset.notReadyAddresses.forEach((a, i) => flag(ep, `subsets.${s}.notReadyAddresses.${i}.ip`, a.ip));
    });
  }
}

function push(diags: Diagnostic[], s: { id: string; source: Service['source'] }, code: string, path: string, severity: Diagnostic['severity'], rule: string, message: string, related?: Diagnostic['related']): void {
  diags.push({ code, severity, message, file: s.source.file, range: rangeIn(s.source, path), path, object: s.id, rule, ...(related && related.length ? { related } : {}) });
}

function diagnoseNothingSelected(pods: PodIndex, s: Service, diags: Diagnostic[]): void {
  const sel = s.selector!;
  const elsewhere = podsMatching(pods, undefined, sel).filter((p) => p.namespace !== s.namespace);
  if (elsewhere.length) {
    const namespaces = [...new Set(elsewhere.map((p) => p.namespace))].sort();
    push(diags, s, CODES.SERVICE_SELECTS_OTHER_NAMESPACE, 'spec.selector', 'warning', 'SVC-5',
      `The selector matches pods only in namespace ${namespaces.join(', ')}; a Service selects pods of its own namespace (${s.namespace}) only, so it has no endpoints.`,
      elsewhere.slice(0, 3).map((p) => ({ file: p.source.file, range: rangeIn(p.source, 'metadata.labels'), message: `${p.id} matches` })));
    return;
  }
  const miss = closestMiss((pods.byNamespace.get(s.namespace) ?? []).filter((p) => !p.system), sel);
  const hint = miss ? ` Closest: ${miss.pod.id} (${miss.problems.join(', ')}).` : ` There are no pods in namespace ${s.namespace}.`;
  push(diags, s, CODES.SERVICE_SELECTS_NOTHING, 'spec.selector', 'warning', 'SVC-5',
    `The selector ${Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',')} matches no pod, so the Service has no endpoints and connections are refused (EPS-4, KP-5).${hint}`,
    miss ? [{ file: miss.pod.source.file, range: rangeIn(miss.pod.source, 'metadata.labels'), message: `closest pod: ${miss.pod.id}` }] : undefined);
}

/** The pod with the most selector pairs present, with what differs. */
export function closestMiss(pods: Pod[], selector: Record<string, string>): { pod: Pod; problems: string[] } | undefined {
  let best: { pod: Pod; problems: string[]; score: number } | undefined;
  for (const pod of pods) {
    const problems: string[] = [];
    let score = 0;
    for (const [k, v] of Object.entries(selector)) {
      if (pod.labels[k] === v) score += 2;
      else if (k in pod.labels) {
        score += 1;
        problems.push(`${k}=${pod.labels[k]}, not ${v}`);
      } else problems.push(`no label ${k}`);
    }
    if (score > 0 && (!best || score > best.score)) best = { pod, problems, score };
  }
  return best && { pod: best.pod, problems: best.problems };
}

/** Why selected pods are not endpoints (SVC-7), for the no-endpoint note. */
function whyNoEndpoints(world: World, pods: Pod[]): string {
  if (pods.length === 0) return '';
  const nodes = new Set(world.nodes.map((n) => n.name));
  const finished = pods.filter((p) => p.phase === 'Succeeded' || p.phase === 'Failed').length;
  const noIP = pods.filter((p) => p.ips.length === 0 && p.phase !== 'Succeeded' && p.phase !== 'Failed').length;
  const lost = pods.filter((p) => p.ips.length > 0 && !nodes.has(p.nodeName)).length;
  const parts = [finished && `${finished} finished (Succeeded/Failed)`, noIP && `${noIP} without an IP`, lost && `${lost} on an unknown node`].filter(Boolean);
  return parts.length ? ` Of the ${pods.length} selected pods, ${parts.join(', ')} (SVC-7).` : '';
}

function diagnoseReadiness(world: World, ix: EndpointLookups, s: Service, diags: Diagnostic[], selected: Pod[] = []): void {
  const slices = slicesOf(world, s, ix);
  // SVC-12: loopback, link-local and ClusterIP addresses never carry traffic, so they do not count.
  const vips = ix.vips;
  const endpoints = slices.flatMap((e) => e.endpoints).filter((e) => !e.addresses[0] || !unusableEndpointAddress(world, e.addresses[0], vips));
  if (!s.selector && slices.length === 0) {
    push(diags, s, CODES.SERVICE_NO_READY_ENDPOINTS, 'metadata.name', 'info', 'SVC-10',
      `${s.name} has no selector and no EndpointSlice labelled kubernetes.io/service-name=${s.name}, so it has no endpoints.`);
    return;
  }
  if (endpoints.some((e) => e.conditions.ready)) return;
  push(diags, s, CODES.SERVICE_NO_READY_ENDPOINTS, s.selector ? 'spec.selector' : 'metadata.name', 'info', s.headless ? 'DNS-3' : 'KP-5',
    endpoints.length
      ? `None of the ${endpoints.length} endpoints of ${s.name} is ready; ${s.headless ? 'its DNS name does not resolve (NXDOMAIN)' : 'connections are refused unless a terminating endpoint is still serving'}.`
      : `${s.name} has no endpoints; ${s.headless ? 'its DNS name does not resolve (NXDOMAIN)' : 'connections to it are refused'}.${whyNoEndpoints(world, selected)}`);
}

function diagnoseSlice(services: Map<string, Service>, slice: EndpointSlice, diags: Diagnostic[]): void {
  if (!slice.serviceName) {
    push(diags, slice, CODES.SLICE_WITHOUT_SERVICE, 'metadata', 'warning', 'SVC-10',
      'This EndpointSlice has no kubernetes.io/service-name label, so no Service uses it: kube-proxy and DNS ignore it.');
    return;
  }
  const svc = services.get(`${slice.namespace}/${slice.serviceName}`);
  if (!svc) {
    push(diags, slice, CODES.SLICE_WITHOUT_SERVICE, 'metadata.labels', 'warning', 'SVC-10',
      `kubernetes.io/service-name names ${slice.serviceName}, but there is no Service ${slice.namespace}/${slice.serviceName}.`);
    return;
  }
  if (svc.type === 'ExternalName') return;
  slice.ports.forEach((p, i) => {
    if (svc.ports.some((sp) => sp.name === p.name && sp.protocol === p.protocol)) return;
    const names = svc.ports.map((sp) => `"${sp.name}"/${sp.protocol}`).join(', ');
    push(diags, slice, CODES.SLICE_PORT_MISMATCH, `ports.${i}.name`, 'warning', 'SVC-11',
      `Slice port "${p.name}"/${p.protocol} matches no port of Service ${svc.name} (${names}); kube-proxy joins ports by name and protocol, so this port carries no traffic.`,
      [{ file: svc.source.file, range: rangeIn(svc.source, 'spec.ports'), message: `${svc.id} ports` }]);
  });
}
