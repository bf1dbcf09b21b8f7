/**
 * One size of the core benchmark, run in its own process so that its peak memory is its own:
 * `tsx src/bench/core-size.ts <pods>` prints one JSON line.
 */
import { simulate } from '../core/index';
import { matrixOf as matrix } from '../core/queries/testing';
import { generateCluster, sizeFor } from './generate';

const pods = Number(process.argv[2] ?? 100);
const size = sizeFor(pods);
const text = generateCluster(size);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs = pods >= 2000 ? 3 : 5;
const sim: number[] = [];
const mat: number[] = [];
let simulated = simulate([{ name: 'bench.yaml', text }]);
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  simulated = simulate([{ name: 'bench.yaml', text }]);
  sim.push(performance.now() - t);
  t = performance.now();
  matrix(simulated, { ports: [{ port: 8080, protocol: 'TCP' }, { port: 9090, protocol: 'TCP' }] });
  mat.push(performance.now() - t);
}
process.stdout.write(
  JSON.stringify({
    pods: simulated.world.pods.length,
    objects: text.split('\n---\n').length,
    services: size.services,
    policies: size.policies,
    textKB: Math.round(text.length / 1024),
    simulateMs: Math.round(median(sim)),
    matrixMs: Math.round(median(mat)),
    peakRSSMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
