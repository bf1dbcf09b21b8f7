import type { MatrixDocument, TraceDocument } from '../core/index';

/**
 * Text exports (issue 7 "Export"): the policy matrix as CSV and Markdown, a trace as plain text. Pure
 * formatting of query results; the page offers them as downloads or copies them to the clipboard.
 */

/** CSV (RFC 4180): one row per source pod and port, one column per destination pod; cells `allowed`/`denied`. */
export function matrixToCSV(m: MatrixDocument): string {
  const rows = [['from', 'port', ...m.pods].map(csvCell).join(',')];
  for (const [port, lines] of Object.entries(m.matrix)) {
    lines.forEach((line, i) => {
      rows.push([m.pods[i] ?? '', port, ...[...line].map((c) => (c === '1' ? 'allowed' : 'denied'))].map(csvCell).join(','));
    });
  }
  return rows.join('\r\n') + '\r\n';
}

function csvCell(s: string): string {
  // Also neutralise spreadsheet formulas: a cell starting with = + - @ is prefixed with '.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One Markdown table per port: rows are sources, columns destinations, ✓ allowed and ✗ denied. */
export function matrixToMarkdown(m: MatrixDocument): string {
  const out: string[] = [];
  for (const [port, lines] of Object.entries(m.matrix)) {
    out.push(`### ${port}`, '', `| from \\ to | ${m.pods.map(mdCell).join(' | ')} |`, `|---|${m.pods.map(() => ':-:').join('|')}|`);
    lines.forEach((line, i) => out.push(`| ${mdCell(m.pods[i] ?? '')} | ${[...line].map((c) => (c === '1' ? '✓' : '✗')).join(' | ')} |`));
    out.push('');
  }
  return out.join('\n');
}

function mdCell(s: string): string {
  return s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** A trace as text: the verdict, then one line per hop with its object and reason. */
export function traceToText(t: TraceDocument, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title);
  lines.push(`${t.verdict.toUpperCase()}: ${t.summary}`, '');
  t.hops.forEach((h, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${h.step.padEnd(14)} ${h.result.padEnd(7)} ${h.object ?? '-'}`);
    lines.push(`    ${h.reason}`);
  });
  if (t.assumptions.length) lines.push('', 'assumed:', ...t.assumptions.map((a) => `  - ${a}`));
  return lines.join('\n') + '\n';
}
