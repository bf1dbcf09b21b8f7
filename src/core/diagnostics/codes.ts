/**
 * Diagnostic codes raised by the manifest reader and the Service/EndpointSlice controllers. Each code is
 * stable: tests assert codes, not wording. Other controllers keep their codes in their own `codes.ts`;
 * `docs/diagnostics.md` lists them all for people.
 */
export const CODES = {
  // manifest reading (yaml → objects)
  YAML_SYNTAX: 'yaml-syntax',
  YAML_DUPLICATE_KEY: 'yaml-duplicate-key',
  /** Indentation that nests a line under the wrong parent (flattened, tabs, misaligned): one per file. */
  YAML_INDENTATION: 'yaml-indentation',
  YAML_NOT_OBJECT: 'yaml-not-object',
  YAML_LIMIT: 'input-limit',
  MISSING_KIND: 'missing-kind',
  MISSING_API_VERSION: 'missing-api-version',
  UNKNOWN_KIND: 'unknown-kind',
  /** A kind its built-in API group version does not serve (a typo): the API server refuses the object. */
  NO_SUCH_KIND: 'no-such-kind',
  /** A field the kind does not have (`targetPrt`): kubectl's strict validation refuses the object. */
  UNKNOWN_FIELD: 'unknown-field',
  UNSUPPORTED_VERSION: 'unsupported-api-version',
  // admission: validation (§1)
  REQUIRED: 'required-field',
  WRONG_TYPE: 'wrong-type',
  INVALID_VALUE: 'invalid-value',
  INVALID_NAME: 'invalid-name',
  INVALID_LABEL: 'invalid-label',
  DUPLICATE_OBJECT: 'duplicate-object',
  NAMESPACE_ON_CLUSTER_SCOPED: 'namespace-on-cluster-scoped',
  IP_CONFLICT: 'ip-conflict',
  /** ADM-8: a port name reused across a pod's containers (accepted with a warning; only one is used by name). */
  DUPLICATE_PORT_NAME: 'duplicate-port-name',
  // allocation
  NODEPORT_OUT_OF_RANGE: 'nodeport-out-of-range',
  NODEPORT_CONFLICT: 'nodeport-conflict',
  CLUSTER_IP_OUT_OF_RANGE: 'cluster-ip-out-of-range',
  UNKNOWN_NODE: 'unknown-node',
  MISSING_NAMESPACE: 'missing-namespace',
  // services & endpoints (§2)
  SERVICE_SELECTS_NOTHING: 'service-selects-nothing',
  SERVICE_SELECTS_OTHER_NAMESPACE: 'service-selects-other-namespace',
  SERVICE_EMPTY_SELECTOR: 'service-empty-selector',
  NAMED_TARGET_PORT_UNRESOLVED: 'named-target-port-unresolved',
  SERVICE_NO_READY_ENDPOINTS: 'service-no-ready-endpoints',
  SLICE_WITHOUT_SERVICE: 'endpointslice-without-service',
  SLICE_PORT_MISMATCH: 'endpointslice-port-mismatch',
  /** EPS-8: a written slice with the controller's managed-by label for a Service with a selector: deleted or rewritten. */
  SLICE_MANAGED_BY_CONTROLLER: 'endpointslice-managed-by-controller',
  /** SVC-12: a loopback, link-local or ClusterIP endpoint address, which kube-proxy does not use. */
  ENDPOINT_ADDRESS_UNUSABLE: 'endpoint-address-unusable',
  INTERNAL: 'internal-error',
} as const;

export type Code = (typeof CODES)[keyof typeof CODES];
