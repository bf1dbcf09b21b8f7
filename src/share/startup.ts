import { decodeState, type DecodeError } from './codec';
import type { EmbedConfig } from './embed';
import type { SharedState, ViewState } from './state';

/**
 * What the page opens with, decided from the address and the autosaved local draft (issue 7 "Links"):
 * a shared link never silently replaces unsaved local work, a broken link never blanks the page, and an
 * embedded or read-only page never touches the local draft.
 */
export type Startup =
  /** Open this state; `banner` explains a problem with the link when there is one. */
  | { action: 'open'; state: SharedState; from: 'link' | 'local' | 'empty'; banner?: DecodeError; warnings: string[] }
  /** The link and the local draft differ: ask which to open (the draft is kept either way until overwritten by an edit). */
  | { action: 'ask'; link: SharedState; local: SharedState; warnings: string[] };

/**
 * Decide the first state. `localDraft` is the autosaved state (null when none); query-flag views win over
 * the view stored in the link.
 */
export function decideStartup(hash: string, localDraft: SharedState | null, config: Pick<EmbedConfig, 'persistLocal' | 'view'>): Startup {
  const local = config.persistLocal ? localDraft : null;
  const withView = (s: SharedState): SharedState => mergeView(s, config.view);
  const empty = hash === '' || hash === '#';
  if (empty) {
    return local
      ? { action: 'open', state: withView(local), from: 'local', warnings: [] }
      : { action: 'open', state: withView({ text: '' }), from: 'empty', warnings: [] };
  }
  const decoded = decodeState(hash);
  if (!decoded.ok) {
    const fallback = local ? { state: withView(local), from: 'local' as const } : { state: withView({ text: '' }), from: 'empty' as const };
    return { action: 'open', ...fallback, banner: decoded.error, warnings: [] };
  }
  const link = withView(decoded.state);
  if (local && local.text !== '' && local.text !== link.text)
    return { action: 'ask', link, local: withView(local), warnings: decoded.warnings };
  return { action: 'open', state: link, from: 'link', warnings: decoded.warnings };
}

function mergeView(state: SharedState, view: ViewState): SharedState {
  if (Object.keys(view).length === 0) return state;
  return { ...state, view: { ...state.view, ...view } };
}
