import { parseScenarioHeader } from './header';

/** A built-in scenario: its text and the explanation from its leading comment block. */
export interface ScenarioInfo {
  /** The file name without `.yaml` (`exercises/` prefix kept for exercises): stable, used in links. */
  id: string;
  title: string;
  summary: string;
  concepts: string[];
  /** Path relative to src/scenarios/. */
  file: string;
  /** True when the file holds a `kind: Exercise` with goals. */
  exercise: boolean;
  text: string;
}

/**
 * The concepts the gallery must teach (issue 7: the tutorials our users learn from). Every scenario lists
 * the ones it shows in `# concepts:`; scenarios.test.ts checks that each is covered at least once.
 */
export const CONCEPTS = [
  'clusterip-port-targetport',
  'nodeport',
  'loadbalancer-local',
  'externalname',
  'headless-statefulset',
  'selector-matches-nothing',
  'readiness',
  'session-affinity',
  'topology-aware-routing',
  'ingress-host-path-tls',
  'canary',
  'gateway-httproute',
  'referencegrant',
  'default-deny',
  'allow-chain',
  'tenant-isolation',
  'allow-ingress-controller',
  'dns-egress',
  'ipblock-except',
  'sidecar',
  'east-west-calls',
  'debug-service',
  'debug-dns',
  'debug-network-policy',
] as const;

// Vite (and vitest) inline every scenario file as text at build time: the site stays static and offline.
const FILES = import.meta.glob<string>('./**/*.yaml', { query: '?raw', import: 'default', eager: true });

/** Every built-in scenario, gallery first, then exercises, each group by file name. */
export const SCENARIOS: ScenarioInfo[] = Object.entries(FILES)
  .map(([path, text]) => {
    const file = path.replace(/^\.\//, '');
    return { id: file.replace(/\.yaml$/, ''), file, exercise: /^kind:\s*Exercise\s*$/m.test(text), text, ...parseScenarioHeader(text) };
  })
  .sort((a, b) => Number(a.exercise) - Number(b.exercise) || a.id.localeCompare(b.id));

export function scenarioById(id: string): ScenarioInfo | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
