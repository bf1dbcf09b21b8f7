import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { DNS_CODES } from './codes';

const dnsCodes = new Set<string>(Object.values(DNS_CODES));

function check(text: string) {
  const sim = simulate([{ name: 'test.yaml', text }]);
  return sim.diagnostics.filter((d) => dnsCodes.has(d.code)).map((d) => ({ code: d.code, at: text.slice(d.range.start, d.range.end) }));
}

const svc = (ns: string, name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {selector: {app: ${name}}, ports: [{name: http, port: 8080}]${extra}}\n---\n`;

describe('DNS diagnostics', () => {
  it('flags a short name that only exists as a Service in another namespace (edge 32)', () => {
    const text = `${svc('prod', 'api')}apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers:
  - name: c
    image: x
    env:
    - {name: API_URL, value: "http://api:8080/v1"}
    - {name: OTHER, value: "http://api.prod:8080"}
    args: ["--backend=api"]
`;
    expect(check(text)).toEqual([{ code: DNS_CODES.SHORT_NAME_OTHER_NAMESPACE, at: 'value: "http://api:8080/v1"' }]);
  });

  it('says nothing when the short name exists in the pod namespace', () => {
    const text = `${svc('prod', 'api')}${svc('shop', 'api')}apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: x, env: [{name: API_HOST, value: api}]}]}
`;
    expect(check(text)).toEqual([]);
  });

  it('flags a headless Service whose endpoints are all unready (edge 23)', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: None, selector: {app: db}, ports: [{name: pg, port: 5432}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db-0, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, image: x}]}
status: {phase: Running, conditions: [{type: Ready, status: "False"}]}
`;
    expect(check(text)).toEqual([{ code: DNS_CODES.HEADLESS_NO_READY_ENDPOINTS, at: 'clusterIP: None' }]);
  });

  it('flags a pod subdomain with no Service of that name (DNS-6)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: b, namespace: shop}
spec: {hostname: b1, subdomain: sub, containers: [{name: c, image: x}]}
`;
    expect(check(text)).toEqual([{ code: DNS_CODES.SUBDOMAIN_WITHOUT_HEADLESS_SERVICE, at: 'subdomain: sub' }]);
  });

  it('flags a StatefulSet whose serviceName names no Service, once (edge 27)', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: shop}
spec:
  serviceName: nginx
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: c, image: x}]}
`;
    expect(check(text)).toEqual([{ code: DNS_CODES.STATEFULSET_SERVICE_MISSING, at: 'serviceName: nginx' }]);
  });

  it('notes hostNetwork with ClusterFirst (edge 30) and an IP-literal ExternalName (edge 33)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: h, namespace: shop}
spec: {hostNetwork: true, containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Service
metadata: {name: ext, namespace: shop}
spec: {type: ExternalName, externalName: 192.0.2.1}
`;
    expect(check(text)).toEqual([
      { code: DNS_CODES.EXTERNALNAME_IP_LITERAL, at: 'externalName: 192.0.2.1' },
      { code: DNS_CODES.HOSTNETWORK_CLUSTERFIRST, at: 'hostNetwork: true' },
    ]);
  });
});

describe('the kube-dns Service', () => {
  it('is flagged when written with a clusterIP other than the cluster DNS IP that pods use', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system}
spec: {clusterIP: 10.96.0.53, selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]}
`;
    expect(check(text)).toEqual([{ code: DNS_CODES.KUBE_DNS_IP_MISMATCH, at: 'clusterIP: 10.96.0.53' }]);
    expect(check(text.replace('clusterIP: 10.96.0.53, ', 'clusterIP: 10.96.0.10, '))).toEqual([]);
    // Written without clusterIP, it gets the cluster DNS address from the allocator (as kubeadm's does).
    expect(check(text.replace('clusterIP: 10.96.0.53, ', ''))).toEqual([]);
  });
});

describe('short names reached through dnsConfig', () => {
  it('says nothing when a dnsConfig search domain covers the other namespace', () => {
    const text = `${svc('prod', 'api')}apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  dnsConfig: {searches: [prod.svc.cluster.local]}
  containers: [{name: c, image: x, env: [{name: API_URL, value: "http://api:8080"}]}]
`;
    expect(check(text)).toEqual([]);
  });
});
