import { simulate, buildTopology } from '../core/index';
import { readFileSync } from 'node:fs';
const src = readFileSync('src/core/topology/cache.test.ts', 'utf8');
const extra = src.slice(src.indexOf('const EXTRA = `') + 15, src.indexOf('`;', src.indexOf('const EXTRA')));
import { generateCluster, sizeFor } from './generate';
const BASE = `${generateCluster(sizeFor(100))}---${extra}`;
const t2 = BASE.replace(/replicas: (\d+)/, (_, n: string) => `replicas: ${Number(n) + 1}`);
for (const t of [BASE, t2]) {
  const sim = simulate([{ name: 'in.yaml', text: t }]);
  const topo = buildTopology(sim);
  console.log(sim.world.pods.filter((p) => p.namespace === 'mesh').map((p) => `${p.name}@${p.nodeName}:${p.ips[0]}`).join(' '));
  for (const e of topo.edges.filter((e) => e.relation === 'call' && e.from.includes('mesh'))) console.log(e.from, e.to, e.verdict, e.reason.slice(0, 250));
}
