import type { Diagnostic } from './diagnostics/diagnostic';
import { CODES } from './diagnostics/codes';
import type { World } from './model/world';
import { withDefaults, type DeepPartial, type SimOptions } from './options';
import { readManifests, type InputFile } from './manifest/read';
import { addSystemObjects } from './controllers/addons/index';
import { runWorkloadControllers } from './controllers/workloads/index';
import { allocateServices } from './controllers/service-allocator/index';
import { diagnoseServices, runEndpointSliceControllers } from './controllers/endpointslice/index';
import { reconcileIngresses } from './controllers/ingress/index';
import { checkDNS } from './controllers/coredns/index';
import { addGatewayImplementations, runGatewayController } from './controllers/gateway/index';
import { diagnoseNetworkPolicies } from './controllers/netpol/index';
import { diagnoseExercises } from './exercise/diagnose';
import type { SimCache } from './cache';

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
export function simulate(files: InputFile[], partialOptions?: DeepPartial<SimOptions>, cache?: SimCache): Simulation {
  const options = withDefaults(partialOptions);
  const diagnostics: Diagnostic[] = [];
  const world = readManifests(files, options, diagnostics, cache?.parse);
  // A stage that throws is a bug in the simulator, not in the input: it becomes one internal-error
  // diagnostic naming the stage, and the other stages still run on what the World holds.
  const stage = (name: string, run: () => void) => {
    try {
      run();
    } catch (e) {
      diagnostics.push({ code: CODES.INTERNAL, severity: 'error', message: `The simulator failed in its ${name} stage (${e instanceof Error ? e.message : String(e)}). Please report this scenario; the other stages still ran.`, file: 0, range: { start: 0, end: 0 } });
    }
  };
  // Controllers run in dependency order, as a real cluster converges:
  // ingress admission + the ingress-nginx controller Deployment/Service: must precede workloads and allocation.
  stage('ingress admission', () => reconcileIngresses(world, options, diagnostics));
  stage('system objects', () => addSystemObjects(world)); // default Nodes, kube-dns + CoreDNS, the kubernetes Service
  stage('gateway implementations', () => addGatewayImplementations(world, options, diagnostics)); // GW-15: a Deployment + LB Service per served Gateway
  // Stages that add workloads (ingress controller, gateway pods) go above this line: the workload stage
  // turns every world.workloads entry into scheduled pods with IPs.
  stage('workloads', () => runWorkloadControllers(world, diagnostics)); // pods, scheduling, pod IPAM
  stage('Service allocation', () => allocateServices(world, diagnostics)); // ClusterIPs, NodePorts, LoadBalancer IPs
  stage('EndpointSlice', () => runEndpointSliceControllers(world, diagnostics)); // EndpointSlices + mirroring of legacy Endpoints
  stage('Service diagnostics', () => diagnoseServices(world, diagnostics)); // selectors that miss, unresolved named ports, slice port names
  stage('DNS', () => diagnostics.push(...checkDNS(world, options))); // cluster DNS: names that will not resolve as written
  stage('Gateway API', () => runGatewayController(world, options, diagnostics)); // Gateway API status (GW-1..GW-13) as diagnostics
  // NetworkPolicy last: it compiles pod sets once the pods exist (NP-2, NP-10, NP-14 diagnostics).
  stage('NetworkPolicy', () => diagnostics.push(...diagnoseNetworkPolicies({ world, options, diagnostics })));
  stage('Exercise', () => diagnostics.push(...diagnoseExercises(world))); // kind: Exercise goals that name peers the scenario lacks
  return { world, options, diagnostics };
}
