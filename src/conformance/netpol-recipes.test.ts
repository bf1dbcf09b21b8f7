import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../core/index';
import { checkPeers as check } from '../core/queries/testing';
import type { Protocol } from '../core/model/meta';

/** ahmetb/kubernetes-network-policy-recipes (conformance/ahmetb-netpol-recipes/README.md): probes through Services. */
const ROOT = new URL('./data/ahmetb-netpol-recipes/', import.meta.url);

interface Probe {
  from: { pod?: string; external?: string };
  to: { service?: string; external?: string; via?: string };
  port: number;
  protocol: Protocol;
  expect: 'allow' | 'deny';
}

/** Case folder → reason. Empty: every probe is asserted. */
const SKIP: Record<string, string> = {};

const cases = readdirSync(ROOT).filter((d) => statSync(new URL(d, ROOT)).isDirectory()).sort();
let probes = 0;

describe('NetworkPolicy recipes', () => {
  it('finds all 17 recipe folders', () => {
    expect(cases.length).toBe(17);
  });
  for (const name of cases) {
    const run = SKIP[name] ? it.skip : it;
    if (SKIP[name]) console.log(`skip ${name}: ${SKIP[name]}`);
    run(`${name} gives the recipe's verdict for every probe`, () => {
      const text = readFileSync(new URL(`${name}/manifests.yaml`, ROOT), 'utf8');
      const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, ROOT), 'utf8')) as { probes: Probe[] };
      const sim = simulate([{ name: 'manifests.yaml', text }]);
      const wrong: string[] = [];
      for (const p of expected.probes) {
        probes++;
        const from = p.from.pod ?? `ip:${p.from.external}`;
        const to = p.to.service ? `service:${p.to.service}` : `ip:${p.to.external}`;
        const via = p.to.via === 'LoadBalancer' ? 'loadBalancer' : undefined;
        const res = check(sim, { from, to, port: p.port, protocol: p.protocol, ...(via ? { via } : {}) });
        if (!res.ok) wrong.push(`${from} → ${to}: ${res.error}`);
        else if (res.result.verdict !== (p.expect === 'allow' ? 'allowed' : 'denied')) wrong.push(`${from} → ${to}:${p.port}/${p.protocol} want ${p.expect}: ${res.result.reason}`);
      }
      expect(wrong).toEqual([]);
    });
  }
  it('asserted all 36 probes', () => {
    console.log(`ahmetb-netpol-recipes: ${probes} probes asserted, ${Object.keys(SKIP).length} cases skipped`);
    expect(probes).toBe(36);
  });
});
