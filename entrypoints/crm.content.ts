import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEMO_CRM_MATCH } from '../lib/demo-origin';
import { startContentScript } from '../lib/content';

/**
 * Set in this extension's isolated world while a copy runs: enabling a site
 * injects the script into its open tabs (scripting.executeScript) and the
 * registered script may then run too; one copy is enough. Cleared when the
 * copy is invalidated (extension reloaded or updated), so the new one starts.
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
    ctx.onInvalidated(() => delete world[RUNNING]);
    startContentScript(ctx);
  },
});
