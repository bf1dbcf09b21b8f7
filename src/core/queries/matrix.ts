import type { Pod } from '../model/core';
import type { Protocol } from '../model/meta';
import type { World } from '../model/world';
import { matrix as policyMatrix, type MatrixResult, type PortKey } from '../controllers/netpol/index';
import { ArgReader, fail, ok, type Query } from './query';

export interface MatrixInput {
  /** `N` or `N/PROTOCOL` (TCP, UDP, SCTP); left out: every port a selected container declares. */
  port?: number | string | (number | string)[];
  /** Only pods of these namespaces (which may name the simulator's own, such as kube-system). */
  namespace?: string | string[];
  /** Judge ipBlock as Cilium does: it matches addresses outside the cluster only (I-20, NP-9). */
  'ipblock-ignores-pods'?: boolean;
}

export interface MatrixArgs {
  ports: PortKey[];
  namespaces: string[];
  ipBlockIgnoresPods: boolean;
}

/** `knet matrix --json`: character j of row i is the verdict from pods[i] to pods[j], `1` allowed. */
export type MatrixDocument = MatrixResult;

/**
 * `knet matrix`: every ordered pod pair on each port under the policies. The pods are every pod the input
 * declares or its workloads create, in any namespace; the pods the simulator adds on its own (CoreDNS, the
 * ingress controller, Gateway pods) only when `namespace` names their namespace.
 */
export const matrix: Query<MatrixInput, MatrixArgs, MatrixDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['port', 'namespace', 'ipblock-ignores-pods']);
    const ports: PortKey[] = [];
    for (const text of a.list('port')) {
      const p = parsePort(text);
      if (!p) return fail(`--port takes N or N/PROTOCOL (TCP, UDP, SCTP), not "${text}"`);
      ports.push(p);
    }
    const namespaces = a.list('namespace');
    const ipBlockIgnoresPods = a.flag('ipblock-ignores-pods');
    return a.done({ ports, namespaces, ipBlockIgnoresPods });
  },
  options: (args) => (args.ipBlockIgnoresPods ? { policy: { ipBlockMatchesPods: false } } : {}),
  run: (sim, args) => {
    const pods = sim.world.pods.map((p, i) => ({ p, i })).filter(({ p }) => (args.namespaces.length ? args.namespaces.includes(p.namespace) : !p.system));
    for (const ns of args.namespaces) if (!sim.world.namespaces.some((n) => n.name === ns)) return fail(`there is no namespace "${ns}" in the input`);
    const ports = args.ports.length ? args.ports : declaredPorts(pods.map(({ p }) => p));
    const m = policyMatrix(sim.world, sim.options, { ports, pods: pods.map(({ i }) => i) }, sim.policies);
    return ok({ pods: m.pods, ports: m.ports, matrix: m.matrix });
  },
};

function parsePort(text: string): PortKey | null {
  const m = /^(\d+)(?:\/(tcp|udp|sctp))?$/i.exec(text);
  const port = m ? Number(m[1]) : NaN;
  if (!m || port < 1 || port > 65535) return null;
  return { port, protocol: (m[2]?.toUpperCase() ?? 'TCP') as Protocol };
}

/**
 * Every containerPort the pods declare: their containers' and their sidecars' (init containers with
 * restartPolicy Always keep running and serve, SVC-9).
 */
function declaredPorts(pods: Pod[]): PortKey[] {
  const seen = new Map<string, PortKey>();
  for (const p of pods) {
    const running = [...p.containers, ...(p.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
    for (const c of running) for (const cp of c.ports) seen.set(`${cp.containerPort}/${cp.protocol}`, { port: cp.containerPort, protocol: cp.protocol });
  }
  return [...seen.values()].sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : 1));
}

/**
 * The ports worth a matrix, best first, as `N/PROTOCOL`: ports that a NetworkPolicy rule names and a user
 * pod's container declares, then the other declared ports (what `knet matrix` shows without `--port`), then
 * ports that only a policy names. A named policy port counts as the containerPort of that name. The page's
 * port picker opens on the first, so it talks about the port the policies talk about (issue 16: it opened
 * on 80 while the policies said 8080) and `knet matrix` shows that port too.
 */
export function matrixPorts(world: World): string[] {
  const pods = world.pods.filter((p) => !p.system);
  const declared = declaredPorts(pods);
  const key = (p: PortKey) => `${p.port}/${p.protocol}`;
  const named = new Map<string, PortKey>();
  for (const np of world.networkPolicies) {
    for (const rule of [...np.ingress, ...np.egress]) {
      for (const rp of rule.ports) {
        if (typeof rp.port === 'number') named.set(`${rp.port}/${rp.protocol}`, { port: rp.port, protocol: rp.protocol });
        else if (typeof rp.port === 'string') {
          for (const p of pods)
            for (const c of p.containers)
              for (const cp of c.ports) if (cp.name === rp.port && cp.protocol === rp.protocol) named.set(key({ port: cp.containerPort, protocol: cp.protocol }), { port: cp.containerPort, protocol: cp.protocol });
        }
      }
    }
  }
  const both = declared.filter((p) => named.has(key(p)));
  const onlyDeclared = declared.filter((p) => !named.has(key(p)));
  const declaredKeys = new Set(declared.map(key));
  const onlyNamed = [...named.values()].filter((p) => !declaredKeys.has(key(p))).sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : 1));
  return [...both, ...onlyDeclared, ...onlyNamed].map(key);
}
