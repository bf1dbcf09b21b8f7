/** Diagnostic codes of the ingress controller module (§4). Stable: tests assert them. */
export const INGRESS_CODES = {
  /** No IngressClass/controller serves this Ingress (ING-3). */
  NOT_SERVED: 'ingress-not-served',
  /** ING-1: ingressClassName was stamped by admission from the default IngressClass. */
  CLASS_DEFAULTED: 'ingress-class-defaulted',
  /** ING-1: several IngressClasses are marked default. */
  SEVERAL_DEFAULT_CLASSES: 'ingress-several-default-classes',
  /** ING-1: the default class was created after the Ingress, so it was not stamped. */
  DEFAULT_CLASS_TOO_LATE: 'ingress-default-class-after-ingress',
  /** ING-9/ING-11: a path that can never be selected. */
  PATH_SHADOWED: 'ingress-path-shadowed',
  /** ING-11: identical host/path/pathType in two Ingresses of one class. */
  DUPLICATE_PATH: 'ingress-duplicate-path',
  /** ING-12: the backend Service does not exist in the Ingress's namespace. */
  BACKEND_SERVICE_MISSING: 'ingress-backend-service-missing',
  /** ING-12: the Service has no such port (number or name). */
  BACKEND_PORT_MISSING: 'ingress-backend-port-missing',
  /** ING-14: resource backends are not resolved by the simulated controller. */
  RESOURCE_BACKEND: 'ingress-resource-backend',
  /** ING-15: a TLS secret is missing or not a kubernetes.io/tls Secret. */
  TLS_SECRET_MISSING: 'ingress-tls-secret-missing',
  /** A canary Ingress with no main Ingress for its host/path (ingress-nginx ignores it). */
  CANARY_WITHOUT_MAIN: 'ingress-canary-without-main',
  /** An nginx.ingress.kubernetes.io annotation with a value the controller rejects. */
  ANNOTATION_INVALID: 'ingress-annotation-invalid',
} as const;
