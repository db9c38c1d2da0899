import type { SendMessage } from '../messaging/client';
import type { SitesView } from './sites-commands';
import { matchPatternFor } from './origins';

export type EnableOutcome = { ok: true; view: SitesView } | { ok: false; reason: 'denied' } | { ok: false; reason: 'error'; message: string };

export interface EnableFlowDeps {
  /** permissions.request: only a page handling the user's click may call it (the background cannot). */
  request: (origins: string[]) => Promise<boolean>;
  send: SendMessage;
  portInPattern: boolean;
}

/**
 * The page half of "Enable on this site": ask the browser for the one origin
 * FIRST, synchronously inside the click (any await before it loses the user
 * gesture), then let the background verify, store and register. A denied or
 * cancelled prompt changes nothing.
 */
export function requestAndEnable(origin: string, deps: EnableFlowDeps): Promise<EnableOutcome> {
  const asked = deps.request([matchPatternFor(origin, { portInPattern: deps.portInPattern })]);
  return asked.then(
    async (granted): Promise<EnableOutcome> => {
      if (!granted) return { ok: false, reason: 'denied' };
      try {
        return { ok: true, view: await deps.send('enableSite', { origin }) };
      } catch (error) {
        return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
      }
    },
    // Chrome rejects instead of resolving false when the prompt cannot be shown (e.g. no gesture).
    (error: unknown): EnableOutcome => ({ ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
}

export interface Notice {
  tone: 'ok' | 'error';
  text: string;
}

/** What the page says after the flow: enabled, "access was not granted, nothing changed", or the browser's / background's words. */
export function outcomeNotice(outcome: EnableOutcome, words: { enabled: string; denied: string }): Notice {
  if (outcome.ok) return { tone: 'ok', text: words.enabled };
  return { tone: 'error', text: outcome.reason === 'denied' ? words.denied : outcome.message };
}
