/**
 * The messages between the page and the simulation worker: plain data only (no classes, no functions),
 * so they survive structured cloning and can be logged, replayed and tested in Node.
 */
import type { Cite, Compared, DeepPartial, Diagnostic, GraphEdge, GraphNode, Patch, QueryInput, QueryName, QueryResult, SimOptions } from '../core/index';

export interface SimulateRequest {
  type: 'simulate';
  /** Revision of the source text; replies carry it back so the page can drop stale ones. */
  rev: number;
  text: string;
  options: DeepPartial<SimOptions>;
  /** Draw system objects too. */
  showSystem?: boolean;
  /** Answer with the whole reply, not the changes since the last one (the page lost track of them). */
  full?: boolean;
}

/**
 * One question about the latest simulation, by its name in the core's query map, with the CLI's flags as
 * JSON (`{query: 'dns', args: {from: 'app/api', name: 'db'}}`); typed per query.
 */
export type QueryRequest = { [K in QueryName]: { type: 'query'; id: number; query: K; args: QueryInput<K> } }[QueryName];

/**
 * The places in the text that decided an edge of the latest simulation: its cites with their ranges (a reply
 * names each only by object and field path, so that an edit that moves lines inside a policy does not resend
 * every edge the policy decides).
 */
export interface CitesRequest {
  type: 'cites';
  id: number;
  edge: string;
}

export type Request = SimulateRequest | QueryRequest | CitesRequest;

/** A cite as a reply carries it: the object and the field, without the range (asked for with a CitesRequest). */
export type CiteRef = Omit<Cite, 'range'>;

/** A graph edge as a reply carries it: its cites without their ranges. */
export type ShownEdge = Omit<GraphEdge, 'cites'> & { cites: CiteRef[] };

/** The graph as a reply carries it. */
export interface ShownTopology {
  nodes: GraphNode[];
  edges: ShownEdge[];
}

/** Where the layout put a node (top-left corner, relative to its parent group when it has one). */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The id of the namespace group node it sits in. */
  parent?: string;
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
  topology: ShownTopology;
  /** Node id (including namespace groups `Namespace/<ns>`) → placement. */
  layout: Record<string, Placement>;
  /** Edge id → the points (flow coordinates) of its route, for edges that do not run to the next column. */
  routes: Record<string, [number, number][]>;
  summary: Summary;
  /** Ids of the objects in the simulated world, with the range that declares each (for editor ↔ graph). */
  objects: { id: string; file: number; start: number; end: number }[];
  /** Pods and Services by id, for the query panels' pickers. */
  pods: string[];
  services: string[];
  /** Hostnames that Ingress rules and routes serve, for the query panels' suggestions. */
  hosts: string[];
  /** Ports worth a policy matrix, best first (`N/PROTOCOL`, the core's `matrixPorts`): the matrix opens on the first. */
  matrixPorts: string[];
  /** Which questions this build of the core answers (the names of its query map). */
  queries: QueryName[];
  /** Milliseconds spent simulating and laying out (measured in the worker). */
  timings: { simulate: number; layout: number; sinceEdit?: number };
  /** Where each YAML document of the text starts (a delta's ranges count from these); absent: one document. */
  documents?: number[];
}

/**
 * A SimulatedReply as changes are counted between two of them (core's `toCompared`): ranges counted from their
 * YAML document and routes written against the nodes they join, so that what an edit merely moves is not sent
 * again.
 */
export type ComparedReply = Compared<SimulatedReply>;

/**
 * A SimulatedReply sent as what changed since the previous simulation reply this worker sent (rev `base`):
 * `applyPatch` on that reply as a ComparedReply, then `fromCompared`, gives this one.
 * The page applies every delta in order, stale or not, to keep its copy in step.
 */
export interface SimulatedDeltaReply {
  type: 'simulated-delta';
  rev: number;
  base: number;
  patch: Patch;
}

/** The answer to a QueryRequest: exactly the CLI's `--json` document for the same question. */
export type AnswerReply =
  | { [K in QueryName]: { type: 'answer'; id: number; ok: true; query: K; result: QueryResult<K> } }[QueryName]
  /** `usage`: the arguments cannot be asked (CLI exit 2); `input`: this scenario cannot answer (CLI exit 1). */
  | { type: 'answer'; id: number; ok: false; kind: 'usage' | 'input'; error: string };

/** The answer to a CitesRequest: the edge's cites in the latest simulation's text, or null when it has no such edge. */
export interface CitesReply {
  type: 'cites';
  id: number;
  cites: Cite[] | null;
}

export interface FailedReply {
  type: 'failed';
  rev: number;
  error: string;
}

/** What the page sees: sim-client.ts turns every SimulatedDeltaReply into the SimulatedReply it stands for. */
export type Reply = SimulatedReply | AnswerReply | FailedReply;

/** What the worker posts. */
export type WorkerReply = Reply | SimulatedDeltaReply | CitesReply;
