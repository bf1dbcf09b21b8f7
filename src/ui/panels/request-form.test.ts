import { describe, expect, it } from 'vitest';
import { parseScenarioHeader } from '../../scenarios/header';
import { formFromFlags, httpsFor, lessonRequest, requestFlags, sentRequest, type RequestForm } from './request-form';

const form = (over: Partial<RequestForm>): RequestForm => ({ method: 'GET', headers: [], grpc: null, ...over });

describe('the request form becomes the CLI flags', () => {
  it.each([
    { name: 'a plain GET sends only the URL', f: form({}), url: 'http://a.example.com/', want: { url: 'http://a.example.com/' } },
    { name: 'another method', f: form({ method: 'POST' }), url: 'http://a/', want: { url: 'http://a/', method: 'POST' } },
    {
      name: 'header rows, empty names dropped',
      f: form({ headers: [{ name: ' X-Canary ', value: 'always ' }, { name: '', value: 'x' }] }),
      url: 'http://a/',
      want: { url: 'http://a/', header: ['X-Canary: always'] },
    },
    {
      name: 'gRPC: POST /Service/Method with content-type application/grpc',
      f: form({ grpc: { service: 'shop.Cart', method: 'AddItem' }, headers: [{ name: 'x-user', value: 'u1' }] }),
      url: 'http://grpc.example.com:8080/old/path?q=1',
      want: { url: 'http://grpc.example.com:8080/old/path?q=1', grpc: 'shop.Cart/AddItem', header: ['x-user: u1'] },
    },
  ])('$name', ({ f, url, want }) => {
    expect(requestFlags(url, f)).toEqual(want);
  });

  it('a gRPC call as sent: the path is the method, content-type application/grpc', () => {
    expect(sentRequest({ url: 'http://g.example.com:8080/x', grpc: 'shop.Cart/AddItem' })).toEqual({ url: 'http://g.example.com:8080/shop.Cart/AddItem', headers: ['content-type: application/grpc'] });
    expect(sentRequest({ url: 'http://g/', header: ['a: b'] })).toEqual({ url: 'http://g/', headers: ['a: b'] });
  });

  it.each([
    { flags: { url: 'http://a/' }, want: form({}) },
    { flags: { url: 'http://a/', method: 'put', header: 'X-A: 1' }, want: form({ method: 'PUT', headers: [{ name: 'X-A', value: '1' }] }) },
    { flags: { url: 'http://a/', grpc: 'shop.Cart/AddItem', header: ['x: y'] }, want: form({ method: 'POST', grpc: { service: 'shop.Cart', method: 'AddItem' }, headers: [{ name: 'x', value: 'y' }] }) },
  ])('a question asked before fills the form again: $flags', ({ flags, want }) => {
    expect(formFromFlags(flags)).toEqual(want);
    expect(requestFlags(flags.url, formFromFlags(flags))).toEqual({ ...flags, ...(flags.method ? { method: flags.method.toUpperCase() } : {}), ...(typeof flags.header === 'string' ? { header: [flags.header] } : {}) });
  });

  it("pre-fills a lesson's request header", () => {
    const h = parseScenarioHeader('# title: t\n# request: POST http://a.example.com/x\n# header: X-Canary: always\n# header: Cookie: a=b:c\nkind: x\n');
    expect(h.request).toEqual({ method: 'POST', url: 'http://a.example.com/x', headers: ['X-Canary: always', 'Cookie: a=b:c'] });
    expect(lessonRequest(h)).toEqual({ method: 'POST', headers: [{ name: 'X-Canary', value: 'always' }, { name: 'Cookie', value: 'a=b:c' }], grpc: null });
    expect(lessonRequest(parseScenarioHeader('kind: x\n'))).toEqual({ method: 'GET', headers: [], grpc: null });
  });

  it.each([
    ['http://shop.example.com/', 'https://shop.example.com', 'https://shop.example.com/'],
    ['http://shop.example.com:80/a', 'https://shop.example.com/a', 'https://shop.example.com/a'],
    ['https://shop.example.com/', 'https://shop.example.com/', null],
    ['http://a/', 'http://b/', null],
  ])('a redirect of %s to %s offers %s', (sent, location, want) => {
    expect(httpsFor(sent, location)).toBe(want);
  });
});
