/**
 * Exports (issue 7): the graph as SVG and PNG carrying the scenario (src/share image-meta), the YAML, the
 * policy matrix as CSV/Markdown and a trace as text. The SVG is drawn from the topology and the layout
 * (not scraped from the DOM), so it is the same whatever is scrolled into view.
 */
import { detailLines } from '../core/index';
import type { SimulatedReply } from '../worker/protocol';
import { pngWithScenario, svgWithScenario } from '../share/index';
import { fitName, fitWith } from './graph/fit-text';
import { kindStyle } from './graph/kinds';
import { midpoint, roundedPath } from './graph/paths';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The colours of the theme on screen (styles.css variables), so the picture looks like the page. */
export interface Palette {
  bg: string;
  node: string;
  fg: string;
  muted: string;
  border: string;
  ok: string;
  bad: string;
  unknown: string;
  warn: string;
  group: string;
}

/** How the picture is drawn: the theme's colours, the font, and a way to measure text in it. */
export interface Look {
  palette: Palette;
  family: string;
  measure(text: string, font: string): number;
}

/** Where text starts inside a node (padding, badge, gap) and the padding on its right (styles.css `.obj`). */
const TEXT_X = 46;
const TEXT_RIGHT = 8;

type Rect = { x: number; y: number; w: number; h: number };

/**
 * The graph as a standalone SVG document in the page's theme, with the scenario's hash in its metadata. Drawn
 * from the topology and the layout (not scraped from the DOM), with the routes the layout gave edges that do
 * not run to the next column, so an edge never crosses a box it does not connect and every arrowhead ends on
 * its target's border, in the open. Labels are cut to fit their boxes; each node's `<title>` has its full name.
 */
export function graphSVG(reply: SimulatedReply, hash: string, look: Look): string {
  const p = look.palette;
  const abs = absoluteRects(reply);
  const all = [...abs.values()];
  const routePoints = Object.values(reply.routes ?? {}).flat();
  const pad = 24;
  const minX = Math.min(0, ...all.map((r) => r.x), ...routePoints.map((q) => q[0])) - pad;
  const minY = Math.min(0, ...all.map((r) => r.y), ...routePoints.map((q) => q[1])) - pad;
  const maxX = Math.max(100, ...all.map((r) => r.x + r.w), ...routePoints.map((q) => q[0])) + pad;
  const maxY = Math.max(100, ...all.map((r) => r.y + r.h), ...routePoints.map((q) => q[1])) + pad + 24;
  const stroke = { allowed: p.ok, blocked: p.bad, unknown: p.unknown } as const;
  const dash = { allowed: '', blocked: '7 4', unknown: '2 4' } as const;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(maxX - minX)}" height="${Math.round(maxY - minY)}" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" font-family="${esc(look.family)}">`,
    `<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="${p.bg}"/>`,
    `<defs>${(['allowed', 'blocked', 'unknown'] as const)
      .map(
        (v) =>
          `<marker id="arrow-${v}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${stroke[v]}"/></marker>`,
      )
      .join('')}</defs>`,
  ];
  for (const [id, r] of abs) {
    if (!id.startsWith('Namespace/')) continue;
    out.push(
      `<g data-object="${esc(id)}"><rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="12" fill="${p.group}" stroke="${p.unknown}" stroke-dasharray="6 4"/>`,
      `<text x="${r.x + 10}" y="${r.y + 19}" font-size="12" font-weight="600" fill="${p.muted}">namespace ${esc(id.slice(10))}</text></g>`,
    );
  }
  // Weight shares go on top of the nodes, as the page draws them.
  const shares: string[] = [];
  for (const e of reply.topology.edges) {
    const a = abs.get(e.from);
    const b = abs.get(e.to);
    if (!a || !b) continue;
    const route = reply.routes?.[e.id];
    const d = route ? roundedPath(route) : curve(a, b);
    const mid = route ? midpoint(route) : [(a.x + a.w + b.x) / 2, (a.y + a.h / 2 + b.y + b.h / 2) / 2];
    out.push(
      `<path data-from="${esc(e.from)}" data-to="${esc(e.to)}" data-verdict="${e.verdict}" d="${d}" fill="none" stroke="${stroke[e.verdict]}" stroke-width="${e.verdict === 'blocked' ? 2.4 : 1.6}"${dash[e.verdict] ? ` stroke-dasharray="${dash[e.verdict]}"` : ''} marker-end="url(#arrow-${e.verdict})"><title>${esc(`${e.from} → ${e.to}: ${e.verdict}. ${e.reason}`)}</title></path>`,
    );
    if (e.verdict === 'blocked') out.push(blockedMark(mid[0]!, mid[1]!, p));
    if (e.share) shares.push(shareLabel(mid[0]!, mid[1]! - 9, e.share, p));
  }
  for (const n of reply.topology.nodes) {
    const r = abs.get(n.id);
    if (r) out.push(nodeSVG(n, r, look));
  }
  out.push(...shares);
  out.push(
    `<text x="${minX + pad}" y="${maxY - 10}" font-size="11" fill="${p.muted}">Kubernetes Network Playground: green, allowed; red dashed with a bar, blocked; grey dotted, unknown. Open this file in the playground to edit the scenario.</text>`,
    '</svg>',
  );
  return svgWithScenario(out.join('\n'), hash);
}

/** Every node's and group's box in flow coordinates (a child's placement is relative to its group). */
function absoluteRects(reply: SimulatedReply): Map<string, Rect> {
  const out = new Map<string, Rect>();
  for (const [id, q] of Object.entries(reply.layout)) {
    const parent = q.parent ? reply.layout[q.parent] : undefined;
    out.set(id, { x: q.x + (parent?.x ?? 0), y: q.y + (parent?.y ?? 0), w: q.width, h: q.height });
  }
  return out;
}

/** An edge to the next column: from the middle of the source's right side to the middle of the target's left side. */
function curve(a: Rect, b: Rect): string {
  const [x1, y1, x2, y2] = [a.x + a.w, a.y + a.h / 2, b.x, b.y + b.h / 2];
  const mx = (x1 + x2) / 2;
  return `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
}

