import type { CommandGoal } from '../model/exercise';
import { run } from '../queries/run';
import type { Simulation } from '../simulate';
import { expandPeer } from './peers';

/** Asked through the `run` query, as `knet run` and the page's Terminal ask it. */
function ask(sim: Simulation, raw: { line: string; from?: string }) {
  const args = run.parse(raw);
  return args.ok ? run.run(sim, args.value) : args;
}

/** A command line typed into the terminal (`knet run`): its exit status and what it prints. */
export function checkCommand(sim: Simulation, g: CommandGoal): { passed: boolean; actual: string; reason: string } {
  const from = g.from !== undefined ? expandPeer(sim.world, g.from, false) : undefined;
  if (from && 'error' in from) return { passed: false, actual: 'error', reason: from.error };
  const o = ask(sim, { line: g.run, ...(from ? { from: from.peers[0]! } : {}) });
  if (!o.ok) return { passed: false, actual: 'error', reason: o.error };
  const r = o.value;
  const shown = r.output.map((c) => c.text).join('');
  const okExit = g.expect.exitCode === undefined || r.exitCode === g.expect.exitCode;
  const okPrint = g.expect.prints === undefined || shown.includes(g.expect.prints);
  const firstLine = shown.split('\n').find((l) => l.trim() !== '') ?? '(no output)';
  const reason = r.notes[0] ?? (okPrint ? `It printed: ${firstLine.trim()}` : `Its output does not contain "${g.expect.prints}"; it printed: ${firstLine.trim()}`);
  return { passed: okExit && okPrint, actual: `exit ${r.exitCode}`, reason };
}
