import type { ServiceEndpoints } from '../../core/index';
import { queryCommand } from '../query-command';

/** The EndpointSlice controller's own `endpointslice.kubernetes.io/managed-by` value. */
const CONTROLLER = 'endpointslice-controller.k8s.io';

/**
 * `knet endpoints <input> [--service ns/name] [--all]`: every Service with its EndpointSlices. System
 * Services the simulator adds (kube-system/kube-dns, default/kubernetes) are listed only with `--all` or
 * when `--service` names one, so the output shows what the input declared.
 */
export const endpoints = queryCommand('endpoints', {
  summary: 'show the EndpointSlices of every Service (or one)',
  usage: 'knet endpoints <input>... [--service ns/name] [--all] [--json]',
  flags: ['service'],
  booleans: ['all'],
  human: (doc, io) => (doc.services.length ? doc.services.map((s) => human(s, io.isTTY)).join('\n\n') + '\n' : 'No Services in the input (--all also lists kube-dns and kubernetes).\n'),
});

function human(s: ServiceEndpoints, tty: boolean): string {
  const bold = (t: string) => (tty ? `\x1b[1m${t}\x1b[0m` : t);
  const dim = (t: string) => (tty ? `\x1b[2m${t}\x1b[0m` : t);
  const ports = s.ports.map((p) => `${p.name ? p.name + ' ' : ''}${p.port}${p.nodePort ? ':' + p.nodePort : ''}→${p.targetPort}/${p.protocol}`).join(', ');
  const addr = s.type === 'ExternalName' ? `→ ${s.externalName}` : (s.clusterIP ?? '<none>');
  const lb = s.loadBalancerIPs?.length ? `  LB ${s.loadBalancerIPs.join(',')}` : '';
  const lines = [`${bold(`${s.namespace}/${s.name}`)}  ${s.type}  ${addr}${lb}${ports ? `  ${ports}` : ''}`];
  if (s.type === 'ExternalName') lines.push(dim('  no endpoints: ExternalName is only a DNS CNAME (SVC-3)'));
  else if (s.slices.length === 0) lines.push(dim('  no EndpointSlices: no selector and no slice labelled kubernetes.io/service-name (SVC-10)'));
  for (const e of s.slices) {
    const p = e.ports.length ? e.ports.map((x) => `${x.name ? x.name + ':' : ''}${x.port ?? '?'}/${x.protocol}`).join(', ') : 'no ports';
    // Slices of the simulator's own Services (the API server's `kubernetes`) carry no managed-by label either.
    const who = e.managedBy && e.managedBy !== CONTROLLER ? `  (${e.managedBy})` : e.managedBy === CONTROLLER || s.system ? '' : '  (hand-written)';
    lines.push(`  ${e.name}  ${e.addressType}  ${p}${who}`);
    if (e.endpoints.length === 0) lines.push(dim('    (no endpoints)'));
    const rows = e.endpoints.map((ep) => {
      const c = ep.conditions;
      const state = c.ready ? 'ready' : c.terminating ? (c.serving ? 'terminating,serving' : 'terminating') : 'not-ready';
      const target = ep.targetRef ? `${ep.targetRef.kind} ${ep.targetRef.namespace}/${ep.targetRef.name}` : '';
      return [ep.addresses.join(','), state, ep.nodeName ?? '-', ep.zone ?? '-', target];
    });
    const widths = [0, 1, 2, 3].map((i) => Math.max(0, ...rows.map((r) => r[i]!.length)));
    for (const r of rows) lines.push(`    ${r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ')}`.trimEnd());
  }
  return lines.join('\n');
}
