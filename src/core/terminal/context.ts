import type { Pod } from '../model/core';
import type { Labels } from '../model/meta';
import type { Simulation } from '../simulate';
import { findPod } from '../controllers/coredns/index';
import { createPolicyCache } from '../controllers/netpol/index';
import { assignPodIPs } from '../controllers/workloads/ipam';
import { schedule } from '../controllers/workloads/schedule';

/** A pod the terminal adds for its own use: the debug pod, or one `kubectl run` makes for one command. */
export interface ShellPod {
  name: string;
  namespace: string;
  image: string;
  labels: Labels;
}

/**
 * Where commands run when no pod is named: a debug pod in `default` with busybox's tools plus curl and dig,
 * labelled as `kubectl run debug` would label it (NetworkPolicies select it by these labels).
 */
export const DEBUG_POD: ShellPod = { name: 'debug', namespace: 'default', image: 'knet/debug', labels: { run: 'debug' } };

/** The tools an image has: busybox's applets, and whether curl and dig are installed. */
export interface Tools {
  /** busybox 1.28 and older ship the small nslookup that uses the libc resolver; later ones their own client; BIND's elsewhere. */
  nslookup: 'busybox' | 'busybox-1.28' | 'bind';
  curl: boolean;
  dig: boolean;
}

/** The shell a command runs in: inside a pod (with its image's tools) or on the learner's machine. */
export type Shell =
  | { kind: 'pod'; sim: Simulation; pod: Pod; image: string; tools: Tools }
  | { kind: 'host'; sim: Simulation; tools: Tools };

/** The learner's machine, outside the cluster: its address as the cluster sees it (RFC 5737 documentation range). */
export const HOST_IP = '198.51.100.20';

/**
 * Tools per image: busybox and alpine images have busybox's applets and neither curl nor dig;
 * curlimages/curl adds curl; the debug pod has busybox's applets plus curl and dig; any other image
 * (dnsutils, netshoot, application images) is assumed to carry the common network tools with BIND's
 * nslookup and dig, which a real image may not.
 */
export function toolsOf(image: string): Tools {
  if (image === DEBUG_POD.image) return { nslookup: 'busybox', curl: true, dig: true };
  const repo = image.replace(/[@:][^/]*$/, '').split('/').pop() ?? image;
  const tag = /:([\w.-]+)$/.exec(image)?.[1] ?? 'latest';
  if (repo === 'busybox') return { nslookup: oldBusybox(tag) ? 'busybox-1.28' : 'busybox', curl: false, dig: false };
  if (repo === 'alpine') return { nslookup: 'busybox', curl: false, dig: false };
  if (repo === 'curl') return { nslookup: 'busybox', curl: true, dig: false };
  return { nslookup: 'bind', curl: true, dig: true };
}

function oldBusybox(tag: string): boolean {
  const m = /^1\.(\d+)/.exec(tag);
  return m !== null && Number(m[1]) <= 28;
}

/** The shell for `from` (`ns/pod`, `host`), or for a pod the terminal adds (`extra`). */
export function openShell(sim: Simulation, from: string | undefined, extra: ShellPod | undefined, container?: string): Shell | { error: string } {
  if (from === 'host') return { kind: 'host', sim, tools: { nslookup: 'bind', curl: true, dig: true } };
  if (from !== undefined) {
    const pod = findPod(sim.world, from);
    if (!pod) return { error: `Error from server (NotFound): pods "${from.split('/').pop()}" not found` };
    const c = container ? pod.containers.find((x) => x.name === container) : pod.containers[0];
    if (!c) return { error: `error: unable to upgrade connection: container not found ("${container}")` };
    const image = c.image ?? '';
    return { kind: 'pod', sim, pod, image, tools: toolsOf(image) };
  }
  const spec = extra ?? DEBUG_POD;
  const added = withPod(sim, spec);
  if ('error' in added) return added;
  return { kind: 'pod', sim: added.sim, pod: added.pod, image: spec.image, tools: toolsOf(spec.image) };
}

/**
 * The Simulation with one more running pod, scheduled and addressed by the same scheduler and IPAM as the
 * pipeline's (the World is copied, never changed). A pod of that name that the scenario already has is
 * used as it is. The new pod is not added to EndpointSlices: the terminal's pods serve no Service.
 */
export function withPod(sim: Simulation, spec: ShellPod): { sim: Simulation; pod: Pod } | { error: string } {
  // One World per simulation and pod, so consecutive commands reuse it (and the policy engine's compiled
  // selectors, cached per World) until the next simulation.
  const key = JSON.stringify(spec);
  let bySpec = ADDED.get(sim);
  if (!bySpec) ADDED.set(sim, (bySpec = new Map<string, { sim: Simulation; pod: Pod } | { error: string }>()));
  const hit = bySpec.get(key);
  if (hit) return hit;
  const made = addPod(sim, spec);
  bySpec.set(key, made);
  return made;
}

const ADDED = new WeakMap<Simulation, Map<string, { sim: Simulation; pod: Pod } | { error: string }>>();

function addPod(sim: Simulation, spec: ShellPod): { sim: Simulation; pod: Pod } | { error: string } {
  const w = sim.world;
  const existing = w.pods.find((p) => p.namespace === spec.namespace && p.name === spec.name);
  if (existing) return { sim, pod: existing };
  if (!w.namespaces.some((n) => n.name === spec.namespace)) return { error: `Error from server (NotFound): namespaces "${spec.namespace}" not found` };
  const pod: Pod = {
    id: `Pod/${spec.namespace}/${spec.name}`,
    kind: 'Pod',
    name: spec.name,
    namespace: spec.namespace,
    labels: { ...spec.labels },
    annotations: {},
    order: Number.MAX_SAFE_INTEGER,
    source: { file: -1, range: { start: 0, end: 0 }, fields: {} },
    nodeName: '',
    ips: [],
    hostNetwork: false,
    phase: 'Running',
    ready: true,
    terminating: false,
    dnsPolicy: 'ClusterFirst',
    containers: [{ name: spec.name, image: spec.image, ports: [], env: [], command: [], args: [], index: 0 }],
    initContainers: [],
  };
  // Copies of the scenario's pods take part in scheduling and address allocation, so they stay untouched.
  const copies = w.pods.map((p) => ({ ...p, ips: [...p.ips] }));
  schedule([...copies, pod], w.nodes, []);
  assignPodIPs([...copies, pod], w.nodes, []);
  // A World of its own, so its own compiled policies (the scenario's stay valid for the scenario's World).
  return { sim: { ...sim, world: { ...w, pods: [...w.pods, pod] }, policies: createPolicyCache() }, pod };
}
