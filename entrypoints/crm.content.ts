import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEMO_CRM_MATCH } from '../lib/demo-origin';
import { startContentScript } from '../lib/content';

export default defineContentScript({
  matches: [DEMO_CRM_MATCH],
  // document_start: observe the CRM from its first render (see lib/content/index.ts).
  runAt: 'document_start',
  main(ctx) {
    startContentScript(ctx);
  },
});
