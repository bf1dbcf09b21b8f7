/**
 * The graph's verdict cache (issue 15): a graph built with the verdicts kept from earlier edits is the graph
 * built from nothing, byte for byte (cites' places included), after any sequence of edits of every kind
 * that can change a verdict, and of kinds that only move text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCluster, sizeFor } from '../../bench/generate';
import { createSimCache } from '../cache';
import { simulate } from '../simulate';
import { buildTopology } from './build';
import { createTopologyCache } from './cache';

/** Mesh routing, a headless Service, policies that decide by address and a DNS lock-down, which the generated cluster lacks. */
const EXTRA = `
apiVersion: v1
kind: Namespace
metadata: {name: mesh}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: echo, namespace: mesh}
spec:
  replicas: 2
  selector: {matchLabels: {app: echo}}
  template:
    metadata: {labels: {app: echo}}
    spec:
      containers: [{name: e, image: echo, ports: [{containerPort: 8080}]}]
---
# Scheduled between echo and the client: scaling it moves the client's pods (and addresses) alone.
apiVersion: apps/v1
kind: Deployment
metadata: {name: filler, namespace: mesh}
spec:
  replicas: 1
  selector: {matchLabels: {app: filler}}
  template:
    metadata: {labels: {app: filler}}
    spec:
      containers: [{name: f, image: pause}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: mesh}
spec:
  replicas: 2
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec:
      containers:
      - name: c
        image: curl
        env: [{name: ECHO_URL, value: "http://echo:80/v2"}, {name: DB_HOST, value: "db:5432"}]
---
apiVersion: v1
kind: Service
metadata: {name: echo, namespace: mesh}
spec: {selector: {app: echo}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: echo-v2, namespace: mesh}
spec: {selector: {app: echo}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: echo-split, namespace: mesh}
spec:
  parentRefs: [{group: "", kind: Service, name: echo, port: 80}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}]
    backendRefs: [{name: echo-v2, port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: mesh}
spec:
  replicas: 2
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: mesh}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-in, namespace: mesh}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: client}}}]}]
---
# Decide by address (NP-5): which echo pods a client may reach depends on the node each landed on.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out, namespace: mesh}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.1.0/24]}}]
  - ports: [{port: 53, protocol: UDP}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: echo-in, namespace: mesh}
spec:
  podSelector: {matchLabels: {app: echo}}
  ingress: [{from: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.2.0/24]}}]}]
`;

const BASE = `${generateCluster(sizeFor(100))}---${EXTRA}`;

