/**
 * One truth (issue 13): every question, asked of every built-in scenario and exercise, gets the same
 * answer from the page's worker and from `knet --json`. Both go through the core's query map; this test
 * keeps it so whatever changes behind it. A question one side cannot answer must fail the same way on
 * the other (worker `usage` = knet exit 2, `input` = exit 1).
 */
import { describe, expect, it } from 'vitest';
import { QUERY_NAMES, simulate, type QueryName, type Simulation } from '../src/core/index';
import { runKnet } from '../src/cli/testing';
import { EXIT } from '../src/cli/io';
import { createState, EDITOR_FILE, handle } from '../src/worker/handler';
import { SCENARIOS } from '../src/scenarios/index';

type Ask = { query: QueryName; args: Record<string, unknown> };

/** The questions worth asking of a scenario, each query kind at least once, from its own objects. */
function questions(sim: Simulation, exercise: boolean): Ask[] {
  const w = sim.world;
  const pods = w.pods.filter((p) => !p.system).slice(0, 3);
  const peers = pods.map((p) => `${p.namespace}/${p.name}`);
  const services = w.services.filter((s) => !s.system).slice(0, 3);
  const hosts = [...new Set([...w.ingresses.flatMap((i) => i.rules.flatMap((r) => (r.host && !r.host.includes('*') ? [r.host] : []))), ...w.httpRoutes.flatMap((r) => r.hostnames.filter((h) => !h.includes('*')))])];
  const out: Ask[] = [
    { query: 'validate', args: {} },
    { query: 'endpoints', args: {} },
    { query: 'endpoints', args: { all: true } },
    { query: 'endpoints', args: { service: 'kube-system/kube-dns' } },
    { query: 'matrix', args: {} },
    { query: 'matrix', args: { port: ['80', '53/udp'], namespace: [...new Set(pods.map((p) => p.namespace))] } },
    { query: 'test', args: {} },
    { query: 'dns', args: { name: 'kubernetes.default.svc.cluster.local' } },
    { query: 'route', args: { url: 'http://nothing-serves-this.example/' } },
    { query: 'trace', args: { from: 'ip:203.0.113.10', url: 'http://nothing-serves-this.example/' } },
    { query: 'run', args: { line: 'kubectl get pods -A -o wide' } },
    { query: 'run', args: { line: 'kubectl get svc,endpoints -A' } },
    { query: 'policies', args: {} },
    { query: 'policies', args: { apply: true } },
    { query: 'policies', args: { namespace: [...new Set(pods.map((p) => p.namespace))], apply: true } },
  ];
  if (!exercise) out.push({ query: 'check', args: { from: 'default/no-such-pod', to: peers[0] ?? 'x', port: 80 } });
  if (!exercise) out.push({ query: 'run', args: { from: 'default/no-such-pod', line: 'hostname' } });
  for (const from of peers) {
    for (const s of services) {
      out.push({ query: 'dns', args: { from, name: `${s.name}.${s.namespace}` } });
      out.push({ query: 'dns', args: { from, name: s.name, type: 'SRV' } });
      const port = s.ports[0]?.port;
      if (port !== undefined) {
        out.push({ query: 'check', args: { from, to: `service:${s.namespace}/${s.name}`, port } });
        out.push({ query: 'trace', args: { from, url: `http://${s.name}.${s.namespace}:${port}/` } });
        out.push({ query: 'run', args: { from, line: `wget -qO- -T 2 http://${s.name}.${s.namespace}:${port}/` } });
      }
      out.push({ query: 'run', args: { from, line: `nslookup ${s.name}.${s.namespace}.svc.cluster.local` } });
    }
    for (const to of pods) {
      const port = to.containers[0]?.ports[0]?.containerPort ?? 80;
      out.push({ query: 'check', args: { from, to: `${to.namespace}/${to.name}`, port, protocol: 'TCP' } });
      // The change that would allow it, as a list and as the rewritten input (one source pod keeps this quick).
      if (from === peers[0]) out.push({ query: 'allow', args: { from, to: `${to.namespace}/${to.name}`, port, ...(to === pods[0] ? {} : { apply: true }) } });
    }
  }
  // A request sent from inside a pod (its Service's mesh routes, GW-19), and from a pod that is not there.
  const target = services.find((s) => s.ports[0] !== undefined);
  if (peers[0] && target) out.push({ query: 'route', args: { from: peers[0], url: `http://${target.name}.${target.namespace}:${target.ports[0]!.port}/` } });
  out.push({ query: 'route', args: { from: 'default/no-such-pod', url: 'http://kubernetes.default/' } });
  // From a debug pod started in a namespace of the scenario, with its default labels and with chosen ones.
  const ns = services[0]?.namespace ?? 'default';
  out.push({ query: 'dns', args: { from: `debug:${ns}`, name: 'kubernetes.default' } });
  if (target && peers[0]) out.push({ query: 'trace', args: { from: `debug:${ns}`, 'debug-labels': 'app=debug,tier=frontend', url: `http://${target.name}.${target.namespace}:${target.ports[0]!.port}/` } });
  if (peers[0]) out.push({ query: 'check', args: { from: `debug:${ns}`, to: peers[0], port: 80 } });
  // A bare TCP or UDP connection to each Gateway listener's port (GW-17, GW-20).
  for (const gw of w.gateways.slice(0, 2)) {
    for (const l of gw.listeners) out.push({ query: 'route', args: { url: `${l.protocol === 'UDP' ? 'udp' : 'tcp'}://${gw.addresses[0] ?? 'gateway.example'}:${l.port}`, gateway: `${gw.namespace}/${gw.name}` } });
  }
  for (const h of hosts) {
    out.push({ query: 'route', args: { url: `http://${h}/`, header: ['X-Canary: always'] } });
    out.push({ query: 'route', args: { url: `https://${h}/api` } });
    out.push({ query: 'route', args: { url: `http://${h}/`, grpc: 'shop.Cart/AddItem' } });
    // A TLS server name other than the Host: listener choice by SNI, 421 (GW-20).
    out.push({ query: 'route', args: { url: `https://${h}/`, sni: `other.${h}` } });
    out.push({ query: 'trace', args: { from: 'Client/internet', url: `http://${h}/` } });
    if (peers[0]) out.push({ query: 'trace', args: { from: peers[0], url: `http://${h}/` } });
    out.push({ query: 'run', args: { from: 'host', line: `curl -sS http://${h}/` } });
  }
  // What changed from an empty cluster, and from another scenario (the default-deny one), to this one.
  out.push({ query: 'diff', args: { before: '' } });
  out.push({ query: 'diff', args: { before: DIFF_BASE } });
  // A lab checked against a starting version (its changes goals compare with it; knet reads it from a file).
  if (exercise) out.push({ query: 'test', args: { start: DIFF_BASE } });
  return out;
}

