import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEMO_CRM_MATCH } from '../lib/demo-origin';
import { startContentScript } from '../lib/content';
import { isStopMessage } from '../lib/sites/control-message';

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

export default defineContentScript({
  // The demo CRM is read out of the box; other sites are registered at run time when the user enables them.
  matches: [DEMO_CRM_MATCH],
  // document_start: observe the CRM from its first render (see lib/content/index.ts).
  runAt: 'document_start',
  main(ctx) {
    const world = globalThis as Flagged;
    if (world[RUNNING]) return;
    world[RUNNING] = true;
    // The user disabled this site: stop observing and scanning at once (ctx.abort tears everything down).
    const onMessage = (message: unknown) => void (isStopMessage(message) && ctx.abort('site disabled'));
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      delete world[RUNNING];
    });
    startContentScript(ctx);
  },
});