/** A backend's share of its rule's requests (`90%`), a small label whose bottom sits at (x, y). */
function shareLabel(x: number, y: number, share: { text: string; why: string }, p: Palette): string {
  const w = share.text.length * 6.6 + 10;
  return `<g class="share"><rect x="${x - w / 2}" y="${y - 15}" width="${w}" height="15" rx="7" fill="${p.node}" stroke="${p.border}"/><text x="${x}" y="${y - 4}" font-size="11" font-weight="600" text-anchor="middle" fill="${p.fg}">${esc(share.text)}</text><title>${esc(share.why)}</title></g>`;
}

function blockedMark(x: number, y: number, p: Palette): string {
  return `<g aria-label="blocked"><circle cx="${x}" cy="${y}" r="7" fill="${p.bad}"/><rect x="${x - 4.5}" y="${y - 1.4}" width="9" height="2.8" rx="0.6" fill="#fff"/></g>`;
}

/** One node: box, kind badge, name and detail lines cut to fit, and its full name in a `<title>`. */
function nodeSVG(n: SimulatedReply['topology']['nodes'][number], r: Rect, look: Look): string {
  const p = look.palette;
  const k = kindStyle(n.kind);
  const room = r.w - TEXT_X - TEXT_RIGHT;
  const measure = (font: string) => (t: string) => look.measure(t, font);
  const title = fitName(measure(`600 14px ${look.family}`), n.label, room);
  const details = detailLines(n.detail).map((l) => fitWith(measure(`11.5px ${look.family}`), l, room));
  const height = 17 + details.length * 14;
  const top = r.y + (r.h - height) / 2;
  const border = n.status === 'error' ? p.bad : n.status === 'warning' ? p.warn : p.border;
  return [
    `<g data-kind="${esc(n.kind)}" data-object="${esc(n.id)}"><title>${esc(`${n.id}${n.detail ? `\n${n.detail}` : ''}`)}</title>`,
    `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="8" fill="${p.node}" stroke="${border}" stroke-width="1.5"/>`,
    `<rect x="${r.x + 8}" y="${r.y + r.h / 2 - 10}" width="30" height="20" rx="5" fill="${k.color}"/><text x="${r.x + 23}" y="${r.y + r.h / 2 + 3.5}" font-size="9.5" font-weight="700" fill="#ffffff" text-anchor="middle">${esc(k.badge)}</text>`,
    `<text class="label" x="${r.x + TEXT_X}" y="${top + 13}" font-size="14" font-weight="600" fill="${p.fg}">${esc(title)}</text>`,
    ...details.map(
      (l, i) => `<text class="label" x="${r.x + TEXT_X}" y="${top + 17 + 11 + i * 14}" font-size="11.5" fill="${p.muted}">${esc(l)}</text>`,
    ),
    `</g>`,
  ].join('');
}

/** The theme on screen, read from the page's CSS variables, and the page's font measured on a canvas. */
export function pageLook(): Look {
  const css = getComputedStyle(document.documentElement);
  // The theme's variables are always defined (styles.css): one source for the colours, no copies here.
  const v = (name: string) => css.getPropertyValue(name).trim();
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const ctx = document.createElement('canvas').getContext('2d');
  return {
    palette: {
      bg: v('--bg'),
      node: v('--node-bg'),
      fg: v('--fg'),
      muted: v('--muted'),
      border: v('--border'),
      ok: v('--ok'),
      bad: v('--bad'),
      unknown: v('--unknown'),
      warn: v('--warn'),
      group: v('--group-flat'),
    },
    family,
    measure: (text, font) => {
      if (!ctx) return text.length * 8;
      ctx.font = font;
      return ctx.measureText(text).width;
    },
  };
}

/** The SVG rasterised (2× for sharp text) to PNG bytes with the scenario in a tEXt chunk. */
export async function graphPNG(svg: string, hash: string): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error('The graph picture could not be drawn.'));
      img.src = url;
    });
    const scale = Math.min(2, 16_000 / Math.max(img.width, img.height, 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas in this browser.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
    if (!blob) throw new Error('The PNG could not be encoded.');
    return pngWithScenario(new Uint8Array(await blob.arrayBuffer()), hash);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export { download } from './download';
