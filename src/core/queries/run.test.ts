import { describe, expect, it } from 'vitest';
import { shopSim } from '../terminal/testing';
import { prepareQuery, runQuery } from './index';

/** The `run` query: what the page's Terminal, `knet run` and `command` goals ask. */
describe('the run query', () => {
  it.each([
    ['no command line', {}, /command line after --/],
    ['an empty command line', { line: '  ' }, /is empty/],
    ['a flag it does not know', { line: 'hostname', form: 'shop/web' }, /unknown option --form/],
    ['a pod without an image', { line: 'hostname', pod: { name: 'tmp', namespace: 'default', labels: {} } }, /--pod must be/],
    ['a pod whose name is not a DNS label', { line: 'hostname', pod: { name: 'Tmp_1', namespace: 'default', image: 'busybox', labels: {} } }, /--pod must be/],
    ['labels that are not strings', { line: 'hostname', pod: { name: 'tmp', namespace: 'default', image: 'busybox', labels: { a: 1 } } }, /--pod must be/],
    ['both --from and --pod', { line: 'hostname', from: 'shop/web', pod: { name: 'tmp', namespace: 'default', image: 'busybox', labels: {} } }, /not both/],
  ])('refuses %s before simulating (knet exit 2)', (_what, raw, why) => {
    const p = prepareQuery('run', raw);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error).toMatch(why);
  });

  it('refuses a --from pod the scenario does not have (knet exit 1), in the namespace it assumed', () => {
    expect(runQuery(shopSim(), 'run', { line: 'hostname', from: 'nope' })).toEqual({
      ok: false,
      kind: 'input',
      error: 'there is no pod default/nope (--from names a pod as namespace/name)',
    });
  });

  it('answers with the tool output, its exit status and where it ran', () => {
    const r = runQuery(shopSim(), 'run', { line: 'hostname', from: 'shop/web' });
    expect(r).toMatchObject({ ok: true, result: { exitCode: 0, stdout: 'web\n', stderr: '', where: 'Pod/shop/web' } });
  });

  it('traces the request a command sends exactly as the trace query answers the same arguments', () => {
    const sim = shopSim();
    const r = runQuery(sim, 'run', { line: 'wget -qO- -T 2 http://db.shop:5432', from: 'shop/web' });
    if (!r.ok) throw new Error(r.error);
    expect(r.result.traced).toEqual({ from: 'shop/web', url: 'http://db.shop:5432', method: 'GET' });
    const t = runQuery(sim, 'trace', r.result.traced!);
    expect(t.ok && t.result).toEqual(r.result.trace);
    expect(r.result.trace?.verdict).toBe('blocked');
  });

  it('runs in a pod the terminal added (kubectl run -it), labelled as given', () => {
    const pod = { name: 'tmp', namespace: 'shop', image: 'busybox:1.36', labels: { run: 'tmp' } };
    const r = runQuery(shopSim(), 'run', { line: 'hostname', pod });
    expect(r).toMatchObject({ ok: true, result: { exitCode: 0, stdout: 'tmp\n', where: 'Pod/shop/tmp' } });
  });

  it('with complete, lists what may follow instead of running the line', () => {
    const r = runQuery(shopSim(), 'run', { line: 'kubectl get endpoints -n sh', complete: true });
    expect(r.ok && r.result.completions).toContain('shop');
    expect(r.ok && r.result.output).toEqual([]);
  });
});
