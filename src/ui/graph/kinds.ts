/** How each kind looks on the graph: a short badge and a colour (the same in the legend). */
export const KIND_STYLE: Record<string, { badge: string; color: string; title: string }> = {
  Client: { badge: 'NET', color: '#4b5563', title: 'Client outside the cluster' },
  Node: { badge: 'NODE', color: '#475569', title: 'Node' },
  IngressClass: { badge: 'IC', color: '#6d28d9', title: 'IngressClass' },
  Ingress: { badge: 'ING', color: '#7c3aed', title: 'Ingress' },
  GatewayClass: { badge: 'GC', color: '#155e75', title: 'GatewayClass' },
  Gateway: { badge: 'GW', color: '#0e7490', title: 'Gateway' },
  HTTPRoute: { badge: 'HTTP', color: '#0f766e', title: 'HTTPRoute' },
  GRPCRoute: { badge: 'gRPC', color: '#115e59', title: 'GRPCRoute' },
  Service: { badge: 'SVC', color: '#2563eb', title: 'Service' },
  EndpointSlice: { badge: 'EPS', color: '#b45309', title: 'EndpointSlice' },
  Pod: { badge: 'POD', color: '#15803d', title: 'Pod (one per replica)' },
  Namespace: { badge: 'NS', color: '#64748b', title: 'Namespace' },
  External: { badge: 'EXT', color: '#57534e', title: 'Outside the cluster' },
};

export function kindStyle(kind: string) {
  return KIND_STYLE[kind] ?? { badge: kind.slice(0, 3).toUpperCase(), color: '#6b7280', title: kind };
}
