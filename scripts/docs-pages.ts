/**
 * The user docs that ship with the site: each Markdown file in `docs/` listed below becomes a static page next to
 * the playground's index.html (`rules.html`, `diagnostics.html`, ...), rendered at build time by our own
 * renderer. The pages have no scripts and load nothing from elsewhere, so they work offline and under any path
 * prefix; links between them are relative. The dev server serves the same pages from the current Markdown.
 */
import { readFileSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import type { Plugin } from 'vite';
import { renderMarkdown } from './markdown';

export interface DocPage {
  /** The Markdown file, relative to the repository root. */
  source: string;
  /** The page in dist/. */
  page: string;
  title: string;
}

export const DOC_PAGES: DocPage[] = [
  { source: 'docs/rules.md', page: 'rules.html', title: 'Rule reference' },
  { source: 'docs/diagnostics.md', page: 'diagnostics.html', title: 'Diagnostic codes' },
  { source: 'docs/url-format.md', page: 'url-format.html', title: 'Share link format' },
  { source: 'docs/embedding.md', page: 'embedding.html', title: 'Embedding the playground' },
];

/** No scripts, no remote anything: only the page's own inline style and same-site images. */
export const DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light dark; --fg: #1d2330; --muted: #5b6475; --bg: #fff; --line: #d8dde6; --code: #f2f4f8; --accent: #2458c6; --hl: #fff6cc; }
@media (prefers-color-scheme: dark) { :root { --fg: #e4e8f0; --muted: #9aa3b5; --bg: #14171d; --line: #343a46; --code: #1f242d; --accent: #7fa7ff; --hl: #3b3618; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
nav { border-bottom: 1px solid var(--line); padding: 8px 24px; font-size: 14px; }
nav a, nav strong { margin-right: 16px; }
td:first-child code { white-space: nowrap; }
main { max-width: 920px; margin: 0 auto; padding: 8px 24px 64px; }
a { color: var(--accent); }
h1 { font-size: 28px; } h2 { font-size: 19px; margin-top: 2em; padding-top: 4px; border-top: 1px solid var(--line); }
h2:target, h3:target { background: var(--hl); }
code { background: var(--code); padding: 1px 4px; border-radius: 3px; font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
pre { background: var(--code); padding: 10px 12px; overflow-x: auto; border-radius: 4px; }
pre code { padding: 0; }
table { border-collapse: collapse; margin: 12px 0; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
blockquote { margin: 0; padding-left: 12px; border-left: 3px solid var(--line); color: var(--muted); }
a.rule { text-decoration-style: dotted; white-space: nowrap; }
`;

/** Where a relative link in `from` points on the site: another rendered doc, or nothing (plain text). */
export function linkResolver(from: string, pages: DocPage[] = DOC_PAGES): (target: string) => string | null {
  return (target) => {
    const [path = '', hash] = target.split('#');
    const resolved = path === '' ? from : posix.normalize(posix.join(posix.dirname(from), path));
    const page = pages.find((p) => p.source === resolved);
    if (!page) return null;
    return `${page.page}${hash ? `#${hash}` : ''}`;
  };
}

/** One complete HTML page for a Markdown document. */
export function renderDocPage(doc: DocPage, markdown: string, pages: DocPage[] = DOC_PAGES): string {
  const body = renderMarkdown(markdown, { page: doc.page, resolveLink: linkResolver(doc.source, pages) });
  const nav = [`<a href="./">Playground</a>`, ...pages.map((p) => (p === doc ? `<strong>${p.title}</strong>` : `<a href="${p.page}">${p.title}</a>`))];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="${DOCS_CSP}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${doc.title} · Kubernetes Network Playground</title>
<link rel="icon" href="favicon.svg" />
<style>${STYLE}</style>
</head>
<body>
<nav>${nav.join('\n')}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Vite plugin: emit every doc page into the build, and serve them from the dev server. */
export function docPages(root: string, pages: DocPage[] = DOC_PAGES): Plugin {
  const render = (doc: DocPage) => renderDocPage(doc, readFileSync(join(root, doc.source), 'utf8'), pages);
  return {
    name: 'knet-doc-pages',
    buildStart() {
      for (const doc of pages) this.addWatchFile(join(root, doc.source));
    },
    generateBundle() {
      for (const doc of pages) this.emitFile({ type: 'asset', fileName: doc.page, source: render(doc) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = basename(new URL(req.url ?? '/', 'http://localhost').pathname);
        const doc = pages.find((p) => p.page === name);
        if (!doc) return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(render(doc));
      });
    },
  };
}
