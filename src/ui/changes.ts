/**
 * The "what changed" driver: once the text rests after an edit, ask the worker `diff` (the same question as
 * `knet diff --json`) with the version chosen in the Changes panel as `before`: the previous version (the
 * one the text last rested on), the scenario as loaded, the last shared link, or a pasted text.
 *
 * An edit is what happens between two rests: a paste, a quick fix, or a burst of keystrokes. Comparing
 * with the version simulated just before the last keystroke would describe one character, and which
 * character would depend on how fast the worker kept up (a half-typed `spec:` is a policy of its own).
 */
import type { AppState, AppStore, ChangesShown } from './store';

/** Above this many pods the diff after every edit would slow typing down: it then runs on a click. */
export const AUTO_DIFF_PODS = 150;

/**
 * How long the text must rest after a reply before the diff is asked: the worker answers one request at a
 * time, so a diff asked between two keystrokes would hold up the next keystroke's graph.
 */
export const CHANGES_IDLE_MS = 400;

export function installChanges(store: AppStore, idleMs = CHANGES_IDLE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(rest, idleMs);
  };
  /** The text of each revision not yet simulated, so a reply can be matched with the text it stands for. */
  const texts = new Map<number, string>([[store.getState().source.rev, store.getState().source.text]]);
  /** The version on screen (last reply). */
  let shown: { rev: number; text: string } | null = null;
  /** The text on screen when the text last rested (or as loaded), and the one it rested on before that. */
  let rested: string | null = null;
  let previous: string | null = null;
  let asked = 0;
  /** A scenario was loaded (gallery, link, host page): it is not an edit of the one before. */
  let loaded = false;

  const before = (s: AppState): string | null => {
    switch (s.ui.compareWith) {
      case 'previous':
        return previous;
      case 'loaded':
        return s.ui.baselines.loaded;
      case 'shared':
        return s.ui.baselines.shared;
      case 'pasted':
        return s.ui.baselines.pasted;
    }
  };

  const refresh = async (force: boolean) => {
    const s = store.getState();
    const reply = s.result.reply;
    if (!reply || !shown) return;
    const against = s.ui.compareWith;
    const base = { rev: reply.rev, against };
    const text = before(s);
    const set = (c: ChangesShown | null) => {
      if (mine === asked) store.getState().actions.setChanges(c);
    };
    const mine = ++asked;
    if (text === null) {
      set(against === 'previous' ? null : { ...base, error: against === 'shared' ? 'No link has been shared yet: Copy link makes one.' : 'Paste a version to compare with.' });
      return;
    }
    if (!force && against === 'previous' && reply.summary.pods > AUTO_DIFF_PODS) {
      set({ ...base, skipped: true });
      return;
    }
    try {
      set({ ...base, doc: await s.actions.query('diff', { before: text }) });
    } catch (e) {
      set({ ...base, error: e instanceof Error ? e.message : String(e) });
    }
  };

  const rest = () => {
    if (shown && shown.text !== rested) {
      previous = rested;
      rested = shown.text;
    }
    void refresh(false);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.source.rev !== prev.source.rev) {
      texts.set(s.source.rev, s.source.text);
      clearTimeout(timer); // still typing: ask once the text rests
    }
    if (s.ui.baselines.loaded !== prev.ui.baselines.loaded) loaded = true;
    const reply = s.result.reply;
    if (reply && reply !== prev.result.reply && reply.rev !== shown?.rev) {
      const text = texts.get(reply.rev);
      for (const rev of texts.keys()) if (rev < reply.rev) texts.delete(rev);
      if (text === undefined) return;
      // Only a new text is a new version (changing a setting or showing system objects is not an edit). The
      // first version, and a loaded one, is where the next edit starts from, not an edit itself.
      const fresh = !shown || loaded;
      loaded = false;
      if (fresh) {
        rested = text;
        previous = null;
      }
      // A loaded scenario asks again even with the same text, so the changes of the edit before it go.
      if (fresh || shown?.text !== text) {
        shown = { rev: reply.rev, text };
        later();
      } else shown = { rev: reply.rev, text };
    } else if (s.ui.compareWith !== prev.ui.compareWith || s.ui.baselines !== prev.ui.baselines) void refresh(false);
    else if (s.ui.changesRequested !== prev.ui.changesRequested) void refresh(true);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
