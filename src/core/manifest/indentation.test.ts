import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEFAULT_OPTIONS } from '../options';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { readManifests } from './read';
import { parseFile } from './parse';
import { checkIndentation, mayBeMisindented } from './indentation';
import { readPlainYAML } from './plain-yaml';

function read(text: string) {
  const diags: Diagnostic[] = [];
  const world = readManifests([{ name: 'pasted.yaml', text }], DEFAULT_OPTIONS, diags);
  /** 1-based line and column of a diagnostic's start, as an editor shows it. */
  const where = (d: { range: { start: number } }) => {
    const before = text.slice(0, d.range.start).split('\n');
    return `${before.length}:${before[before.length - 1]!.length + 1}`;
  };
  return { world, diags, where };
}

/** What a blog or chat copy of a manifest often does to it: every line loses its leading spaces. */
const flatten = (yaml: string) => yaml.replace(/^ +/gm, '');

// Manifests in the shape of the examples people copy most, written here with our own names and values:
// kubernetes/website content/en/examples/controllers/nginx-deployment.yaml (a Deployment),
// the Service concept page's first example (content/en/docs/concepts/services-networking/service.md),
// content/en/examples/service/networking/networkpolicy.yaml (the "test-network-policy" NetworkPolicy),
// content/en/examples/service/networking/minimal-ingress.yaml, and a ConfigMap holding an nginx config as in
// content/en/examples/service/networking/nginx-secure-app.yaml.
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-web
  labels:
    app: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
    app.kubernetes.io/name: shop
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-access
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - ipBlock:
        cidr: 172.17.0.0/16
        except:
        - 172.17.1.0/24
    - podSelector:
        matchLabels:
          role: api
    ports:
    - protocol: TCP
      port: 6379
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/24
    ports:
    - protocol: TCP
      port: 5978
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - http:
      paths:
      - path: /cart
        pathType: Prefix
        backend:
          service:
            name: cart
            port:
              number: 80
`;

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: proxy-conf
data:
  default.conf: |
    server {
      listen 80;
    }
`;

/** Replace the first occurrence of `from` (a whole line) by `to`. */
const edit = (yaml: string, from: string, to: string) => {
  if (!yaml.includes(`${from}\n`)) throw new Error(`no line ${from}`);
  return yaml.replace(`${from}\n`, `${to}\n`);
};

describe('indentation a person can fix (yaml-indentation)', () => {
  it.each([
    ['a Deployment whose indentation was flattened', flatten(DEPLOYMENT), '4:1', /indentation of this document was lost.*`name` on line 4 belongs inside `metadata:`/],
    ['a Service whose indentation was flattened', flatten(SERVICE), '4:1', /lost.*`name` on line 4/],
    ['a NetworkPolicy whose indentation was flattened', flatten(POLICY), '4:1', /lost/],
    ['a flattened Ingress', flatten(INGRESS), '4:1', /lost/],
    ['a flattened HTTPRoute (a kind whose fields the check does not list)', flatten('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: shop\nspec:\n  parentRefs:\n  - name: gw\n'), '4:1', /lost/],
    ['matchLabels written in the column of `- podSelector:`', edit(POLICY, '        matchLabels:\n          role: api', '      matchLabels:\n          role: api'), '20:7', /`matchLabels` on line 20 starts in the same column as `podSelector:` \(line 19\)/],
    ['a port that left its list item', edit(POLICY, '      port: 6379', '    port: 6379'), '24:5', /`port` on line 24 lines up with `ports` \(line 22\).*indent it to column 7, like `protocol` on line 23/],
    ['a template spec that left the template', edit(DEPLOYMENT, '    spec:\n      containers:', '  spec:\n      containers:'), '16:3', /`spec` on line 16 lines up with `template` \(line 12\)/],
    ['a label that slipped out of labels', edit(SERVICE, '  name: shop', '  name: shop\n  labels:\n    app: shop\n  tier: web'), '7:3', /`tier` on line 7 .* belongs inside `labels`/],
    ['a backend one space short of its siblings', edit(INGRESS, '        backend:', '       backend:'), '11:8', /Line 11 starts at column 8, which matches no level above it/],
    ['a field nested under a field that has a value', edit(SERVICE, '  name: shop', '  name: shop\n    namespace: prod'), '5:5', /Line 5 is indented further than line 4 \(`name: shop`\)/],
    ['a line indented with a tab, as some blogs render code', edit(SERVICE, '  name: shop', '\tname: shop'), '4:1', /Line 4 is indented with a tab/],
    ['the text of a block scalar pasted flush left', edit(CONFIGMAP, '    server {', 'server {'), '7:1', /The text of `default.conf: \|` \(line 6\) must be indented/],
  ])('%s: one error at the first line that goes wrong', (_name, text, at, message) => {
    const { diags, where, world } = read(text);
    expect(diags.map((d) => [d.code, where(d)])).toEqual([['yaml-indentation', at]]);
    expect(diags[0]!.message).toMatch(message);
    expect(diags[0]!.message).toMatch(/This document was not read\.$/);
    expect(world.services.length + world.networkPolicies.length + world.ingresses.length).toBe(0);
  });

  it('reports a flattened paste of several documents once, with the other documents as related places', () => {
    const text = `${flatten(DEPLOYMENT)}---\n${flatten(SERVICE)}---\n${flatten(POLICY)}`;
    const { diags, where } = read(text);
    expect(diags.map((d) => [d.code, where(d)])).toEqual([['yaml-indentation', '4:1']]);
    expect(diags[0]!.message).toMatch(/2 more documents below have the same problem; none of them was read\.$/);
    expect(diags[0]!.related!.map(where)).toEqual(['26:1', '38:1']);
  });

  it('keeps reading the documents that are fine', () => {
    const { diags, world } = read(`${SERVICE}---\n${flatten(DEPLOYMENT)}`);
    expect(diags.map((d) => d.code)).toEqual(['yaml-indentation']);
    expect(world.services.map((s) => s.name)).toEqual(['shop']);
  });

  it('never adds the parser errors or a missing metadata to the indentation message', () => {
    // Flattened, this Deployment repeats keys (metadata, labels, app, spec): the parser alone reports five
    // "Map keys must be unique" errors and no word about indentation.
    const { diags } = read(flatten(DEPLOYMENT));
    expect(diags.filter((d) => d.code !== 'yaml-indentation')).toEqual([]);
  });
});

