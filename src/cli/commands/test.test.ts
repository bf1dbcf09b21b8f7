import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet } from '../testing';

const read = (p: string) => readFileSync(new URL(`../../scenarios/${p}`, import.meta.url), 'utf8');

const run = (argv: string[], files: Record<string, string>) => runKnet(['test', ...argv], files);

describe('knet test', () => {
  it('exits 0 and prints every goal when all pass', async () => {
    const r = await run(['lab.yaml', '--json'], { 'lab.yaml': read('exercises/lock-down-the-database.yaml') });
    expect(r.code).toBe(EXIT.OK);
    const json = JSON.parse(r.stdout) as {
      goals: { goal: string; passed: boolean; actual: string; reason: string; line: number }[];
      failed: number;
    };
    expect(json.failed).toBe(0);
    expect(json.goals.length).toBe(6);
    for (const g of json.goals)
      expect(Object.keys(g)).toEqual(expect.arrayContaining(['goal', 'passed', 'actual', 'reason', 'file', 'line']));
  });

  it('exits 1 when a goal fails and says which one, where', async () => {
    const r = await run(['lab.yaml'], { 'lab.yaml': read('exercises/route-the-shop.yaml') });
    expect(r.code).toBe(EXIT.INPUT);
    expect(r.stdout).toMatch(/^FAIL \/api reaches the api$/m);
    expect(r.stdout).toMatch(/lab\.yaml:\d+:\d+: got 503/);
    expect(r.stdout).toMatch(/2 of 4 goals passed/);
  });

  it('exits 1 with a message when the input has no Exercise', async () => {
    const r = await run(['s.yaml'], { 's.yaml': read('nodeport.yaml') });
    expect(r.code).toBe(EXIT.INPUT);
    expect(r.stderr).toMatch(/no `kind: Exercise`/);
  });

  it('exits 1 with located errors when a goal is malformed', async () => {
    const text =
      'apiVersion: playground.knet.dev/v1\nkind: Exercise\nmetadata: {name: x}\nspec:\n  goals:\n  - {from: a, to: b, port: 80, expect: perhaps}\n';
    const r = await run(['x.yaml'], { 'x.yaml': text });
    expect(r.code).toBe(EXIT.INPUT);
    expect(r.stderr).toMatch(/x\.yaml:6:\d+: error: .*\[invalid-value\]/);
  });

  it('exits 2 on an unknown option', async () => {
    expect((await run(['--nope', 'x.yaml'], {})).code).toBe(EXIT.USAGE);
  });
});
