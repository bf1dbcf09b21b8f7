import { CODES } from '../../diagnostics/codes';
import { EXERCISE_CODES } from '../../exercise/codes';
import type { ChangesGoal, CommandGoal, ConnectGoal, DNSGoal, Exercise, ExerciseGoal, RequestGoal, RouteGoal } from '../../model/exercise';
import type { KindHandler } from '../kind';
import type { FieldReader } from '../reader';

const PEER = /^(ip:[0-9a-fA-F.:]{2,45}|node:[a-z0-9][-a-z0-9.]*|(service:|svc:)?([a-z0-9][-a-z0-9]*\/)?[a-z0-9][-a-z0-9.]*)$/;
const CONNECT_KEYS = ['from', 'to', 'port', 'protocol', 'expect', 'title'];

/**
 * `playground.knet.dev/v1` Exercise: the goals of a lab, read with located diagnostics so a typo in a goal
 * is marked in the editor like any field. A cluster never sees this kind; it adds nothing to the cluster.
 */
export const exerciseKind: KindHandler = {
  kinds: ['Exercise'],
  apiVersions: ['playground.knet.dev/v1'],
  namespaced: false,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const goals: ExerciseGoal[] = [];
    for (const i of r.list('spec.goals')) {
      const g = readGoal(r, `spec.goals.${i}`);
      if (g) goals.push(g);
    }
    if (!r.has('spec.goals')) r.required('spec.goals');
    const exercise: Exercise = { ...meta, kind: 'Exercise', title: r.str('spec.title') ?? meta.name, goals };
    const description = r.str('spec.description');
    if (description !== undefined) exercise.description = description;
    world.exercises ??= [];
    if (world.exercises.length > 0)
      r.report(EXERCISE_CODES.DUPLICATE, 'kind', `A scenario has one Exercise; the goals of ${meta.name} are not checked.`, 'warning');
    world.exercises.push(exercise);
  },
};

function readGoal(r: FieldReader, path: string): ExerciseGoal | undefined {
  if (!r.isMap(path)) return undefined;
  const title = r.str(`${path}.title`);
  const base = { path, ...(title !== undefined ? { title } : {}) };
  if (r.has(`${path}.dns`)) return readDNS(r, `${path}.dns`, base);
  if (r.has(`${path}.route`)) return readRoute(r, `${path}.route`, base);
  if (r.has(`${path}.request`)) return readRequest(r, `${path}.request`, base);
  if (r.has(`${path}.command`)) return readCommand(r, `${path}.command`, base);
  if (r.has(`${path}.changes`)) return readChanges(r, `${path}.changes`, base);
  if (r.has(`${path}.from`) || r.has(`${path}.to`)) return readConnect(r, path, base);
  r.report(
    EXERCISE_CODES.GOAL_SHAPE,
    path,
    'A goal is a connection {from, to, port, expect}, a {dns: {from, name, expect}}, a {route: {url, expect}}, a {request: {from, url, expect}}, a {command: {run, from, expect}} or {changes: {opensOnly: [...]}}.',
  );
  return undefined;
}

function peer(r: FieldReader, path: string, required: boolean): string | undefined {
  const v = r.str(path, { required });
  if (v === undefined) return undefined;
  if (!PEER.test(v)) {
    r.report(CODES.INVALID_VALUE, path, `${path} must be a peer such as shop/web, ip:203.0.113.9 or node:node-1, not "${v}".`);
    return undefined;
  }
  return v;
}

function readConnect(r: FieldReader, path: string, base: { path: string; title?: string }): ConnectGoal | undefined {
  for (const k of r.keys(path))
    if (!CONNECT_KEYS.includes(k))
      r.report(EXERCISE_CODES.GOAL_SHAPE, `${path}.${k}`, `A connection goal has ${CONNECT_KEYS.join(', ')}; ${k} is not one of them.`);
  const from = peer(r, `${path}.from`, true);
  const to = peer(r, `${path}.to`, true);
  const port = r.int(`${path}.port`, { required: true, min: 1, max: 65535 });
  const protocol = r.protocol(`${path}.protocol`);
  if (!r.has(`${path}.expect`)) r.required(`${path}.expect`);
  const expect = r.oneOf(`${path}.expect`, ['allowed', 'denied'] as const, 'allowed');
  if (from === undefined || to === undefined || port === undefined || !r.has(`${path}.expect`)) return undefined;
  return { ...base, type: 'connect', from, to, port, protocol, expect };
}

function readDNS(r: FieldReader, path: string, base: { path: string; title?: string }): DNSGoal | undefined {
  if (!r.isMap(path)) return undefined;
  const from = r.has(`${path}.from`) ? peer(r, `${path}.from`, true) : undefined;
  const name = r.str(`${path}.name`, { required: true });
  const qtype = r.oneOf(`${path}.type`, ['A', 'AAAA', 'SRV', 'PTR', 'CNAME'] as const, 'A');
  if (!r.has(`${path}.expect`)) r.required(`${path}.expect`);
  const expect = r.oneOf(`${path}.expect`, ['resolves', 'nxdomain', 'fails'] as const, 'resolves');
  const answer = r.str(`${path}.answer`);
  if (name === undefined || !r.has(`${path}.expect`) || (r.has(`${path}.from`) && from === undefined)) return undefined;
  return {
    ...base,
    type: 'dns',
    ...(from !== undefined ? { from } : {}),
    name,
    qtype,
    expect,
    ...(answer !== undefined ? { answer } : {}),
  };
}

