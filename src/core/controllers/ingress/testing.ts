import type { EntryResult } from '../../model/route';

/** YAML builders and the routing notation shared by the ingress router tests. */

/** A Service `name` on port 80 (targetPort 8080, named `http`) with one ready pod behind it. */
export function backend(ns: string, name: string): string {
  return `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata: {name: ${name}-pod, namespace: ${ns}, labels: {app: ${name}}}
spec:
  containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]
`;
}

export function ingress(name: string, paths: [string, string, string][], opts: { host?: string; ns?: string; annotations?: Record<string, string>; extra?: string; ts?: string } = {}): string {
  const ann = opts.annotations ? `\n  annotations:\n${Object.entries(opts.annotations).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}` : '';
  const ts = opts.ts ? `\n  creationTimestamp: "${opts.ts}"` : '';
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${opts.ns ?? 'shop'}${ann}${ts}
spec:${opts.extra ?? ''}
  rules:
  - ${opts.host === '' ? '' : `host: "${opts.host ?? 'shop.example.com'}"\n    `}http:
      paths:
${paths.map(([p, t, svc]) => `      - {path: "${p}", pathType: ${t}, backend: {service: {name: ${svc}, port: {number: 80}}}}`).join('\n')}
`;
}

/** Kubernetes notation: `Service/ns/name:port`, weights when split, or the status (with Location). */
export function notation(r: EntryResult): string {
  if (r.redirect) return `${r.status} ${r.redirect.location}`;
  if (r.status === 404) return '404';
  const bs = r.backends.map((b) => `Service/${b.namespace}/${b.name}:${b.port}${r.backends.length > 1 ? ` (${b.weight})` : ''}`).join(' + ');
  return r.status === 200 ? bs : `${r.status} ${bs}`;
}

export const SERVICES = ['a', 'b', 'c', 'd', 'w', 'h', 'def', 'canary', 'old', 'new'].map((n) => backend('shop', n)).join('');

