import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MatrixDocument } from '../core/index';
import { matrixToCSV, matrixToMarkdown, traceToText } from '../share/index';
import { download } from './download';

/** The graph's SVG/PNG drawing is loaded when first asked for, outside the shell that paints the first graph. */
const drawing = () => import('./export');
import { useApp, useStoreApi } from './store';
import { matrixPortKey } from './panels/matrix-port';
import { encodeScenario } from './url-state';

type Item = { id: string; label: string; disabled?: string; run: () => Promise<void> | void };

/** The Export menu: graph SVG/PNG (reopenable), YAML, policy matrix CSV/Markdown, trace text. Keyboard: arrows, Home/End, Esc. */
export function ExportMenu() {
  const store = useStoreApi();
  const [open, setOpen] = useState(false);
  const hasReply = useApp((s) => !!s.result.reply);
  const lastTrace = useApp((s) => s.result.lastTrace);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const hash = () => {
    const s = store.getState().source;
    return encodeScenario(s.text, s.options);
  };
  const matrix = async (): Promise<MatrixDocument> => {
    const last = store.getState().result.lastMatrix;
    if (last) return last;
    const s = store.getState();
    return s.actions.query('matrix', { port: matrixPortKey(s.ui.matrixPort, s.result.reply?.matrixPorts) ?? '80/TCP' });
  };
  const items: Item[] = [
    {
      id: 'svg',
      label: 'Graph as SVG',
      ...(hasReply ? {} : { disabled: 'nothing drawn yet' }),
      run: async () => {
        const { graphSVG, pageLook } = await drawing();
        download('playground-graph.svg', graphSVG(store.getState().result.reply!, hash(), pageLook()), 'image/svg+xml');
      },
    },
    {
      id: 'png',
      label: 'Graph as PNG',
      ...(hasReply ? {} : { disabled: 'nothing drawn yet' }),
      run: async () => {
        const h = hash();
        const { graphPNG, graphSVG, pageLook } = await drawing();
        download('playground-graph.png', await graphPNG(graphSVG(store.getState().result.reply!, h, pageLook()), h), 'image/png');
      },
    },
    { id: 'yaml', label: 'Scenario YAML', run: () => download('scenario.yaml', store.getState().source.text, 'application/yaml') },
    {
      id: 'csv',
      label: 'Policy matrix as CSV',
      ...(hasReply ? {} : { disabled: 'nothing simulated yet' }),
      run: async () => download('policy-matrix.csv', matrixToCSV(await matrix()), 'text/csv'),
    },
    {
      id: 'md',
      label: 'Policy matrix as Markdown',
      ...(hasReply ? {} : { disabled: 'nothing simulated yet' }),
      run: async () => download('policy-matrix.md', matrixToMarkdown(await matrix()), 'text/markdown'),
    },
    {
      id: 'trace',
      label: 'Trace as text',
      ...(lastTrace ? {} : { disabled: 'run a trace first (Trace tab)' }),
      run: () => {
        const t = store.getState().result.lastTrace;
        if (t) download('trace.txt', traceToText(t.result, `trace ${t.title}`), 'text/plain');
      },
    },
  ];

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    window.addEventListener('pointerdown', away);
    return () => window.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const all = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(all.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.stopPropagation();
      close();
      return;
    } else return;
    e.preventDefault();
  };
  const choose = async (it: Item) => {
    if (it.disabled) return;
    close();
    try {
      await it.run();
    } catch (err) {
      store.getState().actions.notify(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <div className="menu-wrap">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="export-menu"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        ⤓ Export
      </button>
      {open ? (
        <div className="menu" role="menu" id="export-menu" aria-label="Export" ref={menu} onKeyDown={onKey}>
          {items.map((it) => (
            <button
              key={it.id}
              type="button"
              role="menuitem"
              data-export={it.id}
              aria-disabled={it.disabled ? 'true' : undefined}
              title={it.disabled}
              tabIndex={-1}
              onClick={() => void choose(it)}
            >
              {it.label}
              {it.disabled ? <span className="muted small"> — {it.disabled}</span> : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
