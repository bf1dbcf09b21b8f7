import type { ChangesGoal, ConnectGoal, DNSGoal, Exercise, ExerciseGoal, RequestGoal, RouteGoal } from '../model/exercise';
import type { Simulation } from '../simulate';
import { reachDNS } from '../controllers/netpol/index';
import { check } from '../queries/check';
import { dns } from '../queries/dns';
import type { Outcome, Query, RawArgs } from '../queries/query';
import { route } from '../queries/route';
import { trace } from '../queries/trace';
import { checkCommand } from './command';
import { compareScenarios, type ConnectionChange } from '../diff/index';
import { expandPeer } from './peers';

export { expandPeer };

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

/**
 * Ask one question through the query layer, as `knet` and the page ask it: a goal's verdict can never
 * differ from the answer the learner gets in the DNS, Routes or Trace panel.
 */
function ask<A, R>(q: Query<unknown, A, R>, sim: Simulation, raw: RawArgs): Outcome<R> {
  const args = q.parse(raw);
  return args.ok ? q.run(sim, args.value) : args;
}

/** `Name: value` lines of a goal's headers, as `--header` takes them. */
const headerLines = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `${k}: ${v}`);

/**
 * Check every goal of the scenario's Exercise (the first one) against the simulation. Pure. `start` gives
 * the lab's starting version, simulated only when a `changes` goal compares with it.
 */
export function checkExercise(sim: Simulation, exercise: Exercise | undefined = sim.world.exercises?.[0], start?: () => Simulation): GoalResult[] {
  if (!exercise) return [];
  let started: Simulation | undefined;
  const startSim = start && (() => (started ??= start()));
  return exercise.goals.map((g) => {
    const r = g.type === 'changes' ? checkChanges(sim, g, startSim) : checkGoal(sim, g);
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
    case 'changes':
      return `from the starting version, opens only ${g.opensOnly.map((c) => `${c.from} → ${c.to}:${c.port}/${c.protocol}`).join(', ') || 'nothing'}`;
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
    case 'changes':
      return { passed: false, actual: 'error', reason: 'a changes goal needs the starting version' };
  }
}

/** A workload owner (`Deployment/shop/web`) or a bare pod (`Pod/shop/web`) as a goal names it: `shop/web`. */
const ownerPeer = (owner: string) => owner.split('/').slice(1).join('/');

/** How open a connection is: more replica pairs allowed after than before is a connection opened. */
const OPENNESS = { absent: 0, denied: 0, partial: 1, allowed: 2 } as const;
const opened = (c: ConnectionChange) => OPENNESS[c.after] > OPENNESS[c.before];

/** Least privilege: what the learner's change opens, compared with the start as `knet diff` compares, is exactly the list. */
function checkChanges(sim: Simulation, g: ChangesGoal, start: (() => Simulation) | undefined): Verdict {
  if (!start) return { passed: false, actual: 'error', reason: 'there is no starting version to compare with (knet test --start <file>; the page compares with the scenario as loaded)' };
  const opens = compareScenarios(start(), sim).connections.filter(opened);
  const listed = (c: ConnectionChange) => g.opensOnly.some((w) => w.from === ownerPeer(c.from) && w.to === ownerPeer(c.to) && w.port === c.port && w.protocol === c.protocol);
  const says = (c: ConnectionChange) => `${ownerPeer(c.from)} → ${ownerPeer(c.to)}:${c.port}/${c.protocol}`;
  const extra = opens.filter((c) => !listed(c));
  const missing = g.opensOnly.filter((w) => !opens.some((c) => w.from === ownerPeer(c.from) && w.to === ownerPeer(c.to) && w.port === c.port && w.protocol === c.protocol));
  const actual = opens.length ? `opens ${opens.map(says).join(', ')}` : 'opens nothing';
  if (extra.length) return { passed: false, actual, reason: `The change also opens ${extra.map((c) => `${says(c)}${c.because ? ` (${c.because})` : ''}`).join(', ')}: more than the goal allows.` };
  if (missing.length) return { passed: false, actual, reason: `The change does not open ${missing.map((w) => `${w.from} → ${w.to}:${w.port}/${w.protocol}`).join(', ')}.` };
  return { passed: true, actual, reason: 'The change opens exactly the connections the goal lists, and nothing else.' };
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
      const o = ask(check, sim, { from: f, to: t, port: g.port, protocol: g.protocol });
      outcomes.push(o.ok ? { verdict: o.value.verdict, reason: o.value.reason } : { verdict: 'error', reason: o.error });
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

function checkDNS(sim: Simulation, g: DNSGoal): Verdict {
  let from: string | undefined;
  if (g.from !== undefined) {
    const f = expandPeer(sim.world, g.from, false);
    if ('error' in f) return { passed: false, actual: 'error', reason: f.error };
    from = f.peers[0];
  }
  const o = ask(dns, sim, { ...(from !== undefined ? { from } : {}), name: g.name, type: g.qtype });
  if (!o.ok) return { passed: false, actual: 'error', reason: o.error };
  const r = o.value;
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
  const v = reachDNS(sim.world, sim.options, sim.policies)(`Pod/${from}`, nameserver, 'UDP', 53);
  const by = [...new Set(v.policies)];
  return `DNS queries from ${from} time out: UDP 53 to the nameserver ${nameserver} is denied${by.length ? ` by ${by.join(', ')}` : ''} (NP-14).`;
}

function checkRoute(sim: Simulation, g: RouteGoal): Verdict {
  const o = ask(route, sim, { url: g.url, header: headerLines(g.headers), method: g.method });
  if (!o.ok) return { passed: false, actual: 'error', reason: /--url/.test(o.error) ? `${g.url} is not an http(s) URL` : o.error };
  const { results } = o.value;
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
  const asked = from.peers.map((f) => ({ from: f, o: ask(trace, sim, { from: f, url: g.url, method: g.method, header: headerLines(g.headers) }) }));
  const broken = asked.find((x) => !x.o.ok);
  if (broken && !broken.o.ok) return { passed: false, actual: 'error', reason: broken.o.error };
  const results = asked.flatMap((x) => (x.o.ok ? [{ from: x.from, t: x.o.value }] : []));
  const verdicts = new Set(results.map((x) => x.t.verdict));
  const actual = verdicts.size === 1 ? [...verdicts][0]! : `mixed (${results.map((x) => `${x.from}: ${x.t.verdict}`).join(', ')})`;
  const telling = results.find((x) => x.t.verdict !== g.expect) ?? results[0]!;
  return { passed: actual === g.expect, actual, reason: telling.t.summary };
}
