import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { checkExercise, describeGoal, expandPeer } from './check';

const SCENARIO = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: shop, labels: {app: other}}
spec: {containers: [{name: o, image: busybox}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-one-web-pod, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
`;

const withGoals = (goals: string) =>
  simulate([
    {
      name: 'lab.yaml',
      text: `${SCENARIO}---\napiVersion: playground.knet.dev/v1\nkind: Exercise\nmetadata: {name: lab}\nspec:\n  goals:\n${goals}`,
    },
  ]);

describe('expanding goal peers', () => {
  const sim = simulate([{ name: 's.yaml', text: SCENARIO }]);
  it.each([
    ['a pod name stays one pod', 'shop/db', true, 1],
    ['a Deployment name means each of its pods', 'shop/web', false, 2],
    ['an address is passed through', 'ip:203.0.113.9', false, 1],
  ])('%s', (_name, peer, dest, n) => {
    const r = expandPeer(sim.world, peer, dest);
    expect('peers' in r && r.peers.length).toBe(n);
  });
  it('a Service name is the Service when it is the destination', () => {
    const sim2 = simulate([
      {
        name: 's.yaml',
        text: SCENARIO.replace('name: web, namespace: shop}\nspec:\n  replicas', 'name: webapp, namespace: shop}\nspec:\n  replicas'),
      },
    ]);
    expect(expandPeer(sim2.world, 'shop/web', true)).toEqual({ peers: ['service:shop/web'] });
  });
  it('an unknown name is an error, not a verdict', () => expect('error' in expandPeer(sim.world, 'shop/nope', true)).toBe(true));
});

describe('checking goals', () => {
  it.each([
    ['every web pod reaches the database', '  - {from: shop/web, to: shop/db, port: 5432, expect: allowed}\n', true, 'allowed'],
    ['a pod outside the rule is denied', '  - {from: shop/other, to: shop/db, port: 5432, expect: denied}\n', true, 'denied'],
    [
      'a wrong expectation fails and says what happened',
      '  - {from: shop/other, to: shop/db, port: 5432, expect: allowed}\n',
      false,
      'denied',
    ],
    ['an unknown pod fails with an error', '  - {from: shop/ghost, to: shop/db, port: 5432, expect: denied}\n', false, 'error'],
    ['a Service name resolves in DNS', '  - dns: {from: shop/db, name: web, expect: resolves}\n', true, undefined],
    [
      'a request to a Service is delivered',
      '  - request: {from: shop/db, url: "http://web.shop/", expect: delivered}\n',
      true,
      'delivered',
    ],
    [
      'a missing name is NXDOMAIN',
      '  - dns: {from: shop/db, name: nothing-here.shop.svc.cluster.local, expect: nxdomain}\n',
      true,
      'NXDOMAIN',
    ],
    [
      'a command prints what the Service answers (the pod that answers by name)',
      '  - command: {run: "wget -qO- -T 2 http://web.shop", from: shop/db, expect: {exitCode: 0, prints: web-}}\n',
      true,
      'exit 0',
    ],
    [
      'a command that a policy blocks exits 1, in the debug pod',
      '  - command: {run: "nc -z -w 1 db.shop 5432", expect: {exitCode: 1}}\n',
      true,
      'exit 1',
    ],
    [
      'a command that does not print what is expected fails',
      '  - command: {run: "nslookup web.shop.svc.cluster.local", expect: {prints: "10.99.0.1"}}\n',
      false,
      'exit 0',
    ],
    [
      'a request with no entry point fails the goal',
      '  - route: {url: "http://shop.example.com/", expect: {status: 404}}\n',
      false,
      'no entry point',
    ],
  ])('%s', (_name, goals, passed, actual) => {
    const [r] = checkExercise(withGoals(goals));
    expect(r?.passed).toBe(passed);
    if (actual) expect(r?.actual).toBe(actual);
    expect(r?.path).toBe('spec.goals.0');
    expect(r?.object).toBe('Exercise/lab');
  });

  it('gives a scenario without an Exercise no goals', () =>
    expect(checkExercise(simulate([{ name: 's.yaml', text: SCENARIO }]))).toEqual([]));

  it('describes goals in one line', () => {
    const sim = withGoals(
      '  - {from: shop/web, to: shop/db, port: 5432, expect: denied}\n  - dns: {from: shop/web, name: api.prod, expect: resolves}\n  - route: {url: "http://x/", expect: {status: 200, backend: shop/web}}\n  - command: {run: "nslookup web", from: shop/db, expect: {exitCode: 0, prints: "Address"}}\n',
    );
    expect(sim.world.exercises![0]!.goals.map(describeGoal)).toEqual([
      'shop/web → shop/db:5432/TCP denied',
      'api.prod resolves from shop/web',
      'GET http://x/ → 200 shop/web',
      '$ nslookup web (in shop/db) exits 0 and prints "Address"',
    ]);
  });
});
