import type { LabelSelector, ObjectMeta } from './meta';

/** gateway.networking.k8s.io/v1 GatewayClass. */
export interface GatewayClass extends ObjectMeta {
  kind: 'GatewayClass';
  controllerName: string;
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
}

/** A rule of a TLSRoute, TCPRoute or UDPRoute: no matches, only where the stream goes (GW-17). */
export interface L4RouteRule {
  name?: string;
  backendRefs: BackendRef[];
  index: number;
}

/** gateway.networking.k8s.io TLSRoute: routes a TLS stream by its SNI (GW-17). */
export interface TLSRoute extends ObjectMeta {
  kind: 'TLSRoute';
  parentRefs: ParentRef[];
  hostnames: string[];
  rules: L4RouteRule[];
}

/** gateway.networking.k8s.io TCPRoute: forwards every TCP connection of its listener (GW-17). */
export interface TCPRoute extends ObjectMeta {
  kind: 'TCPRoute';
  parentRefs: ParentRef[];
  rules: L4RouteRule[];
}

/** gateway.networking.k8s.io UDPRoute: forwards the UDP datagrams of its listener (GW-17). */
export interface UDPRoute extends ObjectMeta {
  kind: 'UDPRoute';
  parentRefs: ParentRef[];
  rules: L4RouteRule[];
}

/** Any Gateway API route kind. */
export type AnyRoute = HTTPRoute | GRPCRoute | TLSRoute | TCPRoute | UDPRoute;

/** gateway.networking.k8s.io ReferenceGrant (v1beta1 and v1). */
export interface ReferenceGrant extends ObjectMeta {
  kind: 'ReferenceGrant';
  from: { group: string; kind: string; namespace: string }[];
  to: { group: string; kind: string; name?: string }[];
}
