import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEMO_CRM_MATCH } from '../lib/demo-origin';
import { startContentScript } from '../lib/content';

export default defineContentScript({
  matches: [DEMO_CRM_MATCH],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx);
  },
});
