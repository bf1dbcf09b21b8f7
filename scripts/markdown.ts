/**
 * A small Markdown renderer for the user docs that ship with the site (docs/rules.md and friends): headings,
 * paragraphs, lists, tables, fenced code, quotes, code spans, emphasis and links. It runs at build time only
 * (no runtime dependency, nothing fetched), escapes every character of the source, and turns each rule id
 * (`NP-10`, `§5.2`) and marker (`[SIM]`) into a link to its entry in the rule reference.
 */
import { MARKER_SOURCE, RULE_ID_SOURCE, RULES_PAGE, isRuleId, ruleAnchor } from '../src/ui/rule-ids';

export interface RenderContext {
  /** The page being rendered (`rules.html`): rule links on it stay on the page. */
  page: string;
  /** Relative link target as written (`diagnostics.md#x`, `../src/x.ts`) → URL on the site, or null for text. */
  resolveLink: (target: string) => string | null;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The anchor of a heading: `## NP-10: title` → `NP-10` (rule ids, `§N`, one-word prefixes), else a slug. */
export function headingAnchor(text: string): string {
  const m = /^([^\s:]+): /.exec(text);
  return ruleAnchor(m ? m[1]! : text);
}

function ruleLink(id: string, ctx: RenderContext): string {
  const anchor = id.startsWith('[') ? 'markers' : ruleAnchor(id);
  return `<a class="rule" href="${ctx.page === RULES_PAGE ? '' : RULES_PAGE}#${anchor}">${escape(id)}</a>`;
}

/** Plain text: escaped, with emphasis and (outside link texts) rule ids as links. */
function plain(text: string, ctx: RenderContext, linkRules: boolean): string {
  let out = '';
  let last = 0;
  const ids = new RegExp(`${RULE_ID_SOURCE}|${MARKER_SOURCE}`, 'g');
  for (const m of linkRules ? text.matchAll(ids) : []) {
    out += escape(text.slice(last, m.index)) + ruleLink(m[0], ctx);
    last = m.index + m[0].length;
  }
  out += escape(text.slice(last));
  return out.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/(^|[^*\w])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1<em>$2</em>');
}

const INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\[([^\]]+)\]\(([^)\s]+)\)|<(https?:\/\/[^>\s]+)>/g;

/** One line (or joined lines) of inline Markdown. */
export function inline(text: string, ctx: RenderContext, linkRules = true): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out += plain(text.slice(last, m.index), ctx, linkRules);
    last = m.index + m[0].length;
    if (m[2] !== undefined) {
      const code = m[2].trim();
      out += linkRules && isRuleId(code) ? `<code>${ruleLink(code, ctx)}</code>` : `<code>${escape(code)}</code>`;
    } else if (m[3] !== undefined) {
      const label = inline(m[3], ctx, false);
      const href = /^(https?:|mailto:|#)/.test(m[4]!) ? m[4]! : ctx.resolveLink(m[4]!);
      out += href === null ? label : `<a href="${escape(href)}">${label}</a>`;
    } else {
      out += `<a href="${escape(m[5]!)}">${escape(m[5]!)}</a>`;
    }
  }
  return out + plain(text.slice(last), ctx, linkRules);
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const isBlank = (line: string) => line.trim() === '';
const LIST_ITEM = /^( *)([-*]|\d+[.)]) +/;

/** Cells of a table row: `| a | b \| c |` → ['a', 'b | c']. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** Block-level Markdown → HTML. */
export function renderBlocks(lines: string[], ctx: RenderContext): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = /^ *(`{3,}|~{3,}) *([\w-]*)/.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence[1]!); i++) body.push(lines[i]!);
      i++;
      out.push(`<pre><code${fence[2] ? ` class="language-${fence[2]}"` : ''}>${escape(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6}) +(.*?) *#*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level} id="${escape(headingAnchor(heading[2]!))}">${inline(heading[2]!, ctx, false)}</h${level}>`);
      i++;
      continue;
    }
    if (line.trim().startsWith('<!--')) {
      while (i < lines.length && !lines[i]!.includes('-->')) i++;
      i++;
      continue;
    }
    if (/^ *(-{3,}|\*{3,}) *$/.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (line.trim().startsWith('|') && /^ *\|? *:?-{3,}/.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) rows.push(cells(lines[i]!));
      const tr = (cs: string[], tag: string) => `<tr>${cs.map((c) => `<${tag}>${inline(c, ctx)}</${tag}>`).join('')}</tr>`;
      out.push(`<table><thead>${tr(head, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`);
      continue;
    }
    if (line.startsWith('>')) {
      const body: string[] = [];
      for (; i < lines.length && lines[i]!.startsWith('>'); i++) body.push(lines[i]!.replace(/^> ?/, ''));
      out.push(`<blockquote>${renderBlocks(body, ctx)}</blockquote>`);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      i = renderList(lines, i, ctx, out);
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length && !isBlank(lines[i]!) && !startsBlock(lines[i]!); i++) para.push(lines[i]!.trim());
    if (para.length === 0) para.push(lines[i++]!.trim());
    out.push(`<p>${inline(para.join(' '), ctx)}</p>`);
  }
  return out.join('\n');
}

function startsBlock(line: string): boolean {
  return /^ *(#{1,6} |`{3}|~{3}|>|\|)/.test(line) || LIST_ITEM.test(line);
}

/** A list starting at `start`; returns the index after it. Items hold blocks (nested lists, code, text). */
function renderList(lines: string[], start: number, ctx: RenderContext, out: string[]): number {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const indent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]!);
    if (!m || m[1]!.length !== indent || /\d/.test(m[2]!) !== ordered) break;
    const contentIndent = m[0].length;
    const body = [lines[i]!.slice(contentIndent)];
    for (i++; i < lines.length; i++) {
      const l = lines[i]!;
      if (isBlank(l)) {
        if (i + 1 < lines.length && indentOf(lines[i + 1]!) > indent && !isBlank(lines[i + 1]!)) body.push('');
        else break;
      } else if (indentOf(l) > indent) body.push(l.slice(Math.min(contentIndent, indentOf(l))));
      else if (!startsBlock(l) && !LIST_ITEM.test(l) && body[body.length - 1] !== '') body.push(l.trim());
      else break;
    }
    items.push(body);
    while (i < lines.length && isBlank(lines[i]!) && LIST_ITEM.exec(lines[i + 1] ?? '')?.[1]!.length === indent) i++;
  }
  const tag = ordered ? 'ol' : 'ul';
  const from = ordered ? parseInt(first[2]!, 10) : 1;
  const li = (body: string[]) => {
    const html = renderBlocks(body, ctx);
    // A tight item is one paragraph, maybe followed by a nested block: drop the <p> around its text.
    return html.replace(/^<p>([\s\S]*?)<\/p>(?=\n|$)/, '$1');
  };
  out.push(`<${tag}${from !== 1 ? ` start="${from}"` : ''}>${items.map((b) => `<li>${li(b)}</li>`).join('')}</${tag}>`);
  return i;
}

/** A whole Markdown document → HTML. */
export function renderMarkdown(source: string, ctx: RenderContext): string {
  return renderBlocks(source.replace(/\r\n?/g, '\n').split('\n'), ctx);
}
