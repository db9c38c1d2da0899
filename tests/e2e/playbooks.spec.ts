import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { expect, test } from './fixtures';
import { readListRows, scoredBadgeCount } from './helpers';

/** Visit the newest customers' list, then the detail pages of the first few at tier 3 or above (one tab each). */
async function visitRiskyCustomers(context: BrowserContext, count = 6): Promise<Map<string, Page>> {
  const list = await context.newPage();
  await list.goto(`${DEMO_CRM_ORIGIN}/customers?sort=tenure&dir=asc`);
  await expect.poll(() => scoredBadgeCount(list)).toBe(50);
  const risky = (await readListRows(list)).filter((row) => Number(row.badge?.tier) >= 3).slice(0, count);
  expect(risky.length).toBe(count);
  const tabs = new Map<string, Page>();
  for (const row of risky) {
    const href = await list.locator(`tbody tr[data-customer-id="${row.id}"] [data-field="name"] a`).getAttribute('href');
    const tab = await context.newPage();
    await tab.goto(`${DEMO_CRM_ORIGIN}${href}`);
    await expect(tab.locator('article [data-churn-radar-badge] button[data-tier]')).toBeVisible();
    tabs.set(row.name, tab);
  }
  await list.close();
  return tabs;
}

/** Picks, in the preview, the first stored customer for whom a playbook rule (not the fallback) fires. */
async function previewCustomerWithRule(page: Page, names: readonly string[]): Promise<string> {
  for (const name of names) {
    await page.getByLabel('Search stored customers').fill(name);
    await expect(page.locator(`[data-preview-for="${name}"]`)).toBeVisible();
    if (await page.locator('[data-fired-rule]').getAttribute('data-fired-rule')) return name;
  }
  throw new Error('no visited customer matched a playbook rule');
}

async function openPlaybooks(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html#/playbooks`);
  await expect(page.getByRole('list', { name: /Playbook rules|话术规则/ })).toBeVisible();
}

/** "For this customer the playbook picks: Care call (moderate-care)" → its rule id and script title. */
async function firedRule(page: Page) {
  const line = page.locator('[data-fired-rule]');
  await expect(line).toBeVisible();
  const text = (await line.textContent())!;
  return { ruleId: (await line.getAttribute('data-fired-rule'))!, title: text.replace(/^[^:：]*[:：]\s*/, '').replace(/\s*\([^)]*\)\s*$/, '') };
}

