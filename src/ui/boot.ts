/**
 * Where the page's first state comes from (src/share decideStartup): the address, the autosaved local
 * draft, then the default scenario. A shared link that differs from unsaved local work is not opened
 * silently: the draft stays in the editor and a small prompt asks. A broken link opens the page with an
 * explanation and the draft. Embedded and read-only pages never read or write the draft.
 */
import type { DeepPartial, SimOptions } from '../core/index';
import { decideStartup, parseEmbedQuery, type EmbedConfig, type SharedState } from '../share/index';
import { DEFAULT_SCENARIO } from './default-scenario';
import { installChanges } from './changes';
import { installEmbedApi } from './embed-api';
import { createSimClient } from './sim-client';
import { isPanelId } from './panels/registry';
import { createAppStore, type AppStore, type SourceSlice, type UiSlice } from './store';
import { encodeScenario } from './url-state';

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

/** The autosaved draft, if it has the shape we wrote (local storage is input too). */
function readDraft(): Saved | null {
  const s = readJSON<Saved>(KEY_SOURCE);
  return s && typeof s === 'object' && typeof s.text === 'string' ? s : null;
}

export function bootStore(): AppStore {
  const config: EmbedConfig = parseEmbedQuery(location.search);
  const { readonly, embed } = config;
  const draft = config.persistLocal ? readDraft() : null;
  const savedUi = readJSON<{ theme?: 'light' | 'dark'; split?: number; dock?: number }>(KEY_UI);
  const startup = decideStartup(
    location.hash,
    draft ? { text: draft.text, ...(draft.options ? { options: draft.options } : {}) } : null,
    config,
  );

  let opened: SharedState;
  let notice: string | null = null;
  let pendingLink: SharedState | null = null;
  let writeHash = true;
  if (startup.action === 'ask') {
    // Keep the unsaved local work on screen; the prompt offers the link's scenario.
    opened = startup.local;
    pendingLink = startup.link;
    writeHash = false;
  } else {
    opened = startup.from === 'empty' && startup.state.text === '' ? { ...startup.state, text: DEFAULT_SCENARIO } : startup.state;
    if (startup.banner) {
      notice = `This link is broken and was not opened: ${startup.banner.message} ${
        draft ? 'Your locally saved scenario is shown instead.' : 'The example scenario is shown instead.'
      }`;
      writeHash = false;
    }
  }
  const warnings = [...config.warnings, ...startup.warnings];
  if (!notice && warnings.length > 0) notice = `Some settings in the address were ignored: ${warnings.slice(0, 3).join('; ')}.`;

  const view = opened.view ?? {};
  const panel = isPanelId(view.panel) ? view.panel : undefined;

  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const ui: Partial<UiSlice> = {
    theme: savedUi?.theme ?? (prefersDark ? 'dark' : 'light'),
    split: savedUi?.split ?? 0.36,
    ...(typeof savedUi?.dock === 'number' ? { dock: Math.min(0.8, Math.max(0.15, savedUi.dock)) } : {}),
    notice,
    readonly,
    embed,
    editorOpen: !embed,
    pendingLink,
    initialTrace: view.trace ?? null,
    ...(panel ? { panel } : view.trace ? { panel: 'trace' as const } : {}),
    // "Compare with the last shared link": a page opened from a link starts with that link's text.
    baselines: { loaded: opened.text, shared: startup.action === 'open' && startup.from === 'link' ? opened.text : null, pasted: null },
    // `cmd=`: the terminal opens with the command typed in (and run, with `run=1`).
    ...(config.command ? { panel: panel ?? ('terminal' as const), terminalInput: { ...config.command, seq: 1 } } : {}),
  };
  const source: Omit<SourceSlice, 'rev'> = {
    text: opened.text,
    options: opened.options ?? draft?.options ?? {},
    showSystem: draft?.showSystem ?? false,
  };

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
        if (config.persistLocal) writeJSON(KEY_SOURCE, { text: s.text, options: s.options, showSystem: s.showSystem } satisfies Saved);
      },
      // Not deferred to an idle moment: the address holds the scenario within a second of an edit, and
      // waiting for the page to be idle after a big scenario's graph took longer than that.
      writeUrl: (t, o) => history.replaceState(history.state, '', encodeScenario(t, o)),
      saveUi: (u) => writeJSON(KEY_UI, u),
    },
    { source, ui },
  );
  // The address always holds the scenario, also before the first edit (unless it is a broken link, kept to
  // show, or a link still waiting for the user's answer).
  if (writeHash) history.replaceState(history.state, '', encodeScenario(source.text, source.options));
  installEmbedApi(store, config, view.selected ?? null);
  installChanges(store);
  // A link pasted into the address bar of an open playground changes only the hash (no reload): the same
  // rules as at startup, with the text on screen as the local work.
  window.addEventListener('hashchange', () => {
    const st = store.getState();
    const current: SharedState = { text: st.source.text, options: st.source.options };
    const d = decideStartup(location.hash, config.persistLocal ? current : null, config);
    if (d.action === 'ask') store.setState((x) => ({ ui: { ...x.ui, pendingLink: d.link } }));
    else if (d.banner) st.actions.notify(`This link is broken and was not opened: ${d.banner.message} Your scenario is kept as it was.`);
    else if (
      d.from === 'link' &&
      (d.state.text !== current.text || JSON.stringify(d.state.options ?? {}) !== JSON.stringify(current.options ?? {}))
    ) {
      st.actions.load(d.state);
      st.actions.markShared(d.state.text);
    }
  });
  return store;
}
