import { useState, type FormEvent } from 'react';
import type { QueryKind } from '../../worker/protocol';
import { useActions, useApp } from '../store';

type PanelKind = 'dns' | 'routes' | 'matrix' | 'trace';
const KIND: Record<PanelKind, QueryKind> = { dns: 'dns', routes: 'route', matrix: 'matrix', trace: 'trace' };
const INTRO: Record<PanelKind, string> = {
  dns: 'Pick a pod and a name: see the names its resolver tries and the answer, as nslookup in a debug pod would.',
  routes: 'Type a request: see which Ingress or route rule takes it and the Service and port it reaches.',
  matrix: 'Every pod against every pod on one port: which connections the policies allow. Click a cell to see why.',
  trace: 'Pick a source and a URL: follow one request hop by hop — DNS, entry, Service, endpoints, policies, delivery.',
};

type Hop = { object?: string; verdict?: string; status?: string; message?: string; reason?: string; rule?: string };

/** DNS, Routes, Policy matrix and Trace: forms that ask the worker the core's questions. */
export function QueryPanel({ kind }: { kind: PanelKind }) {
  const reply = useApp((s) => s.result.reply);
  const { query, setLit, select } = useActions();
  const [from, setFrom] = useState('');
  const [name, setName] = useState(kind === 'dns' ? 'api' : '');
  const [url, setUrl] = useState('http://shop.example.com/api');
  const [port, setPort] = useState('80');
  const [result, setResult] = useState<{ ok: boolean; value: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!reply) return <p className="empty">Simulating…</p>;
  const available = reply.queries.includes(KIND[kind]);
  const source = from || reply.pods[0] || 'Client/internet';

  const run = async (e: FormEvent) => {
    e.preventDefault();
    const args =
      kind === 'dns' ? { from: source, name } : kind === 'routes' ? { url } : kind === 'matrix' ? { port: Number(port), protocol: 'TCP' } : { from: source, url };
    setBusy(true);
    try {
      const value = await query({ kind: KIND[kind], args });
      setResult({ ok: true, value });
      if (kind === 'trace') setLit(hopsOf(value).map((h) => h.object).filter((x): x is string => !!x));
    } catch (err) {
      setResult({ ok: false, value: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const sources = kind === 'trace' ? ['Client/internet', ...reply.pods] : reply.pods;
  return (
    <div className="query">
      <p className="muted">{INTRO[kind]}</p>
      {!available ? <p className="empty">The simulator cannot answer this yet in this build: the core query is still being written.</p> : null}
      <form onSubmit={(e) => void run(e)} className="query-form">
        {kind === 'dns' || kind === 'trace' ? (
          <label>
            from
            <select value={source} onChange={(e) => setFrom(e.target.value)}>
              {sources.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        ) : null}
        {kind === 'dns' ? (
          <label>
            name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="db.shop" spellCheck={false} />
          </label>
        ) : null}
        {kind === 'routes' || kind === 'trace' ? (
          <label className="grow">
            URL
            <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://shop.example.com/api" spellCheck={false} />
          </label>
        ) : null}
        {kind === 'matrix' ? (
          <label>
            port
            <input value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" size={6} />
          </label>
        ) : null}
        <button type="submit" disabled={!available || busy}>
          {busy ? '…' : kind === 'dns' ? 'Resolve' : kind === 'routes' ? 'Route' : kind === 'matrix' ? 'Compute' : 'Trace'}
        </button>
        {kind === 'trace' && result ? (
          <button type="button" onClick={() => setLit([])}>
            Clear highlight
          </button>
        ) : null}
      </form>
      {result ? result.ok ? <Answer value={result.value} onPick={(id) => select({ type: 'node', id })} /> : <p className="error">{String(result.value)}</p> : null}
    </div>
  );
}

function hopsOf(v: unknown): Hop[] {
  const hops = (v as { hops?: unknown } | null)?.hops;
  return Array.isArray(hops) ? (hops as Hop[]) : [];
}

function Answer({ value, onPick }: { value: unknown; onPick: (id: string) => void }) {
  const hops = hopsOf(value);
  if (hops.length) {
    return (
      <ol className="hops">
        {hops.map((h, i) => {
          const v = h.verdict ?? h.status ?? 'ok';
          return (
            <li key={i} className={`hop v-${v}`}>
              <span className="hop-status">{v}</span>{' '}
              {h.object ? (
                <button type="button" className="link" onClick={() => onPick(h.object!)}>
                  {h.object}
                </button>
              ) : null}{' '}
              <span>{h.message ?? h.reason ?? ''}</span>
              {h.rule ? <code className="code"> {h.rule}</code> : null}
            </li>
          );
        })}
      </ol>
    );
  }
  return <pre className="answer">{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>;
}
