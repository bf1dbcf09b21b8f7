import type { Ingress, IngressPath, IngressPathType, IngressRule } from '../../model/networking';

/** ING-5: the Host header without `:port`, lowercased (ports are not part of Ingress hosts). */
export function normalizeHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.replace(/:\d+$/, '');
  return h.replace(/:\d+$/, '').replace(/\.$/, '');
}

export type HostGroup = 'precise' | 'wildcard' | 'any';

/** ING-6: which kind of host a rule has. */
export function hostGroupOf(ruleHost: string | undefined): HostGroup {
  if (!ruleHost) return 'any';
  return ruleHost.startsWith('*.') ? 'wildcard' : 'precise';
}

/** ING-6: a rule host matches the request's Host (a wildcard covers exactly one label). */
export function hostMatches(ruleHost: string | undefined, host: string): boolean {
  if (!ruleHost) return true;
  if (!ruleHost.startsWith('*.')) return ruleHost === host;
  const suffix = ruleHost.slice(2);
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === suffix;
}

function segments(p: string): string[] {
  return p.split('/').filter((s) => s !== '');
}

/** ING-8 `Prefix`: element-wise prefix on `/`-separated segments, case-sensitive. */
export function prefixMatches(rulePath: string, reqPath: string): boolean {
  const r = segments(rulePath);
  const q = segments(reqPath);
  if (r.length > q.length) return false;
  return r.every((s, i) => s === q[i]);
}

/** ingress-nginx regex mode: a case-insensitive regular expression anchored only at the start (ING-8 [IMPL]). */
export function nginxRegex(path: string): RegExp | null {
  try {
    return new RegExp('^' + path, 'i');
  } catch {
    return null;
  }
}

/** ING-8: does one path of a rule match the request path? `regex` selects ingress-nginx regex mode. */
export function pathMatches(p: { path: string; pathType: IngressPathType }, reqPath: string, regex: boolean): boolean {
  const rulePath = p.path === '' ? '/' : p.path;
  if (regex) return nginxRegex(rulePath)?.test(reqPath) ?? false;
  switch (p.pathType) {
    case 'Exact':
      return reqPath === rulePath;
    case 'Prefix':
      return prefixMatches(rulePath, reqPath);
    case 'ImplementationSpecific':
      // ingress-nginx renders a plain nginx prefix location: a character prefix (ING-8 [IMPL]).
      return reqPath.startsWith(rulePath);
  }
}

/** One path of one rule of one Ingress: what the router chooses among. */
export interface Candidate {
  ingress: Ingress;
  rule: IngressRule;
  path: IngressPath;
}

export type PathMode = 'api' | 'ingress-nginx';

export interface Selection {
  /** The host group chosen (ING-7), or null when no rule's host matches. */
  group: HostGroup | null;
  /** Ingresses that contribute rules to the chosen group, oldest first. */
  groupIngresses: Ingress[];
  /** Every candidate of the group whose path matches, best first. */
  matching: Candidate[];
  winner?: Candidate;
  /** The group's paths are nginx regexes (use-regex or rewrite-target on an Ingress of the host). */
  regex: boolean;
  /** How the winner was chosen, one sentence (cites the rule id). */
  why: string;
}

const TYPE_RANK: Record<IngressPathType, number> = { Exact: 0, Prefix: 1, ImplementationSpecific: 2 };

/**
 * ING-7…ING-9 (and ING-11 for ties): choose the host group, then the best matching path inside it.
 * `ingresses` are the non-canary Ingresses of one class, oldest first; `regexFor` says whether an Ingress
 * switches its host into ingress-nginx regex mode.
 */
export function selectPath(ingresses: Ingress[], host: string, reqPath: string, mode: PathMode, regexFor: (ing: Ingress) => boolean): Selection {
  const all: Candidate[] = [];
  for (const ingress of ingresses) for (const rule of ingress.rules) for (const path of rule.paths) all.push({ ingress, rule, path });
  const inGroup = (g: HostGroup) => all.filter((c) => hostGroupOf(c.rule.host) === g && hostMatches(c.rule.host, host));
  let group: HostGroup | null = null;
  let cands: Candidate[] = [];
  for (const g of ['precise', 'wildcard', 'any'] as HostGroup[]) {
    cands = inGroup(g);
    // A rule with a host but no paths still claims the host group (its server exists in nginx).
    const claim = ingresses.some((i) => i.rules.some((r) => hostGroupOf(r.host) === g && hostMatches(r.host, host)));
    if (claim) {
      group = g;
      break;
    }
  }
  const groupIngresses = group ? ingresses.filter((i) => i.rules.some((r) => hostGroupOf(r.host) === group && hostMatches(r.host, host))) : [];
  const regex = groupIngresses.some(regexFor);
  const order = (a: Candidate, b: Candidate): number => {
    const la = a.path.path.length;
    const lb = b.path.path.length;
    if (la !== lb) return lb - la; // ING-9: the longest path string first
    if (regex) return 0; // nginx: first regex in (stable) length order
    return TYPE_RANK[a.path.pathType] - TYPE_RANK[b.path.pathType]; // ING-9: Exact wins the tie
  };
  // Stable sort keeps the older Ingress first among identical paths (ING-11 [SIM]).
  let matching = cands.filter((c) => pathMatches(c.path, reqPath, regex)).sort(order);
  let why: string;
  if (regex) why = 'ingress-nginx regex mode (use-regex or rewrite-target on an Ingress of this host): the first case-insensitive ^path regex in descending length order wins (ING-8/ING-9 [IMPL])';
  else if (mode === 'ingress-nginx' && matching.some((c) => c.path.pathType === 'Exact')) {
    // nginx always prefers an exact `location =` over any prefix location (ING-9 [IMPL]).
    matching = [...matching.filter((c) => c.path.pathType === 'Exact'), ...matching.filter((c) => c.path.pathType !== 'Exact')];
    why = 'ingress-nginx mode: an Exact path becomes `location =`, which nginx prefers over every prefix location (ING-9 [IMPL])';
  } else why = 'the longest matching path wins; on equal length Exact beats Prefix (ING-9)';
  const sel: Selection = { group, groupIngresses, matching, regex, why };
  if (matching[0]) sel.winner = matching[0];
  return sel;
}

/** Path the backend receives under `rewrite-target` (nginx `rewrite ^path target`, capture groups `$1`…). */
export function rewritePath(rulePath: string, target: string, reqPath: string): string | null {
  const re = nginxRegex(rulePath === '' ? '/' : rulePath);
  const m = re?.exec(reqPath);
  if (!m) return null;
  return target.replace(/\$(\d)/g, (_, d: string) => m[Number(d)] ?? '');
}
