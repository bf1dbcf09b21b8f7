import { useEffect } from 'react';
import { panelForCode } from './panels/registry';
import { useActions, useApp } from './store';

/** Alt+key opens a panel (panels/registry.ts); Esc clears the selection; Ctrl+Shift+L toggles the theme; Ctrl+S says it is saved. */

export function useShortcuts(): void {
  const actions = useActions();
  const theme = useApp((s) => s.ui.theme);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const panel = e.altKey && !mod ? panelForCode(e.code) : undefined;
      if (panel) {
        e.preventDefault();
        actions.setPanel(panel);
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
