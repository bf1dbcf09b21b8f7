import { useState } from 'react';
import { KIND_STYLE } from './kinds';
import { BlockedIcon } from './edges';

const SHOWN = ['Client', 'Ingress', 'Gateway', 'HTTPRoute', 'Service', 'EndpointSlice', 'Pod'];

/** What the shapes and lines mean. Collapsible so it never hides the graph. */
export function Legend() {
  const [open, setOpen] = useState(true);
  return (
    <div className="legend">
      <button type="button" className="legend-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        Legend {open ? '▾' : '▸'}
      </button>
      {open ? (
        <div className="legend-body">
          <ul>
            {SHOWN.map((k) => (
              <li key={k}>
                <span className="badge" style={{ background: KIND_STYLE[k]!.color }}>
                  {KIND_STYLE[k]!.badge}
                </span>
                {KIND_STYLE[k]!.title}
              </li>
            ))}
          </ul>
          <ul>
            <li>
              <svg width="34" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="34" y2="5" stroke="var(--ok)" strokeWidth="2" />
              </svg>
              allowed
            </li>
            <li>
              <svg width="34" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="34" y2="5" stroke="var(--bad)" strokeWidth="2.4" strokeDasharray="7 5" />
              </svg>
              <BlockedIcon size={12} /> blocked
            </li>
            <li>
              <svg width="34" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="34" y2="5" stroke="var(--unknown)" strokeWidth="2" strokeDasharray="2 5" />
              </svg>
              ? unknown
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
