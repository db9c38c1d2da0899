import { browser } from 'wxt/browser';
import { unwatchIfAlive } from '../risk/thresholds-watch';
import { pageCommandOf, type PageCommand } from './picker/picker-message';

/**
 * The background's commands to this page (tabs.sendMessage): re-ask scores
 * after a mapping change. Answers true when handled, so the background can
 * tell a tab where Churn Radar runs from one where it does not. (The picker
 * and the teaching overlay are injected on demand: lib/background/inject-page-tools.ts.)
 */
export function listenForPageCommands(handle: (command: PageCommand) => void, signal: AbortSignal): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const command = pageCommandOf(message);
    if (command === null) return false;
    handle(command);
    sendResponse(true);
    return false;
  };
  browser.runtime.onMessage.addListener(listener);
  // After an extension update the old copy has no browser.runtime: nothing left to remove.
  signal.addEventListener('abort', () => unwatchIfAlive(() => browser.runtime.onMessage.removeListener(listener)), { once: true });
}

/** True in a same-origin child frame: the top frame's script reads this frame (roots.ts), so this copy stays idle. */
export function readByTopFrame(win: Window): boolean {
  if (win === win.top) return false;
  try {
    return win.top?.document !== undefined;
  } catch {
    return false; // cross-origin parent: this frame reads itself
  }
}
