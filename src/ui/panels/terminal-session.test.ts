import { describe, expect, it } from 'vitest';
import { complete, DEBUG_FRAME, HOST_FRAME, nextStack, promptOf, runArgs } from './terminal-session';

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

  it('Tab completes a single candidate and a blank, or the common prefix', () => {
    expect(complete('kubectl desc', ['describe'])).toEqual({ line: 'kubectl describe ', options: ['describe'] });
    expect(complete('kubectl get pods -n shop w', ['web-0', 'web-1'])).toEqual({ line: 'kubectl get pods -n shop web-', options: ['web-0', 'web-1'] });
    expect(complete('frob', [])).toEqual({ line: 'frob', options: [] });
  });
});
