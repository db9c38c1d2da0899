import { MessageError, type SendMessage } from '../messaging/client';

/**
 * A copy of the content script lives until the site is disabled, a newer copy
 * takes over (the extension was updated and re-injected it), or the extension
 * goes away under it. Only this extension may end it: never the CRM page.
 */

/** Set in this extension's isolated world by a newer copy during its start (page scripts cannot see or set it). */
const HANDOVER = '__churnRadarHandover';
type World = typeof globalThis & { [HANDOVER]?: boolean };

/**
 * Called at the top level of the entrypoint module: what runs next, in the
 * same task, is WXT's context constructor, whose "script started" event
 * retires the older copy. `handoverDone` ends the window once main() runs.
 */
export function announceHandover(world: World = globalThis): void {
  world[HANDOVER] = true;
}

export function handoverDone(world: World = globalThis): void {
  delete world[HANDOVER];
}

/**
 * WXT retires an older copy when a document event named
 * "<extension id>:crm:wxt:content-script-started" says a newer one started.
 * The page can replay it: the id is public, and without
 * `noScriptStartedPostMessage` WXT even posts the name to the page. So this
 * copy stops that event at the window, in the capture phase (before WXT's
 * listener on the document), unless a copy of ours announced itself in this
 * isolated world in the same task.
 */
export function guardHandover(win: Window, eventType: string, signal: AbortSignal, world: World = globalThis): void {
  win.addEventListener(
    eventType,
    (event) => {
      if (!world[HANDOVER]) event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}

/**
 * WXT's own location-change event carries `newUrl` as a property set in this
 * isolated world; a page's replay of the event name has none here.
 */
export function isOwnLocationChange(event: Event): boolean {
  return (event as Event & { newUrl?: unknown }).newUrl instanceof URL;
}

/** What the lifecycle needs of WXT's context (a subset, so tests can fake it). */
export interface Lifetime {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

/**
 * True once this copy has ended. An updated, reloaded or removed extension
 * leaves the copy running with `runtime.id` gone and no event: seeing that
 * ends the copy here (its teardown removes its badges).
 */
export function endedCheck(lifetime: Lifetime, runtimeId: () => string | undefined): () => boolean {
  return () => {
    if (!lifetime.signal.aborted && runtimeId() === undefined) lifetime.abort('extension context invalidated');
    return lifetime.signal.aborted;
  };
}

/**
 * Looks every `everyMs` (a property read): a newer copy injected on update
 * usually retires this one sooner, through the handover; this catches the
 * rest (the extension removed, or the site no longer enabled after the update).
 */
export function endWhenExtensionGone(lifetime: Lifetime, ended: () => boolean, everyMs = 1000): void {
  const timer = setInterval(ended, everyMs);
  lifetime.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

/**
 * Messages of an ended copy: an answer or an error ("Extension context
 * invalidated") that arrives after the end is never acted on, so a dead copy
 * draws no "failed" badges and logs nothing. The promise then stays pending.
 */
export function aliveOnly(send: SendMessage, ended: () => boolean): SendMessage {
  const never = new Promise<never>(() => undefined);
  return ((type, payload) => {
    if (ended()) return never;
    return send(type, payload).then(
      (answer) => (ended() ? never : answer),
      (error: unknown) => (ended() ? never : Promise.reject(error)),
    );
  }) as SendMessage;
}

/**
 * The background refuses every content-script message from a page that is
 * not an enabled site ("forbidden"): the site was disabled while this copy
 * missed the stop message, or, in Firefox, whose match patterns cannot hold a
 * port, the script runs on another port of an enabled host. Either way this
 * copy ends quietly instead of drawing "failed" badges on a page it may not read.
 */
export function endWhenRefused(send: SendMessage, lifetime: Lifetime): SendMessage {
  return ((type, payload) =>
    send(type, payload).catch((error: unknown) => {
      if (error instanceof MessageError && error.code === 'forbidden') lifetime.abort('site not enabled');
      throw error;
    })) as SendMessage;
}
