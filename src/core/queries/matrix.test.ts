import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { matrixPorts, runQuery } from './index';

const pod = (name: string, labels: string, ports: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: default, labels: {${labels}}}
spec:
  containers:
  - name: c
    image: nginx
    ports: [${ports}]
`;
const policy = (ports: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - ports: [${ports}]
`;
const sim = (...docs: string[]) => simulate([{ name: 'in.yaml', text: docs.join('---\n') }]);

/** Which port the matrix opens on: the one the policies talk about, then what containers declare. */
describe('matrixPorts', () => {
  it.each([
    ['no pods, no policies', [], []],
    ['a declared port and no policy', [pod('web', 'app: web', '{containerPort: 80}')], ['80/TCP']],
    [
      'the port a policy names before a lower declared one (issue 16: 80 while the policies said 8080)',
      [pod('web', 'app: web', '{containerPort: 80}, {containerPort: 8080}'), policy('{port: 8080}')],
      ['8080/TCP', '80/TCP'],
    ],
    [
      'a named policy port as the containerPort of that name',
      [pod('web', 'app: web', '{containerPort: 80}, {name: metrics, containerPort: 9090}'), policy('{port: metrics}')],
      ['9090/TCP', '80/TCP'],
    ],
    [
      'a port only a policy names, after the declared ones',
      [pod('web', 'app: web', '{containerPort: 80}'), policy('{port: 5432}, {port: 53, protocol: UDP}')],
      ['80/TCP', '53/UDP', '5432/TCP'],
    ],
    ['UDP and TCP of one number apart', [pod('dns', 'app: web', '{containerPort: 53, protocol: UDP}'), policy('{port: 53}')], ['53/UDP', '53/TCP']],
  ])('%s', (_what, docs, want) => {
    expect(matrixPorts(sim(...docs).world)).toEqual(want);
  });

  it('is a port knet matrix shows without --port whenever a container declares one', () => {
    const s = sim(pod('web', 'app: web', '{containerPort: 80}, {containerPort: 8080}'), policy('{port: 8080}'));
    const doc = runQuery(s, 'matrix', {});
    expect(doc.ok && Object.keys(doc.result.matrix)).toContain(matrixPorts(s.world)[0]);
  });
});
