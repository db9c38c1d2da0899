import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvChunk, csvRow, CSV_COLUMNS, OTHER_COLUMN } from '@/lib/privacy/csv-rows';
import { EXPORT_FORMAT, exportFileName, exportFileParts, ImportFileError, parseExportFile } from '@/lib/privacy/export-file';
import { csvZipParts } from '@/lib/privacy/csv-zip';
import { tablePages, type PageKey } from '@/lib/privacy/export-pages';
import { confirms } from '@/lib/privacy/confirm';
import { retentionProblem } from '@/lib/privacy/retention-input';
import { existingRecords, planSettings, planTableMerge } from '@/lib/privacy/merge-plan';
import { checkImportedSetting } from '@/lib/privacy/settings-registry';
import { rowProblem } from '@/lib/privacy/row-schemas';
import { estimateTableBytes, formatBytes, meanRowBytes, sitesBySize } from '@/lib/privacy/storage-summary';
import { DATA_TABLES, naturalKey, rowTime } from '@/lib/privacy/tables';

const SITE = 'https://crm.test';
const customer = (crmId: string, lastSeen: number, name = crmId) => ({
  site: SITE,
  crmId,
  name,
  fields: { plan: 'Pro' },
  firstSeen: 1,
  lastSeen,
  lastObservedAt: lastSeen,
  observationCount: 1,
});
const batch = (observedAt: number, crmIds: string[]) => ({
  id: 7,
  site: SITE,
  observedAt,
  pageKind: 'list',
  url: `${SITE}/customers`,
  adapter: 'generic',
  keys: crmIds.map((id) => `${SITE}\u0000${id}`),
  crmIds,
  names: crmIds,
  fields: crmIds.map(() => ({})),
});

async function collect(parts: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const part of parts) text += part;
  return text;
}

describe('export file', () => {
  it('is written in parts that join into one valid export, every table present', async () => {
    const chunks: Record<string, unknown[][]> = { customers: [[customer('a', 1)], [], [customer('b', 2)]], meta: [[{ key: 'k', value: 1 }]] };
    const text = await collect(
      exportFileParts({ exportedAt: '2026-12-01T00:00:00.000Z', dbVersion: 4 }, { retentionDays: 90 }, async function* (table) {
        for (const chunk of chunks[table] ?? []) yield chunk;
      }),
    );
    const { file, unknownTables } = parseExportFile(text);
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.dbVersion).toBe(4);
    expect(Object.keys(file.tables)).toEqual([...DATA_TABLES]);
    expect(file.tables.customers).toHaveLength(2);
    expect(file.tables.scores).toEqual([]);
    expect(file.settings).toEqual({ retentionDays: 90 });
    expect(unknownTables).toEqual([]);
  });

  it('rejects an empty file, bad JSON, another format and another version with a message', () => {
    expect(() => parseExportFile('  ')).toThrow(/empty/);
    expect(() => parseExportFile('{"format":')).toThrow(ImportFileError);
    expect(() => parseExportFile('{"format":')).toThrow(/not valid JSON/);
    expect(() => parseExportFile(JSON.stringify({ format: 'churn-radar-playbook', version: 1 }))).toThrow(/not a Churn Radar export/);
    expect(() => parseExportFile(JSON.stringify({ format: EXPORT_FORMAT, version: 2, exportedAt: 'x', dbVersion: 4, tables: {} }))).toThrow(/version 1/);
    expect(() => parseExportFile(JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: 'x', dbVersion: 4, tables: { customers: 'no' } }))).toThrow(
      /tables\.customers/,
    );
  });

  it('accepts a BOM and names tables it does not know', () => {
    const text = `\uFEFF${JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: 'x', dbVersion: 4, tables: { customers: [], future: [] } })}`;
    expect(parseExportFile(text).unknownTables).toEqual(['future']);
  });

  it('names files by time', () => {
    expect(exportFileName(new Date('2026-12-01T22:05:09Z'))).toBe('churn-radar-export-2026-12-01-22-05-09');
  });
});

