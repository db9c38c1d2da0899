import { browser } from 'wxt/browser';
import type { BackgroundEvent } from './protocol';

function isBackgroundEvent(message: unknown): message is BackgroundEvent {
  return typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === 'churn-radar-event';
}

/** Extension pages: react to background changes. Returns an unsubscribe function. */
export function onBackgroundEvent(listener: (event: BackgroundEvent) => void): () => void {
  const handler = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && isBackgroundEvent(message)) listener(message);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Background: tell open extension pages; nobody listening is fine. */
export function emitBackgroundEvent(event: BackgroundEvent): void {
  browser.runtime.sendMessage(event).catch(() => undefined);
}
