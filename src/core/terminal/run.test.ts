import { describe, expect, it } from 'vitest';
import { trace } from '../trace/index';
import { runQuery } from '../index';
import { KNET_HERE, runCommand } from './run';
import { shopSim, term, transcriptOf, type Transcript } from './testing';
import { withPod, DEBUG_POD } from './context';

/** The shell around the tools: busybox ash's `sh: %s: not found` (exit 127), builtins, and where commands run. */
const ROWS: Transcript[] = [
  ['an unknown command', 'frobnicate --now', undefined, 127, '', 'sh: frobnicate: not found\n'],
  ['busybox NAME runs the applet', 'busybox nc -zv api.shop 80', undefined, 0, '', 'api.shop (10.96.100.10:80) open\n'],
  ['an empty line', '   ', undefined, 0, '', ''],
  ['hostname', 'hostname', 'shop/api-1', 0, 'api-1\n', ''],
  ['on the learner machine, cluster names do not resolve', 'curl -sS http://api.shop', 'host', 6, '', 'curl: (6) Could not resolve host: api.shop\n'],
  ['on the learner machine, an Ingress host resolves to its load balancer', 'curl -sS http://shop.example.com/api', 'host', 0, 'api-0\n', ''],
];

describe('runCommand', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });

  it('answers knet as the shell would, and says where its answers are in the page', () => {
    for (const from of [undefined, 'host']) {
      const r = term('knet trace --from shop/web http://api.shop', from ? { from } : {});
      expect([r.exitCode, r.stderr, r.notes]).toEqual([127, 'sh: knet: not found\n', [KNET_HERE]]);
    }
  });

  it('runs in the debug pod default/debug unless a pod is named, and says where', () => {
    expect(term('hostname').where).toBe('Pod/default/debug');
    expect(term('hostname', { from: 'shop/web' }).where).toBe('Pod/shop/web');
    expect(term('hostname', { from: 'host' }).where).toBe('host');
  });

  it('a request is traced by the same trace query the Trace panel asks, and its path is lit', () => {
    const r = term('wget -qO- -T 2 http://db.shop:5432', { from: 'shop/web' });
    expect(r.trace).toEqual(trace(shopSim(), { from: 'shop/web', url: 'http://db.shop:5432', method: 'GET', headers: [] }));
    expect(r.trace?.verdict).toBe('blocked');
    expect(r.lit).toEqual(expect.arrayContaining(['Service/shop/db', 'Pod/shop/db', 'NetworkPolicy/shop/db-from-api']));
    expect(r.notes[0]).toContain('shop/db-from-api');
  });

  it('the answer is the policy engine answer: allowed for the api pods, denied for web', () => {
    for (const [from, verdict, exit] of [['shop/api-0', 'allowed', 0], ['shop/web', 'denied', 1]] as const) {
      const check = runQuery(shopSim(), 'check', { from, to: 'service:shop/db', port: 5432, protocol: 'TCP' });
      expect(check.ok && check.result.verdict).toBe(verdict);
      expect(term('nc -z -w 1 db.shop 5432', { from }).exitCode).toBe(exit);
    }
  });

  it('the debug pod is scheduled and addressed by the pipeline IPAM, without changing the scenario', () => {
    const sim = shopSim();
    const added = withPod(sim, DEBUG_POD);
    if ('error' in added) throw new Error(added.error);
    expect(added.pod.ips[0]).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(sim.world.pods.map((p) => p.ips[0])).not.toContain(added.pod.ips[0]);
    expect(sim.world.pods.some((p) => p.name === 'debug')).toBe(false);
    expect(runCommand(sim, { line: 'kubectl get pods -A -o wide' }).stdout).toMatch(/^default +debug +1\/1 +Running .* 10\.244\.\d+\.\d+ /m);
  });

  it('ping lights its two ends', () => {
    expect(term('ping -c 1 10.244.2.10', { from: 'shop/web' }).lit).toEqual(['Pod/shop/web', 'Pod/shop/api-0']);
  });

  it('exit and clear change the shell; help names the fixed values', () => {
    expect(term('exit').change).toEqual({ exit: true });
    expect(term('clear').change).toEqual({ clear: true });
    const help = term('help').stdout;
    expect(help).toContain('every AGE is 5m');
    expect(help).toContain('default/debug (labels run=debug');
  });

  it('a pod that does not exist is kubectl-style NotFound', () => {
    const r = term('hostname', { from: 'shop/nope' });
    expect([r.exitCode, r.stderr]).toEqual([1, 'Error from server (NotFound): pods "nope" not found\n']);
  });
});