describe('row validation', () => {
  it('accepts stored rows and says what is wrong with a bad one', () => {
    expect(rowProblem('customers', customer('a', 1))).toBeNull();
    expect(rowProblem('observationBatches', batch(1, ['a']))).toBeNull();
    expect(rowProblem('customers', { ...customer('a', 1), lastSeen: 'yesterday' })).toMatch(/^lastSeen: /);
    // A model row records the sites it serves (Dexie v6): an export of this browser imports back.
    expect(rowProblem('models', { id: 'm', createdAt: 'x', importedAt: 1, artifact: {}, sites: [SITE] })).toBeNull();
    expect(rowProblem('models', { id: 'm', createdAt: 'x', importedAt: 1, artifact: {}, sites: ['javascript:alert(1)'] })).toMatch(/^sites/);
    expect(rowProblem('observationBatches', { ...batch(1, ['a', 'b']), names: ['a'] })).toMatch(/same length/);
    expect(rowProblem('actions', { site: SITE, crmId: 'a', at: 1, kind: 'shouted' })).toMatch(/^kind/);
    expect(rowProblem('meta', 'text')).toMatch(/row/);
  });
});

describe('natural keys', () => {
  it('identify the same record across browsers (auto ids ignored)', () => {
    expect(naturalKey('observationBatches', batch(5, ['a']))).toBe(naturalKey('observationBatches', { ...batch(5, ['a']), id: 99 }));
    expect(naturalKey('observationBatches', batch(5, ['a']))).not.toBe(naturalKey('observationBatches', batch(6, ['a'])));
    expect(naturalKey('customers', customer('a', 1))).toBe(naturalKey('customers', customer('a', 9)));
    expect(rowTime('customers', customer('a', 9))).toBe(9);
    expect(rowTime('actions', { outcome: { kind: 'retained', at: 4 } })).toBe(4);
    expect(rowTime('scores', {})).toBeNull();
  });
});

describe('planTableMerge', () => {
  it('adds new records, keeps a stored record unless the file has a newer copy, and never duplicates', () => {
    const existing = existingRecords('customers', [customer('a', 5), customer('b', 5)]);
    const plan = planTableMerge('customers', [customer('a', 9, 'newer'), customer('b', 3, 'older'), customer('c', 1), customer('c', 1)], existing);
    expect(plan).toMatchObject({ added: 1, updated: 1, skipped: 2, rejected: 0 });
    expect(plan.put.map((row) => row.name)).toEqual(['newer', 'c']);
  });

  it('merges observation batches by content: a re-imported batch is skipped, a new one gets a new local id', () => {
    const existing = existingRecords('observationBatches', [{ ...batch(1, ['a']), id: 1 }]);
    const plan = planTableMerge('observationBatches', [batch(1, ['a']), batch(2, ['a', 'b'])], existing);
    expect(plan).toMatchObject({ added: 1, skipped: 1 });
    expect(plan.put[0]).not.toHaveProperty('id');
  });

  it('takes an action outcome recorded later, onto the stored action id', () => {
    const stored = { id: 3, site: SITE, crmId: 'a', at: 10, kind: 'called' };
    const plan = planTableMerge(
      'actions',
      [{ id: 40, site: SITE, crmId: 'a', at: 10, kind: 'called', outcome: { kind: 'retained', at: 20 } }],
      existingRecords('actions', [stored]),
    );
    expect(plan.updated).toBe(1);
    expect(plan.put[0]).toMatchObject({ id: 3, outcome: { kind: 'retained' } });
  });

  it('rejects invalid rows with their row number, and an extra check (the model parser) can reject too', () => {
    const plan = planTableMerge('customers', [customer('a', 1), { crmId: 'x' }], new Map());
    expect(plan).toMatchObject({ added: 1, rejected: 1 });
    expect(plan.problems[0]).toMatch(/^customers row 2: site/);
    const models = planTableMerge('models', [{ id: 'm', createdAt: 'x', importedAt: 1, artifact: {} }], new Map(), () => 'Invalid model file: no weights');
    expect(models.rejected).toBe(1);
    expect(models.problems[0]).toMatch(/no weights/);
  });
});

