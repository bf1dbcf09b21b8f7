import type { Pod } from './core';

/**
 * Why a pod can neither send nor receive traffic, or null when it runs with an address. One answer for
 * every reader of the World (policy checks, the matrix, traces, the graph), so they never disagree: a pod
 * that never started (its node is not in the cluster), one that has finished, or one without an IP takes
 * no traffic (SVC-7).
 */
export function whyNoTraffic(pod: Pick<Pod, 'phase' | 'ips' | 'neverStarts'>): string | null {
  if (pod.neverStarts) return `never starts: it is ${pod.neverStarts}, so it has no IP and takes no traffic (SVC-7)`;
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return `has finished (phase ${pod.phase}): no container runs to send or answer traffic (SVC-7)`;
  if (pod.ips.length === 0) return `has no IP (phase ${pod.phase}), so it takes no traffic (SVC-7)`;
  return null;
}
