/**
 * One end of a connection as every question names it (`knet check --from`, a trace's source, an exercise
 * goal): a pod, an address, a node, or a Service (as a destination, judged per backend after DNAT, NP-10).
 * Plain data; `queries/peer.ts` turns text into a Peer and back.
 */
export type Peer =
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'ip'; ip: string }
  | { kind: 'node'; name: string }
  | { kind: 'service'; namespace: string; name: string };

/** The graph node that stands for every client outside the cluster (`Client/internet`). */
export const INTERNET = 'Client/internet';

/**
 * The address the simulator gives "somebody on the internet" when a question needs one (the graph's
 * internet node, a trace from it): RFC 5737 documentation range, so it is never a real client.
 */
export const OUTSIDE_CLIENT_IP = '203.0.113.10';
