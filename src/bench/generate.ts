/**
 * Deterministic synthetic clusters for benchmarks: `pods` pods in Deployments of 5 replicas, one
 * Service per Deployment, 0.3 NetworkPolicies per pod (a default deny per namespace plus allow rules of
 * the kinds tutorials use), and Ingresses, Gateways and HTTPRoutes in proportion. Returned as YAML text
 * so that a benchmark measures the whole pipeline, reading included.
 */
export interface ClusterSize {
  pods: number;
  services: number;
  policies: number;
  namespaces: number;
  ingresses: number;
  routes: number;
}

export function sizeFor(pods: number): ClusterSize {
  return {
    pods,
    services: Math.max(1, Math.round(pods / 5)),
    policies: Math.round(pods * 0.3),
    namespaces: Math.max(1, Math.round(pods / 50)),
    ingresses: Math.max(1, Math.round(pods / 50)),
    routes: Math.max(1, Math.round(pods / 50)),
  };
}

export function generateCluster(size: ClusterSize): string {
  const docs: string[] = [];
  const ns = (i: number) => `team-${i % size.namespaces}`;
  for (let n = 0; n < size.namespaces; n++) {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-${n}\n  labels: {tier: ${n % 3 === 0 ? 'frontend' : 'backend'}, env: ${n % 2 ? 'prod' : 'dev'}}`);
  }
  const deployments = size.services;
  const perDeployment = Math.max(1, Math.round(size.pods / deployments));
  for (let d = 0; d < deployments; d++) {
    const app = `app-${d}`;
    const call = `app-${(d + 1) % deployments}.${ns(d + 1)}`;
    docs.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: ${app}, namespace: ${ns(d)}}`,
        'spec:',
        `  replicas: ${perDeployment}`,
        `  selector: {matchLabels: {app: ${app}}}`,
        '  template:',
        `    metadata: {labels: {app: ${app}, role: ${d % 4 === 0 ? 'db' : 'web'}}}`,
        '    spec:',
        '      containers:',
        `      - name: main`,
        `        image: example/${app}`,
        `        ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]`,
        `        env: [{name: UPSTREAM_URL, value: "http://${call}:80"}]`,
      ].join('\n'),
    );
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${app}, namespace: ${ns(d)}}\nspec:\n  selector: {app: ${app}}\n  ports: [{name: http, port: 80, targetPort: http}, {name: metrics, port: 9090, targetPort: metrics}]`,
    );
  }
  for (let p = 0; p < size.policies; p++) {
    const namespace = ns(p);
    const kind = p % 5;
    const name = `policy-${p}`;
    const target = `app-${p % deployments}`;
    if (kind === 0) docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]`);
    else if (kind === 1)
      docs.push(
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  podSelector: {matchLabels: {app: ${target}}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {role: web}}\n    ports: [{port: 8080}]`,
      );
    else if (kind === 2)
      docs.push(
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  podSelector: {matchLabels: {role: db}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {tier: backend}}\n      podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [app-0, app-1]}]}`,
      );
    else if (kind === 3)
      docs.push(
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  podSelector: {matchLabels: {app: ${target}}}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}\n    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]\n  - to:\n    - ipBlock: {cidr: 10.244.0.0/16, except: [10.244.${p % 200}.0/24]}`,
      );
    else
      docs.push(
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  podSelector: {matchLabels: {role: web}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {env: prod}}\n    ports: [{port: 8080, endPort: 8090}, {port: metrics}]`,
      );
  }
  for (let i = 0; i < size.ingresses; i++) {
    const app = `app-${(i * 5) % deployments}`;
    docs.push(
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing-${i}, namespace: ${ns(i * 5)}}\nspec:\n  rules:\n  - host: shop-${i}.example.com\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: ${app}, port: {number: 80}}}}\n      - {path: /api, pathType: Prefix, backend: {service: {name: ${app}, port: {name: http}}}}`,
    );
  }
  const gateways = Math.max(1, Math.round(size.namespaces / 10));
  docs.push('apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: bench}\nspec: {controllerName: example.net/bench}');
  for (let g = 0; g < gateways; g++) {
    docs.push(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw-${g}, namespace: ${ns(g)}}\nspec:\n  gatewayClassName: bench\n  listeners:\n  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}`,
    );
  }
  for (let r = 0; r < size.routes; r++) {
    const app = `app-${(r * 5) % deployments}`;
    docs.push(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: route-${r}, namespace: ${ns(r * 5)}}\nspec:\n  parentRefs: [{name: gw-${r % gateways}, namespace: ${ns(r % gateways)}}]\n  hostnames: [api-${r}.example.com]\n  rules:\n  - matches: [{path: {type: PathPrefix, value: /v1}, headers: [{name: x-canary, value: "true"}]}]\n    backendRefs: [{name: ${app}, port: 80, weight: 90}]`,
    );
  }
  return docs.join('\n---\n') + '\n';
}
