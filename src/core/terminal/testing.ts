/**
 * The scenario the terminal's transcript tests run against: addresses written in the YAML (pod IPs, nodes,
 * ClusterIPs) so the transcripts do not depend on the allocators. shop/web may not reach shop/db (policy),
 * shop/isolated may send nothing at all (so not even DNS), shop/orphan selects no pod, shop/toolbox runs
 * busybox, and the Ingress sends /gone to orphan (503).
 */
import { simulate, type Simulation } from '../simulate';
import { runCommand, type RunQuery, type RunResult } from './run';

const pod = (name: string, labels: string, node: string, ip: string, image: string, ports = '') =>
  `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {${labels}}}
spec:
  nodeName: ${node}
  containers: [{name: ${name.replace(/-\d+$/, '')}, image: ${image}${ports ? `, ports: [${ports}]` : ''}}]
status: {phase: Running, podIP: ${ip}}`;

const service = (name: string, ip: string, selector: string, port: string) =>
  `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec: {clusterIP: ${ip}, selector: {${selector}}, ports: [${port}]}`;

export const SHOP = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: shop}}',
  pod('web', 'app: web', 'node-1', '10.244.1.10', 'nginx:1.27', '{containerPort: 80}'),
  pod('api-0', 'app: api', 'node-2', '10.244.2.10', 'ghcr.io/example/api:1.0', '{name: http, containerPort: 8080}'),
  pod('api-1', 'app: api', 'node-1', '10.244.1.11', 'ghcr.io/example/api:1.0', '{name: http, containerPort: 8080}'),
  pod('db', 'app: db', 'node-3', '10.244.3.10', 'postgres:16', '{containerPort: 5432}'),
  pod('toolbox', 'app: toolbox', 'node-2', '10.244.2.11', 'busybox:1.36'),
  pod('isolated', 'app: isolated', 'node-3', '10.244.3.11', 'nicolaka/netshoot'),
  service('api', '10.96.100.10', 'app: api', '{port: 80, targetPort: http}'),
  service('db', '10.96.100.20', 'app: db', '{port: 5432}'),
  service('orphan', '10.96.100.30', 'app: nothing', '{port: 80}'),
  service('web', '10.96.100.40', 'app: web', '{port: 80}'),
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]`,
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: isolated-no-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: isolated}}
  policyTypes: [Egress]`,
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
      - {path: /gone, pathType: Prefix, backend: {service: {name: orphan, port: {number: 80}}}}`,
].join('\n---\n');

let cached: Simulation | undefined;

export function shopSim(): Simulation {
  return (cached ??= simulate([{ name: 'shop.yaml', text: SHOP }]));
}

/** Run one line against the shop scenario. */
export function term(line: string, q: Omit<RunQuery, 'line'> = {}): RunResult {
  return runCommand(shopSim(), { line, ...q });
}

/** A transcript row: command line, where it runs, then exit status, stdout and stderr as the tool prints them. */
export type Transcript = [name: string, line: string, from: string | undefined, exit: number, stdout: string, stderr: string];

/** What a transcript compares: the exit status and both streams. */
export function transcriptOf(line: string, from: string | undefined): { exit: number; stdout: string; stderr: string } {
  const r = term(line, from ? { from } : {});
  return { exit: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}
