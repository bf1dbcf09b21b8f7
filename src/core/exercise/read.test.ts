import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { EXERCISE_CODES } from './codes';

const run = (goals: string) =>
  simulate([
    {
      name: 'lab.yaml',
      text: `apiVersion: playground.knet.dev/v1\nkind: Exercise\nmetadata:\n  name: lab\nspec:\n  title: Lab\n  goals:\n${goals}`,
    },
  ]);

describe('reading kind: Exercise', () => {
  it('reads the three goal shapes with their paths and defaults', () => {
    const sim = run(
      [
        '  - {from: shop/web, to: data/db, port: 5432, expect: denied}',
        '  - dns: {from: shop/web, name: api.prod, expect: resolves}',
        '  - title: the shop answers',
        '    route: {url: "http://shop.example.com/api", headers: {X-Canary: always}, expect: {status: 200, backend: shop/api}}',
        '',
      ].join('\n'),
    );
    expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(sim.world.exercises?.[0]?.goals).toEqual([
      { path: 'spec.goals.0', type: 'connect', from: 'shop/web', to: 'data/db', port: 5432, protocol: 'TCP', expect: 'denied' },
      { path: 'spec.goals.1', type: 'dns', from: 'shop/web', name: 'api.prod', qtype: 'A', expect: 'resolves' },
      {
        path: 'spec.goals.2',
        title: 'the shop answers',
        type: 'route',
        url: 'http://shop.example.com/api',
        method: 'GET',
        headers: { 'X-Canary': 'always' },
        expect: { status: 200, backend: 'shop/api' },
      },
    ]);
  });

  it.each([
    ['a goal of no known shape', '  - {ping: db}\n', EXERCISE_CODES.GOAL_SHAPE, 'spec.goals.0'],
    ['a connection without expect', '  - {from: a, to: b, port: 80}\n', 'required-field', 'spec.goals.0.expect'],
    ['an expect that is not a verdict', '  - {from: a, to: b, port: 80, expect: maybe}\n', 'invalid-value', 'spec.goals.0.expect'],
    ['a port out of range', '  - {from: a, to: b, port: 70000, expect: denied}\n', 'invalid-value', 'spec.goals.0.port'],
    ['a malformed peer', '  - {from: "Shop/Web!", to: b, port: 80, expect: denied}\n', 'invalid-value', 'spec.goals.0.from'],
    [
      'a route goal without status or backend',
      '  - route: {url: "http://x/", expect: {}}\n',
      EXERCISE_CODES.GOAL_SHAPE,
      'spec.goals.0.route.expect',
    ],
    ['a request goal without expect', '  - request: {from: a, url: "http://x/"}\n', 'required-field', 'spec.goals.0.request.expect'],
    ['a route goal with a relative URL', '  - route: {url: "/api", expect: {status: 200}}\n', 'invalid-value', 'spec.goals.0.route.url'],
    ['a command goal without run', '  - command: {expect: {exitCode: 0}}\n', 'required-field', 'spec.goals.0.command.run'],
    ['a command goal expecting nothing', '  - command: {run: hostname, expect: {}}\n', EXERCISE_CODES.GOAL_SHAPE, 'spec.goals.0.command.expect'],
    ['a command goal with an exit status out of range', '  - command: {run: hostname, expect: {exitCode: 300}}\n', 'invalid-value', 'spec.goals.0.command.expect.exitCode'],
    [
      'a typo in a connection key',
      '  - {from: a, to: b, prot: 80, port: 80, expect: denied}\n',
      EXERCISE_CODES.GOAL_SHAPE,
      'spec.goals.0.prot',
    ],
  ])('%s is reported as %s at %s', (_name, goals, code, path) => {
    const sim = run(goals);
    expect(sim.diagnostics.map((d) => ({ code: d.code, path: d.path }))).toContainEqual({ code, path });
  });

  it('adds nothing to the cluster and is not an unknown kind', () => {
    const sim = run('  - {from: a, to: b, port: 80, expect: denied}\n');
    expect(sim.diagnostics.filter((d) => d.code === 'unknown-kind')).toEqual([]);
    expect(sim.world.others.find((o) => o.kind === 'Exercise')).toBeUndefined();
  });
});

describe('goals that name what the scenario lacks', () => {
  it.each([
    ['a pod that does not exist', '  - {from: shop/ghost, to: ip:203.0.113.9, port: 80, expect: denied}\n', 'spec.goals.0.from'],
    ['a destination that does not exist', '  - {from: ip:203.0.113.9, to: shop/ghost, port: 80, expect: denied}\n', 'spec.goals.0.to'],
    ['a DNS client that does not exist', '  - dns: {from: ghost, name: x, expect: fails}\n', 'spec.goals.0.dns.from'],
    ['a request client that does not exist', '  - request: {from: ghost, url: "http://x/", expect: failed}\n', 'spec.goals.0.request.from'],
    ['a pod to run a command in that does not exist', '  - command: {run: hostname, from: ghost, expect: {exitCode: 0}}\n', 'spec.goals.0.command.from'],
    ['a node that does not exist', '  - {from: node:nope, to: ip:1.2.3.4, port: 80, expect: denied}\n', 'spec.goals.0.from'],
  ])('%s is marked on its field', (_name, goals, path) => {
    const sim = run(goals);
    expect(sim.diagnostics.filter((d) => d.code === EXERCISE_CODES.UNKNOWN_PEER).map((d) => d.path)).toEqual([path]);
  });

  it('an address or an existing node is not marked', () => {
    const sim = run('  - {from: node:node-1, to: ip:203.0.113.9, port: 80, expect: allowed}\n');
    expect(sim.diagnostics.filter((d) => d.code === EXERCISE_CODES.UNKNOWN_PEER)).toEqual([]);
  });
});
