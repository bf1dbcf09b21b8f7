import { describe, expect, it } from 'vitest';
import { formatPeer, parsePeer, peerObject, OUTSIDE_CLIENT_IP, type Peer } from './peer';

describe('parsePeer', () => {
  const cases: [string, Peer][] = [
    ['shop/web-0', { kind: 'pod', namespace: 'shop', name: 'web-0' }],
    ['web-0', { kind: 'pod', namespace: 'default', name: 'web-0' }],
    ['Pod/shop/web-0', { kind: 'pod', namespace: 'shop', name: 'web-0' }],
    ['ip:10.244.1.5', { kind: 'ip', ip: '10.244.1.5' }],
    ['ip:2001:DB8::1', { kind: 'ip', ip: '2001:db8::1' }],
    ['node:node-1', { kind: 'node', name: 'node-1' }],
    ['Node/node-1', { kind: 'node', name: 'node-1' }],
    ['service:shop/api', { kind: 'service', namespace: 'shop', name: 'api' }],
    ['svc:api', { kind: 'service', namespace: 'default', name: 'api' }],
    ['Service/shop/api', { kind: 'service', namespace: 'shop', name: 'api' }],
    ['Client/internet', { kind: 'ip', ip: OUTSIDE_CLIENT_IP }],
  ];
  it.each(cases)('reads %s', (text, want) => expect(parsePeer(text)).toEqual(want));

  it.each([
    ['ip:300.1.1.1', /not an IP address/],
    ['shop/web/extra', /namespace\/name/],
    ['shop/', /namespace\/name/],
    ['Shop/web', /not a namespace name/],
    ['shop/Web_0', /not a pod name/],
    ['node:', /not a node name/],
  ])('refuses %s with a sentence', (text, why) => {
    const p = parsePeer(text);
    expect('error' in p && p.error).toMatch(why);
  });
});

describe('formatPeer', () => {
  it.each(['shop/web-0', 'ip:10.244.1.5', 'node:node-1', 'service:shop/api'])('writes %s back as the CLI does', (text) => {
    const p = parsePeer(text);
    if ('error' in p) throw new Error(p.error);
    expect(formatPeer(p)).toBe(text);
  });

  it('writes the graph ids the CLI way', () => {
    const p = parsePeer('Pod/shop/web-0');
    if ('error' in p) throw new Error(p.error);
    expect(formatPeer(p)).toBe('shop/web-0');
  });
});

describe('peerObject', () => {
  it.each([
    ['shop/web-0', 'Pod/shop/web-0'],
    ['node:node-1', 'Node/node-1'],
    ['service:shop/api', 'Service/shop/api'],
    ['Client/internet', 'Client/internet'],
    ['ip:198.51.100.1', null],
  ])('names %s on the graph as %s', (text, id) => {
    const p = parsePeer(text);
    if ('error' in p) throw new Error(p.error);
    expect(peerObject(p)).toBe(id);
  });
});
