import { describe, expect, it } from 'vitest';
import { headingAnchor, renderMarkdown } from './markdown';

const ctx = { page: 'rules.html', resolveLink: (t: string) => (t.startsWith('diagnostics.md') ? t.replace('.md', '.html') : null) };
const md = (s: string) => renderMarkdown(s, ctx);

describe('the docs Markdown renderer', () => {
  it.each([
    ['a rule heading keeps the id as its anchor', '## NP-10: Service VIPs', '<h2 id="NP-10">NP-10: Service VIPs</h2>'],
    ['a section heading', '## §5.2: Route attachment', '<h2 id="section-5.2">§5.2: Route attachment</h2>'],
    ['another heading gets a slug', '# Rule reference', '<h1 id="rule-reference">Rule reference</h1>'],
    ['a paragraph joins its lines', 'one\ntwo', '<p>one two</p>'],
    ['emphasis and code', 'a **b** *c* `d <e>`', '<p>a <strong>b</strong> <em>c</em> <code>d &lt;e&gt;</code></p>'],
    ['HTML in the text is shown, not run', '<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['an upstream link', '[Service](https://kubernetes.io/docs/x/)', '<p><a href="https://kubernetes.io/docs/x/">Service</a></p>'],
    ['a link to another rendered doc', '[codes](diagnostics.md#dns)', '<p><a href="diagnostics.html#dns">codes</a></p>'],
    ['a link to a repository file becomes text', '[the pipeline](../src/core/simulate.ts)', '<p>the pipeline</p>'],
    ['rule ids in text link to their entry on this page', 'refused (EPS-4, KP-5).', '<p>refused (<a class="rule" href="#EPS-4">EPS-4</a>, <a class="rule" href="#KP-5">KP-5</a>).</p>'],
    ['a marker links to the markers entry', '[SIM] glibc', '<p><a class="rule" href="#markers">[SIM]</a> glibc</p>'],
    ['a rule id in a code span', 'see `I-8`', '<p>see <code><a class="rule" href="#I-8">I-8</a></code></p>'],
    ['an RFC name is not a rule', 'a DNS-1123 label', '<p>a DNS-1123 label</p>'],
    ['an HTML comment is dropped', '<!-- note -->\ntext', '<p>text</p>'],
    ['a fenced block is escaped verbatim', '```yaml\na: <b>\n  - NP-1\n```', '<pre><code class="language-yaml">a: &lt;b&gt;\n  - NP-1</code></pre>'],
    ['a quote', '> quoted', '<blockquote><p>quoted</p></blockquote>'],
  ])('%s', (_name, source, html) => {
    expect(md(source)).toBe(html);
  });

  it('renders a table with escaped pipes and inline cells', () => {
    expect(md('| code | rule |\n|---|---|\n| `a\\|b` | NP-2 |')).toBe(
      '<table><thead><tr><th>code</th><th>rule</th></tr></thead><tbody><tr><td><code>a|b</code></td><td><a class="rule" href="#NP-2">NP-2</a></td></tr></tbody></table>',
    );
  });

  it('renders nested and ordered lists with continuation lines', () => {
    expect(md('- one\n  more\n  - inner\n- two\n\n1. first\n2. second')).toBe(
      '<ul><li>one more\n<ul><li>inner</li></ul></li><li>two</li></ul>\n<ol><li>first</li><li>second</li></ol>',
    );
  });

  it('keeps the number an ordered list starts at', () => {
    expect(md('23. a\n24. b')).toBe('<ol start="23"><li>a</li><li>b</li></ol>');
  });

  it('links rule ids to the rule page from other pages', () => {
    expect(renderMarkdown('GW-13', { ...ctx, page: 'diagnostics.html' })).toBe('<p><a class="rule" href="rules.html#GW-13">GW-13</a></p>');
  });

  it('does not put a rule link inside a link text', () => {
    expect(md('[see NP-10](https://kubernetes.io/)')).toBe('<p><a href="https://kubernetes.io/">see NP-10</a></p>');
  });

  it('names heading anchors the way rule links point at them', () => {
    expect(['NP-10: x', '§0: y', 'Markers: what [IMPL] means', 'Reading manifests — `x`'].map(headingAnchor)).toEqual(['NP-10', 'section-0', 'markers', 'reading-manifests-x']);
  });
});
