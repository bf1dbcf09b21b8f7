import type { Node, Pod, Workload } from '../../model/core';
import { copyFields, objectId } from '../../model/meta';
import { fnv32a, generatedName } from '../../net/hash';
import { podSuffix, podTemplateHash } from './names';

/**
 * The pods a workload makes, named as Kubernetes names them:
 * StatefulSet `web-0`, `web-1`…; Deployment `<name>-<pod-template-hash>-<suffix>`; ReplicaSet,
 * ReplicationController, DaemonSet and Job `<name>-<suffix>`; CronJob: one run, `<job>-<suffix>` where the
 * job is `<cronjob>-<8 digits>` ([SIM]: upstream uses the scheduled minute). Node and IP are left empty for
 * the scheduler and IPAM, unless the template fixes `spec.nodeName`.
 */
export function podsForWorkload(w: Workload, nodes: Node[]): Pod[] {
  const t = templateParts(w);
  switch (w.kind) {
    case 'StatefulSet':
      return range(w.replicas).map((i) =>
        makePod(t, `${w.name}-${i}`, {
          'statefulset.kubernetes.io/pod-name': `${w.name}-${i}`,
          'apps.kubernetes.io/pod-index': String(i),
        }, { hostname: `${w.name}-${i}`, ...(w.serviceName ? { subdomain: w.serviceName } : {}) }),
      );
    case 'Deployment': {
      const hash = podTemplateHash(w.template);
      const rs = `${w.name}-${hash}`; // replicaSetName, without hashing the template twice
      return uniqueNames(range(w.replicas).map((i) => generatedName(`${rs}-`, podSuffix(rs, i))), rs).map((name) =>
        makePod(t, name, { 'pod-template-hash': hash }),
      );
    }
    case 'DaemonSet':
      return uniqueNames(nodes.map((n) => generatedName(`${w.name}-`, podSuffix(w.name, n.name))), w.name).map((name, i) =>
        makePod(t, name, {}, {}, nodes[i]!.name),
      );
    case 'CronJob': {
      const job = `${w.name}-${String(fnv32a(w.id) % 100000000).padStart(8, '0')}`;
      return uniqueNames(range(w.replicas).map((i) => generatedName(`${job}-`, podSuffix(job, i))), job).map((name) =>
        makePod(t, name, { 'batch.kubernetes.io/job-name': job, 'job-name': job }),
      );
    }
    case 'Job':
      return uniqueNames(range(w.replicas).map((i) => generatedName(`${w.name}-`, podSuffix(w.name, i))), w.name).map((name) =>
        makePod(t, name, { 'batch.kubernetes.io/job-name': w.name, 'job-name': w.name }),
      );
    default:
      return uniqueNames(range(w.replicas).map((i) => generatedName(`${w.name}-`, podSuffix(w.name, i))), w.name).map((name) => makePod(t, name, {}));
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Re-roll a suffix that collides with an earlier one (the API server retries generateName the same way). */
function uniqueNames(names: string[], base: string): string[] {
  const seen = new Set<string>();
  return names.map((n, i) => {
    let name = n;
    for (let k = 1; seen.has(name); k++) name = generatedName(`${base}-`, podSuffix(base, `${i}/${k}`));
    seen.add(name);
    return name;
  });
}

/** What every pod of a workload takes from its template, split once per workload rather than per pod. */
interface TemplateParts {
  w: Workload;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  templateNode: string | undefined;
  spec: Omit<Workload['template'], 'labels' | 'annotations' | 'nodeName'>;
  /** Field paths of the pod (`spec.containers.0.ports`) resolve under the workload's template. */
  source: Pod['source'];
}

function templateParts(w: Workload): TemplateParts {
  const { labels, annotations, nodeName: templateNode, ...spec } = w.template;
  return { w, labels, annotations, templateNode, spec, source: { ...w.source, prefix: w.templatePath } };
}

function makePod(t: TemplateParts, name: string, extraLabels: Record<string, string>, identity: { hostname?: string; subdomain?: string } = {}, nodeName?: string): Pod {
  const { w, labels, annotations, templateNode, spec } = t;
  return {
    id: objectId('Pod', w.namespace, name),
    kind: 'Pod',
    name,
    namespace: w.namespace,
    labels: podLabels(labels, extraLabels),
    annotations: { ...annotations },
    order: w.order,
    ...(w.creationTimestamp ? { creationTimestamp: w.creationTimestamp } : {}),
    // The pods of a workload share one (never changed) SourceRef.
    source: t.source,
    ...(w.system ? { system: true } : {}),
    ...spec,
    ...identity,
    nodeName: nodeName ?? templateNode ?? '',
    ips: [],
    phase: 'Running',
    ready: true,
    terminating: false,
    ownerId: w.id,
  };
}

/** `{ ...labels, ...extra }` copied key by key: a spread then grown gets a hidden class per pod (model/meta.ts). */
function podLabels(labels: Record<string, string>, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  copyFields(out, labels);
  copyFields(out, extra);
  return out;
}
