import { CODES } from '../../diagnostics/codes';
import type { WorkloadKind, Workload } from '../../model/core';
import { matchesSelector } from '../../net/labels';
import type { KindHandler } from '../kind';
import { readPodSpec } from './pod-spec';
import { withMeta } from '../../model/meta';

interface Shape {
  kind: WorkloadKind;
  apiVersion: string;
  removed: Record<string, string>;
  templatePath: string;
  /** Where the replica count lives; null when the controller decides (DaemonSet: one per node). */
  replicasPath: string | null;
  selectorRequired: boolean;
}

const OLD_APPS = { 'extensions/v1beta1': 'apps/v1', 'apps/v1beta1': 'apps/v1', 'apps/v1beta2': 'apps/v1' };

const SHAPES: Shape[] = [
  { kind: 'Deployment', apiVersion: 'apps/v1', removed: OLD_APPS, templatePath: 'spec.template', replicasPath: 'spec.replicas', selectorRequired: true },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', removed: OLD_APPS, templatePath: 'spec.template', replicasPath: 'spec.replicas', selectorRequired: true },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', removed: OLD_APPS, templatePath: 'spec.template', replicasPath: 'spec.replicas', selectorRequired: true },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', removed: OLD_APPS, templatePath: 'spec.template', replicasPath: null, selectorRequired: true },
  { kind: 'ReplicationController', apiVersion: 'v1', removed: {}, templatePath: 'spec.template', replicasPath: 'spec.replicas', selectorRequired: false },
  { kind: 'Job', apiVersion: 'batch/v1', removed: {}, templatePath: 'spec.template', replicasPath: 'spec.parallelism', selectorRequired: false },
  // A CronJob has pods only while a run is in progress; the simulator shows one run ([SIM]).
  { kind: 'CronJob', apiVersion: 'batch/v1', removed: { 'batch/v1beta1': 'batch/v1', 'batch/v2alpha1': 'batch/v1' }, templatePath: 'spec.jobTemplate.spec.template', replicasPath: 'spec.jobTemplate.spec.parallelism', selectorRequired: false },
];

function handlerFor(shape: Shape): KindHandler {
  return {
    kinds: [shape.kind],
    apiVersions: [shape.apiVersion],
    removed: shape.removed,
    namespaced: true,
    nameRule: shape.kind === 'StatefulSet' || shape.kind === 'CronJob' ? 'label' : 'subdomain',
    read(r, meta, { world }) {
      const t = shape.templatePath;
      const labels = r.strMap(`${t}.metadata.labels`, { labelRules: true });
      const annotations = r.strMap(`${t}.metadata.annotations`);
      const template = readPodSpec(r, `${t}.spec`, labels, annotations);
      if (!template) return;
      let selector = r.selector('spec.selector') ?? null;
      if (shape.kind === 'ReplicationController' && r.isMap('spec.selector') && !r.has('spec.selector.matchLabels')) {
        // ReplicationController's selector is a plain equality map.
        selector = { matchLabels: r.strMap('spec.selector'), matchExpressions: [] };
      }
      if (!selector && shape.selectorRequired) {
        r.required('spec.selector');
        return;
      }
      if (selector && !matchesSelector(selector, labels)) {
        r.report(CODES.INVALID_VALUE, 'spec.selector', `spec.selector does not match the pod template's labels; the API server rejects this ${shape.kind}.`);
        return;
      }
      const replicas = shape.replicasPath ? (r.int(shape.replicasPath, { min: 0 }) ?? 1) : 0;
      const serviceName = shape.kind === 'StatefulSet' ? r.str('spec.serviceName') : undefined;
      world.workloads.push(withMeta<Workload>(meta, {
        kind: shape.kind,
        replicas,
        selector,
        template,
        templatePath: t,
        ...(serviceName ? { serviceName } : {}),
      }));
    },
  };
}

export const workloadHandlers: KindHandler[] = SHAPES.map(handlerFor);
