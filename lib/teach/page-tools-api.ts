/**
 * Page tools (the element picker, the teaching overlay) are not in the
 * always-on content script: they are injected into a tab when the user asks
 * (entrypoints/page-tools.ts, a WXT unlisted script, by
 * lib/background/inject-page-tools.ts). The script registers itself under
 * PAGE_TOOLS_GLOBAL in the extension's isolated world of the page.
 */
export type PageTool = 'picker' | 'teach';
export const PAGE_TOOLS_FILE = '/page-tools.js';
export const PAGE_TOOLS_GLOBAL = '__churnRadarPageTools';

export interface PageToolsApi {
  run(tool: PageTool): boolean;
}
