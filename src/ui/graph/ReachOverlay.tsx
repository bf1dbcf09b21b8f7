import { useEffect, useState } from 'react';
import { peerArg } from '../../core/index';
import { useActions, useApp } from '../store';
import { matrixPortKey, portLabel } from '../panels/matrix-port';

/**
 * Pod-to-pod policy verdicts as an overlay (issue 6: not n² edges): with a pod selected, every other pod
 * is marked reachable (solid outline, ✓) or blocked (dashed outline, ⊘) from it on the Policy matrix
 * panel's port. Drawn by a style element so the memoised graph nodes are not re-rendered.
 */
export function ReachOverlay() {
  const selection = useApp((s) => s.ui.selection);
  const typed = useApp((s) => s.ui.matrixPort);
  const suggested = useApp((s) => s.result.reply?.matrixPorts);
  const port = matrixPortKey(typed, suggested);
  const rev = useApp((s) => s.result.reply?.rev ?? 0);
  const { query } = useActions();
  const [on, setOn] = useState(false);
  const [css, setCss] = useState('');
  const from = selection?.type === 'node' && selection.id.startsWith('Pod/') ? selection.id : null;

  useEffect(() => {
    if (!on || !from || !port) {
      setCss('');
      return;
    }
    let live = true;
    query('matrix', { port }).then(
      (m) => {
        if (!live) return;
        const i = m.pods.indexOf(peerArg(from));
        const row = m.matrix[port]?.[i];
        setCss(row ? rules(m.pods, row, from) : '');
      },
      () => live && setCss(''),
    );
    return () => {
      live = false;
    };
  }, [on, from, port, rev, query]);

  return (
    <>
      <label className="reach-toggle" title="Mark which pods the selected pod may connect to, under the policies in force">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} />{' '}
        <span className="reach-long">reachability from the selected pod on port</span>
        <span className="reach-short">reach from pod :</span>
        {port ? portLabel(port) : (typed ?? '')}
        {/* Ticked with no pod selected: nothing to mark yet, and the person is told what to do. */}
        {on && !from ? (
          <span className="reach-hint" role="status">
            : select a pod
          </span>
        ) : null}
      </label>
      {css ? <style data-reach={from ?? ''}>{css}</style> : null}
    </>
  );
}

function rules(pods: string[], row: string, from: string): string {
  const sel = (id: string) => `.react-flow__node[data-object="${id.replace(/["\\]/g, '\\$&')}"]`;
  const out = [`${sel(from)} { outline: 3px solid var(--accent); outline-offset: 3px; }`];
  pods.forEach((p, j) => {
    const id = `Pod/${p}`;
    if (id === from) return;
    const ok = row[j] === '1';
    out.push(`${sel(id)} { outline: 2px ${ok ? 'solid var(--ok)' : 'dashed var(--bad)'}; outline-offset: 3px; }`);
    out.push(
      `${sel(id)}::after { content: "${ok ? '✓' : '⊘'}"; position: absolute; top: -9px; right: -9px; font-size: 13px; line-height: 16px; width: 16px; text-align: center; border-radius: 8px; color: #fff; background: ${ok ? 'var(--ok)' : 'var(--bad)'}; }`,
    );
  });
  return out.join('\n');
}
