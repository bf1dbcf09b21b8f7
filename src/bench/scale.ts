/**
 * Issue 15's figures, each beside a floor measured in the same run (`npm run bench -- --only scale`):
 * - `simulate()` warm on a generated cluster, against JSON.parse of the same objects as JSON plus one walk over
 *   every value (the least any reader of this input must do);
 * - `knet matrix --json` end to end through the bundled CLI, against a Node process that reads the same input
 *   as JSON and writes as many bytes as knet printed;
 * - growth from 500 to 4,000 pods of both, as an exponent (t ∝ pods^e); a growth above GROWTH_LIMIT fails the run
 *   (exit status 1), so an accidental per-object scan shows up here rather than in a user's CI;
 * - the worker's reply to a one-field edit at 382 objects, in bytes of structured clone (v8.serialize), and the
 *   worker's own time per such edit (`edit`: simulate, graph, layout and the reply as changes).
 * Child processes keep each size's heap its own: `tsx src/bench/scale.ts simulate <pods>` prints one JSON line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { simulate } from '../core/index';
import { parseFile } from '../core/manifest/parse';
import { createState, handle } from '../worker/handler';
import type { SimulateRequest } from '../worker/protocol';
import { generateCluster, sizeFor } from './generate';
import { buildCLI, bundlePath, cliStaleReason } from '../../scripts/cli-bundle.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');
export const GROWTH_LIMIT = 1.1;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);

/** Every value of a parsed document, visited once: the "walk" of the floor. */
function walk(v: unknown): number {
  if (v === null || typeof v !== 'object') return 1;
  let n = 1;
  if (Array.isArray(v)) for (const x of v) n += walk(x);
  else for (const k in v) n += walk((v as Record<string, unknown>)[k]);
  return n;
}

/** simulate() warm on `pods` pods (median and min of several runs after warm-up) and the JSON floor. */
export function simulateFigures(pods: number, runs = pods >= 2000 ? 9 : 15): { pods: number; ms: number; minMs: number; floorMs: number; floorMinMs: number } {
  const text = generateCluster(sizeFor(pods));
  const json = JSON.stringify(parseFile(text, 0, []).map((o) => o.value));
  const files = [{ name: 'bench.yaml', text }];
  for (let i = 0; i < 3; i++) simulate(files);
  const sim: number[] = [];
  const floor: number[] = [];
  let check = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    check += simulate(files).world.pods.length;
    sim.push(performance.now() - t);
    t = performance.now();
    check += walk(JSON.parse(json));
    floor.push(performance.now() - t);
  }
  if (check < 0) console.log(check);
  return { pods, ms: median(sim), minMs: min(sim), floorMs: median(floor), floorMinMs: min(floor) };
}

