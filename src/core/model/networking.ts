import type { Implementation } from './core';
import type { LabelSelector, ObjectMeta, Protocol } from './meta';

/** networking.k8s.io/v1 IngressClass. */
export interface IngressClass extends ObjectMeta {
  kind: 'IngressClass';
  controller: string;
  /** `ingressclass.kubernetes.io/is-default-class: "true"`. */
  isDefault: boolean;
  /** True when the simulator supplied it (ING-3 [SIM]). */
  implicit: boolean;
  /** The controller's pods and LoadBalancer Service (ING-13), when the simulator runs it (ingress-nginx). */
  implementation?: Implementation;
}

export interface IngressBackend {
  service?: { name: string; port: { number?: number; name?: string } };
  resource?: { apiGroup?: string; kind: string; name: string };
  /** Field path of this backend inside the Ingress, for source ranges. */
  path: string;
}

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressPath {
  path: string;
  pathType: IngressPathType;
  backend: IngressBackend;
  /** Indexes for source ranges: `spec.rules.<rule>.http.paths.<index>`. */
  rule: number;
  index: number;
}

export interface IngressRule {
  host?: string;
  paths: IngressPath[];
  index: number;
}

/** networking.k8s.io/v1 Ingress after class defaulting (ING-1). */
export interface Ingress extends ObjectMeta {
  kind: 'Ingress';
  /** `spec.ingressClassName`, or the legacy annotation, or the default class stamped by admission. */
  ingressClassName?: string;
  /** How the class was found: written in the spec, the legacy annotation, or admission defaulting. */
  classSource: 'spec' | 'annotation' | 'default' | 'none';
  defaultBackend?: IngressBackend;
  rules: IngressRule[];
  tls: { hosts: string[]; secretName?: string; index: number }[];
  /** Written by the ingress controller once its Service has an address: where clients reach this Ingress. */
  status?: { loadBalancer: { ingress: { ip: string }[] } };
}

export interface NetworkPolicyPort {
  protocol: Protocol;
  /** Absent: every port of the protocol. */
  port?: number | string;
  endPort?: number;
}

export interface IPBlock {
  cidr: string;
  except: string[];
}

/** One `from`/`to` item (NP-5). */
export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
}

export interface NetworkPolicyRule {
  /** Empty: any peer (NP-4). */
  peers: NetworkPolicyPeer[];
  /** Empty: any port (NP-4). */
  ports: NetworkPolicyPort[];
  index: number;
}

/** networking.k8s.io/v1 NetworkPolicy with `policyTypes` defaulted (NP-1). */
export interface NetworkPolicy extends ObjectMeta {
  kind: 'NetworkPolicy';
  podSelector: LabelSelector;
  policyTypes: ('Ingress' | 'Egress')[];
  /** Whether `policyTypes` was written or derived (NP-1), for explanations. */
  policyTypesDefaulted: boolean;
  ingress: NetworkPolicyRule[];
  egress: NetworkPolicyRule[];
}