function readRoute(r: FieldReader, path: string, base: { path: string; title?: string }): RouteGoal | undefined {
  if (!r.isMap(path)) return undefined;
  const url = r.str(`${path}.url`, { required: true });
  if (url !== undefined && !/^(https?|grpc):\/\/\S+$/i.test(url))
    r.report(CODES.INVALID_VALUE, `${path}.url`, `${path}.url must be an http:// or https:// URL, not "${url}".`);
  const method = r.str(`${path}.method`) ?? 'GET';
  const headers = r.strMap(`${path}.headers`);
  if (!r.isMap(`${path}.expect`)) {
    if (!r.has(`${path}.expect`)) r.required(`${path}.expect`);
    return undefined;
  }
  const status = r.int(`${path}.expect.status`, { min: 100, max: 599 });
  const backend = r.str(`${path}.expect.backend`);
  if (status === undefined && backend === undefined) {
    r.report(EXERCISE_CODES.GOAL_SHAPE, `${path}.expect`, 'A route goal expects a status, a backend (namespace/service), or both.');
    return undefined;
  }
  if (url === undefined || !/^(https?|grpc):\/\/\S+$/i.test(url)) return undefined;
  const expect: RouteGoal['expect'] = {};
  if (status !== undefined) expect.status = status;
  if (backend !== undefined) expect.backend = backend;
  return { ...base, type: 'route', url, method, headers, expect };
}

function readRequest(r: FieldReader, path: string, base: { path: string; title?: string }): RequestGoal | undefined {
  if (!r.isMap(path)) return undefined;
  const from = peer(r, `${path}.from`, true);
  const url = r.str(`${path}.url`, { required: true });
  const urlOK = url !== undefined && /^(https?|grpc):\/\/\S+$/i.test(url);
  if (url !== undefined && !urlOK)
    r.report(CODES.INVALID_VALUE, `${path}.url`, `${path}.url must be an http:// or https:// URL, not "${url}".`);
  const method = r.str(`${path}.method`) ?? 'GET';
  const headers = r.strMap(`${path}.headers`);
  if (!r.has(`${path}.expect`)) r.required(`${path}.expect`);
  const expect = r.oneOf(`${path}.expect`, ['delivered', 'blocked', 'failed'] as const, 'delivered');
  if (from === undefined || !urlOK || !r.has(`${path}.expect`)) return undefined;
  return { ...base, type: 'request', from, url: url, method, headers, expect };
}

function readCommand(r: FieldReader, path: string, base: { path: string; title?: string }): CommandGoal | undefined {
  if (!r.isMap(path)) return undefined;
  const run = r.str(`${path}.run`, { required: true });
  if (run !== undefined && (run.trim() === '' || run.length > 1000 || /[\n\r]/.test(run)))
    r.report(CODES.INVALID_VALUE, `${path}.run`, `${path}.run must be one command line (at most 1000 characters), such as "wget -qO- -T 2 http://api".`);
  const from = r.has(`${path}.from`) ? peer(r, `${path}.from`, true) : undefined;
  if (!r.isMap(`${path}.expect`)) {
    if (!r.has(`${path}.expect`)) r.required(`${path}.expect`);
    return undefined;
  }
  const exitCode = r.int(`${path}.expect.exitCode`, { min: 0, max: 255 });
  const prints = r.str(`${path}.expect.prints`);
  if (exitCode === undefined && prints === undefined) {
    r.report(EXERCISE_CODES.GOAL_SHAPE, `${path}.expect`, 'A command goal expects an exitCode, a text the output prints, or both.');
    return undefined;
  }
  if (run === undefined || run.trim() === '' || run.length > 1000 || /[\n\r]/.test(run) || (r.has(`${path}.from`) && from === undefined)) return undefined;
  const expect: CommandGoal['expect'] = {};
  if (exitCode !== undefined) expect.exitCode = exitCode;
  if (prints !== undefined) expect.prints = prints;
  return { ...base, type: 'command', run, ...(from !== undefined ? { from } : {}), expect };
}

function readChanges(r: FieldReader, path: string, base: { path: string; title?: string }): ChangesGoal | undefined {
  if (!r.isMap(path)) return undefined;
  if (!r.has(`${path}.opensOnly`)) {
    r.required(`${path}.opensOnly`);
    return undefined;
  }
  const opensOnly: ChangesGoal['opensOnly'] = [];
  let ok = true;
  for (const i of r.list(`${path}.opensOnly`)) {
    const at = `${path}.opensOnly.${i}`;
    const from = peer(r, `${at}.from`, true);
    const to = peer(r, `${at}.to`, true);
    const port = r.int(`${at}.port`, { required: true, min: 1, max: 65535 });
    const protocol = r.protocol(`${at}.protocol`);
    if (from === undefined || to === undefined || port === undefined) ok = false;
    else opensOnly.push({ from, to, port, protocol });
  }
  return ok ? { ...base, type: 'changes', opensOnly } : undefined;
}
