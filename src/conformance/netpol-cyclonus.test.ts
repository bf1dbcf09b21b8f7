import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../core/index';
import { checkPeers as check, matrixOf as matrix } from '../core/queries/testing';
import type { Protocol } from '../core/model/meta';

/** cyclonus and policy-assistant oracles (conformance/cyclonus-policy-assistant/README.md). */
const ROOT = new URL('./data/cyclonus-policy-assistant/', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, ROOT), 'utf8');
const json = <T>(p: string) => JSON.parse(read(p)) as T;
const verdict = (b: boolean) => (b ? 'allowed' : 'denied');

/** Cells not asserted, with the reason. */
const SKIP = {
  noListener: 'port 82 has no serving container: cyclonus prints N/? (no listener), not a policy verdict (see expected.json note)',
  loopback: 'a pod talking to itself is always allowed here (NP-8); cyclonus does not special-case it and the upstream suites do not assert it',
};

describe('cyclonus analyze --mode probe (simple-example)', () => {
  type Table = Record<string, Record<string, boolean>>;
  const data = json<{ probes: { port: number; protocol: Protocol; tables: { Ingress: Table; Egress: Table; Combined: Table } }[] }>('cyclonus-analyze-probe-simple-example/expected.json');
  const sim = simulate([{ name: 'manifests.yaml', text: read('cyclonus-analyze-probe-simple-example/manifests.yaml') }]);
  for (const probe of data.probes) {
    if (typeof probe.tables.Combined['x/a']?.['x/b'] !== 'boolean') {
      console.log(`skip cyclonus probe ${probe.port}/${probe.protocol}: ${SKIP.noListener}`);
      it.skip(`gives cyclonus' tables on ${probe.port}/${probe.protocol}`, () => {});
      continue;
    }
    it(`gives cyclonus' ingress, egress and combined tables on ${probe.port}/${probe.protocol}`, () => {
      const pods = Object.keys(probe.tables.Combined);
      const idx = pods.map((p) => sim.world.pods.findIndex((x) => `${x.namespace}/${x.name}` === p));
      const m = matrix(sim, { ports: [{ port: probe.port, protocol: probe.protocol }], pods: idx }).matrix[`${probe.port}/${probe.protocol}`]!;
      const wrong: string[] = [];
      let cells = 0;
      let skipped = 0;
      pods.forEach((from, i) =>
        pods.forEach((to, j) => {
          if (from === to) return void skipped++;
          cells++;
          const r = check(sim, { from, to, port: probe.port, protocol: probe.protocol });
          if (!r.ok) return void wrong.push(r.error);
          if (r.result.ingress.verdict !== verdict(probe.tables.Ingress[from]![to]!)) wrong.push(`ingress ${from} → ${to}`);
          if (r.result.egress.verdict !== verdict(probe.tables.Egress[from]![to]!)) wrong.push(`egress ${from} → ${to}`);
          if (r.result.verdict !== verdict(probe.tables.Combined[from]![to]!)) wrong.push(`combined ${from} → ${to}`);
          if ((m[i]![j] === '1') !== probe.tables.Combined[from]![to]) wrong.push(`matrix ${from} → ${to}`);
        }),
      );
      console.log(`cyclonus probe ${probe.port}/${probe.protocol}: ${cells} cells × 3 tables asserted, ${skipped} skipped (${SKIP.loopback})`);
      expect(wrong).toEqual([]);
    });
  }
});

