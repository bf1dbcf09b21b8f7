/**
 * NetworkPolicy matrix benchmark (issue 4): a generated cluster of 2,000 pods, 400 Services and 600
 * policies; times the full pod × pod matrix on two ports (median of several runs), cold (selectors and
 * rules compiled) and warm (compiled once per World), against a loop that only writes one byte per cell.
 * Run alone: `npx tsx src/bench/netpol.bench.ts`; or import `runNetpolBench` from a runner.
 */
import { simulate, type Simulation } from '../core/index';
import { compile } from '../core/controllers/netpol/index';
import { matrixOf as matrix } from '../core/queries/testing';

export interface NetpolBenchSize {
  pods: number;
  services: number;
  policies: number;
  namespaces: number;
}

export const DEFAULT_SIZE: NetpolBenchSize = { pods: 2000, services: 400, policies: 600, namespaces: 40 };

/** Deterministic manifests: plain Pods (with IPs) so the benchmark does not depend on other controllers. */
export function generateNetpolCluster(size: NetpolBenchSize): string {
  const docs: string[] = [];
  for (let n = 0; n < size.namespaces; n++) {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${n}\n  labels: {team: t${n % 7}, env: ${n % 3 === 0 ? 'prod' : 'dev'}}`);
  }
  // Enough nodes for the pods (a /24 per node), each pod's IP inside its node's pod CIDR.
  const nodes = Math.ceil((size.pods + 50) / 200);
  for (let k = 1; k <= nodes; k++) {
    docs.push(`apiVersion: v1\nkind: Node\nmetadata: {name: node-${k}, labels: {topology.kubernetes.io/zone: zone-${k % 3}}}\nspec: {podCIDR: 10.244.${k}.0/24}\nstatus: {addresses: [{type: InternalIP, address: 172.18.0.${k + 1}}]}`);
  }
  const perApp = Math.max(1, Math.round(size.pods / size.services));
  for (let p = 0; p < size.pods; p++) {
    const app = Math.floor(p / perApp) % size.services;
    const ns = app % size.namespaces;
    const node = (p % nodes) + 1;
    const ip = `10.244.${node}.${Math.floor(p / nodes) + 10}`;
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app-${app}-${p}\n  namespace: ns-${ns}\n  labels: {app: app-${app}, role: ${['web', 'api', 'db', 'cache'][Math.floor(app / size.namespaces) % 4]}, version: v${p % 3}}\nspec:\n  nodeName: node-${node}\n  containers:\n  - name: main\n    image: example\n    ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}, {name: dns, containerPort: 53, protocol: UDP}]\nstatus: {phase: Running, podIP: ${ip}}`,
    );
  }
  for (let s = 0; s < size.services; s++) {
    docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: app-${s}, namespace: ns-${s % size.namespaces}}\nspec:\n  selector: {app: app-${s}}\n  ports: [{name: http, port: 80, targetPort: http}]`);
  }
  for (let k = 0; k < size.policies; k++) {
    const ns = `ns-${k % size.namespaces}`;
    // An app of the policy's own namespace (apps are spread over namespaces by index).
    const app = `app-${(((k * 7) % Math.max(1, Math.floor(size.services / size.namespaces))) * size.namespaces + (k % size.namespaces)) % size.services}`;
    const head = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p-${k}, namespace: ${ns}}\nspec:\n`;
    switch (k % 6) {
      case 0:
        docs.push(`${head}  podSelector: {}\n  policyTypes: [Ingress]`);
        break;
      case 1:
        docs.push(`${head}  podSelector: {matchLabels: {app: ${app}}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {role: web}}\n    - namespaceSelector: {matchLabels: {team: t${k % 7}}}\n      podSelector: {matchExpressions: [{key: version, operator: In, values: [v0, v1]}]}\n    ports: [{port: 8080}]`);
        break;
      case 2:
        docs.push(`${head}  podSelector: {matchLabels: {role: db}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {env: prod}}\n    ports: [{port: http}, {port: 9000, endPort: 9100}]`);
        break;
      case 3:
        docs.push(`${head}  podSelector: {matchLabels: {app: ${app}}}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - namespaceSelector: {}\n      podSelector: {matchLabels: {role: api}}\n    ports: [{port: 8080}]\n  - to:\n    - ipBlock: {cidr: 10.244.0.0/16, except: [10.244.${k % 8}.0/24]}\n    ports: [{port: 9090}]`);
        break;
      case 4:
        docs.push(`${head}  podSelector: {matchExpressions: [{key: role, operator: NotIn, values: [db]}]}\n  ingress:\n  - from:\n    - podSelector: {}\n  - from:\n    - namespaceSelector: {matchExpressions: [{key: team, operator: Exists}]}\n      podSelector: {matchLabels: {app: app-${(k * 13) % size.services}}}`);
        break;
      default:
        docs.push(`${head}  podSelector: {matchLabels: {app: ${app}, version: v${k % 3}}}\n  ingress:\n  - {}\n  egress:\n  - to:\n    - podSelector: {matchLabels: {role: cache}}\n    ports: [{port: metrics}]`);
    }
  }
  return docs.join('\n---\n') + '\n';
}

