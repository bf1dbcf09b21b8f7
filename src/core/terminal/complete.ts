/**
 * Tab completion for a command line typed in the terminal: the commands, kubectl's subcommands, resource
 * types, the names of objects of that type in the namespace given with `-n` (default `default`),
 * namespaces, hosts for the network tools (Services as `name.namespace`, the hosts of Ingresses and
 * routes), and the files `cat` shows. Read from the World, so it offers what the cluster has.
 */
import type { World } from '../model/world';
import { KUBECTL_NAMES, KUBECTL_SUBCOMMANDS, SHELL_FILES, TOOL_NAMES } from './names';

const NET_TOOLS = new Set(['nslookup', 'dig', 'wget', 'curl', 'nc', 'ping']);
const VALUED = new Set(['-n', '--namespace', '-o', '--output', '-l', '--selector', '-c', '--container', '--image']);

function objectsOf(w: World, kind: string): { namespace: string; name: string }[] {
  switch (kind) {
    case 'Pod': return w.pods;
    case 'Service': case 'Endpoints': return w.services;
    case 'EndpointSlice': return w.endpointSlices;
    case 'Ingress': return w.ingresses;
    case 'IngressClass': return w.ingressClasses;
    case 'NetworkPolicy': return w.networkPolicies;
    case 'Gateway': return w.gateways;
    case 'GatewayClass': return w.gatewayClasses;
    case 'HTTPRoute': return w.httpRoutes;
    case 'Namespace': return w.namespaces;
    case 'Node': return w.nodes;
    case 'Deployment': return w.workloads.filter((x) => x.kind === 'Deployment');
    default: return [];
  }
}

/** The words that may complete the last word of `line`, sorted. */
export function completions(world: World, line: string): string[] {
  const words = line.split(/\s+/);
  const word = words[words.length - 1] ?? '';
  const before = words.slice(0, -1).filter(Boolean);
  const prev = before[before.length - 1];
  const match = (xs: string[]) => [...new Set(xs)].filter((x) => x.startsWith(word)).sort();
  if (before.length === 0) return match(TOOL_NAMES);
  const cmd = before[0]!;
  if (cmd === 'kubectl') {
    if (prev === '-n' || prev === '--namespace') return match(world.namespaces.map((n) => n.name));
    if (prev === '-o' || prev === '--output') return match(['wide', 'yaml', 'json', 'name']);
    const args = before.slice(1).filter((w, i, all) => !w.startsWith('-') && !VALUED.has(all[i - 1] ?? ''));
    const sub = args[0];
    if (!sub) return word.startsWith('-') ? [] : match(KUBECTL_SUBCOMMANDS);
    const nsAt = before.findIndex((w) => w === '-n' || w === '--namespace');
    const ns = nsAt >= 0 ? before[nsAt + 1] : 'default';
    const names = (kind: string) => objectsOf(world, kind).filter((o) => !o.namespace || o.namespace === ns).map((o) => o.name);
    if (sub === 'exec') return args.length === 1 ? match(names('Pod')) : [];
    if (sub !== 'get' && sub !== 'describe') return [];
    if (args.length === 1) return match(Object.values(KUBECTL_NAMES).map((n) => n[0]!));
    const kind = Object.entries(KUBECTL_NAMES).find(([, n]) => n.includes(args[1]!))?.[0];
    return kind ? match(names(kind)) : [];
  }
  if (cmd === 'cat') return match(SHELL_FILES);
  if (NET_TOOLS.has(cmd) && !word.startsWith('-')) {
    const hosts = [
      ...world.services.map((s) => `${s.name}.${s.namespace}`),
      ...world.ingresses.flatMap((i) => i.rules.flatMap((r) => (r.host && !r.host.includes('*') ? [r.host] : []))),
      ...world.httpRoutes.flatMap((r) => r.hostnames.filter((h) => !h.includes('*'))),
    ];
    const scheme = /^https?:\/\//.exec(word)?.[0];
    return match(cmd === 'wget' || cmd === 'curl' ? hosts.map((h) => `${scheme ?? 'http://'}${h}`) : hosts);
  }
  return [];
}