test('edit a script with variables and see the live preview, validation, disable a rule and the side panel picks another script, reorder by keyboard, export / reset / import', async ({
  extension,
}, testInfo) => {
  test.setTimeout(120_000);
  const { context, extensionId } = extension;
  const tabs = await visitRiskyCustomers(context);

  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openPlaybooks(page, extensionId);
  await expect(page.getByText('The default playbook is in force.')).toBeVisible();

  // Preview on a stored customer for whom a rule fires.
  const name = await previewCustomerWithRule(page, [...tabs.keys()]);
  const fired = await firedRule(page);

  // The side panel follows that customer's tab and shows the same script.
  await tabs.get(name)!.bringToFront();
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByRole('heading', { name })).toBeVisible();
  const scriptCard = panel.getByRole('region', { name: 'Suggested retention script' });
  await expect(scriptCard).toContainText(fired.title);
  const before = (await scriptCard.textContent())!;
  await page.bringToFront();
  const scriptId = await page.locator(`li[data-rule-id="${fired.ruleId}"] select`).inputValue();
  await page.getByLabel('Script to edit').selectOption(scriptId);

  // Validation: an unknown variable and an unclosed [[ block saving.
  const call = page.getByRole('textbox', { name: 'Call talk track, English', exact: true });
  await call.fill('Hi {agent} [[about {plan}');
  await expect(page.getByRole('alert').filter({ hasText: 'Fix these before saving' })).toContainText('unknown variable {agent}');
  await expect(page.getByRole('alert').filter({ hasText: 'Fix these before saving' })).toContainText('a "[[" is never closed with "]]"');
  await expect(page.getByRole('button', { name: 'Save playbook' })).toBeDisabled();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix these before saving' })).toHaveCount(0);

  // Variable insertion at the cursor, rendered live by the real template engine with the customer's variables.
  const message = page.getByRole('textbox', { name: 'Message (email / chat), English', exact: true });
  await message.fill('Dear ');
  await page.getByRole('button', { name: 'Insert {name} into Message (email / chat), English' }).click();
  await expect(message).toHaveValue('Dear {name}');
  await message.press('End');
  await message.pressSequentially(', thank you[[ for your {plan} plan]].');
  const preview = page.getByLabel('Message, English', { exact: true });
  await expect(preview).toHaveText(new RegExp(`^Dear ${name}, thank you( for your .+ plan)?\\.$`));
  const previewText = (await preview.textContent())!;

  // Disable the rule that fired: the preview moves to another rule.
  const rule = page.locator(`li[data-rule-id="${fired.ruleId}"]`);
  await rule.getByLabel('Enabled').uncheck();
  await expect(rule).toContainText('Disabled');
  await expect.poll(async () => (await firedRule(page)).ruleId).not.toBe(fired.ruleId);
  const next = await firedRule(page);

  // Keyboard reorder: the second rule's handle, arrow up.
  const ids = () => page.locator('ol[aria-label="Playbook rules"] > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-rule-id')));
  const [first, second] = await ids();
  await page.getByRole('button', { name: 'Drag or use the arrow keys to move rule 2', exact: true }).press('ArrowUp');
  expect((await ids()).slice(0, 2)).toEqual([second, first]);
  await expect(page.getByRole('button', { name: 'Drag or use the arrow keys to move rule 1', exact: true })).toBeFocused();

  await page.getByRole('button', { name: 'Save playbook' }).click();
  await expect(page.getByText("Your team's playbook is in force.")).toBeVisible();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('playbooks-en.png'), fullPage: true });

  // Live: the open side panel (no reload) now shows the other rule's script (playbook-changed event).
  await expect(panel.getByRole('heading', { name })).toBeVisible();
  await expect(scriptCard).toContainText(next.title);
  expect((await scriptCard.textContent())!).not.toBe(before);

  // Export, reset, reject a bad file, import the export back.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export playbook' }).click();
  const file = await (await downloading).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('churn-radar-playbook');
  expect(exported.rules.map((r: { id: string }) => r.id).slice(0, 2)).toEqual([second, first]);
  expect(exported.rules.find((r: { id: string }) => r.id === fired.ruleId).enabled).toBe(false);
  expect(exported.scripts.find((s: { id: string }) => s.id === scriptId).message.en).toBe('Dear {name}, thank you[[ for your {plan} plan]].');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset to default' }).click();
  await expect(page.locator('#file')).toContainText('The default playbook is in force again.');
  await expect(page.getByText('The default playbook is in force.')).toBeVisible();
  await expect(rule.getByLabel('Enabled')).toBeChecked();
  expect((await ids()).slice(0, 2)).toEqual([first, second]);

  const importer = page.getByLabel('Import playbook…');
  await importer.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"churn-radar-playbook","version":1,"rules":[]}'),
  });
  await expect(page.locator('#file').getByRole('alert')).toContainText('Could not import: The playbook file is not valid: scripts');
  await expect(page.getByText('The default playbook is in force.')).toBeVisible();

  await importer.setInputFiles(file);
  await expect(page.locator('#file')).toContainText(`Imported and saved: ${exported.rules.length} rules, ${exported.scripts.length} scripts.`);
  await expect(rule.getByLabel('Enabled')).not.toBeChecked();
  await page.getByLabel('Search stored customers').fill(name);
  await page.getByLabel('Script to edit').selectOption(scriptId);
  await expect(page.getByLabel('Message, English', { exact: true })).toHaveText(previewText);
  await panel.reload();
  await expect(scriptCard).toContainText(next.title);
});

test('Chinese playbook editor: preview in both languages on a stored customer', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const tabs = await visitRiskyCustomers(extension.context, 1);
    const [name] = [...tabs.keys()] as [string];
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    await openPlaybooks(page, extension.extensionId);
    await expect(page.getByRole('heading', { name: '规则' })).toBeVisible();
    await expect(page.getByText('当前使用默认话术手册。')).toBeVisible();
    await page.getByLabel('搜索已保存的客户').fill(name);
    await expect(page.locator(`[data-preview-for="${name}"]`)).toBeVisible();
    await expect(page.getByLabel('消息（中文）', { exact: true })).toContainText(`${name}您好`);
    await expect(page.getByLabel('消息（英文）', { exact: true })).toContainText(name);
    await page.locator('#scripts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('playbooks-zh.png'), fullPage: true });
  } finally {
    await extension.close();
  }
});
