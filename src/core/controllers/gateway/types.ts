import type { BackendRef, ParentRef } from '../../model/gateway';

/** A status condition as the Gateway API writes it (metav1.Condition without times). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

export interface GatewayClassState {
  id: string;
  name: string;
  controllerName: string;
  /** GW-1: served by the simulated controller. */
  accepted: boolean;
  conditions: Condition[];
}

export interface ListenerState {
  name: string;
  index: number;
  port: number;
  protocol: string;
  hostname?: string;
  /** Route kinds this listener carries (GW-3). */
  supportedKinds: string[];
  /** Accepted, not conflicted, references resolved: the listener serves traffic. */
  ready: boolean;
  conditions: Condition[];
  attachedRoutes: number;
}

export interface GatewayState {
  id: string;
  namespace: string;
  name: string;
  className: string;
  controllerName?: string;
  /** GW-1: the class exists and is served; otherwise the Gateway gets no status and serves nothing. */
  ours: boolean;
  conditions: Condition[];
  listeners: ListenerState[];
  addresses: string[];
}

/** The outcome of one parentRef of one Route (§5.2). */
export interface ParentState {
  parentRef: ParentRef;
  /** The Gateway it points at, when it exists and is ours. */
  gatewayId?: string;
  accepted: boolean;
  /** Accepted / NoMatchingParent / NotAllowedByListeners / NoMatchingListenerHostname / Conflicted / NotFound. */
  reason: string;
  message: string;
  /** Listener names the route is attached to through this parentRef. */
  listeners: string[];
  conditions: Condition[];
}

/** GW-10..13: one backendRef of one rule, resolved or not. */
export interface BackendState {
  rule: number;
  ref: BackendRef;
  resolved: boolean;
  /** BackendNotFound / RefNotPermitted / InvalidKind when not resolved. */
  reason?: string;
  message: string;
  /** The ReferenceGrant that allowed a cross-namespace reference (GW-12). */
  grant?: string;
}

export interface RouteState {
  id: string;
  kind: 'HTTPRoute' | 'GRPCRoute';
  namespace: string;
  name: string;
  parents: ParentState[];
  backends: BackendState[];
}

/** Everything the Gateway API controller computed: status as data (§5). */
export interface GatewayAPIStatus {
  classes: GatewayClassState[];
  gateways: GatewayState[];
  routes: RouteState[];
}
