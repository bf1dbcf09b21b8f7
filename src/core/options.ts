import { DEFAULT_CLUSTER, type ClusterConfig } from './model/world';

/**
 * Choices Kubernetes leaves to the implementation (§7), each with the documented default.
 * Every explanation that depends on one of these names it, so the user sees which assumption was made.
 */
export interface SimOptions {
  cluster: ClusterConfig;
  dns: {
    /** I-8: CoreDNS `pods` mode (kubeadm: insecure). */
    podsMode: 'insecure' | 'verified' | 'disabled';
    /** I-10: the client's resolver library. */
    resolver: 'glibc' | 'musl';
  };
  ingress: {
    /** I-14: `api` follows ING-9 everywhere; `ingress-nginx` applies nginx's divergences. */
    pathMode: 'api' | 'ingress-nginx';
    /** ING-3 [SIM]: when no IngressClass is declared, supply `nginx` marked default. */
    defaultClass: boolean;
  };
  policy: {
    /** I-20 (NP-9): ipBlock also matches pod IPs (Calico, upstream e2e) or only non-pod IPs (Cilium). */
    ipBlockMatchesPods: boolean;
  };
  gateway: {
    /** §5 [SIM]: GatewayClass controllerNames the simulator plays; empty = every one (GW-1). */
    controllers: string[];
    /** I-19 (GW-6): listener isolation (Extended): only routes on the chosen listener are considered. */
    listenerIsolation: boolean;
  };
}

export const DEFAULT_OPTIONS: SimOptions = {
  cluster: DEFAULT_CLUSTER,
  dns: { podsMode: 'insecure', resolver: 'glibc' },
  ingress: { pathMode: 'api', defaultClass: true },
  policy: { ipBlockMatchesPods: true },
  gateway: { controllers: [], listenerIsolation: true },
};

/** Fill in the defaults for a partial options object (as it arrives from the UI, the URL or the CLI). */
export function withDefaults(partial?: DeepPartial<SimOptions>): SimOptions {
  const p = partial ?? {};
  return {
    cluster: { ...DEFAULT_OPTIONS.cluster, ...(p.cluster as Partial<ClusterConfig> | undefined) },
    dns: { ...DEFAULT_OPTIONS.dns, ...p.dns },
    ingress: { ...DEFAULT_OPTIONS.ingress, ...p.ingress },
    policy: { ...DEFAULT_OPTIONS.policy, ...p.policy },
    gateway: { ...DEFAULT_OPTIONS.gateway, ...(p.gateway as Partial<SimOptions['gateway']> | undefined) },
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
