import { useEffect, useState, type FormEvent } from 'react';
import type { SimulatedReply } from '../../worker/protocol';
import { INTERNET, peerArg, type DnsDocument, type MatrixDocument, type QueryName, type RouteDocument, type TraceDocument } from '../../core/index';
import { useActions, useApp } from '../store';
import { DnsAnswer, TraceAnswer, TraceVerdict } from './answers';
import { MatrixAnswer } from './Matrix';
import { matrixPortKey, portLabel } from './matrix-port';
import { RouteAnswer, type SentRequest } from './RouteAnswer';
import { traceSourceNode } from '../graph/trace-overlay';
import { parseScenarioHeader } from '../../scenarios/header';
import { RequestFields } from './RequestFields';
import { formFromFlags, lessonRequest, requestFlags, sentRequest, type RequestForm } from './request-form';
import { DEBUG_DEFAULT_LABELS, DEBUG_SOURCE, debugFlags, namespaceChoices, readDebugFlags } from './debug-source';

type PanelKind = 'dns' | 'routes' | 'matrix' | 'trace';
const KIND: Record<PanelKind, QueryName> = { dns: 'dns', routes: 'route', matrix: 'matrix', trace: 'trace' };
const INTRO: Record<PanelKind, string> = {
  dns: 'Pick a pod and a name: see the names its resolver tries and the answer, as nslookup in a debug pod would.',
  routes: 'Type a request: see which Ingress or route rule takes it and the Service and port it reaches.',
  matrix: 'Every pod against every pod on one port: which connections the policies allow. Click a cell to see why.',
  trace: 'Pick a source and a URL: follow one request hop by hop — DNS, entry, Service, endpoints, policies, delivery.',
};

