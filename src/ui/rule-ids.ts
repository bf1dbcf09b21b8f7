/**
 * Rule ids as explanations cite them (`NP-10`, `KP-5`, `I-8`, `§5.2`) and where each one lives in the rule
 * reference that ships with the site (`rules.html`, rendered from docs/rules.md). Shared by the page's
 * links and the build that renders the reference, so an id and its anchor cannot drift apart.
 */

/** A rule id: a known prefix and a number (`DNS-1123` is an RFC name, not DNS-11), or a section `§N[.N]`. */
export const RULE_ID_SOURCE = String.raw`\b(?:ADM|SVC|EPS|KP|DNS|ING|GW|NP|ANP|I)-\d{1,2}\b|§\d+(?:\.\d+)?`;

/** The markers explanations use where Kubernetes leaves a choice open; all explained in one entry. */
export const MARKER_SOURCE = String.raw`\[(?:IMPL|SIM|EXT)\]`;

/** Every rule id in a text, in order (duplicates kept). */
export function ruleIdsIn(text: string): string[] {
  return [...text.matchAll(new RegExp(RULE_ID_SOURCE, 'g'))].map((m) => m[0]);
}

/** True when `text` is exactly one rule id. */
export function isRuleId(text: string): boolean {
  return new RegExp(`^(?:${RULE_ID_SOURCE})$`).test(text);
}

/** The anchor of an entry: the id itself (`NP-10`), `section-5.2` for `§5.2`, `markers` for the markers. */
export function ruleAnchor(id: string): string {
  if (id.startsWith('§')) return `section-${id.slice(1)}`;
  if (isRuleId(id)) return id;
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The page the reference is rendered to, next to the playground's index.html. */
export const RULES_PAGE = 'rules.html';

/** A relative link to an entry (or to the markers entry for `[SIM]`, `[IMPL]`, `[EXT]`). */
export function ruleHref(idOrMarker: string): string {
  return `${RULES_PAGE}#${/^\[.*\]$/.test(idOrMarker) ? 'markers' : ruleAnchor(idOrMarker)}`;
}

export type RulePart = { text: string } | { rule: string; href: string };

/** Split a text into plain parts and rule references (ids and markers), for rendering them as links. */
export function splitRuleRefs(text: string): RulePart[] {
  const out: RulePart[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(`${RULE_ID_SOURCE}|${MARKER_SOURCE}`, 'g'))) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ rule: m[0], href: ruleHref(m[0]) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
