/**
 * monaco-yaml's hover on the first character of a top-level key that follows a block mapping gives the help of
 * that mapping: at column 1 of `spec:` under `metadata:` a NetworkPolicy showed "Standard object metadata". The
 * language server finds the node at the offset where the line starts, and the mapping above ends exactly
 * there. One column to the right is inside the key and gets the key's own help, so a hover there is asked
 * one column to the right.
 */

/** The column to ask the hover for: one to the right at the first character of a top-level key, else the same. */
export function hoverColumn(line: string, column: number): number {
  return column === 1 && line.length > 1 && /^[A-Za-z_"'][^:]*:/.test(line) ? 2 : column;
}

interface Position {
  lineNumber: number;
  column: number;
  with?(lineNumber?: number, column?: number): Position;
}
type Model = { getLineContent(lineNumber: number): string };
type Provider = { provideHover(model: Model, position: Position, ...rest: never[]): unknown };
type Languages = { registerHoverProvider(language: unknown, provider: Provider): unknown };

/** Every hover provider registered for YAML from now on is asked at `hoverColumn`. */
export function keyStartHovers(languages: Languages): void {
  const register = languages.registerHoverProvider.bind(languages);
  languages.registerHoverProvider = (language, provider) => {
    if (language !== 'yaml') return register(language, provider);
    const provide = provider.provideHover.bind(provider);
    return register(language, {
      ...provider,
      provideHover: (model: Model, position: Position, ...rest: never[]) => {
        const column = hoverColumn(model.getLineContent(position.lineNumber), position.column);
        if (column === position.column) return provide(model, position, ...rest);
        const moved = position.with ? position.with(undefined, column) : { lineNumber: position.lineNumber, column };
        return provide(model, moved, ...rest);
      },
    });
  };
}
