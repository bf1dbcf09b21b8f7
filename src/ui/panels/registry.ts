/**
 * Every panel of the dock, once: its id, its label, the key that opens it (Alt+key) and whether it has a tab.
 * The dock's tabs and bodies, the keyboard shortcuts, the shortcut help, the `panel=` flag and the host
 * page's `view.panel` all read this list, so a new panel is one entry here and one body in PanelDock.
 */
export const PANELS = [
  { id: 'inspector', label: 'Inspector', key: '1', tab: true, what: 'why the selected node or edge is there' },
  { id: 'problems', label: 'Problems', key: '2', tab: true, what: 'every diagnostic, located in the YAML' },
  { id: 'endpoints', label: 'Endpoints', key: '3', tab: true, what: "each Service's EndpointSlices" },
  { id: 'dns', label: 'DNS', key: '4', tab: true, what: 'resolve a name from a pod' },
  { id: 'routes', label: 'Routes', key: '5', tab: true, what: 'route a request through Ingresses and Gateways' },
  { id: 'matrix', label: 'Policy matrix', key: '6', tab: true, what: 'which pods may reach which' },
  { id: 'trace', label: 'Trace', key: '7', tab: true, what: 'one request, hop by hop' },
  { id: 'changes', label: 'Changes', key: 'C', tab: true, what: 'what the last edit opened, closed or rerouted, or the change from another version' },
  { id: 'exercise', label: 'Exercise', key: '8', tab: true, what: "the lab's goals" },
  { id: 'terminal', label: 'Terminal', key: 'T', tab: true, what: 'kubectl, nslookup, wget, curl... typed into the simulated cluster' },
  { id: 'gallery', label: 'Scenarios', key: '9', tab: false, what: 'built-in scenarios and exercises (header: ☰ Scenarios)' },
  { id: 'settings', label: 'Settings', key: '0', tab: false, what: 'the choices Kubernetes leaves open (header: ⚙ Settings)' },
] as const;

export type PanelId = (typeof PANELS)[number]['id'];
export const PANEL_IDS: readonly PanelId[] = PANELS.map((p) => p.id);

/** The panel that Alt+`key` opens (`key` as in KeyboardEvent.code: `Digit1`, `KeyT`...), if any. */
export function panelForCode(code: string): PanelId | undefined {
  return PANELS.find((p) => `Digit${p.key}` === code || `Key${p.key.toUpperCase()}` === code)?.id;
}

export function isPanelId(v: unknown): v is PanelId {
  return typeof v === 'string' && (PANEL_IDS as readonly string[]).includes(v);
}
