import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { backend, ingress } from './testing';

/**
 * ING-19: every nginx.ingress.kubernetes.io/* annotation that the simulation does not model gets a located
 * info. The annotation names come from the ingress-nginx annotations reference (the kubernetes/ingress-nginx
 * user guide, "nginx-configuration/annotations": proxy-body-size, enable-cors, auth-url, limit-rps ...).
 */
describe('ingress-nginx annotations the simulator does not model (ING-19)', () => {
  const annotations = {
    'nginx.ingress.kubernetes.io/proxy-body-size': '8m',
    'nginx.ingress.kubernetes.io/enable-cors': 'true',
    'nginx.ingress.kubernetes.io/limit-rps': '10',
    'nginx.ingress.kubernetes.io/rewrite-target': '/',
    'nginx.ingress.kubernetes.io/app-root': '/app',
    'cert-manager.io/cluster-issuer': 'letsencrypt',
  };
  const text = backend('shop', 'web') + ingress('i', [['/', 'Prefix', 'web']], { annotations });
  const s = simulate([{ name: 'in.yaml', text }]);
  const infos = s.diagnostics.filter((d) => d.code === 'ingress-annotation-not-modelled');

  it('reports each unmodelled nginx annotation once, as info, located on the annotation', () => {
    expect(infos.map((d) => text.slice(d.range.start, d.range.end))).toEqual([
      'nginx.ingress.kubernetes.io/proxy-body-size: "8m"',
      'nginx.ingress.kubernetes.io/enable-cors: "true"',
      'nginx.ingress.kubernetes.io/limit-rps: "10"',
    ]);
    for (const d of infos) expect(d).toMatchObject({ severity: 'info', rule: 'ING-19', object: 'Ingress/shop/i' });
  });

  it('says nothing about modelled annotations or other prefixes', () => {
    expect(infos.some((d) => /rewrite-target|app-root|cert-manager/.test(d.message))).toBe(false);
  });

  it('under another controller the nginx annotations are not read at all, so they are not listed one by one', () => {
    const cls = '---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: other}\nspec: {controller: example.com/other}\n';
    const other = simulate([{ name: 'in.yaml', text: cls + backend('shop', 'web') + ingress('i', [['/', 'Prefix', 'web']], { annotations, extra: '\n  ingressClassName: other' }) }]);
    expect(other.diagnostics.filter((d) => d.code === 'ingress-annotation-not-modelled')).toEqual([]);
  });
});
