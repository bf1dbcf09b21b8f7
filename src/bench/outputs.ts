/**
 * The outputs that must not change when the core is made faster (issue 15): for every built-in scenario
 * (`src/scenarios/**`) and every conformance input (`src/conformance/data/**`), the simulation (World +
 * diagnostics), the policy matrix (all pods, and the non-system subset the CLI asks for) and the topology
 * (default and with system objects), each as canonical JSON (keys sorted) and its sha256.
 * `outputs.test.ts` compares them with `outputs.digests.json`. Commands (see that test for when to use them):
 *   npx tsx src/bench/outputs.ts update        rewrite outputs.digests.json from the working tree
 *   npx tsx src/bench/outputs.ts dump <dir>    write every output, pretty-printed, one file each, to diff
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTopology, isSystem, simulate, type InputFile, type Simulation } from '../core/index';
import { matrix, type PortKey } from '../core/controllers/netpol/index';
import { flattenFields } from '../core/manifest/fields';
import type { SourceRef } from '../core/model/meta';
import { generateCluster, sizeFor } from './generate';
import { generateNetpolCluster } from './netpol.bench';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = join(here, '..');
export const DIGESTS_FILE = join(here, 'outputs.digests.json');

export interface OutputInput {
  /** Stable name: the path under src/, plus `#id` for a fixture inside a JSON file. */
  name: string;
  files: InputFile[];
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/**
 * Every scenario YAML, every conformance `manifests.yaml`, every manifest list inside a conformance fixture JSON,
 * and the two bench generators at a few hundred pods (so the paths only big inputs take are pinned too).
 */
export function outputInputs(): OutputInput[] {
  const out: OutputInput[] = [];
  const rel = (p: string) => relative(SRC, p).split('\\').join('/');
  for (const p of walk(join(SRC, 'scenarios')).filter((f) => f.endsWith('.yaml'))) out.push({ name: rel(p), files: [{ name: rel(p), text: readFileSync(p, 'utf8') }] });
  for (const p of walk(join(SRC, 'conformance', 'data'))) {
    if (p.endsWith('.yaml')) out.push({ name: rel(p), files: [{ name: 'manifests.yaml', text: readFileSync(p, 'utf8') }] });
    else if (p.endsWith('.json')) {
      const data = JSON.parse(readFileSync(p, 'utf8')) as { fixtures?: { id?: string; manifests?: unknown[] }[] };
      for (const [i, f] of (data.fixtures ?? []).entries()) {
        if (!Array.isArray(f.manifests)) continue;
        // The DNS tests feed fixtures as JSON documents joined by `---` lines; do the same.
        out.push({ name: `${rel(p)}#${f.id ?? i}`, files: [{ name: 'manifests.yaml', text: f.manifests.map((m) => JSON.stringify(m)).join('\n---\n') }] });
      }
    }
  }
  out.push({ name: 'bench/generate.ts@300', files: [{ name: 'bench.yaml', text: generateCluster(sizeFor(300)) }] });
  out.push({ name: 'bench/netpol.bench.ts@300', files: [{ name: 'bench.yaml', text: generateNetpolCluster({ pods: 300, services: 60, policies: 90, namespaces: 8 }) }] });
  return out;
}

/**
 * An object's source as the digests were first taken: field ranges by dotted path with absolute offsets, however
 * the World stores them now (a representation change is not an output change).
 */
function sourceAsPaths(s: SourceRef): unknown {
  return { file: s.file, range: s.range, fields: flattenFields(s.fields, s.offset), ...(s.prefix !== undefined ? { prefix: s.prefix } : {}) };
}

/** JSON with object keys sorted at every level; refuses values JSON cannot carry faithfully (Map, Set, functions). */
export function canonical(value: unknown, indent = 0): string {
  const seen = new Set<unknown>();
  const norm = (v: unknown, key?: string): unknown => {
    if (key === 'source' && v && typeof v === 'object' && 'fields' in v && 'range' in v) v = sourceAsPaths(v as SourceRef);
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'bigint' || typeof v === 'symbol') throw new Error(`not plain data: ${typeof v}`);
      return v;
    }
    if (v instanceof Map || v instanceof Set) throw new Error('not plain data: Map or Set');
    if (seen.has(v)) throw new Error('not plain data: a cycle');
    seen.add(v);
    const o = v;
    const out: unknown = Array.isArray(o) ? o.map((x) => norm(x)) : Object.fromEntries(Object.keys(o).sort().filter((k) => (o as Record<string, unknown>)[k] !== undefined).map((k) => [k, norm((o as Record<string, unknown>)[k], k)]));
    seen.delete(o);
    return out;
  };
  return JSON.stringify(norm(value), null, indent || undefined);
}

/** Ports for the matrix: every containerPort a running container (or sidecar) of any pod declares, sorted. */
function declaredPorts(sim: Simulation): PortKey[] {
  const seen = new Map<string, PortKey>();
  for (const p of sim.world.pods) {
    for (const c of [...p.containers, ...p.initContainers.filter((x) => x.restartPolicy === 'Always')]) {
      for (const cp of c.ports) seen.set(`${cp.containerPort}/${cp.protocol}`, { port: cp.containerPort, protocol: cp.protocol });
    }
  }
  return [...seen.values()].sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : 1));
}

/** The outputs of one input, as plain values (canonicalised by the caller). */
export function outputsOf(files: InputFile[]): Record<string, unknown> {
  const sim = simulate(files);
  const ports = declaredPorts(sim);
  const user = sim.world.pods.flatMap((p, i) => (isSystem(p) ? [] : [i]));
  return {
    simulate: { world: sim.world, diagnostics: sim.diagnostics },
    matrix: matrix(sim.world, sim.options, { ports }),
    matrixUserPods: matrix(sim.world, sim.options, { ports, pods: user }),
    topology: buildTopology(sim),
    topologySystem: buildTopology(sim, { showSystem: true }),
  };
}

export type Digests = Record<string, Record<string, string>>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function computeDigests(): Digests {
  const out: Digests = {};
  for (const input of outputInputs()) {
    const outputs = outputsOf(input.files);
    out[input.name] = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, sha256(canonical(v))]));
  }
  return out;
}

export function readDigests(): Digests {
  return JSON.parse(readFileSync(DIGESTS_FILE, 'utf8')) as Digests;
}

function dump(dir: string): void {
  for (const input of outputInputs()) {
    const outputs = outputsOf(input.files);
    for (const [k, v] of Object.entries(outputs)) {
      const file = join(dir, `${input.name.replace(/#/g, '/')}.${k}.json`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, canonical(v, 1) + '\n');
    }
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === 'update') {
    writeFileSync(DIGESTS_FILE, JSON.stringify(computeDigests(), null, 1) + '\n');
    console.log(`written: ${relative(process.cwd(), DIGESTS_FILE)}`);
  } else if (cmd === 'dump' && arg) {
    dump(arg);
    console.log(`written: every output under ${arg}`);
  } else {
    console.error('usage: tsx src/bench/outputs.ts update | dump <dir>');
    process.exit(2);
  }
}
