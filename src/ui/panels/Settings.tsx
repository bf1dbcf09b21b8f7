import type { DeepPartial, SimOptions } from '../../core/index';
import { DEFAULT_OPTIONS } from '../../core/index';
import { useActions, useApp } from '../store';
import { PANELS } from './registry';

type Choice = { path: string[]; label: string; rule: string; values: readonly (string | boolean)[] };

/** Implementation-defined choices (§7), each with its rule id; explanations name them. */
const CHOICES: Choice[] = [
  { path: ['dns', 'podsMode'], label: 'CoreDNS pods mode', rule: 'I-8', values: ['insecure', 'verified', 'disabled'] },
  { path: ['dns', 'resolver'], label: 'Client resolver library', rule: 'I-10', values: ['glibc', 'musl'] },
  { path: ['ingress', 'pathMode'], label: 'Ingress path matching', rule: 'I-14', values: ['api', 'ingress-nginx'] },
  {
    path: ['ingress', 'defaultClass'],
    label: 'Supply a default IngressClass "nginx" when none is declared',
    rule: 'ING-3',
    values: [true, false],
  },
  {
    path: ['policy', 'ipBlockMatchesPods'],
    label: 'ipBlock also matches pod IPs (Calico) — off: Cilium',
    rule: 'I-20',
    values: [true, false],
  },
];

function get(o: unknown, path: string[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
}

function set(o: DeepPartial<SimOptions>, path: string[], value: unknown): DeepPartial<SimOptions> {
  const copy = structuredClone(o) as Record<string, unknown>;
  let cur = copy;
  path.slice(0, -1).forEach((k) => {
    cur[k] = { ...(cur[k] ?? {}) };
    cur = cur[k] as Record<string, unknown>;
  });
  cur[path[path.length - 1]!] = value;
  return copy;
}

export function Settings() {
  const options = useApp((s) => s.source.options);
  const showSystem = useApp((s) => s.source.showSystem);
  const { setOptions, setShowSystem } = useActions();
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()}>
      {CHOICES.map((c) => {
        const current = get(options, c.path) ?? get(DEFAULT_OPTIONS, c.path);
        const id = `opt-${c.path.join('-')}`;
        return (
          <div key={id} className="setting">
            <label htmlFor={id}>
              {c.label} <code className="code">{c.rule}</code>
            </label>
            {typeof c.values[0] === 'boolean' ? (
              <input
                id={id}
                type="checkbox"
                checked={current === true}
                onChange={(e) => setOptions(set(options, c.path, e.target.checked))}
              />
            ) : (
              <select id={id} value={String(current)} onChange={(e) => setOptions(set(options, c.path, e.target.value))}>
                {c.values.map((v) => (
                  <option key={String(v)}>{String(v)}</option>
                ))}
              </select>
            )}
          </div>
        );
      })}
      <div className="setting">
        <label htmlFor="opt-cluster-domain">
          Cluster domain <code className="code">§0</code>
        </label>
        <input
          id="opt-cluster-domain"
          defaultValue={(get(options, ['cluster', 'clusterDomain']) as string | undefined) ?? DEFAULT_OPTIONS.cluster.clusterDomain}
          onBlur={(e) => setOptions(set(options, ['cluster', 'clusterDomain'], e.target.value || DEFAULT_OPTIONS.cluster.clusterDomain))}
        />
      </div>
      <div className="setting">
        <label htmlFor="opt-system">Show system objects (kube-system, the kubernetes Service)</label>
        <input id="opt-system" type="checkbox" checked={showSystem} onChange={(e) => setShowSystem(e.target.checked)} />
      </div>
      <h3 className="settings-head">Keyboard</h3>
      <ul className="shortcuts muted">
        {PANELS.map((p) => (
          <li key={p.id}>
            <kbd>Alt+{p.key}</kbd> {p.label}: {p.what}
          </li>
        ))}
        <li>
          <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor · <kbd>Esc</kbd> clears the selection · <kbd>Ctrl+Shift+L</kbd> theme · on
          the graph, arrow keys follow the traffic and <kbd>Enter</kbd> opens the Inspector
        </li>
      </ul>
    </form>
  );
}
