import type { Pod, Service, Workload } from '../../model/core';
import type { SourceRef } from '../../model/meta';
import type { World } from '../../model/world';
import { madeService } from '../../model/made';
import { servingClass, NGINX_CONTROLLER } from './classes';

/** Where ingress-nginx's own manifests put the controller (its official deploy.yaml). */
export const NGINX_NAMESPACE = 'ingress-nginx';
export const NGINX_CONTROLLER_NAME = 'ingress-nginx-controller';
export const NGINX_LABELS = {
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
};

const NOWHERE: SourceRef = { file: 0, range: { start: 0, end: 0 }, fields: {} };

/** The labels of ingress-nginx's controller pods (its official deploy.yaml). */
export function isControllerLabels(labels: Record<string, string>): boolean {
  return labels['app.kubernetes.io/name'] === 'ingress-nginx' && labels['app.kubernetes.io/component'] === 'controller';
}

/**
 * The ingress controller as pods (ING-13, NP-12): when an Ingress is served by ingress-nginx, add its
 * namespace, Deployment and LoadBalancer Service as ingress-nginx's deploy.yaml creates them — unless the
 * input already has them — so the workloads controller makes the pods and NetworkPolicies that
 * "allow from namespace ingress-nginx" see the real source. Runs before the workloads stage.
 */
export function addIngressControllerPods(world: World): void {
  const needed = world.ingresses.some((i) => {
    const s = servingClass(world, i);
    return s.served && s.ingressClass.controller === NGINX_CONTROLLER;
  });
  if (!needed) return;
  const defined = world.workloads.some((w) => isControllerLabels(w.template.labels)) || world.pods.some((p) => isControllerLabels(p.labels));
  if (!world.namespaces.some((n) => n.name === NGINX_NAMESPACE) && !defined) {
    world.namespaces.push({
      id: `Namespace/${NGINX_NAMESPACE}`,
      kind: 'Namespace',
      name: NGINX_NAMESPACE,
      namespace: '',
      labels: { 'kubernetes.io/metadata.name': NGINX_NAMESPACE, 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx' },
      annotations: {},
      order: -1,
      source: NOWHERE,
      implicit: true,
      system: true,
    });
  }
  if (!defined && !world.workloads.some((w) => w.namespace === NGINX_NAMESPACE && w.name === NGINX_CONTROLLER_NAME)) world.workloads.push(controllerDeployment());
  const hasService = world.services.some((s) => (s.namespace === NGINX_NAMESPACE && s.name === NGINX_CONTROLLER_NAME) || (s.selector !== null && isControllerLabels(s.selector)));
  if (!hasService) world.services.push(controllerService());
}

function controllerDeployment(): Workload {
  return {
    id: `Deployment/${NGINX_NAMESPACE}/${NGINX_CONTROLLER_NAME}`,
    kind: 'Deployment',
    name: NGINX_CONTROLLER_NAME,
    namespace: NGINX_NAMESPACE,
    labels: { ...NGINX_LABELS },
    annotations: {},
    order: -1,
    source: NOWHERE,
    system: true,
    replicas: 1,
    selector: { matchLabels: { ...NGINX_LABELS }, matchExpressions: [] },
    templatePath: 'spec.template',
    template: {
      labels: { ...NGINX_LABELS },
      annotations: {},
      hostNetwork: false,
      dnsPolicy: 'ClusterFirst',
      containers: [
        {
          name: 'controller',
          image: 'registry.k8s.io/ingress-nginx/controller',
          ports: [
            { name: 'http', containerPort: 80, protocol: 'TCP' },
            { name: 'https', containerPort: 443, protocol: 'TCP' },
          ],
          env: [],
          command: [],
          args: ['/nginx-ingress-controller', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx'],
          index: 0,
        },
      ],
      initContainers: [],
    },
  };
}

function controllerService(): Service {
  const meta = { id: `Service/${NGINX_NAMESPACE}/${NGINX_CONTROLLER_NAME}`, kind: 'Service', name: NGINX_CONTROLLER_NAME, namespace: NGINX_NAMESPACE, labels: { ...NGINX_LABELS }, annotations: {}, order: -1, source: NOWHERE, system: true };
  return madeService(meta, {
    type: 'LoadBalancer',
    selector: { ...NGINX_LABELS },
    ports: [
      { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', appProtocol: 'http', index: 0 },
      { name: 'https', protocol: 'TCP', port: 443, targetPort: 'https', appProtocol: 'https', index: 1 },
    ],
    // The upstream ingress-nginx manifest keeps client addresses (externalTrafficPolicy: Local).
    externalTrafficPolicy: 'Local',
  });
}

/** The ingress-nginx controller pods (declared or made from the Deployment), sorted by name. */
export function controllerPods(world: World): Pod[] {
  return world.pods.filter((p) => isControllerLabels(p.labels) && p.ips.length > 0).sort((a, b) => a.id.localeCompare(b.id));
}
