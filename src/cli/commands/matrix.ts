import { policyMatrix, simulate, type MatrixResult, type PortKey, type Protocol } from '../../core/index';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { EXIT, InputError, UsageError } from '../io';
import { loadInputs } from '../input';
import { warnUnread } from '../report';

/**
 * `knet matrix`: every ordered pod pair on each port under the policies. Rows are sources,
 * columns destinations; system pods (CoreDNS, controllers the simulator adds) are left out unless their
 * namespace is asked for with `--namespace`.
 */
export const matrix: Command = {
  name: 'matrix',
  summary: 'reachability of every pod pair on each port under the NetworkPolicies',
  usage: 'knet matrix <input>... [--port N[/TCP|UDP|SCTP]]... [--namespace ns]... [--ipblock-ignores-pods] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, ['port', 'namespace'], ['ipblock-ignores-pods']);
    const ports = (args.flags.get('port') ?? []).map(parsePort);
    const namespaces = args.flags.get('namespace') ?? [];
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files, args.flags.get('ipblock-ignores-pods')?.[0] === 'true' ? { policy: { ipBlockMatchesPods: false } } : undefined);
    warnUnread(sim, files, io);
    const pods = sim.world.pods.map((p, i) => ({ p, i })).filter(({ p }) => (namespaces.length ? namespaces.includes(p.namespace) : !(p.system ?? p.namespace === 'kube-system')));
    for (const ns of namespaces) if (!sim.world.namespaces.some((n) => n.name === ns)) throw new InputError(`there is no namespace "${ns}" in the input`);
    const wanted = ports.length ? ports : declaredPorts(pods.map(({ p }) => p));
    const m = policyMatrix(sim, { ports: wanted, pods: pods.map(({ i }) => i) });
    if (args.json) io.out(JSON.stringify({ pods: m.pods, ports: m.ports, matrix: m.matrix }) + '\n');
    else io.out(human(m));
    return EXIT.OK;
  },
};

function parsePort(text: string): PortKey {
  const m = /^(\d+)(?:\/(tcp|udp|sctp))?$/i.exec(text);
  const port = m ? Number(m[1]) : NaN;
  if (!m || port < 1 || port > 65535) throw new UsageError(`--port takes N or N/PROTOCOL (TCP, UDP, SCTP), not "${text}"`);
  return { port, protocol: (m[2]?.toUpperCase() ?? 'TCP') as Protocol };
}

type Ports = { ports: { containerPort: number; protocol: Protocol }[]; restartPolicy?: string }[];

/**
 * Every containerPort the pods declare, as the knet contract says for a matrix without --port: their containers' and
 * their sidecars' (init containers with restartPolicy Always keep running and serve, SVC-9).
 */
function declaredPorts(pods: { containers: Ports; initContainers?: Ports }[]): PortKey[] {
  const seen = new Map<string, PortKey>();
  for (const p of pods) {
    const running = [...p.containers, ...(p.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
    for (const c of running) for (const cp of c.ports) seen.set(`${cp.containerPort}/${cp.protocol}`, { port: cp.containerPort, protocol: cp.protocol });
  }
  return [...seen.values()].sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : 1));
}

function human(m: MatrixResult): string {
  if (m.pods.length === 0) return 'No pods to compare (system pods are left out; name their namespace with --namespace).\n';
  if (m.ports.length === 0) return 'No ports: the pods declare no containerPort; give --port N/PROTOCOL.\n';
  const width = Math.max(...m.pods.map((p) => p.length));
  const num = String(m.pods.length - 1).length;
  const out: string[] = ['Rows: from, columns: to (numbered as the rows). # allowed, . denied.'];
  for (const pk of m.ports) {
    const rows = m.matrix[`${pk.port}/${pk.protocol}`]!;
    out.push('', `${pk.port}/${pk.protocol}`);
    const header = m.pods.map((_, j) => String(j % 10)).join('');
    out.push(`${' '.repeat(num + width + 3)}${header}`);
    rows.forEach((r, i) => {
      out.push(`${String(i).padStart(num)} ${m.pods[i]!.padEnd(width)}  ${r.replace(/1/g, '#').replace(/0/g, '.')}`);
    });
    const allowed = rows.reduce((n, r) => n + [...r].filter((ch) => ch === '1').length, 0);
    out.push(`${allowed} of ${rows.length * rows.length} pairs allowed`);
  }
  return out.join('\n') + '\n';
}
