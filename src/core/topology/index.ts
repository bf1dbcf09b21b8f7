export type { Topology, GraphNode, GraphEdge, GraphKind, GraphLayer, Verdict } from './types';
