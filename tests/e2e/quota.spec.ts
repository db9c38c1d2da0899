import { expect, test } from './fixtures';
import { dbCounts, diskControl, extensionReader, scan, storageProblem, storedCustomers, unsavedRows } from './storage-probe';

/**
 * Issue 15, real quota exhaustion in real Chromium: the extension's disk is
 * filled over CDP (the limited-storage flavour: without unlimitedStorage, so
 * the override applies). The banner says so; the history already stored is
 * intact (counts, and every row compared); the held rows land once space is
 * freed. Erase while full: storage-faults.spec.ts (with a worker stop between).
 */
test.use({ storageFlavour: 'limited' });

test('a full disk: the banner shows, stored history is intact, writes resume when space is freed', async ({ extension }) => {
  test.setTimeout(90_000);
  const { context, extensionId } = extension;
  const started = Date.now();
  const disk = await diskControl(context, extensionId);
  const crm = await context.newPage();
  let reader = await extensionReader(context, extensionId);
  await scan(crm, 'size=25&page=1', 25);
  await expect.poll(() => unsavedRows(reader)).toBe(0);
  const before = await dbCounts(reader);
  const rowsBefore = await storedCustomers(reader);
  expect(before.customers).toBe(25);

  // Full: a page of 250 new customers is shown (badges from memory) but cannot be saved.
  await disk.fill(); // closes the extension's pages
  await scan(crm, 'size=250&page=2', 250);
  reader = await extensionReader(context, extensionId);
  await expect.poll(() => storageProblem(reader), { timeout: 15_000 }).toMatchObject({ kind: 'quota' });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const banner = options.locator('[data-storage-banner]');
  await expect(banner).toContainText("the browser's storage is full");
  await expect(banner).toContainText(/[\d,]+ changes are waiting in memory/);
  // Nothing already stored was touched: every seeded row as it was, field by field, and no table shrank
  // (what of the new page fitted before the disk filled may be there too: transactions land whole or not at all).
  const whileFull = await storedCustomers(reader);
  for (const row of rowsBefore) expect(whileFull.find((each) => each.crmId === row.crmId), row.crmId).toEqual(row);
  const countsWhileFull = await dbCounts(reader);
  for (const [table, count] of Object.entries(before)) expect(countsWhileFull[table], table).toBeGreaterThanOrEqual(count);

  // Space is freed: the next write takes the held rows along, and the banner goes.
  await disk.free();
  await crm.goto(crm.url().replace('page=2', 'page=1').replace('size=250', 'size=25'));
  await expect.poll(() => unsavedRows(reader), { timeout: 15_000 }).toBe(0);
  expect(await dbCounts(reader)).toMatchObject({ customers: 275, scores: 275 });
  await expect(banner).toBeHidden();
  const after = await storedCustomers(reader);
  for (const row of rowsBefore) expect(after.find((each) => each.crmId === row.crmId)?.firstSeen, row.crmId).toBe(row.firstSeen);

  console.log(`[quota] ${Date.now() - started} ms: 25 rows intact while full, 250 held rows landed once freed`);
});
