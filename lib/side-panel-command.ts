/** The manifest command (keyboard shortcut) that opens the side panel on the current tab (wxt.config.ts, lib/background). */
export const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';