/** The other version `diff` questions compare with, read by knet from its own file. */
const DIFF_BASE = SCENARIOS.find((s) => s.id === 'default-deny')!.text;
const BEFORE_FILE = 'before.yaml';

/**
 * The same question on the command line: flags by name, lists repeated, `true` as a bare flag, dns's NAME
 * last, run's command line after `--`.
 */
function argv({ query, args }: Ask): string[] {
  if (query === 'diff') return ['diff', BEFORE_FILE, EDITOR_FILE, '--json'];
  if (query === 'test' && args.start !== undefined) return ['test', EDITOR_FILE, '--start', BEFORE_FILE, '--json'];
  if (query === 'run') return ['run', EDITOR_FILE, ...(args.from ? ['--from', String(args.from)] : []), '--json', '--', String(args.line)];
  const flags = Object.entries(args).flatMap(([k, v]) => {
    if (k === 'name' && query === 'dns') return [];
    if (v === true) return [`--${k}`];
    return (Array.isArray(v) ? v : [v]).flatMap((x) => [`--${k}`, String(x)]);
  });
  return [query, EDITOR_FILE, ...flags, ...(query === 'dns' ? [String(args.name)] : []), '--json'];
}

describe('the page and knet give the same answer', () => {
  const asked = new Set<QueryName>();
  const count = { answered: 0, refused: 0 };

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('for every question about %s', async (_id, scenario) => {
    const state = createState();
    const sim = handle(state, { type: 'simulate', rev: 1, text: scenario.text, options: {} });
    expect(sim.type).toBe('simulated');
    let id = 0;
    for (const q of questions(simulate([{ name: EDITOR_FILE, text: scenario.text }]), scenario.exercise)) {
      asked.add(q.query);
      const page = handle(state, { type: 'query', id: ++id, query: q.query, args: q.args } as never);
      const cli = await runKnet(argv(q), { [EDITOR_FILE]: scenario.text, ...(q.query === 'diff' ? { [BEFORE_FILE]: String(q.args.before) } : q.args.start !== undefined ? { [BEFORE_FILE]: String(q.args.start) } : {}) });
      const what = `${scenario.id}: knet ${argv(q).join(' ')}`;
      if (page.type !== 'answer') throw new Error(`${what}: the worker did not answer`);
      if (!page.ok) {
        expect(cli.code, what).toBe(page.kind === 'usage' ? EXIT.USAGE : EXIT.INPUT);
        expect(cli.stdout, what).toBe('');
        expect(cli.stderr, what).toContain(page.error.split('\n')[0]);
        count.refused++;
        continue;
      }
      count.answered++;
      expect(JSON.parse(cli.stdout), what).toEqual(page.result);
      // knet run exits with the tool's status, every other command with 0 or 1.
      if (page.query === 'run') expect(cli.code, what).toBe(page.result.exitCode);
      else expect([EXIT.OK, EXIT.INPUT], what).toContain(cli.code);
    }
  });

  it('asked every kind of question, and most were answered', () => {
    expect([...asked].sort()).toEqual([...QUERY_NAMES].sort());
    console.log(`page and knet agree on ${count.answered} answers and ${count.refused} refusals over ${SCENARIOS.length} scenarios`);
    expect(count.answered).toBeGreaterThan(4 * count.refused);
  });
});

describe('the fix-dns-egress lab (issue 13)', () => {
  const lab = SCENARIOS.find((s) => s.id === 'exercises/fix-dns-egress')!;

  it('times out a lookup from app/api on the page and in knet alike: its egress policy blocks DNS (NP-14)', async () => {
    const state = createState();
    handle(state, { type: 'simulate', rev: 1, text: lab.text, options: {} });
    const page = handle(state, { type: 'query', id: 1, query: 'dns', args: { from: 'app/api', name: 'database.app' } });
    const cli = await runKnet(['dns', EDITOR_FILE, '--from', 'app/api', 'database.app', '--json'], { [EDITOR_FILE]: lab.text });
    expect(page).toMatchObject({ ok: true, result: { status: 'TIMEOUT', rcode: null, answers: [] } });
    expect(JSON.parse(cli.stdout)).toMatchObject({ status: 'TIMEOUT', rcode: null, answers: [] });
  });
});
