import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { DEFAULT_OPTIONS } from '../options';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { readManifests } from './read';
import { LIMITS } from './parse';

function read(text: string) {
  const diags: Diagnostic[] = [];
  const world = readManifests([{ name: 'hostile.yaml', text }], DEFAULT_OPTIONS, diags);
  return { world, diags, codes: [...new Set(diags.map((d) => d.code))] };
}

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: c}]}\n`;

describe('hostile input is refused or reported, never thrown', () => {
  it.each([
    ['a YAML alias bomb', 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n', ['input-limit']],
    ['block nesting deeper than the limit', `${Array.from({ length: LIMITS.maxDepth + 5 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`, ['input-limit']],
    ['flow nesting thousands deep', `a: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, ['input-limit']],
    ['more documents than the limit', Array.from({ length: LIMITS.maxDocuments + 1 }, () => 'a: 1\n').join('---\n'), ['input-limit']],
    ['binary noise', String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536)), null],
    ['invalid UTF-8 decoded as replacement characters', '\uFFFD\uFFFDkind: \uFFFD\u0000\u0001\n', null],
    ['a duplicate key', 'apiVersion: v1\napiVersion: v2\nkind: Pod\n', ['yaml-duplicate-key']],
    ['an unknown kind', 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\n', ['unknown-kind']],
    ['a known kind in an unknown version', 'apiVersion: apps/v9\nkind: Deployment\nmetadata: {name: t}\n', ['unsupported-api-version']],
    ['two objects with the same name', `${pod('a')}---\n${pod('a')}`, ['duplicate-object']],
    ['a name that is not a DNS label', pod('Web_Server'), ['invalid-name']],
    ['HTML and script in a name', pod('"<script>alert(1)</script>"'), ['invalid-name']],
    ['script in a label value', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {x: "<img src=x onerror=alert(1)>"}}\n', ['invalid-label']],
    ['a port out of range', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 70000}]}\n', ['invalid-value']],
    ['a negative replica count', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: -1, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c}]}}}\n', ['invalid-value']],
    ['a bare scalar document', 'just text\n', ['yaml-not-object']],
    ['a document with kind but no apiVersion', 'kind: Pod\nmetadata: {name: a}\n', ['missing-api-version']],
  ])('%s', (_title, text, codes) => {
    let result: ReturnType<typeof read> | undefined;
    expect(() => (result = read(text))).not.toThrow();
    if (codes) expect(result!.codes).toEqual(codes);
    else expect(result!.diags.length).toBeGreaterThan(0);
    for (const d of result!.diags) {
      expect(d.range.start).toBeGreaterThanOrEqual(0);
      expect(d.range.end).toBeLessThanOrEqual(Math.max(text.length, 1));
    }
  });

  it('refuses a paste larger than the size limit without reading it', () => {
    const { codes, world } = read('#'.repeat(LIMITS.maxChars + 1));
    expect(codes).toEqual(['input-limit']);
    expect(world.pods).toEqual([]);
  });

  it('reads a selector with hundreds of expressions', () => {
    const exprs = Array.from({ length: 300 }, (_, i) => ({ key: `k${i}`, operator: 'Exists' }));
    const text = stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { a: 'b' }, matchExpressions: exprs }, template: { metadata: { labels: Object.fromEntries([['a', 'b'], ...exprs.map((e) => [e.key, 'x'])]) }, spec: { containers: [{ name: 'c' }] } } },
    });
    const { world, diags } = read(text);
    expect(diags).toEqual([]);
    expect(world.workloads[0]!.selector!.matchExpressions).toHaveLength(300);
  });
});

