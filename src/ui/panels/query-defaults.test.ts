import { describe, expect, it } from 'vitest';
import type { SimulatedReply } from '../../worker/protocol';
import { suggestName, suggestUrl } from './QueryPanel';

const reply = (services: string[], hosts: string[]) => ({ services, hosts }) as unknown as SimulatedReply;

describe('query forms suggest values from the scenario on screen', () => {
  it.each([
    { name: 'an Ingress host', r: reply(['Service/default/kubernetes', 'Service/shop/web'], ['foo.bar.com', 'bar.foo.com']), url: 'http://foo.bar.com/', dns: 'web.shop' },
    { name: 'a route hostname', r: reply(['Service/app/store'], ['store.example.com']), url: 'http://store.example.com/', dns: 'store.app' },
    { name: 'a wildcard host falls back to a Service', r: reply(['Service/kube-system/kube-dns', 'Service/app/api'], ['*.example.com']), url: 'http://api.app/', dns: 'api.app' },
    { name: 'nothing of the user', r: reply(['Service/default/kubernetes'], []), url: 'http://', dns: 'kubernetes.default' },
  ])('$name', ({ r, url, dns }) => {
    expect(suggestUrl(r)).toBe(url);
    expect(suggestName(r)).toBe(dns);
  });
});
