import type { KindHandler } from '../kind';
import { namespaceKind } from './namespace';
import { nodeKind } from './node';
import { podKind } from './pod';
import { workloadHandlers } from './workloads';
import { serviceKind } from './service';
import { endpointSliceKind } from './endpointslice';
import { endpointsKind } from './endpoints';
import { secretKind, inertKinds } from './inert';

/** Every kind the simulator reads. Add a kind by adding its handler here. */
export const KIND_HANDLERS: KindHandler[] = [
  namespaceKind,
  nodeKind,
  podKind,
  ...workloadHandlers,
  serviceKind,
  endpointSliceKind,
  endpointsKind,
  secretKind,
  inertKinds,
];
