import type { Protocol } from '../model/meta';
import type { CommandGoal, ConnectGoal, DNSGoal, Exercise, ExerciseGoal, RequestGoal, RouteGoal } from '../model/exercise';
import type { World } from '../model/world';
import type { Simulation } from '../simulate';
import { check } from '../controllers/netpol/index';
import { resolve, type ReachDNS } from '../controllers/coredns/index';
import { route } from '../route';
import { parseRequestURL } from '../http';
import { trace } from '../trace/index';
import { runCommand } from '../terminal/index';

/** The verdict on one goal: `{goal, passed, actual, reason}` as `knet test --json` prints it, plus where the goal is written. */
export interface GoalResult {
  /** The goal in one line (`shop/web → data/db:5432/TCP denied`), or the trainer's title. */
  goal: string;
  passed: boolean;
  /** What the simulation says, in the goal's own terms (`allowed`, `NXDOMAIN`, `404`...). */
  actual: string;
  /** Why, in one sentence from the query that decided. */
  reason: string;
  /** Field path of the goal in its Exercise (`spec.goals.0`), for editor markers. */
  path: string;
  /** `Exercise/name`: with `path`, locates the goal (`rangeIn(exercise.source, path)`). */
  object: string;
}

/** Check every goal of the scenario's Exercise (the first one) against the simulation. Pure. */
export function checkExercise(sim: Simulation, exercise: Exercise | undefined = sim.world.exercises?.[0]): GoalResult[] {
  if (!exercise) return [];
  return exercise.goals.map((g) => {
    const r = checkGoal(sim, g);
    return { goal: g.title ?? describeGoal(g), ...r, path: g.path, object: exercise.id };
  });
}

/** A goal in one line, the way a trainer would say it. */
export function describeGoal(g: ExerciseGoal): string {
  switch (g.type) {
    case 'connect':
      return `${g.from} → ${g.to}:${g.port}/${g.protocol} ${g.expect}`;
    case 'dns':
      return `${g.name}${g.qtype !== 'A' ? ` (${g.qtype})` : ''} ${g.expect === 'resolves' ? 'resolves' : g.expect === 'nxdomain' ? 'is NXDOMAIN' : 'does not resolve'}${g.from ? ` from ${g.from}` : ''}${g.answer ? ` to ${g.answer}` : ''}`;
    case 'route': {
      const want = [g.expect.status !== undefined ? String(g.expect.status) : '', g.expect.backend ?? ''].filter(Boolean).join(' ');
      return `${g.method} ${g.url} → ${want}`;
    }
    case 'request':
      return `${g.from}: ${g.method} ${g.url} ${g.expect}`;
    case 'command': {
      const want = [g.expect.exitCode !== undefined ? `exits ${g.expect.exitCode}` : '', g.expect.prints !== undefined ? `prints "${g.expect.prints}"` : ''].filter(Boolean).join(' and ');
      return `$ ${g.run}${g.from ? ` (in ${g.from})` : ''} ${want}`;
    }
  }
}

type Verdict = Omit<GoalResult, 'goal' | 'path' | 'object'>;

function checkGoal(sim: Simulation, g: ExerciseGoal): Verdict {
  switch (g.type) {
    case 'connect':
      return checkConnect(sim, g);
    case 'dns':
      return checkDNS(sim, g);
    case 'route':
      return checkRoute(sim, g);
    case 'request':
      return checkRequest(sim, g);
    case 'command':
      return checkCommand(sim, g);
  }
}

/**
 * A goal's peer as the queries take it: a pod name stays as it is; `ns/name` that names a workload means
 * every pod of it; as a destination, a Service name means the Service (judged per backend, NP-10).
 */
export function expandPeer(world: World, peer: string, asDestination: boolean): { peers: string[] } | { error: string } {
  if (/^(ip|node|service|svc):/.test(peer)) return { peers: [peer] };
  const [ns, name] = peer.includes('/') ? (peer.split('/', 2) as [string, string]) : ['default', peer];
  if (world.pods.some((p) => p.namespace === ns && p.name === name)) return { peers: [`${ns}/${name}`] };
  const owners = world.workloads.filter((w) => w.namespace === ns && w.name === name).map((w) => w.id);
  const pods = world.pods.filter((p) => p.ownerId !== undefined && owners.includes(p.ownerId)).map((p) => `${p.namespace}/${p.name}`);
  if (pods.length > 0) return { peers: pods.sort() };
  if (owners.length > 0) return { error: `${ns}/${name} has no pods` };
  if (asDestination && world.services.some((s) => s.namespace === ns && s.name === name)) return { peers: [`service:${ns}/${name}`] };
  return { error: `there is no pod or workload ${ns}/${name}${asDestination ? ' (nor a Service)' : ''}` };
}

