/**
 * The Terminal panel's shell session, pure: which shell the prompt stands in (a stack: the debug pod, pods
 * entered with `kubectl exec -it`/`kubectl run -it`, the learner's machine after `exit`), the prompt, and
 * Tab completion from the scenario's names.
 */
import { KUBECTL_NAMES, KUBECTL_SUBCOMMANDS, SHELL_FILES, TOOL_NAMES, type ShellChange, type ShellPod } from '../../core/index';

/** One shell on the stack: a scenario pod (`from`), a pod the terminal made (`pod`), the debug pod, or the host. */
export interface ShellFrame {
  label: string;
  from?: string;
  pod?: ShellPod;
  /** `kubectl run --rm`: the pod is deleted when its shell exits. */
  rm?: boolean;
}

export const DEBUG_FRAME: ShellFrame = { label: 'default/debug' };
export const HOST_FRAME: ShellFrame = { label: 'your machine', from: 'host' };

export function isHost(f: ShellFrame): boolean {
  return f.from === 'host';
}

/** busybox ash's prompt in a pod (`/ # `), a user's shell on the host (`$ `). */
export function promptOf(f: ShellFrame): string {
  return isHost(f) ? '$ ' : '/ # ';
}

/** The `run` query's arguments for a command typed in this shell. */
export function runArgs(f: ShellFrame, line: string): { line: string; from?: string; pod?: ShellPod } {
  return { line, ...(f.from ? { from: f.from } : {}), ...(f.pod ? { pod: f.pod } : {}) };
}

/** The stack after a command; `message` is what the shell prints on leaving a `--rm` pod. */
export function nextStack(stack: ShellFrame[], change: ShellChange | undefined): { stack: ShellFrame[]; message?: string } {
  if (!change || 'clear' in change) return { stack };
  if ('enter' in change) {
    const e = change.enter;
    return { stack: [...stack, { label: e.label, ...(e.from ? { from: e.from } : {}), ...(e.pod ? { pod: e.pod } : {}), ...(e.rm ? { rm: true } : {}) }] };
  }
  const top = stack[stack.length - 1]!;
  if (stack.length > 1) {
    const message = top.rm && top.pod ? `pod "${top.pod.name}" deleted from ${top.pod.namespace} namespace\n` : undefined;
    return { stack: stack.slice(0, -1), ...(message ? { message } : {}) };
  }
  // Leaving the debug pod's shell lands on the learner's machine; there `exit` does nothing more.
  return { stack: isHost(top) ? stack : [HOST_FRAME] };
}

/** What completion can offer: object ids (`Kind/ns/name`) and the hosts entry points serve. */
export interface Names {
  objects: string[];
  hosts: string[];
}

const NET_TOOLS = new Set(['nslookup', 'dig', 'wget', 'curl', 'nc', 'ping']);

/** Candidates for the word being typed at the end of `line`. */
export function candidates(line: string, names: Names): string[] {
  const words = line.split(/\s+/);
  const word = words[words.length - 1] ?? '';
  const before = words.slice(0, -1).filter(Boolean);
  const prev = before[before.length - 1];
  const ids = names.objects.map((id) => id.split('/'));
  const namespaces = [...new Set(ids.filter((p) => p[0] === 'Namespace').map((p) => p[1]!))];
  const match = (xs: string[]) => [...new Set(xs)].filter((x) => x.startsWith(word)).sort();
  if (before.length === 0) return match(TOOL_NAMES);
  const cmd = before[0]!;
  if (cmd === 'kubectl') {
    if (prev === '-n' || prev === '--namespace') return match(namespaces);
    if (prev === '-o' || prev === '--output') return match(['wide', 'yaml', 'json', 'name']);
    const args = before.slice(1).filter((w, i, all) => !w.startsWith('-') && all[i - 1] !== '-n' && all[i - 1] !== '--namespace' && all[i - 1] !== '-o');
    const sub = args[0];
    if (!sub) return match(word.startsWith('-') ? [] : KUBECTL_SUBCOMMANDS);
    const nsAt = before.findIndex((w) => w === '-n' || w === '--namespace');
    const ns = nsAt >= 0 ? before[nsAt + 1] : 'default';
    const inNs = (kind: string) => ids.filter((p) => p[0] === kind && (p.length === 2 || p[1] === ns)).map((p) => p[p.length - 1]!);
    if (sub === 'exec') return args.length === 1 ? match(inNs('Pod')) : [];
    if (sub !== 'get' && sub !== 'describe') return [];
    if (args.length === 1) return match(Object.values(KUBECTL_NAMES).map((n) => n[0]!));
    const kind = Object.entries(KUBECTL_NAMES).find(([, n]) => n.includes(args[1]!))?.[0];
    return kind ? match(inNs(kind === 'Endpoints' ? 'Service' : kind)) : [];
  }
  if (cmd === 'cat') return match(SHELL_FILES);
  if (NET_TOOLS.has(cmd) && !word.startsWith('-')) {
    const hosts = [...ids.filter((p) => p[0] === 'Service' && p.length === 3).map((p) => `${p[2]}.${p[1]}`), ...names.hosts];
    const scheme = /^https?:\/\//.exec(word)?.[0];
    if (cmd === 'wget' || cmd === 'curl') return match(hosts.map((h) => `${scheme ?? 'http://'}${h}`));
    return match(hosts);
  }
  return [];
}

/** Tab: the line with the word completed as far as the candidates agree (and a blank after a single one). */
export function complete(line: string, names: Names): { line: string; options: string[] } {
  const options = candidates(line, names);
  if (options.length === 0) return { line, options };
  const word = line.split(/\s+/).pop() ?? '';
  let common = options[0]!;
  for (const o of options) while (!o.startsWith(common)) common = common.slice(0, -1);
  const head = line.slice(0, line.length - word.length);
  return { line: options.length === 1 ? `${head}${common} ` : `${head}${common}`, options };
}