describe('CIDRs of every odd form in an ipBlock (ADM-6)', () => {
  const policy = (cidr: string, except = '[]') =>
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: "${cidr}", except: ${except}}}]}]\n`;
  it.each([
    ['an IPv4 block', policy('10.0.0.0/8'), [], 1],
    ['every IPv4 address (/0)', policy('0.0.0.0/0'), [], 1],
    ['an IPv6 block', policy('fd00::/8'), [], 1],
    ['every IPv6 address (::/0)', policy('::/0'), [], 1],
    ['host bits set: accepted and masked, with a warning', policy('10.0.0.1/8'), ['warning:invalid-value'], 1],
    ['a prefix longer than the address', policy('10.0.0.0/33'), ['error:invalid-value'], 0],
    ['an octet out of range', policy('300.1.1.1/8'), ['error:invalid-value'], 0],
    ['a bare address', policy('10.0.0.1'), ['error:invalid-value'], 0],
    ['text', policy('<script>'), ['error:invalid-value'], 0],
    ['an except equal to the cidr (edge case 63)', policy('10.0.0.0/8', '["10.0.0.0/8"]'), ['error:invalid-value'], 0],
    ['an except outside the cidr', policy('10.0.0.0/8', '["192.168.0.0/16"]'), ['error:invalid-value'], 0],
    ['an except of the other family', policy('10.0.0.0/8', '["fd00::/16"]'), ['error:invalid-value'], 0],
  ])('%s', (_title, text, expected, kept) => {
    const { world, diags } = read(text);
    expect(diags.map((d) => `${d.severity}:${d.code}`)).toEqual(expected);
    expect(world.networkPolicies).toHaveLength(kept);
  });
});

/** A valid object of each kind the core reads, used to put wrong types into every field. */
const SAMPLES = [
  'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n, labels: {a: b}}\nspec: {type: NodePort, selector: {app: a}, sessionAffinity: ClientIP, externalIPs: [1.2.3.4], ports: [{name: http, port: 80, targetPort: http, nodePort: 30080, protocol: TCP}]}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: a}}\nspec: {hostname: h, subdomain: s, dnsPolicy: None, dnsConfig: {nameservers: [1.1.1.1], searches: [a.b], options: [{name: ndots, value: "2"}]}, containers: [{name: c, image: i, ports: [{name: http, containerPort: 80}], env: [{name: A, value: b}], args: [x]}]}\nstatus: {podIP: 10.244.1.2, phase: Running, conditions: [{type: Ready, status: "True"}]}\n',
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec: {replicas: 2, serviceName: web, selector: {matchLabels: {app: a}, matchExpressions: [{key: k, operator: In, values: [v]}]}, template: {metadata: {labels: {app: a, k: v}}, spec: {containers: [{name: c}]}}}\n',
  'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: e, labels: {kubernetes.io/service-name: s}}\naddressType: IPv4\nports: [{name: http, port: 80}]\nendpoints: [{addresses: [10.0.0.1], conditions: {ready: true}, nodeName: n1, targetRef: {kind: Pod, name: p}}]\n',
];

/** Every path to a value in a plain object. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [prefix, ...entries.flatMap(([k, x]) => paths(x, [...prefix, k]))].filter((p) => p.length > 0);
}

function replaced(obj: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

describe('wrong types in every field', () => {
  const WRONG: unknown[] = [{ nested: { x: 1 } }, [1, 'two'], 'text', 12345, true, null, -1];
  for (const sample of SAMPLES) {
    const obj = parseYaml(sample) as Record<string, unknown>;
    it(`never throw for ${(obj as { kind: string }).kind}, and are deterministic`, () => {
      for (const path of paths(obj)) {
        for (const w of WRONG) {
          const text = stringify(replaced(obj, path, w));
          const a = read(text);
          const b = read(text);
          expect(JSON.stringify(a.diags)).toBe(JSON.stringify(b.diags));
        }
      }
    });
  }
});

describe('property: the reader never throws and is deterministic', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const a = read(text);
        expect(JSON.stringify(read(text).diags)).toBe(JSON.stringify(a.diags));
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary YAML-shaped objects with Kubernetes kinds', () => {
    const kinds = fc.constantFrom('Pod', 'Service', 'Deployment', 'StatefulSet', 'EndpointSlice', 'Namespace', 'Node', 'Endpoints', 'Job', 'CronJob', 'DaemonSet');
    const versions = fc.constantFrom('v1', 'apps/v1', 'batch/v1', 'discovery.k8s.io/v1');
    const object = fc.record({ apiVersion: versions, kind: kinds, metadata: fc.record({ name: fc.string({ maxLength: 10 }) }), spec: fc.jsonValue({ maxDepth: 4 }), status: fc.jsonValue({ maxDepth: 3 }) });
    fc.assert(
      fc.property(fc.array(object, { maxLength: 4 }), (objs) => {
        const text = objs.map((o) => stringify(o)).join('---\n');
        const a = read(text);
        expect(JSON.stringify(read(text).world)).toBe(JSON.stringify(a.world));
      }),
      { numRuns: 300 },
    );
  });
});
