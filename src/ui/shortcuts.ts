import { useEffect } from 'react';
import { useActions, useApp, type PanelId } from './store';

/** Alt+1…9, Alt+0 opens a panel; Esc clears the selection; Ctrl+Shift+L toggles the theme; Ctrl+S says it is saved. */
export const PANEL_KEYS: PanelId[] = ['inspector', 'problems', 'endpoints', 'dns', 'routes', 'matrix', 'trace', 'settings', 'gallery', 'exercise'];

export function useShortcuts(): void {
  const actions = useActions();
  const theme = useApp((s) => s.ui.theme);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (e.altKey && !mod && /^Digit[0-9]$/.test(e.code)) {
        e.preventDefault();
        actions.setPanel(PANEL_KEYS[(Number(e.code.slice(5)) + 9) % 10]!);
      } else if (e.key === 'Escape') {
        actions.select(null);
      } else if (mod && e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        actions.setTheme(theme === 'dark' ? 'light' : 'dark');
      } else if (mod && e.key.toLowerCase() === 's') {
        e.preventDefault();
        actions.notify('Your work is saved automatically, in this browser and in the address (copy it to share).');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, theme]);
}
