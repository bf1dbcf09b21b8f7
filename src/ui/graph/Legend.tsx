import { useState } from 'react';
import { KIND_STYLE } from './kinds';
import { BlockedIcon } from './edges';
import { ShieldIcon } from './nodes';

const SHOWN = ['Client', 'Ingress', 'Gateway', 'HTTPRoute', 'Service', 'EndpointSlice', 'Pod'];

/**
 * What the lines mean (one row) and the kind badges (on demand), so it never hides the graph. `compact` (the
 * embed): folded to one button until asked for.
 */
export function Legend({ compact = false }: { compact?: boolean }) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(!compact);
  if (!shown)
    return (
      <button type="button" className="legend legend-toggle-all" onClick={() => setShown(true)} aria-expanded={false}>
        Legend ▸
      </button>
    );
  return (
    <div className="legend">
      <ul className="legend-edges">
        <li>
          <svg width="26" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="26" y2="5" stroke="var(--ok)" strokeWidth="2" />
          </svg>
          allowed
        </li>
        <li>
          <svg width="26" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="26" y2="5" stroke="var(--bad)" strokeWidth="2.4" strokeDasharray="6 4" />
          </svg>
          <BlockedIcon size={12} /> blocked
        </li>
        <li>
          <svg width="26" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="26" y2="5" stroke="var(--unknown)" strokeWidth="2" strokeDasharray="2 4" />
          </svg>
          ? unknown
        </li>
        <li>
          <button type="button" className="legend-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
            kinds {open ? '▾' : '▸'}
          </button>
        </li>
      </ul>
      {open ? (
        <ul className="legend-kinds">
          {SHOWN.map((k) => (
            <li key={k}>
              <span className="badge" style={{ background: KIND_STYLE[k]!.color }}>
                {KIND_STYLE[k]!.badge}
              </span>
              {KIND_STYLE[k]!.title}
            </li>
          ))}
          <li>
            <span className="shield legend-shield" aria-hidden="true">
              <ShieldIcon />
              in
            </span>
            Pod isolated by a NetworkPolicy (in, out or both)
          </li>
        </ul>
      ) : null}
    </div>
  );
}
