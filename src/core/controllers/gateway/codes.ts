/**
 * Diagnostic codes of the Gateway API controller (§5). Stable: tests assert codes, not wording.
 */
export const GATEWAY_CODES = {
  /** GW-1: a Gateway names a GatewayClass that does not exist or that no served controller owns. */
  GATEWAY_CLASS_NOT_FOUND: 'gateway-class-not-found',
  GATEWAY_CLASS_NOT_SERVED: 'gateway-class-not-served',
  /** GW-2: indistinct listeners (HostnameConflict / ProtocolConflict). */
  LISTENER_CONFLICT: 'gateway-listener-conflicted',
  /** GW-2: protocol the simulated implementation does not serve. */
  LISTENER_UNSUPPORTED_PROTOCOL: 'gateway-listener-unsupported-protocol',
  /** GW-3: allowedRoutes.kinds names a kind the listener cannot carry. */
  LISTENER_INVALID_ROUTE_KINDS: 'gateway-listener-invalid-route-kinds',
  /** GW-3: certificateRefs that do not resolve (missing Secret, cross-namespace without grant). */
  LISTENER_INVALID_CERTIFICATE_REF: 'gateway-listener-invalid-certificate-ref',
  /** §5.2: a parentRef naming no Gateway (or one no served class owns). */
  ROUTE_PARENT_NOT_FOUND: 'route-parent-not-found',
  /** §5.2: Accepted=False with NoMatchingParent / NotAllowedByListeners / NoMatchingListenerHostname. */
  ROUTE_NOT_ACCEPTED: 'route-not-accepted',
  /** §5.2/GW-16: an HTTPRoute and a GRPCRoute on one listener with intersecting hostnames. */
  ROUTE_CONFLICT: 'route-conflicted',
  /** GW-13: ResolvedRefs=False (BackendNotFound, RefNotPermitted, InvalidKind). */
  BACKEND_NOT_RESOLVED: 'route-backend-not-resolved',
  /** GW-11/13: every backend of a rule has weight 0 or is invalid: requests get 500. */
  RULE_NO_VALID_BACKEND: 'route-rule-no-valid-backend',
  /** GW-15: the Gateway's Deployment/Service were written in the input and are used as they are. */
  GATEWAY_IMPLEMENTATION_FROM_INPUT: 'gateway-implementation-from-input',
  /** No Gateway address could be given (the load balancer pool is used up). */
  GATEWAY_NO_ADDRESS: 'gateway-no-address',
} as const;
