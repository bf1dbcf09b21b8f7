/**
 * Exports (issue 7): the graph as SVG and PNG carrying the scenario (src/share image-meta), the YAML, the
 * policy matrix as CSV/Markdown and a trace as text. The SVG is drawn from the topology and the layout
 * (not scraped from the DOM), so it is the same whatever is scrolled into view.
 */
import type { SimulatedReply } from '../worker/protocol';
import { pngWithScenario, svgWithScenario } from '../share/index';
import { kindStyle } from './graph/kinds';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const EDGE = {
  allowed: { stroke: '#15803d', dash: '', width: 1.6 },
  blocked: { stroke: '#dc2626', dash: '7 4', width: 2.4 },
  unknown: { stroke: '#94a3b8', dash: '2 4', width: 1.6 },
} as const;

/** The graph as a standalone SVG document (light theme), with the scenario's hash in its metadata. */
export function graphSVG(reply: SimulatedReply, hash: string): string {
  const abs = new Map<string, { x: number; y: number; w: number; h: number }>();
  const place = (id: string, depth = 0): { x: number; y: number; w: number; h: number } | undefined => {
    const known = abs.get(id);
    if (known) return known;
    const p = reply.layout[id];
    if (!p || depth > 4) return undefined;
    const parent = p.parent ? place(p.parent, depth + 1) : undefined;
    const r = { x: p.x + (parent?.x ?? 0), y: p.y + (parent?.y ?? 0), w: p.width, h: p.height };
    abs.set(id, r);
    return r;
  };
  for (const id of Object.keys(reply.layout)) place(id);
  const all = [...abs.values()];
  const pad = 24;
  const minX = Math.min(0, ...all.map((r) => r.x)) - pad;
  const minY = Math.min(0, ...all.map((r) => r.y)) - pad;
  const maxX = Math.max(100, ...all.map((r) => r.x + r.w)) + pad;
  const maxY = Math.max(100, ...all.map((r) => r.y + r.h)) + pad + 24;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(maxX - minX)}" height="${Math.round(maxY - minY)}" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" font-family="system-ui, sans-serif">`,
    `<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="#ffffff"/>`,
    `<defs>${Object.entries(EDGE)
      .map(
        ([v, e]) =>
          `<marker id="arrow-${v}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${e.stroke}"/></marker>`,
      )
      .join('')}</defs>`,
  );
  // Namespace groups behind everything.
  for (const [id, r] of abs) {
    if (!id.startsWith('Namespace/')) continue;
    out.push(
      `<g data-object="${esc(id)}"><rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="12" fill="#f8fafc" stroke="#94a3b8" stroke-dasharray="6 4"/>`,
    );
    out.push(
      `<text x="${r.x + 10}" y="${r.y + 18}" font-size="12" font-weight="600" fill="#475569">namespace ${esc(id.slice(10))}</text></g>`,
    );
  }
  for (const e of reply.topology.edges) {
    const a = abs.get(e.from);
    const b = abs.get(e.to);
    if (!a || !b) continue;
    const st = EDGE[e.verdict];
    const x1 = a.x + a.w;
    const y1 = a.y + a.h / 2;
    const x2 = b.x;
    const y2 = b.y + b.h / 2;
    const mx = (x1 + x2) / 2;
    out.push(
      `<path data-from="${esc(e.from)}" data-to="${esc(e.to)}" data-verdict="${e.verdict}" d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}" fill="none" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''} marker-end="url(#arrow-${e.verdict})"><title>${esc(`${e.from} → ${e.to}: ${e.verdict}. ${e.reason}`)}</title></path>`,
    );
  }
  for (const n of reply.topology.nodes) {
    if (n.kind === 'Namespace') continue;
    const r = abs.get(n.id);
    if (!r) continue;
    const k = kindStyle(n.kind);
    out.push(
      `<g data-kind="${esc(n.kind)}" data-object="${esc(n.id)}"><rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="8" fill="#ffffff" stroke="${n.status === 'error' ? '#dc2626' : n.status === 'warning' ? '#d97706' : '#cbd5e1'}" stroke-width="1.5"/>`,
      `<rect x="${r.x + 8}" y="${r.y + r.h / 2 - 11}" width="38" height="22" rx="5" fill="${k.color}"/><text x="${r.x + 27}" y="${r.y + r.h / 2 + 4}" font-size="10" font-weight="700" fill="#ffffff" text-anchor="middle">${esc(k.badge)}</text>`,
      `<text x="${r.x + 54}" y="${r.y + r.h / 2 - (n.detail ? 2 : -4)}" font-size="13" font-weight="600" fill="#0f172a">${esc(n.label)}</text>`,
      n.detail ? `<text x="${r.x + 54}" y="${r.y + r.h / 2 + 13}" font-size="11" fill="#64748b">${esc(n.detail)}</text>` : '',
      `</g>`,
    );
  }
  out.push(
    `<text x="${minX + pad}" y="${maxY - 10}" font-size="11" fill="#64748b">Kubernetes Network Playground — green: allowed, red dashed: blocked, grey dotted: unknown. Open this file in the playground to edit the scenario.</text>`,
    '</svg>',
  );
  return svgWithScenario(out.join('\n'), hash);
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

/** Offer bytes or text as a file download (a blob: link clicked; nothing leaves the browser). */
export function download(name: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