describe('cyclonus analyze --mode query-traffic', () => {
  interface Side {
    IP?: string;
    Internal?: { PodLabels: Record<string, string>; NamespaceLabels: Record<string, string>; Namespace: string };
  }
  const data = json<{ queries: { traffic: { Source: Side; Destination: Side; Protocol: Protocol; ResolvedPort: number; ResolvedPortName?: string }; allowed: boolean }[] }>('cyclonus-analyze-query-traffic/expected.json');
  const policies = read('cyclonus-analyze-query-traffic/manifests.yaml');
  data.queries.forEach((q, k) => {
    it(`query ${k} (${q.traffic.Source.Internal ? 'pod' : q.traffic.Source.IP} → ${q.traffic.Destination.Internal ? 'pod' : q.traffic.Destination.IP}) is ${q.allowed ? 'allowed' : 'denied'}`, () => {
      // The query describes its endpoints by labels and IP: make them pods (or leave them outside).
      const t = q.traffic;
      const docs: string[] = [policies];
      const namespaces = new Map<string, Record<string, string>>();
      const peer = (side: Side, name: string, ports: boolean): string => {
        if (!side.Internal) return `ip:${side.IP}`;
        const { Namespace: ns, PodLabels, NamespaceLabels } = side.Internal;
        namespaces.set(ns, { ...namespaces.get(ns), ...NamespaceLabels });
        const port = ports && t.ResolvedPortName ? `\n    ports: [{containerPort: ${t.ResolvedPort}, name: ${t.ResolvedPortName}, protocol: ${t.Protocol}}]` : '';
        docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: ${JSON.stringify(PodLabels)}}\nspec:\n  containers:\n  - name: c\n    image: agnhost${port}\nstatus: {phase: Running, podIP: ${side.IP}}`);
        return `${ns}/${name}`;
      };
      const from = peer(t.Source, 'source', false);
      const to = peer(t.Destination, 'destination', true);
      for (const [ns, labels] of namespaces) docs.push(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}, labels: ${JSON.stringify(labels)}}`);
      const sim = simulate([{ name: 'query.yaml', text: docs.join('\n---\n') }]);
      const r = check(sim, { from, to, port: t.ResolvedPort, protocol: t.Protocol });
      expect(r.ok && r.result.verdict).toBe(verdict(q.allowed));
    });
  });
});

describe('policy-assistant integration (NetworkPolicy v1)', () => {
  type Flow = { from: string; to: string; port: number; protocol: Protocol; ingress: string; egress: string; combined: string };
  for (const name of ['policy-assistant-integration-deny-all', 'policy-assistant-integration-ingress-port-allowed']) {
    it(`${name}: every non-loopback flow has the expected ingress, egress and combined verdict`, () => {
      const sim = simulate([{ name: 'manifests.yaml', text: read(`${name}/manifests.yaml`) }]);
      const flows = json<{ flows: Flow[] }>(`${name}/expected.json`).flows.filter((f) => f.combined !== 'undefined');
      const want = (s: string) => (s === 'allowed' ? 'allowed' : 'denied');
      const got = flows.map((f) => {
        const r = check(sim, { from: f.from, to: f.to, port: f.port, protocol: f.protocol });
        return r.ok ? { ingress: r.result.ingress.verdict, egress: r.result.egress.verdict, combined: r.result.verdict } : r.error;
      });
      expect(got).toEqual(flows.map((f) => ({ ingress: want(f.ingress), egress: want(f.egress), combined: want(f.combined) })));
      expect(flows.length).toBeGreaterThan(0);
    });
  }
});

describe('policy-assistant ipaddress vectors through an egress ipBlock', () => {
  const v = json<{ ipInCidr: { ip: string; cidr: string; member: boolean }[]; ipBlockMatch: { ip: string; ipBlock: { cidr: string; except?: string[] }; match?: boolean; error?: boolean }[] }>('policy-assistant-ipaddress-vectors/vectors.json');
  const probe = (ip: string, block: { cidr: string; except?: string[] }) => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x}\nspec: {containers: [{name: c, image: i}]}\nstatus: {phase: Running, podIP: 10.244.1.1}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{to: [{ipBlock: ${JSON.stringify(block)}}]}]\n`;
    const sim = simulate([{ name: 'v.yaml', text }]);
    return { sim, r: check(sim, { from: 'x/a', to: `ip:${ip}`, port: 80 }) };
  };
  for (const t of v.ipInCidr) {
    it(`${t.ip} ${t.member ? 'is' : 'is not'} in ${t.cidr}`, () => {
      const { r } = probe(t.ip, { cidr: t.cidr });
      expect(r.ok && r.result.verdict).toBe(verdict(t.member));
    });
  }
  for (const t of v.ipBlockMatch) {
    it(`${t.ip} against ${JSON.stringify(t.ipBlock)} → ${t.error ? 'error' : t.match}`, () => {
      const { sim, r } = probe(t.ip, t.ipBlock);
      if (t.error) {
        // A malformed address is refused as a peer, and a CIDR without a prefix is rejected by ADM-6.
        expect(r.ok).toBe(false);
        expect(sim.diagnostics.some((d) => d.rule === 'ADM-6' && d.path?.endsWith('ipBlock.cidr'))).toBe(true);
      } else expect(r.ok && r.result.verdict).toBe(verdict(t.match!));
    });
  }
});
