import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../core/index';
import { checkPeers as check, matrixOf as matrix } from '../core/queries/testing';
import type { Protocol } from '../core/model/meta';

/** Kubernetes upstream e2e NetworkPolicy cases (conformance/k8s-e2e-netpol/README.md): every non-loopback cell. */
const ROOT = new URL('./data/k8s-e2e-netpol/', import.meta.url);

interface Probe {
  port: number;
  protocol: Protocol;
  matrix: Record<string, Record<string, boolean | null>>;
}

/** Case folder → reason. Empty: every case is asserted. */
const SKIP: Record<string, string> = {};

const cases = readdirSync(ROOT).filter((d) => statSync(new URL(d, ROOT)).isDirectory()).sort();
let cells = 0;

describe('k8s e2e NetworkPolicy cases', () => {
  it('finds all 58 case folders', () => {
    expect(cases.length).toBe(58);
  });
  for (const name of cases) {
    const run = SKIP[name] ? it.skip : it;
    if (SKIP[name]) console.log(`skip ${name}: ${SKIP[name]}`);
    run(`${name} matches every cell, by matrix and by check through the per-pod Service`, () => {
      const text = readFileSync(new URL(`${name}/manifests.yaml`, ROOT), 'utf8');
      const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, ROOT), 'utf8')) as { pods: string[]; probes: Probe[] };
      const sim = simulate([{ name: 'manifests.yaml', text }]);
      // Only policy and pod errors matter here (Service port names are another reader's concern).
      expect(sim.diagnostics.filter((d) => d.severity === 'error' && /^(NetworkPolicy|Pod)\//.test(d.object ?? ''))).toEqual([]);
      const idx = expected.pods.map((p) => sim.world.pods.findIndex((x) => `${x.namespace}/${x.name}` === p));
      expect(idx.every((i) => i >= 0)).toBe(true);
      const m = matrix(sim, { ports: expected.probes.map((p) => ({ port: p.port, protocol: p.protocol })), pods: idx });
      const wrong: string[] = [];
      for (const probe of expected.probes) {
        const rows = m.matrix[`${probe.port}/${probe.protocol}`]!;
        expected.pods.forEach((from, i) => {
          expected.pods.forEach((to, j) => {
            const want = probe.matrix[from]![to];
            if (want === null || want === undefined) return;
            cells++;
            const got = rows[i]![j] === '1';
            if (got !== want) wrong.push(`matrix ${from} → ${to} ${probe.port}/${probe.protocol}: want ${want}`);
            const [ns, pod] = to.split('/');
            const res = check(sim, { from, to: `service:${ns}/s-${ns}-${pod}`, port: probe.port, protocol: probe.protocol });
            if (!res.ok) wrong.push(`check ${from} → ${to}: ${res.error}`);
            else if ((res.result.verdict === 'allowed') !== want) wrong.push(`check ${from} → ${to} ${probe.port}/${probe.protocol}: want ${want}: ${res.result.reason}`);
          });
        });
      }
      expect(wrong).toEqual([]);
    });
  }
  it('asserted the 506 non-loopback cells', () => {
    console.log(`k8s-e2e-netpol: ${cells} cells asserted, ${Object.keys(SKIP).length} cases skipped`);
    expect(cells).toBe(506);
  });
});
