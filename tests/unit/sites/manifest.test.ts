import { describe, expect, it } from 'vitest';
import config, { EXTENSION_PAGES_CSP } from '@/wxt.config';
import { DEMO_CRM_MATCH } from '@/lib/demo-origin';

type ManifestFn = (env: { browser: string; mode: string; manifestVersion: number; command: string }) => Record<string, unknown>;
const manifest = (mode: string, browser = 'chrome') => (config.manifest as unknown as ManifestFn)({ browser, mode, manifestVersion: 3, command: 'build' });

describe('manifest', () => {
  it('production asks for no broad host permission and no localhost: only the demo CRM, others optional', () => {
    for (const browser of ['chrome', 'firefox']) {
      const m = manifest('production', browser);
      expect(m.host_permissions).toEqual([DEMO_CRM_MATCH]);
      expect(JSON.stringify(m.host_permissions)).not.toMatch(/localhost|\*:\/\/|<all_urls>|https?:\/\/\*/);
      expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
      expect(m.permissions).toContain('scripting');
      expect(m.permissions).not.toContain('tabs');
    }
  });
  it('only the e2e flavour grants the fixture origin', () => {
    expect(manifest('e2e').host_permissions).toEqual([DEMO_CRM_MATCH, 'http://localhost/*']);
  });
  it('extension pages may connect to the extension only (no egress), in every build', () => {
    for (const [mode, browser] of [
      ['production', 'chrome'],
      ['production', 'firefox'],
      ['e2e', 'chrome'],
    ]) {
      const csp = (manifest(mode!, browser) as { content_security_policy?: { extension_pages?: string } }).content_security_policy?.extension_pages;
      expect(csp).toBe(EXTENSION_PAGES_CSP);
    }
    const directives = new Map(EXTENSION_PAGES_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
  it('has the coloured mark as its icons and the grey "off" state as the toolbar default', () => {
    for (const browser of ['chrome', 'firefox']) {
      const m = manifest('production', browser) as { icons: Record<number, string>; action: { default_icon: Record<number, string> } };
      expect(Object.keys(m.icons)).toEqual(['16', '32', '48', '128']);
      expect(Object.values(m.action.default_icon).every((path) => path.startsWith('/icon/off/'))).toBe(true);
    }
  });
  it('offers a keyboard shortcut to the side panel, with a translated description', () => {
    const m = manifest('production') as { commands: Record<string, { suggested_key: { default: string }; description: string }> };
    expect(m.commands['open-side-panel']).toEqual({ suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_shortcuts_openSidePanel__' });
  });
  it('declares to Firefox that no data is collected', () => {
    const m = manifest('production', 'firefox') as { browser_specific_settings: { gecko: { data_collection_permissions: { required: string[] } } } };
    expect(m.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['none']);
  });
});
