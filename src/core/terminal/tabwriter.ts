/**
 * Go's `text/tabwriter` (the elastic tabstops kubectl aligns its output with), for padding with blanks and no
 * flags: a cell is text ending in a tab; the cells of one column that sit on consecutive lines form a block
 * whose width is the widest cell plus `padding` (at least `minwidth`); the last cell of a line is not part of
 * a column. The recursion mirrors `(*Writer).format` in go/src/text/tabwriter/tabwriter.go.
 */
export interface TabOptions {
  minwidth: number;
  padding: number;
}

/** kubectl get: `printers.GetNewTabWriter` (minwidth 6, tabwidth 4, padding 3). */
export const GET_TABS: TabOptions = { minwidth: 6, padding: 3 };
/** kubectl describe: `tabbedString` (minwidth 0, tabwidth 8, padding 2). */
export const DESCRIBE_TABS: TabOptions = { minwidth: 0, padding: 2 };

export function tabwrite(text: string, opts: TabOptions): string {
  const hasFinalNewline = text.endsWith('\n');
  const lines = (hasFinalNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];
  const width = (s: string) => [...s].length;

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i]!;
      let s = '';
      cells.forEach((cell, j) => {
        // Cells inside a column are padded; the last cell of a line is written as it is.
        if (j < cells.length - 1 && j < widths.length) s += cell + ' '.repeat(Math.max(0, widths[j]! - width(cell)));
        else s += cell;
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t]!.length - 1) continue;
      // A cell in this column starts a block: print the lines above it, then size the block.
      writeLines(line0, t);
      line0 = t;
      let w = opts.minwidth;
      for (; t < line1; t++) {
        const cells = lines[t]!;
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]!) + opts.padding);
      }
      widths.push(w);
      format(line0, t);
      widths.pop();
      // Line t has no cell in this column (or is past the end): it cannot start a block, so skip it.
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (hasFinalNewline ? '\n' : '');
}
