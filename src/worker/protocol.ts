/**
 * The messages between the page and the simulation worker: plain data only (no classes, no functions),
 * so they survive structured cloning and can be logged, replayed and tested in Node.
 */
import type { DeepPartial, Diagnostic, SimOptions, Topology } from '../core/index';

/** Questions the core answers about the latest simulation (each served by a core query function). */
export type QueryKind = 'dns' | 'route' | 'check' | 'matrix' | 'trace' | 'exercise' | 'run';

export interface Query {
  kind: QueryKind;
  /** The query's own arguments, as the core function takes them. */
  args: unknown;
}

export interface SimulateRequest {
  type: 'simulate';
  /** Revision of the source text; replies carry it back so the page can drop stale ones. */
  rev: number;
  text: string;
  options: DeepPartial<SimOptions>;
  /** Draw system objects too. */
  showSystem?: boolean;
}

export interface QueryRequest {
  type: 'query';
  id: number;
  query: Query;
}

export type Request = SimulateRequest | QueryRequest;

/** Where the layout put a node (top-left corner, relative to its parent group when it has one). */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The id of the namespace group node it sits in. */
  parent?: string;
}

/** One Service's endpoints as the Endpoints panel shows them. */
export interface EndpointsView {
  service: string;
  type: string;
  clusterIP: string;
  ports: string[];
  slices: {
    id: string;
    generated: boolean;
    ports: string[];
    endpoints: { address: string; ready: boolean; serving: boolean; terminating: boolean; target?: string; node?: string }[];
  }[];
}

export interface Summary {
  objects: number;
  pods: number;
  services: number;
  errors: number;
  warnings: number;
}

export interface SimulatedReply {
  type: 'simulated';
  rev: number;
  diagnostics: Diagnostic[];
  topology: Topology;
  /** Node id (including namespace groups `Namespace/<ns>`) → placement. */
  layout: Record<string, Placement>;
  /** Edge id → the points (flow coordinates) of its route, for edges that do not run to the next column. */
  routes: Record<string, [number, number][]>;
  endpoints: EndpointsView[];
  summary: Summary;
  /** Ids of the objects in the simulated world, with the range that declares each (for editor ↔ graph). */
  objects: { id: string; file: number; start: number; end: number }[];
  /** Pods and Services by id, for the query panels' pickers. */
  pods: string[];
  services: string[];
  /** Hostnames that Ingress rules and routes serve, for the query panels' suggestions. */
  hosts: string[];
  /** Which query kinds this build of the core can answer. */
  queries: QueryKind[];
  /** Milliseconds spent simulating and laying out (measured in the worker). */
  timings: { simulate: number; layout: number; sinceEdit?: number };
}

export interface AnswerReply {
  type: 'answer';
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface FailedReply {
  type: 'failed';
  rev: number;
  error: string;
}

export type Reply = SimulatedReply | AnswerReply | FailedReply;
