import type { MatrixDocument } from '../../core/index';
import { queryCommand } from '../query-command';

/**
 * `knet matrix`: every ordered pod pair on each port under the policies. Rows are sources, columns
 * destinations; the pods the simulator adds itself (CoreDNS, its ingress controller, Gateway pods) are left
 * out unless `--namespace` names their namespace.
 */
export const matrix = queryCommand('matrix', {
  summary: 'reachability of every pod pair on each port under the NetworkPolicies',
  usage: 'knet matrix <input>... [--port N[/TCP|UDP|SCTP]]... [--namespace ns]... [--ipblock-ignores-pods] [--json]',
  repeatable: ['port', 'namespace'],
  booleans: ['ipblock-ignores-pods'],
  compact: true,
  human: (m) => human(m),
});

function human(m: MatrixDocument): string {
  if (m.pods.length === 0) return "No pods to compare (the simulator's own pods are left out; name their namespace with --namespace).\n";
  if (m.ports.length === 0) return 'No ports: the pods declare no containerPort; give --port N/PROTOCOL.\n';
  const width = Math.max(...m.pods.map((p) => p.length));
  const num = String(m.pods.length - 1).length;
  const out: string[] = ['Rows: from, columns: to (numbered as the rows). # allowed, . denied.'];
  for (const pk of m.ports) {
    const rows = m.matrix[`${pk.port}/${pk.protocol}`]!;
    out.push('', `${pk.port}/${pk.protocol}`);
    const header = m.pods.map((_, j) => String(j % 10)).join('');
    out.push(`${' '.repeat(num + width + 3)}${header}`);
    rows.forEach((r, i) => {
      out.push(`${String(i).padStart(num)} ${m.pods[i]!.padEnd(width)}  ${r.replace(/1/g, '#').replace(/0/g, '.')}`);
    });
    const allowed = rows.reduce((n, r) => n + [...r].filter((ch) => ch === '1').length, 0);
    out.push(`${allowed} of ${rows.length * rows.length} pairs allowed`);
  }
  return out.join('\n') + '\n';
}
