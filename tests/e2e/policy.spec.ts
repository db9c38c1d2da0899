import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { E2E_EXTENSION_DIR, launchWithExtension, type LaunchedExtension } from '@/scripts/lib/browser';

/** The extension APIs the page-side evaluations use (tests/e2e has no chrome typings). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: { get(keys: string): Promise<Record<string, unknown>>; set(values: Record<string, unknown>): Promise<void> };
    managed: { get(keys: null): Promise<Record<string, unknown>> };
  };
};

/**
 * A real managed policy: Linux Chromium reads /etc/chromium/policies/managed/*.json
 * at start, and hands an extension's part ("3rdparty" → "extensions" → its id)
 * to chrome.storage.managed, validated against public/managed-schema.json.
 * An unpacked extension's id is derived from its directory: the first 32 hex
 * digits of sha256(absolute path), each digit 0–f written as a–p. Needs root
 * (CI runs as root); the file is removed after the tests, and files an
 * interrupted run left behind (which would lock settings in every later
 * Chromium on this machine) are removed before them.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const extensionId = [...createHash('sha256').update(E2E_EXTENSION_DIR).digest('hex').slice(0, 32)]
  .map((c) => String.fromCharCode(97 + parseInt(c, 16)))
  .join('');
const POLICY_FILE = join(POLICY_DIR, `churn-radar-e2e-${extensionId}.json`);
const LOCKED_THRESHOLDS = [0.15, 0.35, 0.55, 0.75];
const REASON = 'Set by IT — ask helpdesk@example.com';

const test = base.extend<{ extension: LaunchedExtension }>({
  // eslint-disable-next-line no-empty-pattern
  extension: async ({}, use) => {
    const launched = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR });
    await use(launched);
    await launched.close();
  },
});

/** Fails with the reason, never skips: without the policy file this spec would test nothing. */
function preparePolicyDir() {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
  } catch (error) {
    const who = process.getuid?.() === 0 ? 'root' : `uid ${process.getuid?.() ?? '?'}`;
    throw new Error(
      `policy.spec.ts writes a real Chromium managed policy to ${POLICY_DIR} and needs write access there (CI runs as root); running as ${who}: ${(error as Error).message}`,
    );
  }
  for (const name of readdirSync(POLICY_DIR)) if (name.startsWith('churn-radar-e2e-')) rmSync(join(POLICY_DIR, name), { force: true });
}

test.beforeAll(() => {
  preparePolicyDir();
  const policy = {
    tierThresholds: LOCKED_THRESHOLDS,
    churnDefinition: { inactivityDays: 45 },
    // Passes Chrome's JSON schema, fails ours (an origin has no path): shown as a problem.
    enabledSites: ['https://crm.example.com/app'],
    locked: ['tierThresholds'],
    lockReason: REASON,
  };
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
});
test.afterAll(() => rmSync(POLICY_FILE, { force: true }));

type Reply = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const send = (page: Page, type: string, payload: unknown) =>
  page.evaluate(([t, p]) => chrome.runtime.sendMessage({ channel: 'churn-radar', type: t, payload: p }) as Promise<Reply>, [type, payload] as const);

test('a managed policy locking tier thresholds: options shows the lock, controls are disabled, the background refuses changes', async ({
  extension,
}, testInfo) => {
  test.setTimeout(90_000);
  // The id the test wrote the policy for is the id Chromium gave the extension.
  expect(extension.extensionId).toBe(extensionId);
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/options.html#/privacy/policy`);
  expect(await page.evaluate(() => chrome.storage.managed.get(null))).toMatchObject({ locked: ['tierThresholds'], tierThresholds: LOCKED_THRESHOLDS });

  const policy = page.locator('#policy');
  await expect(policy.locator('tr[data-setting="tierThresholds"]')).toContainText('Locked');
  await expect(policy.locator('tr[data-setting="tierThresholds"]')).toContainText('15 % · 35 % · 55 % · 75 %');
  await expect(policy.locator('tr[data-setting="churnDefinition"]')).toContainText('Team default');
  await expect(policy.locator('tr[data-setting="playbook"]')).toContainText('not set');
  await expect(policy).toContainText(REASON);
  await expect(policy.getByRole('alert')).toContainText('enabledSites: an origin such as https://crm.example.com');
  await policy.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('policy-privacy-en.png'), fullPage: true });

  // The presets are in force: the locked thresholds, and the default churn definition applied once.
  expect((await send(page, 'getTierThresholds', {})).data).toEqual({ thresholds: LOCKED_THRESHOLDS });
  expect(await page.evaluate(() => chrome.storage.local.get('indicatorSettings'))).toMatchObject({ indicatorSettings: { churn: { inactivityDays: 45 } } });

  // Churn & tiers: the lock is explained and its controls are disabled.
  await page.getByRole('tab', { name: 'Churn & tiers' }).click();
  const notice = page.getByRole('note', { name: 'Tier thresholds is locked' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(REASON);
  await expect(page.getByRole('button', { name: 'Save thresholds' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Apply shares' })).toBeDisabled();
  await expect(page.getByRole('note', { name: 'Churn definition is locked' })).toHaveCount(0);
  await notice.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('policy-risk-en.png'), fullPage: true });

  // The background refuses a change through its message...
  const refused = await send(page, 'saveTierThresholds', { thresholds: [0.1, 0.2, 0.3, 0.4] });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(refused.error!.message).toMatch(/"tierThresholds" is locked by your organisation's policy \(Set by IT/);
  // ...and puts the preset back when storage is written behind its back.
  await page.evaluate(() => chrome.storage.local.set({ tierThresholds: [0.1, 0.2, 0.3, 0.4] }));
  await expect.poll(async () => (await page.evaluate(() => chrome.storage.local.get('tierThresholds'))).tierThresholds).toEqual(LOCKED_THRESHOLDS);
  expect((await send(page, 'getTierThresholds', {})).data).toEqual({ thresholds: LOCKED_THRESHOLDS });

  // The unlocked default may be changed by the user, and stays changed.
  await page.evaluate(async () => {
    const { indicatorSettings } = (await chrome.storage.local.get('indicatorSettings')) as { indicatorSettings: { churn: Record<string, unknown> } };
    await chrome.storage.local.set({ indicatorSettings: { ...indicatorSettings, churn: { ...indicatorSettings.churn, inactivityDays: 120 } } });
  });
  // Storage changes reach the policy service in order: once a later write to the locked key is put back,
  // the service has seen the change above, and left it.
  await page.evaluate(() => chrome.storage.local.set({ tierThresholds: [0.1, 0.2, 0.3, 0.4] }));
  await expect.poll(async () => (await page.evaluate(() => chrome.storage.local.get('tierThresholds'))).tierThresholds).toEqual(LOCKED_THRESHOLDS);
  expect(await page.evaluate(() => chrome.storage.local.get('indicatorSettings'))).toMatchObject({ indicatorSettings: { churn: { inactivityDays: 120 } } });
});

test('the lock in Chinese', async ({}, testInfo) => {
  test.setTimeout(60_000);
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/options.html#/privacy/policy`);
    await expect(page.locator('#policy tr[data-setting="tierThresholds"]')).toContainText('已锁定');
    await page.locator('#policy').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('policy-privacy-zh.png'), fullPage: true });
    await page.getByRole('tab', { name: '流失与等级' }).click();
    await expect(page.getByRole('note', { name: '等级阈值已锁定' })).toContainText(REASON);
    await page.screenshot({ path: testInfo.outputPath('policy-risk-zh.png'), fullPage: true });
  } finally {
    await extension.close();
  }
});
