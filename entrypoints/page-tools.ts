import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PAGE_TOOLS_GLOBAL, type PageTool, type PageToolsApi } from '../lib/teach/page-tools-api';
import { launchPicker, launchTeaching, type ToolHost } from '@/lib/teach/launch-page-tools';

/**
 * The element picker and the teaching overlay, injected into a CRM tab only
 * when the user asks for them (lib/background/inject-page-tools.ts), so the
 * always-on content script stays small. Runs in the extension's isolated
 * world; a second injection finds the first copy's API and does nothing.
 */
export default defineUnlistedScript(() => {
  const world = globalThis as unknown as Record<string, PageToolsApi | undefined>;
  if (world[PAGE_TOOLS_GLOBAL]) return;
  const host: ToolHost = {
    signal: new AbortController().signal,
    frame: (callback) => void requestAnimationFrame(() => callback()),
    later: (callback, ms) => void setTimeout(callback, ms),
  };
  const tools: Record<PageTool, () => void> = {
    picker: () => launchPicker(host, document),
    teach: () => launchTeaching(host, document),
  };
  world[PAGE_TOOLS_GLOBAL] = {
    run(tool) {
      tools[tool]();
      return true;
    },
  };
});
