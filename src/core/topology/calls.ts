import type { Container, Pod } from '../model/core';

/** A connection a container's own configuration reveals (an east-west call). */
export interface RevealedCall {
  /** Host as written (`db.data`, `api`, `db.data.svc.cluster.local`). */
  host: string;
  /** Port as written, or the scheme's well-known port, or undefined. */
  port?: number;
  scheme?: string;
  /** Field path in the pod (`spec.containers.0.env.2.value`) where it was found. */
  path: string;
  /** The text it was found in, for the explanation. */
  text: string;
  /** `config` (env/args/command) or `annotation` (declared by the user). */
  origin: 'config' | 'annotation';
}

/** Annotation on a pod or workload template that declares calls the configuration does not show. */
export const CALLS_ANNOTATION = 'playground.knet.dev/calls';

const WELL_KNOWN: Record<string, number> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
  grpc: 80,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  redis: 6379,
  rediss: 6379,
  mongodb: 27017,
  amqp: 5672,
  amqps: 5671,
  nats: 4222,
  kafka: 9092,
  memcached: 11211,
};

const LABEL = '[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?';
const HOST = `${LABEL}(?:\\.${LABEL})*`;
const URL_RE = new RegExp(`\\b([a-z][a-z0-9+.-]*)://(?:[^@/\\s]*@)?(${HOST})(?::(\\d{1,5}))?`, 'gi');
const HOST_PORT_RE = new RegExp(`(?:^|[\\s=,;"'(])(${HOST}):(\\d{1,5})\\b`, 'gi');
const HOST_NAMED = /(HOST|HOSTNAME|ADDR|ADDRESS|SERVICE|SERVER|ENDPOINT|URL|URI|DSN)$/i;
const NOT_A_HOST = new Set(['localhost', 'true', 'false', 'null', 'none']);

/**
 * Hosts that a container's env values, args and command name, with where each was found. Only the
 * text is read here; whether a host is a Service is decided by resolving it from the pod (DNS).
 */
export function revealedCalls(pod: Pick<Pod, 'containers' | 'initContainers' | 'annotations'>): RevealedCall[] {
  const out: RevealedCall[] = [];
  const seen = new Set<string>();
  const add = (c: RevealedCall) => {
    const host = c.host.toLowerCase().replace(/\.$/, '');
    if (NOT_A_HOST.has(host) || /^[\d.]+$/.test(host) || host.length > 253) return;
    const key = `${host}:${c.port ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...c, host });
  };
  const scan = (containers: Container[], field: 'containers' | 'initContainers') => {
    for (const c of containers) {
      const base = `spec.${field}.${c.index}`;
      c.env.forEach((e, i) => e.value && scanText(e.value, `${base}.env.${i}.value`, add, HOST_NAMED.test(e.name)));
      c.args.forEach((a, i) => scanText(a, `${base}.args.${i}`, add, false));
      c.command.forEach((a, i) => scanText(a, `${base}.command.${i}`, add, false));
    }
  };
  scan(pod.containers, 'containers');
  scan(pod.initContainers, 'initContainers');
  const declared = pod.annotations[CALLS_ANNOTATION];
  if (declared) {
    for (const item of declared.split(/[\s,]+/).filter(Boolean)) {
      const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^:/]+)(?::(\d{1,5}))?/i.exec(item);
      if (!m) continue;
      const port = m[3] ? Number(m[3]) : m[1] ? WELL_KNOWN[m[1].toLowerCase()] : undefined;
      add({ host: m[2]!, ...(port ? { port } : {}), ...(m[1] ? { scheme: m[1].toLowerCase() } : {}), path: `metadata.annotations.${CALLS_ANNOTATION}`, text: item, origin: 'annotation' });
    }
  }
  return out;
}

function scanText(text: string, path: string, add: (c: RevealedCall) => void, hostNamed: boolean): void {
  let found = false;
  for (const m of text.matchAll(URL_RE)) {
    const scheme = m[1]!.toLowerCase();
    const port = m[3] ? Number(m[3]) : WELL_KNOWN[scheme];
    if (port !== undefined && (port < 1 || port > 65535)) continue;
    add({ host: m[2]!, ...(port ? { port } : {}), scheme, path, text, origin: 'config' });
    found = true;
  }
  if (found) return;
  for (const m of text.matchAll(HOST_PORT_RE)) {
    const port = Number(m[2]);
    if (port < 1 || port > 65535) continue;
    add({ host: m[1]!, port, path, text, origin: 'config' });
    found = true;
  }
  // A bare name in a variable called *_HOST / *_SERVICE / *_ADDR ...: a host without a port.
  if (!found && hostNamed && new RegExp(`^${HOST}$`, 'i').test(text.trim()) && /[a-z]/i.test(text)) {
    add({ host: text.trim(), path, text, origin: 'config' });
  }
}
