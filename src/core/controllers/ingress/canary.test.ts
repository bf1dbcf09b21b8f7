import { describe, expect, it } from 'vitest';
import { parseRequestURL } from '../../http';
import { route } from '../../route';
import { simulate } from '../../simulate';
import { SERVICES, ingress, notation } from './testing';

/**
 * ING-16, from kubernetes/ingress-nginx internal/ingress/controller/controller.go (mergeAlternativeBackends:
 * a canary path merges into the main location only when `loc.Path == path.Path && *loc.PathType ==
 * *path.PathType`, else "unable to find real backend for alternative backend ... Deleting.") and its table
 * TestMergeAlternativeBackends (controller_test.go), whose main and canary locations share path and pathType.
 */
const CANARY = { annotations: { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary' } };

function run(mainType: string, canaryType: string, canaryHost = 'shop.example.com') {
  const text = SERVICES + ingress('main', [['/', mainType, 'a']]) + ingress('canary', [['/', canaryType, 'canary']], { ...CANARY, host: canaryHost });
  const s = simulate([{ name: 'canary.yaml', text }]);
  const r = route(s, parseRequestURL('http://shop.example.com/', [['X-Canary', 'always']])!).results[0]!;
  return { s, text, got: notation(r) };
}

describe('a canary Ingress pairs with the main one by host, path and pathType (ING-16)', () => {
  const cases: [string, string, string, string, string][] = [
    ['same host, path and pathType: merged', 'Prefix', 'Prefix', 'shop.example.com', 'Service/shop/canary:80'],
    ['same path, pathType Exact vs Prefix: dropped', 'Prefix', 'Exact', 'shop.example.com', 'Service/shop/a:80'],
    ['same path, ImplementationSpecific vs Prefix: dropped', 'ImplementationSpecific', 'Prefix', 'shop.example.com', 'Service/shop/a:80'],
    ['another host: dropped', 'Prefix', 'Prefix', 'other.example.com', 'Service/shop/a:80'],
  ];
  for (const [name, mainType, canaryType, host, want] of cases) {
    it(`${name} → ${want}`, () => expect(run(mainType, canaryType, host).got).toBe(want));
  }

  it('a dropped canary path is reported on the path, naming the main path and its pathType', () => {
    const { s, text } = run('Prefix', 'Exact');
    const d = s.diagnostics.filter((x) => x.code === 'ingress-canary-without-main');
    expect(d).toHaveLength(1);
    expect(text.slice(d[0]!.range.start, d[0]!.range.end)).toContain('path: "/", pathType: Exact');
    expect(d[0]!.message).toContain('pathType Prefix, not Exact');
    expect(d[0]!.rule).toBe('ING-16');
  });

  it('a merged canary raises no diagnostic', () => {
    expect(run('Prefix', 'Prefix').s.diagnostics.filter((x) => x.code === 'ingress-canary-without-main')).toEqual([]);
  });
});
