/**
 * Terminal benchmark (issue 18): each command kind answered by the `run` query on a simulated cluster of 40
 * objects (the generator's mix: Deployments, Services, policies, an Ingress, a Gateway and a route), the
 * way the worker answers it (the simulation is already there). Median of several runs; target < 50 ms.
 * Run alone: `npx tsx src/bench/terminal.bench.ts`.
 */
import { runQuery, simulate } from '../core/index';
import { generateCluster, sizeFor } from './generate';

export interface TerminalBenchRow {
  command: string;
  exitCode: number;
  medianMs: number;
  maxMs: number;
  /** The first command on a new simulation (a new World to add the debug pod to, policies to compile), median of 5. */
  coldMs: number;
}

export function runTerminalBench(runs = 15): { objects: number; rows: TerminalBenchRow[] } {
  const text = generateCluster(sizeFor(50));
  const objects = text.split('\n---\n').length;
  const sim = simulate([{ name: 'bench.yaml', text }]);
  const pod = sim.world.pods.find((p) => p.namespace === 'team-0' && !p.system)!;
  const from = `${pod.namespace}/${pod.name}`;
  const lines: [string, string | undefined][] = [
    ['kubectl get pods -A -o wide', undefined],
    ['kubectl get endpoints -A', undefined],
    ['kubectl get svc app-1 -n team-0 -o yaml', undefined],
    ['kubectl describe svc app-1 -n team-0', undefined],
    ['kubectl describe netpol -n team-0', undefined],
    ['nslookup app-1.team-0.svc.cluster.local', undefined],
    ['dig app-1.team-0.svc.cluster.local', undefined],
    ['cat /etc/resolv.conf', from],
    ['wget -qO- -T 2 http://app-1.team-0', from],
    ['curl -sSv --max-time 2 http://app-2.team-0', from],
    ['nc -zv -w 2 app-3.team-0 80', from],
    ['ping -c 1 app-0.team-0', from],
    ['curl -sS http://shop-0.example.com/api', undefined],
    ['kubectl run tmp --image=busybox --rm -it --restart=Never -- wget -qO- -T 2 http://app-1.team-0', undefined],
    ['kubectl exec ' + pod.name + ' -n team-0 -- nslookup app-1', undefined],
  ];
  const rows = lines.map(([line, f]) => {
    // The first answer after a new simulation is measured apart: it adds the debug pod and compiles the
    // policies for that World (the simulation itself is not counted: the worker has it already).
    const colds: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fresh = simulate([{ name: 'bench.yaml', text }]);
      const t0 = performance.now();
      runQuery(fresh, 'run', { line, ...(f ? { from: f } : {}) });
      colds.push(performance.now() - t0);
    }
    const coldMs = colds.sort((a, b) => a - b)[2]!;
    const times: number[] = [];
    let exitCode = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = runQuery(sim, 'run', { line, ...(f ? { from: f } : {}) });
      exitCode = r.ok ? r.result.exitCode : -1;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { command: f ? `${line}  (in ${f})` : line, exitCode, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times[times.length - 1]!, coldMs };
  });
  return { objects, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = runTerminalBench();
  console.log(`${r.objects} objects`);
  for (const row of r.rows) console.log(`${row.medianMs.toFixed(2).padStart(7)} ms  (max ${row.maxMs.toFixed(2)}, first after a simulation ${row.coldMs.toFixed(1)})  exit ${row.exitCode}  ${row.command}`);
}
