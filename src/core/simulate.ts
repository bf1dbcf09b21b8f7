import type { Diagnostic } from './diagnostics/diagnostic';
import type { World } from './model/world';
import { withDefaults, type DeepPartial, type SimOptions } from './options';
import { readManifests, type InputFile } from './manifest/read';

/** The simulated cluster and everything found wrong with the input. Plain data (crosses the worker boundary). */
export interface Simulation {
  world: World;
  options: SimOptions;
  diagnostics: Diagnostic[];
}

/**
 * The fixed pipeline (docs/ARCHITECTURE.md): read → admission → controllers, each stage adding objects to
 * the World and diagnostics to the list. Controllers never call one another; they read the World.
 * Queries (DNS lookups, routes, policy checks, traces) are pure functions of the returned Simulation.
 */
export function simulate(files: InputFile[], partialOptions?: DeepPartial<SimOptions>): Simulation {
  const options = withDefaults(partialOptions);
  const diagnostics: Diagnostic[] = [];
  const world = readManifests(files, options, diagnostics);
  // Controllers run in dependency order, as a real cluster converges:
  // PIPELINE-STAGES (each controller adds its line here)
  return { world, options, diagnostics };
}
