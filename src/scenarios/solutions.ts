/**
 * Model solutions of the labs: the exercises that start broken. For each, the goals that fail as shipped
 * and a solution that makes them all pass (and, where there is one, the tempting wrong fix). Exercises not
 * listed here are worked examples: every goal passes as written. Used by the scenario tests and the browser
 * test of the Exercise panel, so both check the same fix.
 */
const TENANT_B_SAME_NAMESPACE = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: same-namespace-only
  namespace: tenant-b
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector: {}
`;

export const LABS: Record<
  string,
  { failingAtStart: number[]; solve: (text: string) => string; pitfall?: { apply: (text: string) => string; failing: number[] } }
> = {
  'exercises/isolate-the-tenants': {
    failingAtStart: [1],
    // The obvious fix isolates tenant-b but also shuts out the ingress controller's pods (ING-13, NP-12).
    pitfall: {
      apply: (text) =>
        text.replace('---\napiVersion: playground.knet.dev/v1', `${TENANT_B_SAME_NAMESPACE}---\napiVersion: playground.knet.dev/v1`),
      failing: [3],
    },
    solve: (text) =>
      text.replace(
        '---\napiVersion: playground.knet.dev/v1',
        `${TENANT_B_SAME_NAMESPACE}    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ingress-nginx
---
apiVersion: playground.knet.dev/v1`,
      ),
  },
  'exercises/fix-dns-egress': {
    failingAtStart: [1, 2],
    solve: (text) =>
      text.replace(
        '---\napiVersion: playground.knet.dev/v1',
        `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress-dns
  namespace: app
spec:
  podSelector:
    matchLabels:
      tier: api
  policyTypes:
  - Egress
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
---
apiVersion: playground.knet.dev/v1`,
      ),
  },
  'exercises/route-the-shop': {
    failingAtStart: [1, 3],
    solve: (text) =>
      text.replace('              number: 8080\n', '              number: 80\n').replace(
        '---\napiVersion: playground.knet.dev/v1',
        `  - host: admin.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: admin
            port:
              number: 80
---
apiVersion: playground.knet.dev/v1`,
      ),
  },
  // The terminal labs of the seed guides' debugging sections (solved by reading kubectl, nslookup and wget).
  'exercises/debug-a-service': {
    failingAtStart: [1, 2],
    // The Service selects app=hostname; the pods are labelled app=hostnames.
    solve: (text) => text.replace('  selector:\n    app: hostname\n', '  selector:\n    app: hostnames\n'),
  },
  'exercises/debug-dns': {
    failingAtStart: [1, 2, 3],
    // dnsPolicy Default gives the pod the node's resolv.conf, which does not serve cluster names.
    solve: (text) => text.replace('  dnsPolicy: Default\n', '  dnsPolicy: ClusterFirst\n'),
  },
  'exercises/debug-network-policy': {
    failingAtStart: [1],
    // Deleting the policy lets the frontend in, and every other pod with it.
    pitfall: { apply: (text) => text.replace(/---\napiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\n[\s\S]*?(?=---\n)/, ''), failing: [2] },
    solve: (text) => text.replace('  labels:\n    app: frontend\n', '  labels:\n    app: frontend\n    access: "true"\n'),
  },
};
