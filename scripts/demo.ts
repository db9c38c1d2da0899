/**
 * `npm run demo`: build the extension, serve the demo CRM on 127.0.0.1, and
 * open Chromium with the extension on the customer list. Without a display
 * (or with --headless) it saves screenshots under demo-output/ and exits.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_CRM_ORIGIN, DEMO_CRM_PORT } from '../lib/demo-origin';
import { startDemoServer } from '../demo/server';
import { launchWithExtension } from './lib/browser';
import { captureProductScreens } from './lib/capture';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const skipBuild = process.argv.includes('--no-build');
/** --out DIR: where headless screenshots go (the README's pictures: `npm run demo -- --headless --out docs/screenshots`). */
const outArg = process.argv.indexOf('--out');
const outDirArg = outArg >= 0 ? process.argv[outArg + 1] : undefined;

if (!skipBuild) execSync('npm run build', { stdio: 'inherit' });
const server = await demoServer();
console.log(`Demo CRM: ${DEMO_CRM_ORIGIN}/customers`);

/**
 * The demo CRM, or the one already serving its port (a second `npm run demo`,
 * or the e2e suite's server): the extension only knows that one address, so
 * reusing it beats failing with EADDRINUSE.
 */
async function demoServer(): Promise<{ close(): Promise<void> }> {
  try {
    return await startDemoServer({ port: DEMO_CRM_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const probe = await fetch(`${DEMO_CRM_ORIGIN}/customers`).catch(() => null);
    if (!probe?.ok) throw new Error(`Port ${DEMO_CRM_PORT} is taken by something that is not the demo CRM; stop it and run again.`);
    console.log(`The demo CRM is already running on port ${DEMO_CRM_PORT}: using it.`);
    return { close: async () => undefined };
  }
}

if (headless) {
  const outDir = resolve(outDirArg ?? 'demo-output');
  mkdirSync(outDir, { recursive: true });
  const shots = [];
  for (const lang of ['en', 'zh'] as const) {
    const launched = await launchWithExtension({ headless: true, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    try {
      shots.push(...(await captureProductScreens(launched.context, launched.extensionId, { outDir, lang })));
    } finally {
      await launched.close();
    }
  }
  await server.close();
  console.log(`\nNo display (or --headless): saved ${shots.length} screenshots:`);
  for (const shot of shots) console.log(`  ${shot.path}`);
  process.exit(0);
}

const launched = await launchWithExtension({ headless: false });
const page = launched.context.pages()[0] ?? (await launched.context.newPage());
await page.goto(`${DEMO_CRM_ORIGIN}/customers`);
console.log('Chromium is open with Churn Radar on the demo CRM. Close the browser window or press Ctrl+C to stop.');
const stop = async () => {
  await launched.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
launched.context.on('close', () => void stop());
process.on('SIGINT', () => void stop());
