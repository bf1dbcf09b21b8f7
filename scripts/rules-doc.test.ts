import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRuleId, ruleIdsIn } from '../src/ui/rule-ids';
import { headingAnchor } from './markdown';

// docs/rules.md is the rule reference that ships with the site (rules.html). Every rule id the simulator cites
// (in explanation strings, a diagnostic's `rule`, comments, the other docs) must have an entry there, and every
// entry must say where upstream the behaviour is documented.
const root = new URL('..', import.meta.url).pathname;
const doc = readFileSync(join(root, 'docs/rules.md'), 'utf8');

/** Upstream documentation an entry may cite. */
const UPSTREAM = /\]\(https:\/\/(kubernetes\.io|gateway-api\.sigs\.k8s\.io|kubernetes\.github\.io\/ingress-nginx|coredns\.io|network-policy-api\.sigs\.k8s\.io|github\.com\/kubernetes|man7\.org|wiki\.musl-libc\.org)\//;

const entries = doc
  .split(/^(?=## )/m)
  .slice(1)
  .map((section) => {
    const [heading = '', ...body] = section.split('\n');
    const title = heading.replace(/^## /, '');
    return { title, id: title.split(': ')[0]!, anchor: headingAnchor(title), body: body.join('\n') };
  });
const documented = new Set(entries.map((e) => e.id));

/** Files whose text may cite a rule id: source (not conformance data), the other docs, the README. */
function citingFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return path.endsWith(join('conformance', 'data')) ? [] : walk(path);
      return /\.(ts|tsx|mjs)$/.test(e.name) ? [path] : [];
    });
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md') && f !== 'rules.md')
    .map((f) => join(root, 'docs', f));
  return [...walk(join(root, 'src')), ...walk(join(root, 'scripts')), ...docs, join(root, 'README.md')];
}

describe('docs/rules.md, the rule reference', () => {
  it('has entries in the `## ID: title` form, each id once', () => {
    expect(entries.length).toBeGreaterThan(100);
    const bad = entries.filter((e) => !(isRuleId(e.id) || e.id === 'Markers') || !/: \S/.test(e.title));
    expect(bad.map((e) => e.title)).toEqual([]);
    expect(entries.map((e) => e.anchor).filter((a, i, all) => all.indexOf(a) !== i)).toEqual([]);
  });

  it('explains every entry and cites upstream documentation for it', () => {
    const noText = entries.filter((e) => e.body.replace(/^Upstream:.*$/m, '').replace(/\(https?:[^)]*\)/g, '').trim().length < 40);
    const noSource = entries.filter((e) => !UPSTREAM.test(e.body));
    expect(noText.map((e) => e.id)).toEqual([]);
    expect(noSource.map((e) => e.id)).toEqual([]);
  });

  it('has an entry for every rule id cited in src/, scripts/, docs/ and README.md', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const file of citingFiles()) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const id of ruleIdsIn(line)) {
          cited++;
          if (!documented.has(id)) missing.push(`${id} (${relative(root, file)}:${i + 1})`);
        }
      });
    }
    expect(cited).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });

  it('cites, inside itself, only ids it has entries for', () => {
    expect(ruleIdsIn(doc).filter((id) => !documented.has(id))).toEqual([]);
  });
});
