import type { Pod } from '../model/core';
import type { Protocol } from '../model/meta';
import { matrix, type PortKey } from '../controllers/netpol/index';
import { simulate, type Simulation } from '../simulate';

/** One connection whose verdict the lock-down changes, pods named by their owner (`Deployment/ns/name`). */
export interface ConnectionChange {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  before: 'allowed' | 'denied';
  after: 'allowed' | 'denied';
}

/**
 * What applying `text` changes between the pods of the scenario: every pod pair into the locked namespaces
 * on every port their containers declare, judged before and after by the policy engine, listed once per
 * owner pair, port and protocol. Pods keep their names across (the workloads do not change), so they are
 * matched by id.
 */
export function connectionChanges(sim: Simulation, text: string, namespaces: string[]): ConnectionChange[] {
  const after = simulate([{ name: sim.files[0]?.name ?? 'input.yaml', text }], sim.options);
  const locked = new Set(namespaces);
  const owner = (p: Pod) => p.ownerId ?? p.id;
  const ports = new Map<string, PortKey>();
  for (const p of sim.world.pods) if (locked.has(p.namespace)) for (const c of p.containers) for (const cp of c.ports) ports.set(`${cp.containerPort}/${cp.protocol}`, { port: cp.containerPort, protocol: cp.protocol });
  const keys = [...ports.values()].sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : 1));
  const judge = (s: Simulation) => {
    const m = matrix(s.world, s.options, { ports: keys }, s.policies);
    return { index: new Map(m.pods.map((name, i) => [name, i])), rows: m.matrix };
  };
  const was = judge(sim);
  const now = judge(after);
  const out = new Map<string, ConnectionChange>();
  // Each pod's row/column in both matrices, looked up once (a large scenario has millions of pairs).
  const pods = sim.world.pods
    .filter((p) => p.ips.length && !p.hostNetwork)
    .map((p) => ({ p, was: was.index.get(`${p.namespace}/${p.name}`), now: now.index.get(`${p.namespace}/${p.name}`) }))
    .filter((x): x is { p: Pod; was: number; now: number } => x.was !== undefined && x.now !== undefined);
  for (const pk of keys) {
    const key = `${pk.port}/${pk.protocol}`;
    const rowsWas = was.rows[key] ?? [];
    const rowsNow = now.rows[key] ?? [];
    for (const t of pods) {
      const to = t.p;
      // Only where the destination listens on that port, and only into the locked namespaces.
      if (!locked.has(to.namespace) || !to.containers.some((c) => c.ports.some((cp) => cp.containerPort === pk.port && cp.protocol === pk.protocol))) continue;
      for (const f of pods) {
        const from = f.p;
        if (from.id === to.id) continue;
        const b = rowsWas[f.was]?.[t.was];
        const a = rowsNow[f.now]?.[t.now];
        if (b === undefined || a === undefined || a === b) continue;
        const id = `${owner(from)} ${owner(to)} ${key}`;
        if (!out.has(id)) out.set(id, { from: owner(from), to: owner(to), port: pk.port, protocol: pk.protocol, before: b === '1' ? 'allowed' : 'denied', after: a === '1' ? 'allowed' : 'denied' });
      }
    }
  }
  return [...out.values()];
}
