import { useState } from 'react';
import { KIND_STYLE } from './kinds';
import { BlockedIcon } from './edges';

const SHOWN = ['Client', 'Ingress', 'Gateway', 'HTTPRoute', 'Service', 'EndpointSlice', 'Pod'];

/** What the lines mean (always shown, one row) and the kind badges (on demand), so it never hides the graph. */
export function Legend() {
  const [open, setOpen] = useState(false);
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
              <svg width="11" height="12" viewBox="0 0 11 12">
                <path d="M5.5 0.5 L10 2.2 V5.6 C10 8.4 8 10.5 5.5 11.5 C3 10.5 1 8.4 1 5.6 V2.2 Z" fill="var(--bad)" />
              </svg>
              in
            </span>
            Pod isolated by a NetworkPolicy (in, out or both)
          </li>
        </ul>
      ) : null}
    </div>
  );
}
