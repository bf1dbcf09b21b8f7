import { METHODS, type HeaderRow, type RequestForm } from './request-form';

/**
 * Method, header rows (add/remove) and a gRPC service/method, under the URL of the Routes and Trace forms:
 * a canary header or a Gateway's header match can be tried in the page, as with `--header` on `knet`.
 */
export function RequestFields({ value, onChange }: { value: RequestForm; onChange: (v: RequestForm) => void }) {
  const setRow = (i: number, row: Partial<HeaderRow>) => onChange({ ...value, headers: value.headers.map((h, j) => (j === i ? { ...h, ...row } : h)) });
  const grpc = value.grpc;
  return (
    <fieldset className="request-fields">
      <legend className="sr-only">Request</legend>
      <div className="request-line">
        <label>
          method
          <select value={grpc ? 'POST' : value.method} disabled={grpc !== null} onChange={(e) => onChange({ ...value, method: e.target.value })}>
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" aria-label="gRPC call" checked={grpc !== null} onChange={(e) => onChange({ ...value, grpc: e.target.checked ? { service: '', method: '' } : null })} />
          gRPC
        </label>
        {grpc ? (
          <>
            <label>
              service
              <input aria-label="gRPC service" value={grpc.service} onChange={(e) => onChange({ ...value, grpc: { ...grpc, service: e.target.value } })} placeholder="shop.Cart" spellCheck={false} />
            </label>
            <label>
              rpc
              <input aria-label="gRPC method" value={grpc.method} onChange={(e) => onChange({ ...value, grpc: { ...grpc, method: e.target.value } })} placeholder="AddItem" spellCheck={false} />
            </label>
          </>
        ) : null}
        <button type="button" onClick={() => onChange({ ...value, headers: [...value.headers, { name: '', value: '' }] })}>
          + header
        </button>
      </div>
      {value.headers.map((h, i) => (
        <div key={i} className="header-row" data-header-row={i}>
          <input aria-label={`header ${i + 1} name`} value={h.name} onChange={(e) => setRow(i, { name: e.target.value })} placeholder="X-Canary" spellCheck={false} />
          <span aria-hidden="true">:</span>
          <input aria-label={`header ${i + 1} value`} value={h.value} onChange={(e) => setRow(i, { value: e.target.value })} placeholder="always" spellCheck={false} />
          <button type="button" aria-label={`remove header ${h.name || i + 1}`} onClick={() => onChange({ ...value, headers: value.headers.filter((_, j) => j !== i) })}>
            ×
          </button>
        </div>
      ))}
    </fieldset>
  );
}
