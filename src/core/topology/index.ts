export type { Topology, GraphNode, GraphEdge, GraphKind, GraphLayer, Verdict } from './types';
export { detailLines } from './types';
export { buildTopology, endpointVerdict, isSystem, createTopologyCache, type TopologyOptions, type TopologyCache } from './build';
