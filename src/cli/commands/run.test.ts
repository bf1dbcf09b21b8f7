import { describe, expect, it } from 'vitest';
import { runKnet } from '../testing';
import { commandLine } from './run';

const pod = (name: string, app: string, ip: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: {app: ${app}}}\nspec: {nodeName: node-1, containers: [{name: c, image: example}]}\nstatus: {phase: Running, podIP: ${ip}}`;
const svc = (name: string, ip: string, port: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {clusterIP: ${ip}, selector: {app: ${name}}, ports: [{port: ${port}}]}`;
const SHOP = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}',
  pod('web', 'web', '10.244.1.10'),
  pod('api-0', 'api', '10.244.1.11'),
  pod('db', 'db', '10.244.1.12'),
  svc('api', '10.96.100.10', 80),
  svc('db', '10.96.100.20', 5432),
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db-from-api, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]',
].join('\n---\n');
const files = { 'shop.yaml': SHOP };

/** `knet run`: the tool's output on stdout/stderr as the tool writes them, and its exit status. */
describe('knet run', () => {
  it.each([
    [['--from', 'shop/web', '--', 'wget', '-qO-', '-T', '2', 'http://api'], 0, 'api-0\n', ''],
    [['--from', 'shop/web', '--', 'wget -qO- -T 2 http://db:5432'], 1, '', 'wget: download timed out\n'],
    [['--', 'curl', '-sS', 'http://nope'], 6, '', 'curl: (6) Could not resolve host: nope\n'],
    [['--', 'kubectl', 'get', 'pod', 'nope', '-n', 'shop'], 1, '', 'Error from server (NotFound): pods "nope" not found\n'],
    [['--', 'frob'], 127, '', 'sh: frob: not found\n'],
    [['--', 'curl', '--help-me'], 2, '', "curl: option --help-me: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n"],
  ])('knet run shop.yaml %j exits %i', async (argv, code, stdout, stderr) => {
    const r = await runKnet(['run', 'shop.yaml', ...argv], files);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code, stdout, stderr });
  });

  it('--json prints the whole answer: output, exit status, the traced request', async () => {
    const r = await runKnet(['run', 'shop.yaml', '--json', '--from', 'shop/web', '--', 'nc', '-zv', '-w', '1', 'db', '5432'], files);
    const doc = JSON.parse(r.stdout) as { exitCode: number; stderr: string; trace: { verdict: string }; notes: string[]; where: string };
    expect(r.code).toBe(1);
    expect(doc).toMatchObject({ exitCode: 1, stderr: 'nc: db (10.96.100.20:5432): Connection timed out\n', trace: { verdict: 'blocked' }, where: 'Pod/shop/web' });
    expect(doc.notes[0]).toContain('db-from-api');
  });

  it('--explain adds the simulator explanation on stderr', async () => {
    const r = await runKnet(['run', 'shop.yaml', '--explain', '--from', 'shop/web', '--', 'nc', '-z', '-w', '1', 'db', '5432'], files);
    expect(r.stderr).toMatch(/^knet: .*shop\/db-from-api/);
  });

  it('refuses an unknown --from pod (exit 1) and a missing command line (exit 2)', async () => {
    const unknown = await runKnet(['run', 'shop.yaml', '--from', 'shop/nope', '--', 'hostname'], files);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'knet run: there is no pod shop/nope (--from names a pod as namespace/name)\n']);
    const none = await runKnet(['run', 'shop.yaml'], files);
    expect(none.code).toBe(2);
  });

  it('passes words after -- to the tool, --help included', async () => {
    const r = await runKnet(['run', 'shop.yaml', '--', 'kubectl', '--help'], files);
    expect(r.stdout).toContain('kubectl controls the Kubernetes cluster manager.');
  });

  it.each([
    [['curl', '-H', 'X-Canary: always', 'http://a'], `curl -H 'X-Canary: always' http://a`],
    [['wget -qO- http://a'], 'wget -qO- http://a'],
  ])('commandLine(%j) is %j', (words, line) => {
    expect(commandLine(words)).toBe(line);
  });
});
