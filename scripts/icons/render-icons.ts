import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from '../lib/browser';
import { ICON_SIZES, iconSvg, type IconState } from './icon-svg';

/**
 * Renders the icon set into public/icon/ (committed; run again after changing
 * icon-svg.ts): `npx tsx scripts/icons/render-icons.ts`.
 * public/icon/<size>.png is the store/manifest icon (WXT picks it up);
 * public/icon/<state>/<size>.png are the toolbar states (lib/sites/action-icon.ts).
 */
const STATES: IconState[] = ['on', 'off', 'problem'];

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
async function render(state: IconState, size: number, path: string) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(state, size)}</body></html>`);
  await page.locator('svg').screenshot({ path, omitBackground: true });
}
for (const state of STATES) {
  mkdirSync(`public/icon/${state}`, { recursive: true });
  for (const size of ICON_SIZES) await render(state, size, `public/icon/${state}/${size}.png`);
}
for (const size of ICON_SIZES) await render('on', size, `public/icon/${size}.png`);
await browser.close();
console.log(`icons written: ${ICON_SIZES.length * (STATES.length + 1)} files under public/icon/`);
