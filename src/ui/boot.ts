/** Where the page's first state comes from: the address, then local storage, then the default scenario. */
import type { DeepPartial, SimOptions } from '../core/index';
import { DEFAULT_SCENARIO } from './default-scenario';
import { createSimClient } from './sim-client';
import { createAppStore, type AppStore, type SourceSlice, type UiSlice } from './store';
import { decodeScenario, encodeScenario } from './url-state';

const KEY_SOURCE = 'knet-playground:source';
const KEY_UI = 'knet-playground:ui';

interface Saved {
  text: string;
  options?: DeepPartial<SimOptions>;
  showSystem?: boolean;
}

function readJSON<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function writeJSON(key: string, v: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(v));
  } catch {
    // Storage full or disabled (private mode): the address still holds the scenario.
  }
}

export function bootStore(): AppStore {
  const params = new URLSearchParams(location.search);
  const readonly = params.get('readonly') === '1';
  const embed = params.get('embed') === '1';
  const saved = readJSON<Saved>(KEY_SOURCE);
  const savedUi = readJSON<{ theme?: 'light' | 'dark'; split?: number }>(KEY_UI);
  const fromHash = decodeScenario(location.hash);

  let text = saved?.text ?? DEFAULT_SCENARIO;
  let notice: string | null = null;
  if (fromHash.ok === true) text = fromHash.text;
  else if (fromHash.ok === false) notice = `${fromHash.reason} ${saved ? 'Your locally saved scenario is shown instead.' : 'The example scenario is shown instead.'}`;

  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const ui: Partial<UiSlice> = {
    theme: savedUi?.theme ?? (prefersDark ? 'dark' : 'light'),
    split: savedUi?.split ?? 0.4,
    notice,
    readonly,
    embed,
    editorOpen: !embed,
  };
  const source: Omit<SourceSlice, 'rev'> = { text, options: saved?.options ?? {}, showSystem: saved?.showSystem ?? false };

  let store: AppStore | null = null;
  const sim = createSimClient({
    onReply: (r) => store?.getState().actions.receive(r),
    onNotice: (m) => store?.getState().actions.notify(m),
  });
  store = createAppStore(
    {
      sim,
      save: (s) => {
        // A read-only or embedded view never overwrites the user's own saved work.
        if (!readonly && !embed) writeJSON(KEY_SOURCE, { text: s.text, options: s.options, showSystem: s.showSystem } satisfies Saved);
      },
      writeUrl: (t) => history.replaceState(history.state, '', encodeScenario(t)),
      saveUi: (u) => writeJSON(KEY_UI, u),
    },
    { source, ui },
  );
  // The address always holds the scenario, also before the first edit (unless it was broken: keep it to show).
  if (fromHash.ok !== false) history.replaceState(history.state, '', encodeScenario(text));
  return store;
}
