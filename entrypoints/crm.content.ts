import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEMO_CRM_MATCH } from '../lib/demo-origin';
import { startContentScript } from '../lib/content';
import { announceHandover, guardHandover, handoverDone } from '../lib/content/lifecycle';
import { isStopMessage } from '../lib/sites/control-message';
import { unwatchIfAlive } from '../lib/risk/thresholds-watch';

/**
 * Set in this extension's isolated world while a copy runs. Enabling a site
 * injects the script into its open tabs (scripting.executeScript), and the
 * registered script or a second injection may follow: one live copy only.
 * WXT's context hands over to the newest copy (it invalidates the older one
 * synchronously when the new context is created, which clears this flag), so
 * the flag only stops a copy whose predecessor did not step down.
 */
const RUNNING = '__churnRadarContentScript';
type Flagged = typeof globalThis & { [RUNNING]?: boolean };

// This module's top level runs in the same task as WXT's context constructor, whose event retires
// an older copy: only this window lets that event through (lib/content/lifecycle.ts).
announceHandover();
/** "<extension id>:crm:wxt:content-script-started" (private in WXT's types, public at run time). */
const SCRIPT_STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

export default defineContentScript({
  // Every site, the demo CRM too, is registered at run time (lib/background/sites-service.ts), so each
  // can be turned off; `matches` only keeps the demo CRM's host permission in the manifest.
  matches: [DEMO_CRM_MATCH],
  registration: 'runtime',
  // document_start: observe the CRM from its first render (see lib/content/index.ts).
  runAt: 'document_start',
  // WXT's postMessage copy of its "script started" event tells the page the event's name (and our
  // extension id); the document event it also sends is enough for the handover, and is guarded.
  noScriptStartedPostMessage: true,
  main(ctx) {
    handoverDone();
    const world = globalThis as Flagged;
    if (world[RUNNING]) return;
    world[RUNNING] = true;
    // A page replaying the "script started" event must not switch this copy off.
    guardHandover(window, SCRIPT_STARTED, ctx.signal);
    // The user disabled this site: stop observing and scanning at once (ctx.abort tears everything down).
    const onMessage = (message: unknown) => void (isStopMessage(message) && ctx.abort('site disabled'));
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      unwatchIfAlive(() => browser.runtime.onMessage.removeListener(onMessage));
      delete world[RUNNING];
    });
    startContentScript(ctx);
  },
});
