import { describe, expect, it } from 'vitest';
import type { Container } from '../model/core';
import { revealedCalls } from './calls';

function container(env: Record<string, string>, args: string[] = [], command: string[] = []): Container {
  return { name: 'c', ports: [], env: Object.entries(env).map(([name, value]) => ({ name, value })), args, command, index: 0 };
}

const calls = (c: Container, annotations: Record<string, string> = {}) =>
  revealedCalls({ containers: [c], initContainers: [], annotations }).map((x) => `${x.host}:${x.port ?? '-'} @${x.path}`);

describe('calls revealed by container configuration', () => {
  it.each([
    ['a URL with scheme and port', { DATABASE_URL: 'postgres://app:secret@db.data:5432/shop' }, ['db.data:5432 @spec.containers.0.env.0.value']],
    ['a URL with the scheme default port', { API: 'http://api.prod.svc.cluster.local/v1' }, ['api.prod.svc.cluster.local:80 @spec.containers.0.env.0.value']],
    ['a host:port pair', { CATALOG_ADDR: 'catalog:3550' }, ['catalog:3550 @spec.containers.0.env.0.value']],
    ['a bare host in a *_HOST variable', { REDIS_HOST: 'redis' }, ['redis:- @spec.containers.0.env.0.value']],
    ['nothing in an unrelated variable', { LOG_LEVEL: 'debug' }, []],
    ['not localhost or IP addresses', { A: 'http://localhost:8080', B: '10.0.0.1:80' }, []],
  ])('finds %s', (_t, env, expected) => {
    expect(calls(container(env))).toEqual(expected);
  });

  it('reads args and command', () => {
    expect(calls(container({}, ['--backend=http://cart:7070'], ['sh', '-c', 'wget -qO- api.shop:8080/health']))).toEqual([
      'cart:7070 @spec.containers.0.args.0',
      'api.shop:8080 @spec.containers.0.command.2',
    ]);
  });

  it('reads calls declared in the annotation', () => {
    expect(calls(container({}), { 'playground.knet.dev/calls': 'db.data:5432, redis://cache' })).toEqual([
      'db.data:5432 @metadata.annotations.playground.knet.dev/calls',
      'cache:6379 @metadata.annotations.playground.knet.dev/calls',
    ]);
  });

  it('lists each host and port once', () => {
    expect(calls(container({ A: 'http://api:80', B: 'http://api:80/x' }))).toHaveLength(1);
  });
});
