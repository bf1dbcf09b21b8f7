import { describe, expect, it } from 'vitest';
import { term } from './testing';

/** Tab completion: commands, kubectl words, and the names the scenario has (the shop scenario of testing.ts). */
describe('completions', () => {
  it.each([
    ['ku', ['kubectl']],
    ['n', ['nc', 'nslookup']],
    ['kubectl g', ['get']],
    ['kubectl get po', ['pods']],
    ['kubectl get pods -n s', ['shop']],
    ['kubectl get pods -n shop a', ['api-0', 'api-1']],
    ['kubectl describe svc -n shop o', ['orphan']],
    ['kubectl get netpol -n shop ', ['db-from-api', 'isolated-no-egress']],
    ['kubectl exec -n shop t', ['toolbox']],
    ['kubectl get pods -o ', ['json', 'name', 'wide', 'yaml']],
    ['nslookup a', ['api.shop']],
    ['wget -qO- http://shop', ['http://shop.example.com']],
    ['curl http://d', ['http://db.shop']],
    ['cat /etc/h', ['/etc/hostname', '/etc/hosts']],
    ['frob x', []],
  ])('%j → %j', (line, want) => {
    expect(term(line, { complete: true }).completions).toEqual(want);
  });
});
