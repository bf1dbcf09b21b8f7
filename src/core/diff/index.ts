import type { Simulation } from '../simulate';
import { changedObjects } from './changed';
import { connectionChanges, type ConnectionChange } from './connections';
import { dnsChanges, type DnsChange } from './dns';
import { routeChanges, type RouteChange } from './routes';

export type { ConnectionChange, ConnectionVerdict } from './connections';
export type { DnsAnswer, DnsChange } from './dns';
export type { RouteChange, RouteOutcome } from './routes';

/** What changes between two versions of a scenario, as `knet diff --json` prints it. */
export interface ScenarioDiff {
  connections: ConnectionChange[];
  routes: RouteChange[];
  dns: DnsChange[];
}

/**
 * Compare two simulations of a scenario: connections by owner workload, port and protocol; the answer of
 * every entry point for every declared host and path; each Service name from each workload. Each change
 * names the object whose change decided it. Pure: the same two inputs give the same document.
 */
export function compareScenarios(before: Simulation, after: Simulation): ScenarioDiff {
  const changed = changedObjects(before, after);
  return {
    connections: connectionChanges(before, after, changed),
    routes: routeChanges(before, after, changed),
    dns: dnsChanges(before, after, changed),
  };
}
