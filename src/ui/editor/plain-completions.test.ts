import { describe, expect, it } from 'vitest';
import { INSERT_AS_SNIPPET, plainSnippets, plainYamlCompletions } from './plain-completions';

describe('plainSnippets', () => {
  it.each([
    // insertText, rules in, rules out
    ['Namespace', INSERT_AS_SNIPPET, 0],
    ['v1', INSERT_AS_SNIPPET | 1, 1],
    ['metadata:\n  name: $1', INSERT_AS_SNIPPET, INSERT_AS_SNIPPET],
    ['name: ${1:web}', INSERT_AS_SNIPPET, INSERT_AS_SNIPPET],
    ['a \\$ b', INSERT_AS_SNIPPET, INSERT_AS_SNIPPET],
    ['Service', 0, 0],
  ])('%j with rules %i keeps rules %i', (insertText, rules, want) => {
    const out = plainSnippets({ suggestions: [{ insertText, insertTextRules: rules }] });
    expect(out.suggestions[0]!.insertTextRules).toBe(want);
  });
});

describe('plainYamlCompletions', () => {
  it('wraps YAML providers only, and passes other languages through untouched', async () => {
    const registered: { language: unknown; provider: { provideCompletionItems(): Promise<unknown> } }[] = [];
    const languages = {
      registerCompletionItemProvider(language: unknown, provider: never) {
        registered.push({ language, provider });
        return 'disposable';
      },
    };
    plainYamlCompletions(languages);
    const list = () => Promise.resolve({ suggestions: [{ insertText: 'Pod', insertTextRules: INSERT_AS_SNIPPET }] });
    const json = { provideCompletionItems: list };
    expect(languages.registerCompletionItemProvider('yaml', { provideCompletionItems: list } as never)).toBe('disposable');
    languages.registerCompletionItemProvider('json', json as never);
    expect(await registered[0]!.provider.provideCompletionItems()).toEqual({ suggestions: [{ insertText: 'Pod', insertTextRules: 0 }] });
    expect(registered[1]!.provider).toBe(json);
  });
});
