import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RuleText } from './RuleText';
import { ruleAnchor, ruleIdsIn, splitRuleRefs } from './rule-ids';

const html = (text: string) => renderToStaticMarkup(<RuleText text={text} />);

describe('RuleText', () => {
  it.each([
    ['a diagnostic citing one rule', 'connections are refused (EPS-4, KP-5).', ['rules.html#EPS-4', 'rules.html#KP-5']],
    ['a section id', 'the route gets no status for this parent (§5.2).', ['rules.html#section-5.2']],
    ['an implementation choice', 'Hairpin: masqueraded to the node IP (I-4).', ['rules.html#I-4']],
    ['a marker', '[SIM] Gateway infra/gw is served by a simulated implementation (§5).', ['rules.html#markers', 'rules.html#section-5']],
    ['a rule id at the very start', 'NP-10: policies see traffic after DNAT', ['rules.html#NP-10']],
  ])('links every rule id in %s', (_name, text, hrefs) => {
    const out = html(text);
    expect([...out.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(hrefs);
  });

  it('keeps the text around the links, escaped, and opens links in a new tab of the same site', () => {
    const out = html('a <b> & c (NP-2) d');
    expect(out).toBe('a &lt;b&gt; &amp; c (<a class="rule-link" href="rules.html#NP-2" target="_blank" rel="noopener" title="NP-2 in the rule reference">NP-2</a>) d');
  });

  it.each([
    ['an RFC name', 'must be a valid DNS-1123 label'],
    ['a longer rule-like number', 'see GW-123 or NP-1000'],
    ['plain text', 'No problems found.'],
  ])('leaves %s alone', (_name, text) => {
    expect(html(text)).not.toContain('<a');
  });
});

describe('rule ids', () => {
  it('finds ids in order and maps each to its anchor', () => {
    expect(ruleIdsIn('(GW-11, GW-13) then §6.3 and I-20.')).toEqual(['GW-11', 'GW-13', '§6.3', 'I-20']);
    expect(['NP-10', '§5.2', '§0', 'Markers'].map(ruleAnchor)).toEqual(['NP-10', 'section-5.2', 'section-0', 'markers']);
  });

  it('splits a text into the same characters it was given', () => {
    const text = 'x (KP-5) y [IMPL] z §2.6.';
    expect(splitRuleRefs(text).map((p) => ('rule' in p ? p.rule : p.text)).join('')).toBe(text);
  });
});
