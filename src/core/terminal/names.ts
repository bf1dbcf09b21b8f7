/**
 * The names the terminal understands, with no dependencies, so the page's completion can import them
 * without the simulator: the commands, kubectl's subcommands and resource type names per kind.
 */
export const TOOL_NAMES = ['kubectl', 'nslookup', 'dig', 'wget', 'curl', 'nc', 'ping', 'cat', 'hostname', 'echo', 'help', 'exit', 'clear'];

export const KUBECTL_SUBCOMMANDS = ['get', 'describe', 'exec', 'run'];

/** kubectl's names for each kind: plural, singular, short names, `plural.group`. */
export const KUBECTL_NAMES: Record<string, string[]> = {
  Pod: ['pods', 'pod', 'po'],
  Service: ['services', 'service', 'svc'],
  Endpoints: ['endpoints', 'ep'],
  EndpointSlice: ['endpointslices', 'endpointslice', 'endpointslices.discovery.k8s.io'],
  Ingress: ['ingresses', 'ingress', 'ing', 'ingresses.networking.k8s.io'],
  IngressClass: ['ingressclasses', 'ingressclass'],
  NetworkPolicy: ['networkpolicies', 'networkpolicy', 'netpol', 'networkpolicies.networking.k8s.io'],
  Gateway: ['gateways', 'gateway', 'gtw', 'gateways.gateway.networking.k8s.io'],
  GatewayClass: ['gatewayclasses', 'gatewayclass', 'gc'],
  HTTPRoute: ['httproutes', 'httproute', 'httproutes.gateway.networking.k8s.io'],
  Namespace: ['namespaces', 'namespace', 'ns'],
  Node: ['nodes', 'node', 'no'],
  Deployment: ['deployments', 'deployment', 'deploy', 'deployments.apps'],
};

/** Files `cat` can show. */
export const SHELL_FILES = ['/etc/resolv.conf', '/etc/hosts', '/etc/hostname'];
