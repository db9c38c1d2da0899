import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

/**
 * The built extension that tests and benches load. CHURN_RADAR_OUT moves the
 * whole build output (see wxt.config.ts), so two builds can live side by side.
 */
export const EXTENSION_DIR = resolve(process.env.CHURN_RADAR_OUT ?? '.output', 'chrome-mv3');
/** The e2e flavour (npm run build:e2e): the production build plus the fixture origin in host_permissions. */
export const E2E_EXTENSION_DIR = resolve(process.env.CHURN_RADAR_OUT ?? '.output', 'chrome-mv3-e2e');

/**
 * The e2e flavour without `unlimitedStorage`, for tests of a full disk: with
 * that permission Chromium reports the extension origin's quota as unlimited
 * and ignores CDP's Storage.overrideQuotaForOrigin. A copy of the built e2e
 * output with only the manifest's permission removed (milliseconds, no second
 * build); an unpacked extension's id comes from its directory, so the copy is
 * a different extension with its own, empty storage. Removed with the process.
 */
export function limitedStorageExtensionDir(source = E2E_EXTENSION_DIR): string {
  if (!existsSync(join(source, 'manifest.json'))) throw new Error(`No built extension in ${source}: run npm run build:e2e first.`);
  const dir = mkdtempSync(join(tmpdir(), 'churn-radar-limited-storage-'));
  cpSync(source, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions?: string[] };
  if (!manifest.permissions?.includes('unlimitedStorage')) throw new Error(`${source}/manifest.json does not ask for unlimitedStorage: nothing to remove.`);
  manifest.permissions = manifest.permissions.filter((permission) => permission !== 'unlimitedStorage');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** CHROMIUM_PATH, then Playwright's own download, then Debian's binary (not the /usr/bin wrapper). */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, safe(() => chromium.executablePath()), '/usr/lib/chromium/chromium'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('No Chromium found: set CHROMIUM_PATH or run `apt-get install -y chromium`.');
  return found;
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  close: () => Promise<void>;
}

/** A fresh profile with the built extension loaded; headless unless HEADED=1. */
export async function launchWithExtension(options: { extensionDir?: string; locale?: string; headless?: boolean } = {}): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'churn-radar-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? process.env.HEADED !== '1',
    locale: options.locale ?? 'en-US',
    env: { ...process.env, LANGUAGE: (options.locale ?? 'en-US').replace('-', '_') },
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${options.locale ?? 'en-US'}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await demoScriptRegistered(worker);
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Every site's content script, the demo CRM's too, is registered by the worker
 * when it starts (lib/background/sites-setup.ts), so it can be turned off: a
 * page opened in the first instant would not be read yet. Waits (at most 5 s)
 * for the first registration, as a person opening the demo never notices.
 */
async function demoScriptRegistered(worker: import('@playwright/test').Worker): Promise<void> {
  await worker.evaluate(async () => {
    const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome.scripting;
    for (let i = 0; i < 100 && (await scripting.getRegisteredContentScripts()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  });
}
