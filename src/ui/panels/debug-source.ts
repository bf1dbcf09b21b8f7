/**
 * The "debug pod" source of the DNS and Trace forms: a busybox-like pod started in a chosen namespace with
 * chosen labels (`--from debug:NS --debug-labels k=v,...`), as `kubectl run debug -n NS --labels ...` starts
 * one, so a scenario with no client pod (or none in the right namespace) can be asked from inside.
 */
import type { SimulatedReply } from '../../worker/protocol';

/** The picker's value for the debug pod (not a peer: the namespace and labels fields make it one). */
export const DEBUG_SOURCE = 'debug pod…';
export const DEBUG_DEFAULT_LABELS = 'run=debug';

/** Every namespace of the scenario (declared, or holding a pod or Service), `default` first. */
export function namespaceChoices(reply: Pick<SimulatedReply, 'pods' | 'services' | 'objects'>): string[] {
  const found = new Set<string>(['default']);
  for (const id of [...reply.pods, ...reply.services]) found.add(id.split('/')[1] ?? 'default');
  for (const o of reply.objects) if (o.id.startsWith('Namespace/')) found.add(o.id.slice('Namespace/'.length));
  return ['default', ...[...found].filter((n) => n !== 'default').sort()];
}

/** The flags for the debug pod; labels are sent only when they differ from kubectl run's own. */
export function debugFlags(namespace: string, labels: string): { from: string; 'debug-labels'?: string } {
  const l = labels.trim();
  return { from: `debug:${namespace}`, ...(l && l !== DEBUG_DEFAULT_LABELS ? { 'debug-labels': l } : {}) };
}

/** The namespace and labels of a `debug:NS` question (a trace on screen), or null for any other source. */
export function readDebugFlags(args: { from?: string; 'debug-labels'?: string }): { namespace: string; labels: string } | null {
  const m = /^debug:(.*)$/.exec(args.from ?? '');
  return m ? { namespace: m[1] || 'default', labels: args['debug-labels'] ?? DEBUG_DEFAULT_LABELS } : null;
}