describe('planSettings', () => {
  it('fills only settings this browser does not have, never locked ones', () => {
    const plan = planSettings(
      { retentionDays: 60, retentionDays$: { v: 1 }, dueHours: { '5': 12 }, tierThresholds: [0.1] },
      { retentionDays: 90 },
      new Set(['tierThresholds']),
    );
    expect(plan).toEqual({
      apply: { dueHours: { '5': 12 }, dueHours$: { v: 1 } },
      applied: ['dueHours'],
      skipped: ['retentionDays', 'tierThresholds'],
      rejected: [],
    });
  });

  it('refuses unknown settings, wrong values and newer versions, migrates older ones, never imports browser-local state', () => {
    const v1Indicators = { churn: { statusValues: ['Churned'], inactivityDays: 90, partialSpendDrop: null, windowDays: 90 }, competitors: ['Acme'] };
    const plan = planSettings(
      {
        sneaky: { evil: true },
        retentionDays: 3,
        tierThresholds: [0.2, 0.4, 0.6, 0.8],
        tierThresholds$: { v: 9 },
        indicatorSettings: v1Indicators,
        indicatorSettings$: { v: 1 },
        siteHealth: { 'https://a.test': {} },
        orphan$: { v: 1 },
      },
      {},
    );
    expect(plan.applied).toEqual(['indicatorSettings']);
    expect(plan.apply.indicatorSettings$).toEqual({ v: 2 });
    expect(plan.apply.indicatorSettings).toMatchObject({ churn: { reasonField: null, involuntaryReasons: expect.any(Array) }, competitors: ['Acme'] });
    expect(plan.skipped).toEqual(['siteHealth']);
    expect(plan.rejected).toEqual([
      'setting sneaky: not a setting this version knows',
      expect.stringMatching(/^setting retentionDays: .*30/),
      'setting tierThresholds: version 9 is from a newer Churn Radar (this one stores version 1)',
    ]);
  });
});

describe('checkImportedSetting', () => {
  it('accepts each setting as its storage item stores it', () => {
    const origin = 'https://crm.example.com';
    expect(checkImportedSetting('fieldMappings', { [origin]: { fields: { Plan: 'ignore' }, updatedAt: 1 } }, { v: 1 })).toMatchObject({ ok: true, version: 1 });
    expect(checkImportedSetting('fieldMappings', { 'not an origin': { fields: {}, updatedAt: 1 } }, { v: 1 })).toMatchObject({ ok: false });
    expect(checkImportedSetting('siteJoinBy', { [origin]: 'phone' }, undefined)).toMatchObject({ ok: false });
    expect(
      checkImportedSetting('costInputs', { actionCost: 20, retainedValue: 600, successRate: 3, valueSource: 'field', horizonMonths: 12 }, undefined),
    ).toMatchObject({ ok: false });
    expect(checkImportedSetting('playbook', null, { v: 1 })).toEqual({ ok: true, value: null, version: 1 });
    expect(checkImportedSetting('retentionDays', 90, { v: 'x' })).toEqual({ ok: false, problem: 'setting retentionDays: unreadable version' });
    // A version-1 value that is not even the old shape fails its migration, clearly.
    expect(checkImportedSetting('indicatorSettings', 'x', { v: 1 })).toMatchObject({ ok: false, problem: expect.stringMatching(/indicatorSettings/) });
  });
});

describe('CSV rows', () => {
  it('writes text as is, nested values as JSON, unknown keys in the last column', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell({ a: 1 })).toBe('{"a":1}');
    const row = csvRow('overrides', { site: SITE, crmId: 'a', tier: 5, reason: 'VIP, "key"', at: 1, expiresAt: 2, extra: true });
    expect(row).toEqual([SITE, 'a', '5', 'VIP, "key"', '1', '2', '{"extra":true}']);
  });

  it('chunks join into one CSV with a single header that papaparse reads back', () => {
    const first = csvChunk('customers', [customer('a', 1)], true);
    const second = csvChunk('customers', [customer('b, "quoted"', 2)], false);
    const parsed = Papa.parse<Record<string, string>>(first + second, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS.customers, OTHER_COLUMN]);
    expect(parsed.data.map((r) => r.crmId)).toEqual(['a', 'b, "quoted"']);
    expect(JSON.parse(parsed.data[0]!.fields!)).toEqual({ plan: 'Pro' });
    expect(csvChunk('scores', [], true)).toMatch(/^id,site,crmId/);
    expect(csvChunk('scores', [], false)).toBe('');
  });
});

