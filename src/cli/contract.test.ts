import { describe, expect, it } from 'vitest';
import { EXIT, type IO } from './io';
import { main, nodeIO } from './main';

// The knet contract fixes the field names of every command's --json document ("more fields may be added"). Each row runs
// one command on a built-in scenario and checks the required shape, so a command cannot drift from the contract.
const NETPOL = 'src/scenarios/allow-frontend-api-database.yaml';
const INGRESS = 'src/scenarios/ingress-host-path-tls.yaml';

async function json(argv: string[]): Promise<{ code: number; doc: Record<string, unknown> }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: IO = { ...nodeIO, isTTY: false, out: (t) => void out.push(t), err: (t) => void err.push(t) };
  const code = await main([...argv, '--json'], io);
  if (out.length === 0) throw new Error(`no output (exit ${code}): ${err.join('')}`);
  return { code, doc: JSON.parse(out.join('')) as Record<string, unknown> };
}

const str = expect.any(String) as unknown;
const num = expect.any(Number) as unknown;
const strOrNull = (v: unknown) => v === null || typeof v === 'string';

describe('knet --json keeps the field names of the knet contract', () => {
  it('validate: {diagnostics: [{severity, code, message, file, line, column, object}]}', async () => {
    const { code, doc } = await json(['validate', 'src/scenarios/selector-matches-nothing.yaml']);
    expect(code).toBe(EXIT.OK);
    const diags = doc.diagnostics as Record<string, unknown>[];
    expect(diags.length).toBeGreaterThan(0);
    for (const d of diags) {
      expect(d).toMatchObject({
        severity: expect.stringMatching(/^(error|warning|info)$/),
        code: str,
        message: str,
        file: str,
        line: num,
        column: num,
      });
      expect(strOrNull(d.object)).toBe(true);
    }
  });

  it('endpoints: services with slices, ports and endpoints with conditions and targetRef', async () => {
    const { code, doc } = await json(['endpoints', NETPOL, '--service', 'app/api']);
    expect(code).toBe(EXIT.OK);
    const [svc] = doc.services as Record<string, unknown>[];
    expect(svc).toMatchObject({ namespace: 'app', name: 'api', type: 'ClusterIP', clusterIP: str });
    const [slice] = svc!.slices as Record<string, unknown>[];
    expect(slice).toMatchObject({ name: str, addressType: 'IPv4' });
    expect(slice!.ports).toContainEqual(expect.objectContaining({ name: null, port: 8080, protocol: 'TCP' }));
    const [ep] = slice!.endpoints as Record<string, unknown>[];
    expect(ep).toMatchObject({
      addresses: [expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/)],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'app', name: 'api' },
      nodeName: str,
    });
    expect(strOrNull(ep!.zone)).toBe(true);
  });

  it('dns: {query, tried, rcode, answers[{name, type, ttl, data}]}', async () => {
    const { code, doc } = await json(['dns', NETPOL, '--from', 'app/frontend', 'api']);
    expect(code).toBe(EXIT.OK);
    expect(doc).toMatchObject({ query: { name: 'api', type: 'A' }, rcode: 'NOERROR' });
    expect(doc.tried).toContain('api.app.svc.cluster.local.');
    expect(doc.answers).toContainEqual(
      expect.objectContaining({ name: 'api.app.svc.cluster.local.', type: 'A', ttl: num, data: expect.stringMatching(/^10\./) }),
    );
  });

  it('route: {results[{entry, status, route, backends[{namespace, name, port, weight}]}]}', async () => {
    const { code, doc } = await json(['route', INGRESS, '--url', 'https://shop.example.com/api']);
    expect(code).toBe(EXIT.OK);
    const results = doc.results as Record<string, unknown>[];
    expect(results).toContainEqual(
      expect.objectContaining({
        entry: expect.objectContaining({ kind: 'IngressClass', name: str }),
        status: 200,
        route: expect.objectContaining({ kind: 'Ingress', namespace: 'shop', name: 'shop', rule: num }),
        backends: [expect.objectContaining({ namespace: 'shop', name: 'api', port: 80, weight: num })],
      }),
    );
  });

  it('check: {verdict, from, to, port, protocol, egress, ingress, reason}', async () => {
    const { code, doc } = await json(['check', NETPOL, '--from', 'app/frontend', '--to', 'app/database', '--port', '5432']);
    expect(code).toBe(EXIT.OK);
    expect(doc).toMatchObject({
      verdict: 'denied',
      from: 'app/frontend',
      to: 'app/database',
      port: 5432,
      protocol: 'TCP',
      egress: { verdict: 'allowed', policies: [] },
      ingress: { verdict: 'denied', policies: expect.arrayContaining(['app/database-from-api']) },
      reason: str,
    });
  });

  it('matrix: {pods, ports, matrix{"port/PROTO": one row string per pod}}', async () => {
    const { code, doc } = await json(['matrix', NETPOL, '--port', '5432/TCP']);
    expect(code).toBe(EXIT.OK);
    const pods = doc.pods as string[];
    expect(pods).toEqual(expect.arrayContaining(['app/frontend', 'app/api', 'app/database']));
    expect(doc.ports).toEqual([{ port: 5432, protocol: 'TCP' }]);
    const rows = (doc.matrix as Record<string, string[]>)['5432/TCP']!;
    expect(rows).toHaveLength(pods.length);
    for (const row of rows) expect(row).toMatch(new RegExp(`^[01]{${pods.length}}$`));
    // api → database on 5432 is the one allowed call in this scenario; frontend → database is not.
    expect(rows[pods.indexOf('app/api')]![pods.indexOf('app/database')]).toBe('1');
    expect(rows[pods.indexOf('app/frontend')]![pods.indexOf('app/database')]).toBe('0');
  });

  it('trace: {verdict, hops[{step, object, result, reason}]}', async () => {
    const { code, doc } = await json(['trace', NETPOL, '--from', 'app/frontend', '--url', 'http://api.app:8080/']);
    expect(code).toBe(EXIT.OK);
    expect(doc.verdict).toBe('delivered');
    const hops = doc.hops as Record<string, unknown>[];
    expect(hops.map((h) => h.step)).toEqual(expect.arrayContaining(['dns', 'service', 'policy-ingress']));
    for (const h of hops) {
      expect(h).toMatchObject({
        step: expect.stringMatching(/^(dns|entry|route|service|endpoint|policy-egress|policy-ingress|pod)$/),
        result: expect.stringMatching(/^(ok|blocked|failed)$/),
        reason: str,
      });
      expect(strOrNull(h.object)).toBe(true);
    }
  });
});
