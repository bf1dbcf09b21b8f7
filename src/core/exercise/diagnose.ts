import type { Diagnostic } from '../diagnostics/diagnostic';
import { rangeIn } from '../manifest/reader';
import type { ExerciseGoal } from '../model/exercise';
import type { World } from '../model/world';
import { EXERCISE_CODES } from './codes';
import { expandPeer } from './peers';

/**
 * A goal that names a pod, workload, Service or node the scenario does not have is marked on its field,
 * so a trainer sees the typo in the editor before the goal fails for the wrong reason.
 */
export function diagnoseExercises(world: World): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ex of world.exercises ?? []) {
    for (const g of ex.goals) {
      for (const { field, peer, dest } of peersOf(g)) {
        const problem = missing(world, peer, dest);
        if (!problem) continue;
        const path = `${g.path}${field}`;
        out.push({
          code: EXERCISE_CODES.UNKNOWN_PEER,
          severity: 'warning',
          message: `This goal names ${peer}, but ${problem}; the goal cannot pass.`,
          file: ex.source.file,
          range: rangeIn(ex.source, path),
          path,
          object: ex.id,
        });
      }
    }
  }
  return out;
}

function peersOf(g: ExerciseGoal): { field: string; peer: string; dest: boolean }[] {
  switch (g.type) {
    case 'connect':
      return [
        { field: '.from', peer: g.from, dest: false },
        { field: '.to', peer: g.to, dest: true },
      ];
    case 'dns':
      return g.from !== undefined ? [{ field: '.dns.from', peer: g.from, dest: false }] : [];
    case 'request':
      return [{ field: '.request.from', peer: g.from, dest: false }];
    case 'route':
      return [];
    case 'command':
      return g.from !== undefined ? [{ field: '.command.from', peer: g.from, dest: false }] : [];
    case 'changes':
      // The connections may name workloads that only the starting version or only this one has.
      return [];
  }
}

function missing(world: World, peer: string, dest: boolean): string | null {
  if (peer.startsWith('ip:')) return null;
  if (peer.startsWith('node:')) return world.nodes.some((n) => n.name === peer.slice(5)) ? null : `there is no node ${peer.slice(5)}`;
  if (/^(service|svc):/.test(peer)) {
    const id = peer.slice(peer.indexOf(':') + 1);
    const [ns, name] = id.includes('/') ? id.split('/', 2) : ['default', id];
    return world.services.some((s) => s.namespace === ns && s.name === name) ? null : `there is no Service ${ns}/${name}`;
  }
  const r = expandPeer(world, peer, dest);
  return 'error' in r ? r.error : null;
}