describe('storage summary', () => {
  it('estimates size from a sample and sorts sites by rows', () => {
    expect(meanRowBytes([])).toBe(0);
    expect(meanRowBytes([{ a: '中' }])).toBe(JSON.stringify({ a: '' }).length + 3);
    expect(estimateTableBytes(1000, [{ a: 1 }])).toBe(7000);
    expect(sitesBySize({ b: { customers: 1 }, a: { customers: 2, scores: 3 } }).map((s) => [s.site, s.total])).toEqual([
      ['a', 5],
      ['b', 1],
    ]);
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });
});

describe('export pages and the CSV zip', () => {
  const rows = Array.from({ length: 5 }, (_, i) => customer(`c${i}`, i));
  const fetchPage = async (table: string, after: PageKey | undefined, limit: number) => {
    const all: Record<string, unknown>[] = table === 'customers' ? rows : table === 'meta' ? [{ key: 'k', value: { a: 1 } }] : [];
    const keyOf = (row: Record<string, unknown>) => String(row.crmId ?? row.key);
    const page = all.filter((row) => after === undefined || keyOf(row) > String(after)).slice(0, limit);
    return { rows: page, total: all.length, next: page.length < limit ? null : keyOf(page.at(-1)!) };
  };

  it('reads a table page by page and reports progress against the expected totals', async () => {
    const progress: number[] = [];
    const pages = tablePages(fetchPage, { customers: 5, meta: 1 }, (p) => progress.push(p.done), 2);
    const seen: number[] = [];
    for await (const page of pages('customers')) seen.push(page.length);
    expect(seen).toEqual([2, 2, 1]);
    expect(progress).toEqual([2, 4, 5]);
    for await (const page of pages('scores')) expect(page).toEqual([]);
  });

  it('continues after the key the previous page ended at, until the background says the table is done', async () => {
    const asked: (PageKey | undefined)[] = [];
    const pages = tablePages(
      async (_table, after) => {
        asked.push(after);
        return after === undefined ? { rows: [1, 2], total: 3, next: ['s', 'b'] } : { rows: [3], total: 3, next: null };
      },
      {},
      () => undefined,
      2,
    );
    const seen: unknown[] = [];
    for await (const page of pages('customers')) seen.push(...page);
    expect(seen).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, ['s', 'b']]);
  });

  it('zips one CSV per table plus the settings, readable back', async () => {
    const parts = await csvZipParts(
      tablePages(fetchPage, {}, () => undefined, 2),
      { retentionDays: 90 },
    );
    const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) zip.set(part, (at += part.length) - part.length);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([...DATA_TABLES.map((t) => `${t}.csv`), 'settings.json'].sort());
    const customers = Papa.parse<Record<string, string>>(strFromU8(files['customers.csv']!), { header: true, skipEmptyLines: true });
    expect(customers.data.map((r) => r.crmId)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(strFromU8(files['scores.csv']!)).toMatch(/^id,site,crmId,scoredAt/);
    expect(strFromU8(files['meta.csv']!)).toContain('"{""a"":1}"');
    expect(JSON.parse(strFromU8(files['settings.json']!))).toEqual({ retentionDays: 90 });
  });
});

describe('retention input', () => {
  it('accepts whole days in the window and says what is wrong otherwise', () => {
    expect(retentionProblem('90')).toBeNull();
    expect(retentionProblem(' 3650 ')).toBeNull();
    expect(retentionProblem('')).toBe('notWhole');
    expect(retentionProblem('12.5')).toBe('notWhole');
    expect(retentionProblem('-5')).toBe('notWhole');
    expect(retentionProblem('29')).toBe('range');
    expect(retentionProblem('3651')).toBe('range');
  });
});

describe('typed confirmation', () => {
  it('matches the expected text regardless of case and surrounding spaces, never an empty one', () => {
    expect(confirms(' CRM.example.com ', 'crm.example.com')).toBe(true);
    expect(confirms('删除全部', '删除全部')).toBe(true);
    expect(confirms('crm.example', 'crm.example.com')).toBe(false);
    expect(confirms('', '')).toBe(false);
  });
});
