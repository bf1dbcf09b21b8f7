/**
 * The `changes` goal (least privilege): compared with the lab's starting version, the learner's change
 * opens exactly the listed connections. Expected verdicts worked out by hand: api is isolated by api-deny
 * (NP-2); a rule from web on port 80 lets in exactly web → api:80 (NP-7); a rule with no `from` lets in
 * every pod on every port (NP-6).
 */
import { describe, expect, it } from 'vitest';
import { runQuery } from '../queries/index';
import { simulate } from '../simulate';

const LAB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, ports: [{containerPort: 80}, {containerPort: 9090}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-deny, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}
---
apiVersion: playground.knet.dev/v1
kind: Exercise
metadata: {name: least-privilege}
spec:
  title: Let web call api, and nothing more
  goals:
  - changes:
      opensOnly:
      - {from: shop/web, to: shop/api, port: 80}
`;

const allow = (name: string, ingress: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: ${ingress}
`;

function goal(learner: string, start: string | undefined) {
  const r = runQuery(simulate([{ name: 'lab.yaml', text: learner }]), 'test', start !== undefined ? { start } : {});
  if (!r.ok) throw new Error(r.error);
  return r.result.goals[0]!;
}

describe('a changes goal: the change opens only what it lists', () => {
  it.each([
    { name: 'a rule from web on port 80 opens exactly that', learner: LAB + allow('web-80', '[{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 80}]}]'), passed: true, actual: 'opens shop/web → shop/api:80/TCP' },
    { name: 'a rule from web on every port also opens 9090', learner: LAB + allow('web-any', '[{from: [{podSelector: {matchLabels: {app: web}}}]}]'), passed: false, actual: 'opens shop/web → shop/api:80/TCP, shop/web → shop/api:9090/TCP' },
    { name: 'no change opens nothing', learner: LAB, passed: false, actual: 'opens nothing' },
  ])('$name', ({ learner, passed, actual }) => {
    const g = goal(learner, LAB);
    expect(g).toMatchObject({ passed, actual, goal: 'from the starting version, opens only shop/web → shop/api:80/TCP' });
  });

  it('names what it opens beyond the list, with the policy that opened it', () => {
    const g = goal(LAB + allow('everyone', '[{}]'), LAB);
    expect(g.passed).toBe(false);
    expect(g.reason).toContain('shop/web → shop/api:9090/TCP (NetworkPolicy/shop/everyone)');
  });

  it('fails, saying why, when there is no starting version to compare with', () => {
    expect(goal(LAB, undefined)).toMatchObject({ passed: false, actual: 'error' });
  });
});
