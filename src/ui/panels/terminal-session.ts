/**
 * The Terminal panel's shell session, pure: which shell the prompt stands in (a stack: the debug pod, pods
 * entered with `kubectl exec -it`/`kubectl run -it`, the learner's machine after `exit`), the prompt, and
 * how Tab applies the completions the core offers.
 */
import type { RunInput, ShellChange, ShellPod } from '../../core/index';

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
export function runArgs(f: ShellFrame, line: string): RunInput {
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

/** Tab: the line with the word completed as far as the candidates agree (and a blank after a single one). */
export function complete(line: string, options: string[]): { line: string; options: string[] } {
  if (options.length === 0) return { line, options };
  const word = line.split(/\s+/).pop() ?? '';
  let common = options[0]!;
  for (const o of options) while (!o.startsWith(common)) common = common.slice(0, -1);
  const head = line.slice(0, line.length - word.length);
  return { line: options.length === 1 ? `${head}${common} ` : `${head}${common}`, options };
}
