/**
 * kubectl, version 1.34 as the terminal's simulated cluster answers it: `get`, `describe`, `exec` and `run`
 * (a pod that exists for one command), with kubectl's own error texts and exit status 1 for its errors.
 * The current context's namespace is `default`.
 */
import type { ShellPod } from '../context';
import type { RunContext } from '../run-context';
import { describe } from './describe';
import { parseFlags, type FlagDef } from './flags';
import { get } from './get';
import { viewOf } from './view';

/** Runs a command line in a pod on behalf of `exec`/`run`: writes to the same output, returns the exit status. */
export type PodRunner = (target: { from?: string; pod?: ShellPod; container?: string }, words: string[]) => number;

const GET_FLAGS: FlagDef[] = [
  { name: 'all-namespaces', short: 'A', value: false },
  { name: 'output', short: 'o', value: true },
  { name: 'selector', short: 'l', value: true },
  { name: 'show-labels', value: false },
  { name: 'watch', short: 'w', value: false },
];
const DESCRIBE_FLAGS: FlagDef[] = [
  { name: 'all-namespaces', short: 'A', value: false },
  { name: 'selector', short: 'l', value: true },
];
const EXEC_FLAGS: FlagDef[] = [
  { name: 'container', short: 'c', value: true },
  { name: 'stdin', short: 'i', value: false },
  { name: 'tty', short: 't', value: false },
  { name: 'quiet', short: 'q', value: false },
];
const RUN_FLAGS: FlagDef[] = [
  { name: 'image', value: true },
  { name: 'labels', short: 'l', value: true },
  { name: 'rm', value: false },
  { name: 'stdin', short: 'i', value: false },
  { name: 'tty', short: 't', value: false },
  { name: 'restart', value: true },
  { name: 'command', value: false },
  { name: 'env', value: true },
  { name: 'port', value: true },
  { name: 'attach', value: false },
  { name: 'quiet', short: 'q', value: false },
];

const SHELLS = /^(\/bin\/|\/usr\/bin\/)?(sh|ash|bash|zsh)$/;

export function kubectl(ctx: RunContext, args: string[], run: PodRunner): number {
  const [sub, ...rest] = args;
  const out = ctx.out;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    out.out('kubectl controls the Kubernetes cluster manager.\n\nCommands this terminal simulates:\n  get          Display one or many resources\n  describe     Show details of a specific resource or group of resources\n  exec         Execute a command in a container\n  run          Run a particular image on the cluster\n\nUsage:\n  kubectl [flags] [options]\n');
    return 0;
  }
  const defs = sub === 'get' ? GET_FLAGS : sub === 'describe' ? DESCRIBE_FLAGS : sub === 'exec' ? EXEC_FLAGS : sub === 'run' ? RUN_FLAGS : null;
  if (!defs) {
    out.err(`error: unknown command "${sub}" for "kubectl"\nRun 'kubectl --help' for usage.\n`);
    return 1;
  }
  const p = parseFlags(rest, defs, sub);
  if ('error' in p) {
    out.err(`${p.error}\n`);
    return 1;
  }
  const namespace = p.flags.get('namespace') ?? 'default';
  const view = viewOf(ctx.shell.sim);
  if (sub === 'get')
    return get(out, view, [...p.args, ...(p.command ?? [])], {
      namespace,
      allNamespaces: p.flags.get('all-namespaces') === 'true',
      output: p.flags.get('output'),
      selector: p.flags.get('selector'),
      showLabels: p.flags.get('show-labels') === 'true',
    });
  if (sub === 'describe') return describe(out, view, p.args, namespace);
  if (sub === 'exec') return exec(ctx, p.args, p.command, p.flags, namespace, run);
  return runPod(ctx, p.args, p.command, p.flags, namespace, run);
}

function exec(ctx: RunContext, args: string[], command: string[] | null, flags: Map<string, string>, namespace: string, run: PodRunner): number {
  const out = ctx.out;
  const podArg = args[0];
  if (!podArg) {
    out.err('error: pod, type/name or --filename must be specified\n');
    return 1;
  }
  if (!command) {
    out.err(args.length > 1 ? 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples\n' : 'error: you must specify at least one command for the container\n');
    return 1;
  }
  const name = podArg.replace(/^(pod|pods|po)\//, '');
  const pod = ctx.shell.sim.world.pods.find((x) => x.namespace === namespace && x.name === name);
  if (!pod) {
    out.err(`Error from server (NotFound): pods "${name}" not found\n`);
    return 1;
  }
  const container = flags.get('container');
  if (command.length === 1 && SHELLS.test(command[0]!) && flags.get('tty') === 'true') {
    ctx.change = { enter: { from: `${namespace}/${name}`, label: `${namespace}/${name}` } };
    return 0;
  }
  const code = run({ from: `${namespace}/${name}`, ...(container ? { container } : {}) }, command);
  if (code !== 0) out.err(`command terminated with exit code ${code}\n`);
  return code;
}

function runPod(ctx: RunContext, args: string[], command: string[] | null, flags: Map<string, string>, namespace: string, run: PodRunner): number {
  const out = ctx.out;
  const name = args[0];
  if (!name) {
    out.err("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    return 1;
  }
  const image = flags.get('image');
  if (!image) {
    out.err('error: required flag(s) "image" not set\n');
    return 1;
  }
  const attach = flags.get('stdin') === 'true' || flags.get('tty') === 'true' || flags.get('attach') === 'true';
  const rm = flags.get('rm') === 'true';
  if (rm && !attach) {
    out.err('error: --rm should only be used for attached containers\n');
    return 1;
  }
  const world = ctx.shell.sim.world;
  if (!world.namespaces.some((n) => n.name === namespace)) {
    out.err(`Error from server (NotFound): namespaces "${namespace}" not found\n`);
    return 1;
  }
  if (world.pods.some((x) => x.namespace === namespace && x.name === name)) {
    out.err(`Error from server (AlreadyExists): pods "${name}" already exists\n`);
    return 1;
  }
  const labels = flags.has('labels') ? Object.fromEntries(flags.get('labels')!.split(',').map((kv) => kv.split('=', 2) as [string, string])) : { run: name };
  const spec: ShellPod = { name, namespace, image, labels };
  if (!attach) {
    out.out(`pod/${name} created\n`, `Pod/${namespace}/${name}`);
    ctx.notes.push('The playground does not keep pods made by kubectl run: add the pod to the YAML to keep it.');
    return 0;
  }
  const words = command ?? [];
  if (words.length === 0 || (words.length === 1 && SHELLS.test(words[0]!))) {
    out.out("If you don't see a command prompt, try pressing enter.\n");
    ctx.change = { enter: { pod: spec, rm, label: `${namespace}/${name}` } };
    return 0;
  }
  const code = run({ pod: spec }, words);
  if (rm) out.out(`pod "${name}" deleted from ${namespace} namespace\n`);
  if (code !== 0) out.err(`pod ${namespace}/${name} terminated (Error)\n`);
  return code;
}