function checkConnect(sim: Simulation, g: ConnectGoal): Verdict {
  const from = expandPeer(sim.world, g.from, false);
  const to = expandPeer(sim.world, g.to, true);
  if ('error' in from) return { passed: false, actual: 'error', reason: from.error };
  if ('error' in to) return { passed: false, actual: 'error', reason: to.error };
  const outcomes: { verdict: string; reason: string }[] = [];
  for (const f of from.peers) {
    for (const t of to.peers) {
      if (f === t) continue;
      const o = check(sim, { from: f, to: t, port: g.port, protocol: g.protocol });
      outcomes.push(o.ok ? { verdict: o.result.verdict, reason: o.result.reason } : { verdict: 'error', reason: o.error });
    }
  }
  if (outcomes.length === 0) return { passed: false, actual: 'error', reason: 'the goal connects a pod to itself only' };
  const allowed = outcomes.filter((o) => o.verdict === 'allowed').length;
  const errors = outcomes.filter((o) => o.verdict === 'error');
  const actual =
    errors.length > 0
      ? 'error'
      : allowed === outcomes.length
        ? 'allowed'
        : allowed === 0
          ? 'denied'
          : `mixed (${allowed} of ${outcomes.length} allowed)`;
  const passed = actual === g.expect;
  const telling = errors[0] ?? outcomes.find((o) => o.verdict !== g.expect) ?? outcomes[0]!;
  return { passed, actual, reason: telling.reason };
}

