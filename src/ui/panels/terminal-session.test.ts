import { describe, expect, it } from 'vitest';
import { candidates, complete, DEBUG_FRAME, HOST_FRAME, nextStack, promptOf, runArgs, type Names } from './terminal-session';

const names: Names = {
  objects: ['Pod/shop/web-0', 'Pod/shop/web-1', 'Pod/data/db-0', 'Service/shop/api', 'Service/data/db', 'Namespace/shop', 'Namespace/data', 'NetworkPolicy/data/db-only'],
  hosts: ['shop.example.com'],
};

describe('the terminal session', () => {
  it('prompts like busybox in a pod and like a user shell on the host', () => {
    expect(promptOf(DEBUG_FRAME)).toBe('/ # ');
    expect(promptOf(HOST_FRAME)).toBe('$ ');
    expect(runArgs(DEBUG_FRAME, 'ls')).toEqual({ line: 'ls' });
    expect(runArgs(HOST_FRAME, 'ls')).toEqual({ line: 'ls', from: 'host' });
  });

  it('enters a pod on exec -it, leaves it on exit, and leaves the debug pod for the host', () => {
    const inWeb = nextStack([DEBUG_FRAME], { enter: { from: 'shop/web-0', label: 'shop/web-0' } }).stack;
    expect(inWeb.map((f) => f.label)).toEqual(['default/debug', 'shop/web-0']);
    expect(nextStack(inWeb, { exit: true }).stack).toEqual([DEBUG_FRAME]);
    expect(nextStack([DEBUG_FRAME], { exit: true }).stack).toEqual([HOST_FRAME]);
    expect(nextStack([HOST_FRAME], { exit: true }).stack).toEqual([HOST_FRAME]);
  });

  it('a kubectl run --rm shell deletes its pod on exit', () => {
    const pod = { name: 'tmp', namespace: 'default', image: 'busybox', labels: { run: 'tmp' } };
    const s = nextStack([DEBUG_FRAME], { enter: { pod, rm: true, label: 'default/tmp' } }).stack;
    expect(nextStack(s, { exit: true })).toEqual({ stack: [DEBUG_FRAME], message: 'pod "tmp" deleted from default namespace\n' });
  });

  it.each([
    ['ku', ['kubectl']],
    ['kubectl g', ['get']],
    ['kubectl get po', ['pods']],
    ['kubectl get pods -n ', ['data', 'shop']],
    ['kubectl get pods -n shop w', ['web-0', 'web-1']],
    ['kubectl describe svc -n data ', ['db']],
    ['kubectl get netpol -n data ', ['db-only']],
    ['kubectl exec -n shop web', ['web-0', 'web-1']],
    ['kubectl get pods -o ', ['json', 'name', 'wide', 'yaml']],
    ['nslookup a', ['api.shop']],
    ['wget -qO- http://s', ['http://shop.example.com']],
    ['curl ', ['http://api.shop', 'http://db.data', 'http://shop.example.com']],
    ['cat /etc/r', ['/etc/resolv.conf']],
  ])('completes %j with %j', (line, want) => {
    expect(candidates(line, names)).toEqual(want);
  });

  it('Tab completes a single candidate and a blank, or the common prefix', () => {
    expect(complete('kubectl desc', names)).toEqual({ line: 'kubectl describe ', options: ['describe'] });
    expect(complete('kubectl get pods -n shop w', names)).toEqual({ line: 'kubectl get pods -n shop web-', options: ['web-0', 'web-1'] });
    expect(complete('frob', names)).toEqual({ line: 'frob', options: [] });
  });
});
