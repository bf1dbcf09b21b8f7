import { useState, type FormEvent } from 'react';
import type { QueryKind, SimulatedReply } from '../../worker/protocol';
import type { MatrixResult, ResolveResult, RouteResult, TraceResult } from '../../core/index';
import { useActions, useApp } from '../store';
import { DnsAnswer, MatrixAnswer, RouteAnswer, TraceAnswer, TraceVerdict } from './answers';
import { traceSourceNode } from '../graph/trace-overlay';

type PanelKind = 'dns' | 'routes' | 'matrix' | 'trace';
const KIND: Record<PanelKind, QueryKind> = { dns: 'dns', routes: 'route', matrix: 'matrix', trace: 'trace' };
const INTRO: Record<PanelKind, string> = {
  dns: 'Pick a pod and a name: see the names its resolver tries and the answer, as nslookup in a debug pod would.',
  routes: 'Type a request: see which Ingress or route rule takes it and the Service and port it reaches.',
  matrix: 'Every pod against every pod on one port: which connections the policies allow. Click a cell to see why.',
  trace: 'Pick a source and a URL: follow one request hop by hop — DNS, entry, Service, endpoints, policies, delivery.',
};

/** `Pod/ns/name` → the core's `ns/name`; the internet client → an outside address (RFC 5737 documentation range). */
function peer(id: string): string {
  if (id === 'Client/internet') return 'ip:203.0.113.7';
  return id.startsWith('Pod/') ? id.slice(4) : id;
}

/** DNS, Routes, Policy matrix and Trace: forms that ask the worker the core's questions. */
export function QueryPanel({ kind }: { kind: PanelKind }) {
  const reply = useApp((s) => s.result.reply);
  const { query, setTrace, setLastMatrix, setMatrixPort } = useActions();
  // The trace shown is the store's: run here, from the `trace=` flag or a host page's message, and run again
  // after each edit while it is drawn on the graph.
  const lastTrace = useApp((s) => (kind === 'trace' ? s.result.lastTrace : null));
  const port = useApp((s) => s.ui.matrixPort);
  const [from, setFrom] = useState('');
  // Until the user types, the fields suggest a name and a URL from the scenario on screen.
  const [typedName, setName] = useState<string | null>(null);
  const [rr, setRr] = useState('A');
  const [typedUrl, setUrl] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; value: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask(args: unknown) {
    setBusy(true);
    try {
      const value = await query({ kind: KIND[kind], args });
      setResult({ ok: true, value });
      if (kind === 'trace' && value && typeof value === 'object' && 'hops' in value) {
        const a = args as { from: string; url: string };
        setTrace({ title: `${a.from} → ${a.url}`, args: a, result: value as TraceResult });
      }
      if (kind === 'matrix' && value && typeof value === 'object' && 'matrix' in value) setLastMatrix(value as MatrixResult);
    } catch (err) {
      setResult({ ok: false, value: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  if (!reply) return <p className="empty">Simulating…</p>;
  const available = reply.queries.includes(KIND[kind]);
  // Until the user picks or types, the Trace form shows the trace on screen (from the panel, `trace=`, a message).
  const source =
    from || (kind === 'trace' ? (lastTrace ? traceSourceNode(lastTrace.args.from) : 'Client/internet') : (reply.pods[0] ?? ''));
  const name = typedName ?? suggestName(reply);
  const url = typedUrl ?? lastTrace?.args.url ?? suggestUrl(reply);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    const args =
      kind === 'dns'
        ? { from: peer(source), name, type: rr }
        : kind === 'routes'
          ? { url }
          : kind === 'matrix'
            ? { port: Number(port), protocol: 'TCP' }
            : { from: peer(source), url };
    await ask(args);
  };

  const sources = kind === 'trace' ? ['Client/internet', ...reply.pods] : reply.pods;
  return (
    <div className="query">
      <p className="muted intro">{INTRO[kind]}</p>
      {/* The trace on screen says how it ended before anything else (in a short embed, before the fold). */}
      {lastTrace && !(result && !result.ok) ? <TraceVerdict r={lastTrace.result} /> : null}
      {!available ? (
        <p className="empty">The simulator cannot answer this yet in this build: the core query is still being written.</p>
      ) : null}
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
        {kind === 'dns' ? (
          <label>
            type
            <select value={rr} onChange={(e) => setRr(e.target.value)}>
              {['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT'].map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
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
            <input value={port} onChange={(e) => setMatrixPort(e.target.value)} inputMode="numeric" size={6} />
          </label>
        ) : null}
        <button type="submit" disabled={!available || busy}>
          {busy ? '…' : kind === 'dns' ? 'Resolve' : kind === 'routes' ? 'Route' : kind === 'matrix' ? 'Compute' : 'Trace'}
        </button>
      </form>
      {result && !result.ok ? (
        <p className="error">{String(result.value)}</p>
      ) : lastTrace ? (
        <TraceAnswer r={lastTrace.result} verdict={false} />
      ) : result ? (
        <Answer kind={kind} value={result.value} />
      ) : null}
    </div>
  );
}

function Answer({ kind, value }: { kind: PanelKind; value: unknown }) {
  if (!value || typeof value !== 'object') return <pre className="answer">{String(value)}</pre>;
  if (kind === 'dns' && 'tried' in value) return <DnsAnswer r={value as ResolveResult} />;
  if (kind === 'routes' && 'results' in value) return <RouteAnswer r={value as RouteResult} />;
  if (kind === 'matrix' && 'matrix' in value) return <MatrixAnswer r={value as MatrixResult} />;
  if (kind === 'trace' && 'hops' in value) return <TraceAnswer r={value as TraceResult} />;
  return <pre className="answer">{JSON.stringify(value, null, 2)}</pre>;
}

/** The first Service the user wrote (not kubernetes or kube-dns), as `name.namespace`. */
function userService(reply: SimulatedReply): { name: string; namespace: string } | null {
  for (const id of reply.services) {
    const [, namespace = '', name = ''] = id.split('/');
    if (namespace === 'kube-system' || (namespace === 'default' && name === 'kubernetes')) continue;
    return { name, namespace };
  }
  return null;
}

export function suggestName(reply: SimulatedReply): string {
  const s = userService(reply);
  return s ? `${s.name}.${s.namespace}` : 'kubernetes.default';
}

/** A host an Ingress or route serves (from outside), else the first user Service by its cluster name. */
export function suggestUrl(reply: SimulatedReply): string {
  const host = reply.hosts.find((h) => !h.includes('*'));
  if (host) return `http://${host}/`;
  const s = userService(reply);
  return s ? `http://${s.name}.${s.namespace}/` : 'http://';
}