/** May this pod reach its nameserver on UDP 53? The NetworkPolicy engine answers for the resolver (NP-14). */
function reachDNSVia(sim: Simulation): ReachDNS {
  return (podId, ip, protocol: Protocol, port) => {
    const o = check(sim, { from: podId.replace(/^Pod\//, ''), to: `ip:${ip}`, port, protocol });
    if (!o.ok) return { allowed: true, reason: o.error, policies: [] };
    const policies = [...o.result.egress.policies, ...o.result.ingress.policies].map(String);
    return { allowed: o.result.verdict === 'allowed', reason: o.result.reason, policies };
  };
}

function checkDNS(sim: Simulation, g: DNSGoal): Verdict {
  let from: string | undefined;
  if (g.from !== undefined) {
    const f = expandPeer(sim.world, g.from, false);
    if ('error' in f) return { passed: false, actual: 'error', reason: f.error };
    from = f.peers[0];
  }
  const r = resolve(sim, { ...(from !== undefined ? { from } : {}), name: g.name, type: g.qtype }, reachDNSVia(sim));
  if (r.error) return { passed: false, actual: 'error', reason: r.error.message };
  // Names outside the cluster domain are the upstream resolver's answer: assume it resolves them.
  const resolves = (r.status === 'NOERROR' && r.answers.length > 0) || r.status === 'FORWARDED';
  const data = r.answers.map((a) => a.data);
  const actual =
    r.status === 'TIMEOUT'
      ? 'timeout'
      : resolves
        ? data.length
          ? data.join(', ')
          : 'forwarded upstream'
        : r.status === 'NXDOMAIN'
          ? 'NXDOMAIN'
          : 'no data';
  let passed = g.expect === 'resolves' ? resolves : g.expect === 'nxdomain' ? r.status === 'NXDOMAIN' : !resolves;
  if (passed && g.answer !== undefined) {
    const want = g.answer.replace(/\.$/, '');
    passed = data.some((d) => d.replace(/\.$/, '') === want || d.split(' ').pop()?.replace(/\.$/, '') === want);
  }
  return { passed, actual, reason: r.status === 'TIMEOUT' && from !== undefined ? timeoutReason(sim, from, r.nameserver) : r.reason };
}

/** The resolver's own explanation of a timeout repeats per search name; one sentence is enough for a goal. */
function timeoutReason(sim: Simulation, from: string, nameserver: string): string {
  const v = reachDNSVia(sim)(`Pod/${from}`, nameserver, 'UDP', 53);
  const by = [...new Set(v.policies)];
  return `DNS queries from ${from} time out: UDP 53 to the nameserver ${nameserver} is denied${by.length ? ` by ${by.join(', ')}` : ''} (NP-14).`;
}

function checkRoute(sim: Simulation, g: RouteGoal): Verdict {
  const req = parseRequestURL(g.url, Object.entries(g.headers), g.method);
  if (!req) return { passed: false, actual: 'error', reason: `${g.url} is not an http(s) URL` };
  const { results } = route(sim, req);
  if (results.length === 0)
    return {
      passed: false,
      actual: 'no entry point',
      reason: 'There is no IngressClass controller or Gateway for the request to enter through.',
    };
  const summaries = results.map((e) => {
    const backends = e.backends.filter((b) => b.role !== 'mirror').map((b) => `${b.namespace}/${b.name}`);
    const okStatus = g.expect.status === undefined || e.status === g.expect.status;
    const okBackend =
      g.expect.backend === undefined ||
      backends.some(
        (b) => b === g.expect.backend || `${b}:${e.backends.find((x) => `${x.namespace}/${x.name}` === b)?.port}` === g.expect.backend,
      );
    const where = e.entry.kind === 'Gateway' ? `Gateway ${e.entry.namespace}/${e.entry.name}` : `IngressClass ${e.entry.name}`;
    return {
      ok: okStatus && okBackend,
      text: `${e.status}${backends.length ? ` ${backends.join(', ')}` : ''} via ${where}`,
      reason: e.reasons[e.reasons.length - 1] ?? '',
    };
  });
  const hit = summaries.find((s) => s.ok);
  return {
    passed: hit !== undefined,
    actual:
      (hit ?? summaries[0]!).text +
      (hit ? '' : summaries.length > 1 ? ` (and ${summaries.length - 1} other entry point${summaries.length > 2 ? 's' : ''})` : ''),
    reason: (hit ?? summaries[0]!).reason,
  };
}

/** A request traced end to end from each pod of the peer (DNS, Service, endpoints, both policy checks). */
function checkRequest(sim: Simulation, g: RequestGoal): Verdict {
  const from = expandPeer(sim.world, g.from, false);
  if ('error' in from) return { passed: false, actual: 'error', reason: from.error };
  const results = from.peers.map((f) => ({
    from: f,
    t: trace(sim, { from: f, url: g.url, method: g.method, headers: Object.entries(g.headers) }),
  }));
  const broken = results.find((x) => x.t.error !== undefined);
  if (broken) return { passed: false, actual: 'error', reason: broken.t.error! };
  const verdicts = new Set(results.map((x) => x.t.verdict));
  const actual = verdicts.size === 1 ? [...verdicts][0]! : `mixed (${results.map((x) => `${x.from}: ${x.t.verdict}`).join(', ')})`;
  const telling = results.find((x) => x.t.verdict !== g.expect) ?? results[0]!;
  return { passed: actual === g.expect, actual, reason: telling.t.summary };
}

/** A command line typed into the terminal (`knet run`): its exit status and what it prints. */
function checkCommand(sim: Simulation, g: CommandGoal): Verdict {
  const from = g.from !== undefined ? expandPeer(sim.world, g.from, false) : undefined;
  if (from && 'error' in from) return { passed: false, actual: 'error', reason: from.error };
  const r = runCommand(sim, { line: g.run, ...(from ? { from: from.peers[0]! } : {}) });
  const shown = r.output.map((c) => c.text).join('');
  const okExit = g.expect.exitCode === undefined || r.exitCode === g.expect.exitCode;
  const okPrint = g.expect.prints === undefined || shown.includes(g.expect.prints);
  const firstLine = shown.split('\n').find((l) => l.trim() !== '') ?? '(no output)';
  const reason = r.notes[0] ?? (okPrint ? `It printed: ${firstLine.trim()}` : `Its output does not contain "${g.expect.prints}"; it printed: ${firstLine.trim()}`);
  return { passed: okExit && okPrint, actual: `exit ${r.exitCode}`, reason };
}
