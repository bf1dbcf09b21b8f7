/** A terminal into the simulated cluster: one command line in, the real tool's output and exit status out. */
export { runCommand, type RunQuery, type RunResult } from './run';
export { DEBUG_POD, HOST_IP, toolsOf, type ShellPod, type Tools } from './context';
export { splitWords, quoteWord } from './shell';
export type { OutputChunk } from './output';
export type { ShellChange } from './run-context';
export { helpText } from './help';
