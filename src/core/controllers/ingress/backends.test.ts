import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { resolveBackend } from './backends';

const SVC = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}, ports: [{name: web, port: 80, targetPort: 8080}]}\n';

describe('Ingress backend resolution (ING-12, ING-14)', () => {
  it.each<[string, { number?: number; name?: string }, string]>([
    ['a missing Service port number is named as "port N" (ING-12)', { number: 81 }, 'has no TCP port 81 '],
    ['a missing Service port name is named as "port named N", without a stray article (ING-12)', { name: 'http' }, 'has no TCP port named "http" '],
  ])('%s', (_name, port, phrase) => {
    const sim = simulate([{ name: 'in.yaml', text: SVC }]);
    const r = resolveBackend(sim.world, 'default', { service: { name: 'a', port }, path: 'spec.defaultBackend' });
    expect(r.state).toBe('port-missing');
    expect(r.reason).toContain(phrase);
  });

  const EXT = 'apiVersion: v1\nkind: Service\nmetadata: {name: out}\nspec: {type: ExternalName, externalName: example.org, ports: [{name: http, port: 80}]}\n';
  it.each<[{ number?: number; name?: string }, string]>([
    [{ name: 'http' }, 'external-name'],
    [{ number: 8443 }, 'external-name'], // proxied to example.org:8443, no Service port needed
    [{ name: 'web' }, 'port-missing'], // no port to proxy to
  ])('an ExternalName Service asked for port %o is %s', (port, state) => {
    const sim = simulate([{ name: 'in.yaml', text: EXT }]);
    expect(resolveBackend(sim.world, 'default', { service: { name: 'out', port }, path: 'spec.defaultBackend' }).state).toBe(state);
  });
});
