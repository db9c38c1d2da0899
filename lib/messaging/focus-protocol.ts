/**
 * What each tab's page shows (lib/focus/page-focus.ts): the content script
 * reports its page, the side panel asks what its tab shows, and the worklist
 * tells the background which customer the agent chose. Types derived from
 * the runtime schemas (focus-schemas.ts); merged into the one Protocol.
 */
import type { z } from 'zod';
import type { PageFocus } from '../focus/page-focus';
import type { focusRequestSchemas } from './focus-schemas';

type Request<K extends keyof typeof focusRequestSchemas> = z.infer<(typeof focusRequestSchemas)[K]>;

export interface FocusProtocol {
  /** Content script (top frame) → background: what the page shows — sent when that changes. */
  reportPage: { request: Request<'reportPage'>; response: null };
  /** Side panel → background: what the page in this tab shows (null: no CRM page read there). */
  getPageFocus: { request: Request<'getPageFocus'>; response: { focus: PageFocus | null } };
  /** Side panel → background: the agent chose this customer in the worklist (actions on them are allowed while the tab's page stays). */
  chooseCustomer: { request: Request<'chooseCustomer'>; response: null };
}
