import { splitRuleRefs } from './rule-ids';

/**
 * A text (a diagnostic's message, a verdict's reason) with every rule id in it (`NP-10`, `§5.2`) and every
 * marker (`[SIM]`) turned into a link to its entry in the rule reference, which opens in a new tab. The
 * link is relative (`rules.html#NP-10`), so it works under any path prefix the site is served from.
 */
export function RuleText({ text }: { text: string }) {
  return (
    <>
      {splitRuleRefs(text).map((part, i) =>
        'rule' in part ? (
          <a key={i} className="rule-link" href={part.href} target="_blank" rel="noopener" title={`${part.rule} in the rule reference`}>
            {part.rule}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
