/** How each kind looks on the graph: a short badge and a colour (the same in the legend). */
export const KIND_STYLE: Record<string, { badge: string; color: string; title: string }> = {
  Client: { badge: 'NET', color: '#6b7280', title: 'Client outside the cluster' },
  Node: { badge: 'NODE', color: '#64748b', title: 'Node' },
  IngressClass: { badge: 'IC', color: '#7c3aed', title: 'IngressClass' },
  Ingress: { badge: 'ING', color: '#8b5cf6', title: 'Ingress' },
  GatewayClass: { badge: 'GC', color: '#0e7490', title: 'GatewayClass' },
  Gateway: { badge: 'GW', color: '#0891b2', title: 'Gateway' },
  HTTPRoute: { badge: 'HTTP', color: '#0d9488', title: 'HTTPRoute' },
  GRPCRoute: { badge: 'gRPC', color: '#0f766e', title: 'GRPCRoute' },
  Service: { badge: 'SVC', color: '#2563eb', title: 'Service' },
  EndpointSlice: { badge: 'EPS', color: '#d97706', title: 'EndpointSlice' },
  Pod: { badge: 'POD', color: '#16a34a', title: 'Pod (one per replica)' },
  Namespace: { badge: 'NS', color: '#94a3b8', title: 'Namespace' },
  External: { badge: 'EXT', color: '#78716c', title: 'Outside the cluster' },
};

export function kindStyle(kind: string) {
  return KIND_STYLE[kind] ?? { badge: kind.slice(0, 3).toUpperCase(), color: '#6b7280', title: kind };
}