/** DNS, Routes, Policy matrix and Trace: forms that ask the worker the core's questions. */
export function QueryPanel({ kind }: { kind: PanelKind }) {
  const reply = useApp((s) => s.result.reply);
  const text = useApp((s) => s.source.text);
  const { query, setTrace, setLastMatrix, setMatrixPort } = useActions();
  // The trace shown is the store's: run here, from the `trace=` flag or a host page's message, and run again
  // after each edit while it is drawn on the graph.
  const lastTrace = useApp((s) => (kind === 'trace' ? s.result.lastTrace : null));
  const typedPort = useApp((s) => s.ui.matrixPort);
  const [from, setFrom] = useState('');
  // The debug pod's namespace and labels, when "debug pod…" is the source (null: not chosen yet).
  const [typedDebug, setDebug] = useState<{ namespace: string; labels: string } | null>(null);
  // Until the user types, the fields suggest a name and a URL from the scenario on screen.
  const [typedName, setName] = useState<string | null>(null);
  const [rr, setRr] = useState('A');
  const [typedUrl, setUrl] = useState<string | null>(null);
  // The matrix comes back when its tab is opened again (a click in the YAML opens the Inspector meanwhile).
  const lastMatrix = useApp((s) => (kind === 'matrix' ? s.result.lastMatrix : null));
  // Method, headers, gRPC: until the user edits them, what the lesson's header suggests (`# header: X-Canary: always`).
  const [typedRequest, setRequest] = useState<RequestForm | null>(null);
  const [result, setResult] = useState<Answer | { kind: 'error'; message: string } | null>(() => (lastMatrix ? { kind: 'matrix', doc: lastMatrix } : null));
  const [busy, setBusy] = useState(false);
  // How many answers this form has shown (`data-answers`): a new answer is visible even when it reads the same.
  const [answers, setAnswers] = useState(0);

  /** Ask the worker, with the CLI's flags as JSON: the answer is `knet <query> --json`'s document. */
  async function ask(run: () => Promise<Answer>) {
    setBusy(true);
    try {
      const answer = await run();
      setResult(answer);
      if (answer.kind === 'matrix') setLastMatrix(answer.doc);
    } catch (err) {
      setResult({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      setAnswers((n) => n + 1);
    }
  }

  // A matrix on screen follows the edits, on the port it was computed for (as a drawn trace does); one
  // brought back from the store is asked again at once, as the text may have changed while it was away.
  const rev = reply?.rev ?? 0;
  const shownMatrix = result?.kind === 'matrix' ? result.doc : null;
  useEffect(() => {
    const p = shownMatrix?.ports[0];
    if (!p) return;
    let live = true;
    query('matrix', { port: `${p.port}/${p.protocol}` }).then(
      (doc) => {
        if (!live) return;
        setResult({ kind: 'matrix', doc });
        setLastMatrix(doc);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Only a new simulation asks again; the matrix it answers is shown, which must not ask once more.
  }, [rev]);

  if (!reply) return <p className="empty">Simulating…</p>;
  const available = reply.queries.includes(KIND[kind]);
  // Until the user picks or types, the Trace form shows the trace on screen (from the panel, `trace=`, a message).
  const shownDebug = lastTrace ? readDebugFlags(lastTrace.args) : null;
  const source =
    from ||
    (kind === 'trace'
      ? shownDebug
        ? DEBUG_SOURCE
        : (lastTrace && traceSourceNode(lastTrace.args.from)) || INTERNET
      : // With no pod to ask from, DNS asks from a debug pod in `default`, as `kubectl run` would.
        (reply.pods[0] ?? DEBUG_SOURCE));
  const namespaces = namespaceChoices(reply);
  const debug = typedDebug ?? shownDebug ?? { namespace: namespaces[0]!, labels: DEBUG_DEFAULT_LABELS };
  const name = typedName ?? suggestName(reply);
  const lesson = parseScenarioHeader(text);
  const url = typedUrl ?? lastTrace?.args.url ?? lesson.request?.url ?? suggestUrl(reply);
  // The trace on screen shows the request it sent; otherwise the lesson's request (or a plain GET).
  const request = typedRequest ?? (lastTrace ? formFromFlags(lastTrace.args) : lessonRequest(lesson));
  // Until the user types a port, the matrix uses the first the core suggests (ports the policies name).
  const portKey = matrixPortKey(typedPort, reply.matrixPorts);

  /** Ask the panel's question; `askUrl` is the URL field's, or the https:// one a redirect offered. */
  const send = async (askUrl: string) => {
    // Graph ids (`Pod/app/api`, `Client/internet`) become the CLI's peers (`app/api`, `ip:203.0.113.10`).
    // The debug pod is `--from debug:NS [--debug-labels ...]`; any other source is one peer.
    const fromFlags = source === DEBUG_SOURCE ? debugFlags(debug.namespace, debug.labels) : source ? { from: peerArg(source) } : {};
    if (kind === 'dns') await ask(async () => ({ kind, doc: await query('dns', { ...fromFlags, name, type: rr as DnsDocument['query']['type'] }) }));
    else if (kind === 'routes') {
      const flags = requestFlags(askUrl, request);
      await ask(async () => ({ kind, doc: await query('route', flags), sent: sentRequest(flags) }));
    }
    else if (kind === 'matrix') {
      if (!portKey) setResult({ kind: 'error', message: `"${typedPort}" is not a port: type N or N/PROTOCOL (TCP, UDP, SCTP), such as 8080 or 53/UDP.` });
      else await ask(async () => ({ kind, doc: await query('matrix', { port: portKey }) }));
    }
    else {
      const args = { from: '', ...fromFlags, ...requestFlags(askUrl, request) };
      await ask(async () => {
        const doc = await query('trace', args);
        setTrace({ title: `${args.from} → ${args.url}`, args, result: doc });
        return { kind, doc };
      });
    }
  };

  const run = (e: FormEvent) => {
    e.preventDefault();
    void send(url);
  };
  // A redirect to https:// offers the https URL: it goes into the field and is asked at once.
  const useUrl = (u: string) => {
    setUrl(u);
    void send(u);
  };

  const sources = kind === 'trace' ? [INTERNET, DEBUG_SOURCE, ...reply.pods] : [DEBUG_SOURCE, ...reply.pods];
  return (
    <div className="query" data-answers={answers}>
      {/* A computed matrix needs the room more than the intro does (its own line says how to read it). */}
      {kind === 'matrix' && result?.kind === 'matrix' ? null : <p className="muted intro">{INTRO[kind]}</p>}
      {/* The trace on screen says how it ended before anything else (in a short embed, before the fold). */}
      {lastTrace && result?.kind !== 'error' ? <TraceVerdict r={lastTrace.result} /> : null}
      {!available ? (
        <p className="empty">The simulator cannot answer this yet in this build: the core query is still being written.</p>
      ) : null}
      <form onSubmit={run} className="query-form">
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
        {(kind === 'dns' || kind === 'trace') && source === DEBUG_SOURCE ? (
          <>
            <label>
              namespace
              <select value={debug.namespace} onChange={(e) => setDebug({ ...debug, namespace: e.target.value })} aria-label="debug pod namespace">
                {namespaces.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
            <label title="The debug pod's labels, as kubectl run --labels takes them: NetworkPolicies select the pod by these.">
              labels
              <input value={debug.labels} onChange={(e) => setDebug({ ...debug, labels: e.target.value })} aria-label="debug pod labels" placeholder="run=debug" spellCheck={false} size={18} />
            </label>
          </>
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
            <input
              value={typedPort ?? portLabel(portKey ?? '80/TCP')}
              onChange={(e) => setMatrixPort(e.target.value)}
              list="matrix-ports"
              size={8}
              spellCheck={false}
              aria-describedby="matrix-ports-hint"
            />
            <datalist id="matrix-ports">
              {reply.matrixPorts.map((p) => (
                <option key={p} value={portLabel(p)} />
              ))}
            </datalist>
          </label>
        ) : null}
        {kind === 'matrix' && reply.matrixPorts.length > 1 ? (
          <span id="matrix-ports-hint" className="muted small port-hint">
            used here: {reply.matrixPorts.slice(0, 6).map(portLabel).join(', ')}
          </span>
        ) : null}
        <button type="submit" disabled={!available || busy}>
          {busy ? '…' : kind === 'dns' ? 'Resolve' : kind === 'routes' ? 'Route' : kind === 'matrix' ? 'Compute' : 'Trace'}
        </button>
        {kind === 'routes' || kind === 'trace' ? <RequestFields value={request} onChange={setRequest} /> : null}
      </form>
      {result?.kind === 'error' ? (
        <p className="error">{result.message}</p>
      ) : lastTrace ? (
        <TraceAnswer r={lastTrace.result} verdict={false} url={lastTrace.args.url} onUseUrl={useUrl} />
      ) : result ? (
        <AnswerView answer={result} onUseUrl={useUrl} />
      ) : null}
    </div>
  );
}

/** A panel's answer: which document it is, so each is shown its own way. */
type Answer =
  | { kind: 'dns'; doc: DnsDocument }
  | { kind: 'routes'; doc: RouteDocument; sent: SentRequest }
  | { kind: 'matrix'; doc: MatrixDocument }
  | { kind: 'trace'; doc: TraceDocument };

function AnswerView({ answer, onUseUrl }: { answer: Answer; onUseUrl: (url: string) => void }) {
  switch (answer.kind) {
    case 'dns':
      return <DnsAnswer r={answer.doc} />;
    case 'routes':
      return <RouteAnswer r={answer.doc} sent={answer.sent} onUseUrl={onUseUrl} />;
    case 'matrix':
      return <MatrixAnswer r={answer.doc} />;
    case 'trace':
      return <TraceAnswer r={answer.doc} />;
  }
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
