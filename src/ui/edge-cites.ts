/**
 * An edge's cites with their ranges. A simulation reply names the places that decided an edge only by object
 * and field path (issue 15: a line added inside a policy would otherwise resend every edge the policy decides);
 * the worker turns them into ranges of the current text when someone looks: the editor's highlight, the
 * Inspector's links.
 */
import { useEffect, useState } from 'react';
import type { Cite } from '../core/index';
import { useActions, useApp } from './store';

/** The cites of edge `id` in the latest simulation (asked again after every reply); null until they arrive, or for no edge. */
export function useEdgeCites(id: string | null): Cite[] | null {
  const rev = useApp((s) => s.result.reply?.rev ?? -1);
  const { cites } = useActions();
  const [got, setGot] = useState<{ id: string; rev: number; cites: Cite[] | null } | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    cites(id).then(
      (c) => live && setGot({ id, rev, cites: c }),
      () => live && setGot({ id, rev, cites: null }),
    );
    return () => {
      live = false;
    };
  }, [id, rev, cites]);
  return got && got.id === id && got.rev === rev ? got.cites : null;
}
