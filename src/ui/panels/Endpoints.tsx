import { useActions, useApp } from '../store';

/** Per Service: its EndpointSlices and each endpoint's conditions, as `kubectl get endpointslices` would show. */
export function Endpoints() {
  const reply = useApp((s) => s.result.reply);
  const { select } = useActions();
  if (!reply) return <p className="empty">Simulating…</p>;
  if (reply.endpoints.length === 0) return <p className="empty">No Services yet. Add one with a selector matching some pods.</p>;
  return (
    <div className="endpoints">
      {reply.endpoints.map((s) => (
        <section key={s.service}>
          <h4>
            <button type="button" className="link" onClick={() => select({ type: 'node', id: s.service })}>
              {s.service}
            </button>{' '}
            <span className="muted">
              {s.type} · {s.clusterIP || '—'} · {s.ports.join(', ')}
            </span>
          </h4>
          {s.slices.length === 0 ? (
            <p className="muted">No EndpointSlice: {s.type === 'ExternalName' ? 'an ExternalName Service has none.' : 'no selector, or the controller has not made one.'}</p>
          ) : (
            s.slices.map((sl) => (
              <table key={sl.id} className="eps">
                <caption>
                  {sl.id} {sl.generated ? <span className="muted">(made by the controller)</span> : null} · ports {sl.ports.join(', ') || '—'}
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
                          <code>{e.address}</code>
                        </td>
                        <td className={e.ready ? 'yes' : 'no'}>{String(e.ready)}</td>
                        <td>{String(e.serving)}</td>
                        <td>{String(e.terminating)}</td>
                        <td>{e.target ?? ''}</td>
                        <td>{e.node ?? ''}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            ))
          )}
        </section>
      ))}
    </div>
  );
}
