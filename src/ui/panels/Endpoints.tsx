import { useEffect, useState } from 'react';
import type { EndpointsDocument } from '../../core/index';
import { useActions, useApp } from '../store';

/**
 * Per Service: its EndpointSlices and each endpoint's conditions, as `kubectl get endpointslices` would show.
 * Asked of the worker when the panel is open (the `endpoints` query, `knet endpoints --all`), again after every
 * simulation, rather than carried in every reply: an edit that moves pod addresses then costs nothing here
 * until someone looks.
 */
export function Endpoints() {
  const rev = useApp((s) => s.result.reply?.rev ?? null);
  const { select, query } = useActions();
  const [got, setGot] = useState<{ rev: number; doc: EndpointsDocument | null; error?: string } | null>(null);
  useEffect(() => {
    if (rev === null) return;
    let live = true;
    query('endpoints', { all: true }).then(
      (doc) => live && setGot({ rev, doc }),
      (e: unknown) => live && setGot({ rev, doc: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [rev, query]);
  if (rev === null || !got) return <p className="empty">Simulating…</p>;
  if (!got.doc) return <p className="empty">The Services could not be listed: {got.error}</p>;
  const services = got.doc.services;
  if (services.length === 0) return <p className="empty">No Services yet. Add one with a selector matching some pods.</p>;
  return (
    <div className="endpoints">
      {services.map((s) => {
        const id = `Service/${s.namespace}/${s.name}`;
        return (
          <section key={id}>
            <h4>
              <button type="button" className="link" onClick={() => select({ type: 'node', id })}>
                {id}
              </button>{' '}
              <span className="muted">
                {s.type} · {s.clusterIP || '—'} · {s.ports.map((p) => `${p.name ? p.name + ' ' : ''}${p.port}→${p.targetPort}/${p.protocol}`).join(', ')}
              </span>
            </h4>
            {s.slices.length === 0 ? (
              <p className="muted">No EndpointSlice: {s.type === 'ExternalName' ? 'an ExternalName Service has none.' : 'no selector, or the controller has not made one.'}</p>
            ) : (
              s.slices.map((sl) => (
                <table key={sl.name} className="eps">
                  <caption>
                    EndpointSlice/{s.namespace}/{sl.name} {sl.managedBy ? <span className="muted">(managed by {sl.managedBy})</span> : null} · ports{' '}
                    {sl.ports.map((p) => `${p.name ? p.name + ' ' : ''}${p.port ?? '?'}/${p.protocol}`).join(', ') || '—'}
                  </caption>
                  <thead>
                    <tr>
                      <th>address</th>
                      <th>ready</th>
                      <th>serving</th>
                      <th>terminating</th>
                      <th>target</th>
                      <th>node</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sl.endpoints.length === 0 ? (
                      <tr>
                        <td colSpan={6} className="muted">
                          no endpoints: no pod matches the selector
                        </td>
                      </tr>
                    ) : (
                      sl.endpoints.map((e, i) => (
                        <tr key={i}>
                          <td>
                            <code>{e.addresses.join(', ')}</code>
                          </td>
                          <td className={e.conditions.ready ? 'yes' : 'no'}>{String(e.conditions.ready)}</td>
                          <td>{String(e.conditions.serving)}</td>
                          <td>{String(e.conditions.terminating)}</td>
                          <td>{e.targetRef ? `${e.targetRef.kind}/${e.targetRef.namespace || s.namespace}/${e.targetRef.name}` : ''}</td>
                          <td>{e.nodeName ?? ''}</td>
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              ))
            )}
          </section>
        );
      })}
    </div>
  );
}