describe('a required field written at the wrong indentation (required-field)', () => {
  it.each([
    ['metadata nested under spec', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: web, image: nginx}]\n  metadata:\n    name: web\n', '5:3', /metadata is required\. It is in the text, but indented under `spec`.*lines up with `spec`/],
    ['a name next to metadata instead of in it', 'apiVersion: v1\nkind: Pod\nmetadata: {}\nname: web\nspec:\n  containers: [{name: web, image: nginx}]\n', '4:1', /metadata\.name is required\. It is in the text, but not indented under `metadata`/],
  ])('%s: says where the field is', (_name, text, at, message) => {
    const { diags, where } = read(text);
    expect(diags.map((d) => [d.code, where(d)])).toEqual([['required-field', at]]);
    expect(diags[0]!.message).toMatch(message);
  });
});

describe('indentation that is fine', () => {
  it('finds nothing in any YAML file of the repository (scenarios, exercises, conformance data)', () => {
    const files = execSync("git ls-files '*.yaml' '*.yml'", { encoding: 'utf8', cwd: new URL('../../..', import.meta.url).pathname }).trim().split('\n');
    expect(files.length).toBeGreaterThan(100);
    const root = new URL('../../../', import.meta.url).pathname;
    const found = files.flatMap((f) => {
      const diags: Diagnostic[] = [];
      parseFile(readFileSync(root + f, 'utf8'), 0, diags);
      return diags.filter((d) => d.code === 'yaml-indentation').map((d) => `${f}: ${d.message}`);
    });
    expect(found).toEqual([]);
  });

  it.each([
    ['the originals of every example above', [DEPLOYMENT, SERVICE, POLICY, INGRESS, CONFIGMAP].join('---\n')],
    ['four-space indentation and lists indented under their key', 'apiVersion: v1\nkind: Service\nmetadata:\n    name: four\nspec:\n    ports:\n        -   port: 80\n            name: x\n    selector:\n        a: b\n'],
    ['a tab inside the text of a block scalar (a Makefile)', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  Makefile: |\n    all:\n    \techo hi\n'],
    ['flow mappings and lists over several lines', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p,\n  labels: {a: b}}\nspec:\n  containers: [{name: c,\n    image: x}]\n'],
    ['a whole document in JSON', '{\n  "apiVersion": "v1",\n  "kind": "Namespace",\n  "metadata": {"name": "j"}\n}\n'],
    ['a quoted string over two lines', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: q\ndata:\n  a: "one\n    two"\n  b: x\n'],
    ['a plain string over two lines', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: q\n  annotations:\n    note: one\n      two\n'],
    ['an empty value followed by a real sibling', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n  - name: v\n    emptyDir:\n  containers: [{name: c, image: x}]\n'],
    ['comments at any indentation', 'apiVersion: v1\nkind: Namespace\n# a comment\nmetadata:\n      # another\n  name: n\n'],
  ])('accepts %s', (_name, text) => {
    expect(read(text).diags.filter((d) => d.code === 'yaml-indentation')).toEqual([]);
  });
});

describe('the plain reader asks for the check only where it can find something (mayBeMisindented)', () => {
  const root = new URL('../../../', import.meta.url).pathname;
  const scenarios = execSync("git ls-files 'src/scenarios/*.yaml'", { encoding: 'utf8', cwd: root }).trim().split('\n').map((f) => readFileSync(root + f, 'utf8'));
  const examples = [DEPLOYMENT, SERVICE, POLICY, INGRESS, CONFIGMAP, flatten(DEPLOYMENT), flatten(POLICY)];
  /** Documents with one line moved left or right by 1 to 4 columns, or all lines flattened: the mistakes people make. */
  function* variants(text: string): Generator<string> {
    yield flatten(text);
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++)
      for (const by of [-4, -2, -1, 1, 2]) {
        const lead = /^ */.exec(lines[i]!)![0].length;
        if (by < 0 && lead < -by) continue;
        const moved = by < 0 ? lines[i]!.slice(-by) : ' '.repeat(by) + lines[i];
        yield [...lines.slice(0, i), moved, ...lines.slice(i + 1)].join('\n');
      }
  }
  it('never says "nothing to find" where checkIndentation finds a problem (every line of the examples and scenarios moved)', () => {
    let found = 0;
    let plain = 0;
    for (const file of [...examples, ...scenarios]) {
      for (const doc of file.split(/^---$/m)) {
        for (const text of variants(doc)) {
          const read = readPlainYAML(text);
          if (!read) continue;
          plain++;
          const problem = checkIndentation(text, 0, text.length);
          if (problem) found++;
          if (problem && !mayBeMisindented(read.value)) throw new Error(`missed: ${problem.message}\n${text}`);
        }
      }
    }
    // The variants must exercise the case: many taken by the plain reader, and problems among them.
    expect(plain).toBeGreaterThan(1000);
    expect(found).toBeGreaterThan(50);
  });

  it('never says "nothing to find" where checkIndentation finds a problem, on documents yaml writes and then moves a line of (property)', () => {
    const key = fc.oneof(fc.constantFrom('apiVersion', 'kind', 'metadata', 'name', 'labels', 'spec', 'selector', 'ports', 'port', 'template', 'containers', 'podSelector', 'matchLabels', 'ingress', 'from', 'a#b', 'a b', '"q"', '', '?x', '-x', ':x', 'x:', '@', 'app.kubernetes.io/name'), fc.string({ maxLength: 4 }));
    const scalar = fc.oneof(fc.constantFrom('x', 'a[b', 'c{d', 'e]f', "it's", 'Service', 'Pod', 'NetworkPolicy', '#', 'a #b', '- x', '80'), fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('list')),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      list: fc.array(tie('node'), { maxLength: 3 }),
    }));
    const doc = fc.tuple(fc.constantFrom('Service', 'Deployment', 'NetworkPolicy', 'Pod', 'Gateway', 'Ingress'), fc.dictionary(key, tree.node, { minKeys: 1, maxKeys: 5 }));
    fc.assert(
      fc.property(doc, fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.nat(), fc.integer({ min: -3, max: 3 }), ([kind, body], kindFirst, indent, which, by) => {
        const lines = stringify(kindFirst ? { kind, ...body } : { ...body, kind }, { indent, collectionStyle: 'block' }).split('\n');
        const i = which % lines.length;
        const lead = /^ */.exec(lines[i]!)![0].length;
        lines[i] = by < 0 ? lines[i]!.slice(Math.min(lead, -by)) : ' '.repeat(by) + lines[i];
        const text = lines.join('\n');
        const read = readPlainYAML(text);
        if (!read) return;
        const problem = checkIndentation(text, 0, text.length);
        if (problem) expect(mayBeMisindented(read.value), `${problem.message}\n${text}`).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it.each([
    ['metadata: then name: in its column, in a kind whose top level is not listed', 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\nname: gw\n', true],
    ['a field its mapping does not have', 'apiVersion: v1\nkind: Service\nspec:\n  selector:\n    app: x\n  port: 80\n', true],
    ['a kind that is not a plain name', 'kind: "Serv ice"\nmetadata: {name: a}\n', true],
    ['a key the line reader takes for no key (found by the yaml-writes property)', '$#:\n "": {}\na: "0x10"\n', true],
    ['a key that starts with ?', 'kind: Gateway\n"?!":\n  a: 1\n', true],
    ['a Service written well', SERVICE, false],
    ['free keys under labels and annotations', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {anything: goes}\n  annotations:\n    x/y: z\n', false],
  ])('%s → %s', (_name, text, want) => {
    expect(mayBeMisindented(readPlainYAML(text)!.value)).toBe(want);
  });
  it('asks for a plain value holding [ or { (the line reader would look for the rest of a flow collection below)', () => {
    expect(mayBeMisindented({ kind: 'ConfigMap', metadata: { name: 'x[' } })).toBe(true);
    expect(mayBeMisindented({ kind: 'ConfigMap', data: { a: ['{'] } })).toBe(true);
  });
});
