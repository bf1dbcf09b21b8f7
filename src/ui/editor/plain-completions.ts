/**
 * monaco-yaml hands every completion over as a snippet, even a plain value such as `Namespace` or `v1`. Monaco
 * counts a snippet as changing the text, so with `acceptSuggestionOnEnter: 'smart'` a word typed whole with its
 * own suggestion still up took Enter anyway and the next line was joined on (`kind: Namespacemetadata:`).
 * A snippet with no tab stop, placeholder or escape is plain text: mark it so, and `smart` decides as it should.
 */

/** Monaco's `CompletionItemInsertTextRule.InsertAsSnippet`. */
export const INSERT_AS_SNIPPET = 4;

interface Item {
  insertText: string;
  insertTextRules?: number;
}

/** The same items, with snippets that are plain text marked as plain text (the list is changed in place). */
export function plainSnippets<T extends { suggestions: Item[] }>(list: T): T {
  for (const item of list.suggestions) {
    const rules = item.insertTextRules ?? 0;
    if (rules & INSERT_AS_SNIPPET && !/[$\\]/.test(item.insertText)) item.insertTextRules = rules & ~INSERT_AS_SNIPPET;
  }
  return list;
}

type Provider = { provideCompletionItems(...args: never[]): unknown };
type Languages = { registerCompletionItemProvider(language: unknown, provider: Provider): unknown };

/** Every completion provider registered for YAML from now on answers through `plainSnippets`. */
export function plainYamlCompletions(languages: Languages): void {
  const register = languages.registerCompletionItemProvider.bind(languages);
  languages.registerCompletionItemProvider = (language, provider) => {
    if (language !== 'yaml') return register(language, provider);
    const provide = provider.provideCompletionItems.bind(provider);
    return register(language, {
      ...provider,
      provideCompletionItems: async (...args: never[]) => {
        const list = (await provide(...args)) as { suggestions: Item[] } | null | undefined;
        return list ? plainSnippets(list) : list;
      },
    });
  };
}