/** Edits of every kind, each a text change that may or may not still apply after others (then a no-op). */
const EDITS: [string, (t: string) => string][] = [
  ['one more replica', (t) => t.replace(/replicas: (\d+)/, (_, n: string) => `replicas: ${Number(n) + 1}`)],
  ['echo scaled (moves pods between nodes)', (t) => t.replace(/(name: echo, namespace: mesh\}\nspec:\n {2}replicas: )(\d+)/, (_, a: string, n: string) => `${a}${(Number(n) % 4) + 1}`)],
  ['the client moved to another node', (t) => t.replace(/(metadata: \{labels: \{app: client\}\}\n {4}spec:\n)( {6}nodeName: node-(\d)\n)?/, (_, a: string, _b: string, n?: string) => `${a}      nodeName: node-${n ? (Number(n) % 3) + 1 : 1}\n`)],
  ['the filler scaled (moves the client alone)', (t) => t.replace(/(name: filler, namespace: mesh\}\nspec:\n {2}replicas: )(\d+)/, (_, a: string, n: string) => `${a}${(Number(n) % 3) + 1}`)],
  ['one replica less', (t) => t.replace(/replicas: ([2-9])/, (_, n: string) => `replicas: ${Number(n) - 1}`)],
  ['an image (renames pods)', (t) => t.replace(/image: (\S+)\n/, 'image: $1-b\n')],
  ['a Service port', (t) => t.replace('port: 80, targetPort: http', 'port: 81, targetPort: http')],
  ['a comment line on top', (t) => `# note\n${t}`],
  ['a line inside a policy', (t) => t.replace('kind: NetworkPolicy\nmetadata: {name: policy-1,', 'kind: NetworkPolicy\n# why\nmetadata: {name: policy-1,')],
  ['a label on a policy', (t) => t.replace(/metadata: \{name: (policy-\d+), namespace: ([\w-]+)\}/, 'metadata: {name: $1, namespace: $2, labels: {owner: $2}}')],
  ['a policy port', (t) => t.replace('ports: [{port: 8080}]', 'ports: [{port: 9090}]')],
  ['a pod label', (t) => t.replace('role: web}', 'role: db}')],
  ['a namespace label', (t) => t.replace('tier: backend', 'tier: frontend')],
  ['an ipBlock except', (t) => t.replace(/except: \[10\.244\.(\d+)\.0\/24\]/, (_, n: string) => `except: [10.244.${(Number(n) + 1) % 3}.0/24]`)],
  ['a policy removed', (t) => t.split('\n---\n').filter((d, i, all) => !d.includes('kind: NetworkPolicy') || all.findIndex((x) => x.includes('kind: NetworkPolicy')) !== i).join('\n---\n')],
  ['a pod that never starts', (t) => t.replace('    spec:\n      containers:\n      - name: main', '    spec:\n      nodeName: nowhere\n      containers:\n      - name: main')],
  ['a called port', (t) => t.replace(/"http:\/\/(app-\d+\.team-\d+):80"/, '"http://$1:9090"')],
  ['the mesh route removed', (t) => t.replace('kind: HTTPRoute\nmetadata: {name: echo-split', 'kind: HTTPRoutex\nmetadata: {name: echo-split')],
  ['DNS locked down', (t) => `${t}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: no-dns, namespace: mesh}\nspec: {podSelector: {}, policyTypes: [Egress], egress: [{ports: [{port: 80}, {port: 5432}, {port: 8080}]}]}\n`],
  ['the DNS lock-down lifted', (t) => t.replace('name: no-dns, namespace: mesh', 'name: no-dns, namespace: elsewhere')],
  ['a headless Service made normal', (t) => t.replace('spec: {clusterIP: None, selector: {app: db}', 'spec: {selector: {app: db}')],
];

const graph = (sim: ReturnType<typeof simulate>, cache?: ReturnType<typeof createTopologyCache>) => JSON.stringify(buildTopology(sim, {}, cache));

describe('a graph built with the verdicts of earlier edits', () => {
  it('every edit kind changes the text (the table is alive): of the base, or after the edit above it', () => {
    EDITS.forEach(([name, edit], i) => {
      const before = edit(BASE) !== BASE ? BASE : EDITS[i - 1]![1](BASE);
      expect(edit(before), name).not.toBe(before);
    });
  });

  it('is the graph built from nothing, after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: EDITS.length - 1 }), { minLength: 1, maxLength: 5 }), (steps) => {
        const simCache = createSimCache();
        const cache = createTopologyCache();
        let text = BASE;
        buildTopology(simulate([{ name: 'in.yaml', text }], {}, simCache), {}, cache);
        for (const k of steps) {
          text = EDITS[k]![1](text);
          const sim = simulate([{ name: 'in.yaml', text }], {}, simCache);
          expect(graph(sim, cache), EDITS[k]![0]).toBe(graph(sim));
        }
      }),
      { numRuns: 12, seed: 15 },
    );
  });

  it('each edit, after the base, in turn', () => {
    for (const [name, edit] of EDITS) {
      const cache = createTopologyCache();
      buildTopology(simulate([{ name: 'in.yaml', text: BASE }]), {}, cache);
      const sim = simulate([{ name: 'in.yaml', text: edit(BASE) }]);
      expect(graph(sim, cache), name).toBe(graph(sim));
    }
  });

  it('reuses every verdict after an edit that moves text only, and none after a policy edit', () => {
    const cache = createTopologyCache();
    buildTopology(simulate([{ name: 'in.yaml', text: BASE }]), {}, cache);
    const stored = new Set(cache.verdicts.values());
    expect(stored.size).toBeGreaterThan(100);
    buildTopology(simulate([{ name: 'in.yaml', text: `# note\n${BASE}` }]), {}, cache);
    expect([...cache.verdicts.values()].filter((v) => !stored.has(v))).toEqual([]);
    buildTopology(simulate([{ name: 'in.yaml', text: BASE.replace('ports: [{port: 8080}]', 'ports: [{port: 9090}]') }]), {}, cache);
    expect([...cache.verdicts.values()].filter((v) => stored.has(v))).toEqual([]);
  });
});