/** Collect garbage between timed runs when Node exposes it (`node --expose-gc`), so one run does not pay for another's. */
function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface NetpolBenchResult {
  size: NetpolBenchSize;
  simulateMs: number;
  compileMs: number;
  coldMs: number;
  warmMs: number;
  baselineMs: number;
  ratio: number;
  cells: number;
}

export function runNetpolBench(size: NetpolBenchSize = DEFAULT_SIZE, runs = 7): NetpolBenchResult {
  const text = generateNetpolCluster(size);
  let t = performance.now();
  const sim = simulate([{ name: 'bench.yaml', text }]);
  const simulateMs = performance.now() - t;
  const ports = [
    { port: 8080, protocol: 'TCP' as const },
    { port: 9090, protocol: 'TCP' as const },
  ];
  const n = sim.world.pods.length;
  let check = 0;
  const cold: number[] = [];
  const compiles: number[] = [];
  const warm: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < runs; r++) {
    // A fresh options object misses the per-World compile cache: selectors and rules are compiled again.
    const fresh: Simulation = { ...sim, options: { ...sim.options } };
    gc();
    t = performance.now();
    compile(fresh.world, fresh.options);
    const compiled = performance.now() - t;
    compiles.push(compiled);
    t = performance.now();
    const m = matrix(fresh, { ports });
    cold.push(compiled + performance.now() - t);
    gc();
    t = performance.now();
    const m2 = matrix(fresh, { ports });
    warm.push(performance.now() - t);
    check += m.matrix['8080/TCP']![0]!.length + m2.pods.length;
    gc();
    t = performance.now();
    for (let k = 0; k < ports.length; k++) {
      const rows: string[] = [];
      const buf = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) buf[j] = 49;
        rows.push(String(buf[i]));
      }
      check += rows.length;
    }
    base.push(performance.now() - t);
  }
  const coldMs = median(cold);
  const baselineMs = median(base);
  if (check < 0) console.log(check);
  return { size, simulateMs, compileMs: median(compiles), coldMs, warmMs: median(warm), baselineMs, ratio: coldMs / baselineMs, cells: n * n * ports.length };
}

const isMain = typeof process !== 'undefined' && process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const r = runNetpolBench();
  console.log(`netpol matrix: ${r.size.pods} pods (${r.cells.toLocaleString('en')} cells), ${r.size.services} Services, ${r.size.policies} NetworkPolicies, 2 ports`);
  console.log(`  simulate (read + controllers, once): ${r.simulateMs.toFixed(0)} ms`);
  console.log(`  compile selectors and rules (median): ${r.compileMs.toFixed(1)} ms`);
  console.log(`  matrix, compile included (median):   ${r.coldMs.toFixed(1)} ms`);
  console.log(`  matrix, compiled World (median):     ${r.warmMs.toFixed(1)} ms`);
  console.log(`  baseline, one byte per cell:         ${r.baselineMs.toFixed(1)} ms`);
  console.log(`  ratio (compile included / baseline): ${r.ratio.toFixed(1)}×  target < 500 ms: ${r.coldMs < 500 ? 'met' : 'NOT met'}`);
}
