import { storage } from 'wxt/utils/storage';
import { matchPatternFor } from './origins';

/**
 * Origins a page asked the browser to grant, written just before
 * permissions.request. Firefox closes the popup when its prompt takes focus, so
 * the popup's own enableSite may never be sent; permissions.onAdded then
 * finishes the enable in the background. Session storage: a prompt never
 * outlives the browser session.
 */
export const pendingEnableItem = storage.defineItem<string[]>('session:pendingSiteEnables', {
  fallback: [],
  version: 1,
});

/** Remember the origin (not awaited by the caller: the prompt must open inside the click). */
export async function markPendingEnable(origin: string): Promise<void> {
  const pending = await pendingEnableItem.getValue();
  if (!pending.includes(origin)) await pendingEnableItem.setValue([...pending, origin]);
}

/** The pending origins that a permissions.onAdded event granted (Chrome's patterns carry the port, Firefox's do not). */
export function grantedPending(pending: readonly string[], addedPatterns: readonly string[], portInPattern: boolean): string[] {
  const added = new Set(addedPatterns);
  return pending.filter((origin) => added.has(matchPatternFor(origin, { portInPattern })));
}

/** Take the granted pending origins out of the list and return them. */
async function takeGrantedPending(addedPatterns: readonly string[], portInPattern: boolean): Promise<string[]> {
  const pending = await pendingEnableItem.getValue();
  const granted = grantedPending(pending, addedPatterns, portInPattern);
  if (granted.length) await pendingEnableItem.setValue(pending.filter((origin) => !granted.includes(origin)));
  return granted;
}

/** The page saw the outcome itself (granted and enabled, or denied): nothing is left for onAdded. */
export async function forgetPendingEnable(origin: string): Promise<void> {
  const pending = await pendingEnableItem.getValue();
  if (pending.includes(origin)) await pendingEnableItem.setValue(pending.filter((item) => item !== origin));
}

/** permissions.onAdded in the background: enable each granted origin a page asked for (the page may be gone). */
export async function finishPendingEnables(
  addedPatterns: readonly string[],
  portInPattern: boolean,
  enable: (origin: string) => Promise<unknown>,
): Promise<string[]> {
  const granted = await takeGrantedPending(addedPatterns, portInPattern);
  for (const origin of granted) await enable(origin);
  return granted;
}
