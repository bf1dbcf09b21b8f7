import { simulate, type EndpointSlice, type Service, type World } from '../../core/index';
import { one, parseArgs } from '../args';
import type { Command } from '../command';
import { EXIT, InputError, UsageError } from '../io';
import { loadInputs } from '../input';
import { warnUnread } from '../report';

/**
 * `knet endpoints <input> [--service ns/name] [--all]`: every Service with its EndpointSlices as the
 * EndpointSlice controller (and the mirroring controller) leave them, plus hand-written slices.
 * System Services the simulator adds (kube-system/kube-dns, default/kubernetes) are listed only with
 * `--all` or when `--service` names one, so the output shows what the input declared.
 */
export const endpoints: Command = {
  name: 'endpoints',
  summary: 'show the EndpointSlices of every Service (or one)',
  usage: 'knet endpoints <input>... [--service ns/name] [--all] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, ['service'], ['all']);
    const wanted = one(args, 'service');
    const all = one(args, 'all') === 'true';
    if (wanted !== undefined && !/^([^/]+\/)?[^/]+$/.test(wanted)) throw new UsageError('--service takes namespace/name (or name, in default)');
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files);
    warnUnread(sim, files, io);
    const w = sim.world;
    let services: Service[];
    if (wanted !== undefined) {
      const id = wanted.includes('/') ? wanted : `default/${wanted}`;
      services = w.services.filter((s) => `${s.namespace}/${s.name}` === id);
      if (services.length === 0) throw new InputError(`there is no Service "${id}" in the input`);
    } else services = w.services.filter((s) => all || !s.system);
    services = [...services].sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
    if (args.json) {
      io.out(JSON.stringify({ services: services.map((s) => serviceJSON(w, s)) }, null, 2) + '\n');
      return EXIT.OK;
    }
    io.out(services.length ? services.map((s) => human(w, s, io.isTTY)).join('\n\n') + '\n' : 'No Services in the input (--all also lists kube-dns and kubernetes).\n');
    return EXIT.OK;
  },
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function slicesFor(w: World, s: Service): EndpointSlice[] {
  if (s.type === 'ExternalName') return [];
  return w.endpointSlices.filter((e) => e.namespace === s.namespace && e.serviceName === s.name);
}

function clusterIP(s: Service): string | null {
  if (s.type === 'ExternalName') return null;
  if (s.headless) return 'None';
  return s.clusterIPs[0] ?? null;
}

function serviceJSON(w: World, s: Service) {
  return {
    namespace: s.namespace,
    name: s.name,
    type: s.type,
    clusterIP: clusterIP(s),
    ...(s.system ? { system: true } : {}),
    ports: s.ports.map((p) => ({ name: p.name || null, port: p.port, protocol: p.protocol, targetPort: p.targetPort, ...(p.nodePort ? { nodePort: p.nodePort } : {}) })),
    ...(s.loadBalancerIPs.length ? { loadBalancerIPs: s.loadBalancerIPs } : {}),
    ...(s.externalName ? { externalName: s.externalName } : {}),
    slices: slicesFor(w, s).map((e) => ({
      name: e.name,
      addressType: e.addressType,
      managedBy: e.managedBy ?? null,
      ports: e.ports.map((p) => ({ name: p.name || null, port: p.port, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) })),
      endpoints: e.endpoints.map((ep) => ({
        addresses: ep.addresses,
        conditions: ep.conditions,
        targetRef: ep.targetRef ?? null,
        nodeName: ep.nodeName ?? null,
        zone: ep.zone ?? null,
        ...(ep.hostname ? { hostname: ep.hostname } : {}),
        ...(ep.hints ? { hints: ep.hints } : {}),
      })),
    })),
  };
}

function human(w: World, s: Service, tty: boolean): string {
  const bold = (t: string) => (tty ? `\x1b[1m${t}\x1b[0m` : t);
  const dim = (t: string) => (tty ? `\x1b[2m${t}\x1b[0m` : t);
  const ports = s.ports.map((p) => `${p.name ? p.name + ' ' : ''}${p.port}${p.nodePort ? ':' + p.nodePort : ''}→${p.targetPort}/${p.protocol}`).join(', ');
  const addr = s.type === 'ExternalName' ? `→ ${s.externalName}` : clusterIP(s) ?? '<none>';
  const lb = s.loadBalancerIPs.length ? `  LB ${s.loadBalancerIPs.join(',')}` : '';
  const lines = [`${bold(`${s.namespace}/${s.name}`)}  ${s.type}  ${addr}${lb}${ports ? `  ${ports}` : ''}`];
  const slices = slicesFor(w, s);
  if (s.type === 'ExternalName') lines.push(dim('  no endpoints: ExternalName is only a DNS CNAME (SVC-3)'));
  else if (slices.length === 0) lines.push(dim('  no EndpointSlices: no selector and no slice labelled kubernetes.io/service-name (SVC-10)'));
  for (const e of slices) {
    const p = e.ports.length ? e.ports.map((x) => `${x.name ? x.name + ':' : ''}${x.port ?? '?'}/${x.protocol}`).join(', ') : 'no ports';
    const who = e.managedBy && e.managedBy !== 'endpointslice-controller.k8s.io' ? `  (${e.managedBy})` : e.generated ? '' : '  (hand-written)';
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
