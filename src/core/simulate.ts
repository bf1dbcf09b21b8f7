import type { Diagnostic } from './diagnostics/diagnostic';
import { CODES } from './diagnostics/codes';
import type { World } from './model/world';
import { withDefaults, type DeepPartial, type SimOptions } from './options';
import { readManifests, type InputFile } from './manifest/read';
import { addSystemObjects } from './controllers/addons/index';
import { runWorkloadControllers } from './controllers/workloads/index';
import { allocateServices } from './controllers/service-allocator/index';
import { diagnoseServices, runEndpointSliceControllers } from './controllers/endpointslice/index';
import { reconcileIngresses, writeIngressStatus } from './controllers/ingress/index';
import { checkDNS } from './controllers/coredns/index';
import { addGatewayImplementations, runGatewayController } from './controllers/gateway/index';
import { createPolicyCache, diagnoseNetworkPolicies, type PolicyCache } from './controllers/netpol/index';
import { diagnoseExercises } from './exercise/diagnose';
import type { SimCache } from './cache';

/**
 * The simulated cluster and everything found wrong with the input, with the input itself and what was
 * compiled from the World for answering questions about it. The World and the diagnostics are plain data;
 * the Simulation stays where it was made (the worker, the CLI) and answers leave it as documents.
 */
export interface Simulation {
  world: World;
  options: SimOptions;
  diagnostics: Diagnostic[];
  /** The input it was built from: answers locate what they cite by file name, line and column. */
  files: InputFile[];
  /** The World's NetworkPolicies compiled once (bitsets), for every question asked of this simulation. */
  policies: PolicyCache;
}

/**
 * The fixed pipeline (docs/ARCHITECTURE.md): read → admission → controllers, each stage adding objects to
 * the World (and writing its results into them, as `status`) and diagnostics to the list. Controllers never
 * call one another; they read the World. Questions (`queries/`) are pure functions of the Simulation.
 */
export function simulate(files: InputFile[], partialOptions?: DeepPartial<SimOptions>, cache?: SimCache): Simulation {
  const options = withDefaults(partialOptions);
  const diagnostics: Diagnostic[] = [];
  const world = readManifests(files, options, diagnostics, cache?.parse);
  const policies = createPolicyCache();
  // A stage that throws is a bug in the simulator, not in the input: it becomes one internal-error
  // diagnostic naming the stage, and the other stages still run on what the World holds.
  const stage = (name: string, run: () => void) => {
    try {
      run();
    } catch (e) {
      diagnostics.push({ code: CODES.INTERNAL, severity: 'error', message: `The simulator failed in its ${name} stage (${e instanceof Error ? e.message : String(e)}). Please report this scenario; the other stages still ran.`, file: 0, range: { start: 0, end: 0 } });
    }
  };
  // PIPELINE-STAGES: the stages in the order a cluster converges. A new stage goes where what it reads
  // already exists: a stage that adds workloads before `workloads`, one that needs pod IPs after it, one
  // that needs Service addresses after `Service allocation`.
  stage('ingress admission', () => reconcileIngresses(world, options, diagnostics)); // ING-1, ING-3; the ingress-nginx Deployment + Service
  stage('system objects', () => addSystemObjects(world)); // default Nodes, kube-dns + CoreDNS, the kubernetes Service
  stage('gateway implementations', () => addGatewayImplementations(world, options, diagnostics)); // GW-15: a Deployment + LB Service per served Gateway
  stage('workloads', () => runWorkloadControllers(world, diagnostics)); // every world.workloads entry → scheduled pods with IPs
  stage('Service allocation', () => allocateServices(world, diagnostics)); // ClusterIPs, NodePorts, LoadBalancer IPs
  stage('Ingress status', () => writeIngressStatus(world)); // the controller's pods and Service on its class; Ingress status addresses
  stage('EndpointSlice', () => runEndpointSliceControllers(world, diagnostics)); // EndpointSlices + mirroring of legacy Endpoints
  stage('Service diagnostics', () => diagnoseServices(world, diagnostics)); // selectors that miss, unresolved named ports, slice port names
  stage('DNS', () => diagnostics.push(...checkDNS(world, options))); // cluster DNS: names that will not resolve as written
  stage('Gateway API', () => runGatewayController(world, options, diagnostics)); // class, Gateway, Route status into the World (GW-1..GW-16) + diagnostics
  // NetworkPolicy last: it compiles pod sets once the pods exist (NP-2, NP-10, NP-14 diagnostics), into `policies`.
  stage('NetworkPolicy', () => diagnostics.push(...diagnoseNetworkPolicies(world, options, policies)));
  stage('Exercise', () => diagnostics.push(...diagnoseExercises(world))); // kind: Exercise goals that name peers the scenario lacks
  return { world, options, diagnostics, files, policies };
}
