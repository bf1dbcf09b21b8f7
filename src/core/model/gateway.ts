import type { Implementation } from './core';
import type { LabelSelector, ObjectMeta } from './meta';

/** A status condition as the Gateway API writes it (metav1.Condition without times). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

/** gateway.networking.k8s.io/v1 GatewayClass. */
export interface GatewayClass extends ObjectMeta {
  kind: 'GatewayClass';
  controllerName: string;
  /** Written by the Gateway API controller stage (GW-1). */
  status?: GatewayClassStatus;
}

export interface GatewayClassStatus {
  /** GW-1: served by a simulated controller. */
  accepted: boolean;
  conditions: Condition[];
}

export interface Listener {
  name: string;
  hostname?: string;
  port: number;
  protocol: string;
  tls?: { mode: string; certificateRefs: { group: string; kind: string; name: string; namespace?: string }[] };
  allowedRoutes: {
    namespaces: { from: 'Same' | 'All' | 'Selector'; selector?: LabelSelector };
    /** Empty: the kinds implied by the protocol (GW-3). */
    kinds: { group: string; kind: string }[];
  };
  index: number;
}

export interface Gateway extends ObjectMeta {
  kind: 'Gateway';
  gatewayClassName: string;
  listeners: Listener[];
  /** `spec.addresses[].value` or `status.addresses`, or allocated from the LB pool. */
  addresses: string[];
  /** Written by the Gateway API controller stage (GW-1..GW-3, GW-15); readers never recompute it. */
  status?: GatewayStatus;
}

export interface ListenerStatus {
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

export interface GatewayStatus {
  /** GW-1: the class exists and a simulated controller serves it; otherwise the Gateway serves nothing. */
  ours: boolean;
  controllerName?: string;
  conditions: Condition[];
  listeners: ListenerStatus[];
  addresses: string[];
  /** The proxy pods and LoadBalancer Service that carry its traffic (GW-15), when it is served. */
  implementation?: Implementation;
}

export interface ParentRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
  index: number;
}

export interface BackendRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  weight: number;
  filters: RouteFilter[];
  index: number;
}

/** Filters kept as written (type + its config object), applied by the gateway module (GW-14). */
export interface RouteFilter {
  type: string;
  config: Record<string, unknown>;
  index: number;
}

export type StringMatchType = 'Exact' | 'RegularExpression';

export interface HTTPRouteMatch {
  path: { type: 'Exact' | 'PathPrefix' | 'RegularExpression'; value: string };
  headers: { type: StringMatchType; name: string; value: string }[];
  queryParams: { type: StringMatchType; name: string; value: string }[];
  method?: string;
  index: number;
}

export interface HTTPRouteRule {
  name?: string;
  /** ADM-5: no matches → one `PathPrefix /` match. */
  matches: HTTPRouteMatch[];
  filters: RouteFilter[];
  backendRefs: BackendRef[];
  index: number;
}

export interface HTTPRoute extends ObjectMeta {
  kind: 'HTTPRoute';
  parentRefs: ParentRef[];
  hostnames: string[];
  rules: HTTPRouteRule[];
  /** Written by the Gateway API controller stage (§5.2, GW-10..GW-13). */
  status?: RouteStatus;
}

/** The outcome of one parentRef of one Route (§5.2). */
export interface RouteParentStatus {
  parentRef: ParentRef;
  /** The Gateway it points at, when it exists and is served. */
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
export interface BackendRefStatus {
  rule: number;
  ref: BackendRef;
  resolved: boolean;
  /** BackendNotFound / RefNotPermitted / InvalidKind when not resolved. */
  reason?: string;
  message: string;
  /** The ReferenceGrant that allowed a cross-namespace reference (GW-12). */
  grant?: string;
}

/** A Route's status: its parents (as the API writes them) and, the simulator's addition, each backendRef. */
export interface RouteStatus {
  parents: RouteParentStatus[];
  backends: BackendRefStatus[];
}

export interface GRPCRouteMatch {
  method?: { type: StringMatchType; service?: string; method?: string };
  headers: { type: StringMatchType; name: string; value: string }[];
  index: number;
}

export interface GRPCRouteRule {
  name?: string;
  matches: GRPCRouteMatch[];
  filters: RouteFilter[];
  backendRefs: BackendRef[];
  index: number;
}

export interface GRPCRoute extends ObjectMeta {
  kind: 'GRPCRoute';
  parentRefs: ParentRef[];
  hostnames: string[];
  rules: GRPCRouteRule[];
  /** Written by the Gateway API controller stage (§5.2, GW-16). */
  status?: RouteStatus;
}

/** gateway.networking.k8s.io ReferenceGrant (v1beta1 and v1). */
export interface ReferenceGrant extends ObjectMeta {
  kind: 'ReferenceGrant';
  from: { group: string; kind: string; namespace: string }[];
  to: { group: string; kind: string; name?: string }[];
}