/** `knet matrix --json` through the bundled CLI, end to end, and a Node process doing only the I/O and JSON.parse. */
export function cliFigures(pods: number, runs = 5): { pods: number; ms: number; minMs: number; floorMs: number; outKB: number } {
  const dir = join(ROOT, '.bench', 'scale');
  mkdirSync(dir, { recursive: true });
  const text = generateCluster(sizeFor(pods));
  const input = join(dir, `cluster-${pods}.yaml`);
  const asJSON = join(dir, `cluster-${pods}.json`);
  writeFileSync(input, text);
  writeFileSync(asJSON, JSON.stringify(parseFile(text, 0, []).map((o) => o.value)));
  const knet = bundlePath(ROOT);
  const times: number[] = [];
  let out = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [knet, 'matrix', '--json', input], { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`knet matrix failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    out = r.stdout.length;
  }
  const floorScript = `const fs=require('fs');const v=JSON.parse(fs.readFileSync(process.argv[1],'utf8'));process.stdout.write('x'.repeat(${out}));if(!v)process.exit(1)`;
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, ['-e', floorScript, asJSON], { maxBuffer: 1 << 28 });
    floors.push(performance.now() - t);
  }
  return { pods, ms: median(times), minMs: min(times), floorMs: median(floors), outKB: Math.round(out / 1024) };
}

/**
 * The worker's reply to one-field edits at `pods` pods (382 objects at 500): bytes of structured clone of the
 * first (whole) reply and of the reply to each edit (changes only). Adding a replica moves the addresses the
 * node's IPAM hands to every later pod, so that edit changes much of the graph by its nature.
 */
export function replyFigures(pods = 500): { objects: number; firstKB: number; edits: { edit: string; kb: number }[] } {
  const text = generateCluster(sizeFor(pods));
  const edits = oneFieldEdits(text);
  const req = (rev: number, t: string): SimulateRequest => ({ type: 'simulate', rev, text: t, options: {} });
  const kb = (x: unknown) => Math.round(serialize(x).length / 102.4) / 10;
  let firstKB = 0;
  const out = edits.map(([edit, t]) => {
    const state = createState();
    firstKB = kb(handle(state, req(1, text)));
    return { edit, kb: kb(handle(state, req(2, t))) };
  });
  return { objects: text.split('\n---\n').length, firstKB, edits: out };
}

/**
 * The worker's own time per one-field edit at `pods` pods (issue 15: ideally well under 60 ms at 382 objects):
 * one long-lived worker state, as the page keeps one, fed each edit and then the original text again (both
 * are edits), `rounds` times after a warm-up round. Per edit kind the median of `handle` end to end (simulate,
 * graph, layout, the reply as changes) and, for all edits, the medians of its parts as the reply times them;
 * all in CPU milliseconds of the process.
 */
export function editFigures(pods = 500, rounds = 5): { objects: number; ms: number; simulateMs: number; layoutMs: number; edits: { edit: string; ms: number }[] } {
  const text = generateCluster(sizeFor(pods));
  // CPU time of this process rather than the wall clock: on a machine shared with other work, what the
  // worker itself spends moves far less from run to run.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const state = createState(cpu);
  let rev = 0;
  const run = (t: string) => {
    const t0 = cpu();
    const r = handle(state, { type: 'simulate', rev: ++rev, text: t, options: {} });
    const ms = cpu() - t0;
    if (r.type === 'failed') throw new Error(r.error);
    // The reply as the page holds it after the changes: the worker's last reply sent, as compared.
    return { ms, timings: state.sent?.timings };
  };
  run(text);
  const per = new Map<string, number[]>();
  const all: number[] = [];
  const sim: number[] = [];
  const layout: number[] = [];
  for (let round = -1; round < rounds; round++) {
    for (const [edit, t] of oneFieldEdits(text)) {
      for (const x of [run(t), run(text)]) {
        if (round < 0) continue;
        (per.get(edit) ?? per.set(edit, []).get(edit)!).push(x.ms);
        all.push(x.ms);
        if (!x.timings) continue;
        sim.push(x.timings.simulate);
        layout.push(x.timings.layout);
      }
    }
  }
  const edits = [...per].map(([edit, ms]) => ({ edit, ms: Math.round(median(ms)) }));
  return { objects: text.split('\n---\n').length, ms: Math.round(median(all)), simulateMs: Math.round(median(sim)), layoutMs: Math.round(median(layout)), edits };
}

/** The bench's one-field edits of a generated cluster, each with the text after it. */
function oneFieldEdits(text: string): [string, string][] {
  const first = /replicas: (\d+)/.exec(text)!;
  return [
    ['replicas of a Deployment (one more pod)', text.replace(first[0], `replicas: ${Number(first[1]) + 1}`)],
    ['a container image (renames the pods of one Deployment)', text.replace(/image: (\S+)\n/, 'image: $1-b\n')],
    ['a Service port', text.replace('port: 80, targetPort: http', 'port: 81, targetPort: http')],
    ['a comment line at the top', `# note\n${text}`],
    // Moves the places after it in the policy's document: the cites of the edges it decides (sent without them).
    ['a label added to a NetworkPolicy', text.replace(/metadata: \{name: (policy-1), namespace: (team-1)\}/, 'metadata: {name: $1, namespace: $2, labels: {owner: $2}}')],
  ];
}

/** Exponent e of t ∝ pods^e between two sizes. */
export const exponent = (a: { pods: number; t: number }, b: { pods: number; t: number }) => Math.log(b.t / a.t) / Math.log(b.pods / a.pods);

/** The bundled CLI, built first when stale (as `npm run knet` does). */
export function ensureCLI(log: (s: string) => void): void {
  const why = cliStaleReason(ROOT);
  if (!why) return;
  log(`building dist-cli/knet.mjs (${why})`);
  if (!buildCLI(ROOT)) throw new Error('vite build of the CLI failed');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [what, arg] = process.argv.slice(2);
  const pods = Number(arg ?? 2000);
  if (what === 'simulate') console.log(JSON.stringify(simulateFigures(pods)));
  else if (what === 'cli') console.log(JSON.stringify(cliFigures(pods)));
  else if (what === 'reply') console.log(JSON.stringify(replyFigures(pods)));
  else if (what === 'edit') console.log(JSON.stringify(editFigures(pods)));
  else {
    console.error('usage: tsx src/bench/scale.ts simulate|cli|reply|edit <pods>');
    process.exit(2);
  }
}
