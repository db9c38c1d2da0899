import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlersOf } from '@/lib/messaging/commands';
import { privacyCommands } from '@/lib/privacy/privacy-commands';
import { HandlerError } from '@/lib/background/router';
import { CsvError, parseCsv } from '@/lib/data/csv';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { FILE_LIMITS, type FileKind } from '@/lib/files/limits';
import { parseMappingFile } from '@/lib/mapping/mapping-file';
import { ModelArtifactError, parseModelArtifact } from '@/lib/model/artifact';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { parsePlaybookFile, PlaybookFileError, playbookFileText } from '@/lib/playbooks/playbook-file';
import { managedPolicySchema, readPolicy } from '@/lib/policy/managed-policy';
import { planSettings } from '@/lib/privacy/merge-plan';
import { IMPORTABLE_SETTINGS } from '@/lib/privacy/settings-registry';
import { DATA_TABLES } from '@/lib/privacy/tables';
import { ALWAYS_REFUSED, hostileCase, hostileText } from './hostile';

/**
 * Hostile files for every importer: each is refused with a message of the
 * importer's own kind (never a TypeError or RangeError from deep inside), or
 * accepted as something that passes the importer's own checks; the data
 * export additionally changes nothing when it refuses. fast-check draws the
 * kind of damage and its place (tests/unit/files/hostile.ts).
 */
type Outcome = { ok: true; value?: unknown } | { ok: false; message: string };

/** Runs an importer; its own refusal becomes { ok: false }, anything else thrown fails the test. */
function outcome(run: () => unknown, refusal: new (...args: never[]) => Error): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof refusal) return { ok: false, message: error.message };
    throw error;
  }
}

const SITE = 'https://crm.example.com';
const OTHER = 'https://other.example.com';
const MODEL = JSON.parse(readFileSync('tests/unit/model/fixtures/v1-logistic.json', 'utf8')) as Record<string, unknown>;
const MAPPING = { format: 'churn-radar.field-mapping', version: 1, sites: { [SITE]: { Cuota: 'monthly_value', Plan: 'plan' }, [OTHER]: { 状态: 'status' } } };

interface JsonImporter {
  name: string;
  kind: FileKind;
  valid: unknown;
  run(text: string): Outcome;
}

const JSON_IMPORTERS: JsonImporter[] = [
  { name: 'model file', kind: 'model', valid: MODEL, run: (text) => outcome(() => parseModelArtifact(text), ModelArtifactError) },
  {
    name: 'playbook file',
    kind: 'playbook',
    valid: JSON.parse(playbookFileText(DEFAULT_PLAYBOOK)),
    run: (text) => outcome(() => parsePlaybookFile(text), PlaybookFileError),
  },
  {
    name: 'field-mapping file',
    kind: 'mapping',
    valid: MAPPING,
    run: (text) => {
      const result = parseMappingFile(text, 1);
      return result.ok ? { ok: true, value: result.mappings } : { ok: false, message: result.error };
    },
  },
];

describe.each(JSON_IMPORTERS)('hostile $name', (importer) => {
  it('the valid file is accepted (the base every hostile case starts from)', () => {
    expect(importer.run(JSON.stringify(importer.valid)).ok).toBe(true);
  });

  it(`is refused over ${FILE_LIMITS[importer.kind] / 1e6} MB, saying so`, () => {
    const result = importer.run(hostileText(importer.valid, 'over the size limit', 0, null, FILE_LIMITS[importer.kind]));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) });
  });

  it('every hostile kind is refused with a message or accepted as a valid file; never a crash', () => {
    fc.assert(
      fc.property(hostileCase, ({ kind, pick, junk }) => {
        const result = importer.run(hostileText(importer.valid, kind, pick, junk, FILE_LIMITS[importer.kind]));
        if (ALWAYS_REFUSED.has(kind)) expect(result.ok, kind).toBe(false);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      }),
      { numRuns: importer.kind === 'model' ? 120 : 300 },
    );
  });
});

// ---------------------------------------------------------------- data export (with its settings)

/** One valid row of every table, as an export writes them. */
const EXPORT = {
  format: 'churn-radar-export',
  version: 1,
  exportedAt: '2026-12-01T00:00:00.000Z',
  dbVersion: 4,
  tables: {
    customers: [
      {
        site: SITE,
        crmId: 'c1',
        name: 'Acme',
        fields: { Plan: 'Gold' },
        firstSeen: 1,
        lastSeen: 2,
        lastObservedAt: 2,
        observationCount: 1,
        lastScore: { probability: 0.7, tier: 4, modelId: 'm', scoredAt: 2 },
        detailUrl: `${SITE}/customers/c1`,
        visits: { current: { at: 2, probability: 0.7, indicators: { tenure: 3 }, contributions: { Plan: 0.2 } } },
        indicators: { digest: 'tenure=3', at: 2 },
      },
    ],
    observationBatches: [
      {
        id: 4,
        site: SITE,
        observedAt: 2,
        pageKind: 'list',
        url: `${SITE}/customers`,
        adapter: 'generic',
        keys: [`${SITE}\u0000c1`],
        crmIds: ['c1'],
        names: ['Acme'],
        fields: [{ Plan: 'Gold' }],
      },
    ],
    scores: [
      { id: 1, site: SITE, crmId: 'c1', scoredAt: 2, probability: 0.7, tier: 4, modelId: 'm', reasons: [{ field: 'Plan', value: 'Gold', contribution: 0.2 }] },
    ],
    activities: [{ site: SITE, crmId: 'c1', id: 'o1', kind: 'order', at: 1, amount: 20, firstSeen: 1, lastSeen: 2 }],
    indicators: [
      {
        id: 2,
        site: SITE,
        crmId: 'c1',
        computedAt: 2,
        values: [{ id: 'tenure', category: 'loyalty', value: 3, display: '3 months', direction: 'lowers', trend: null, meaning: null }],
        lifecycle: 'growth',
        pattern: null,
      },
    ],
    actions: [{ id: 3, site: SITE, crmId: 'c1', at: 3, kind: 'called', note: 'ok', outcome: { kind: 'retained', at: 4 } }],
    feedback: [{ id: 5, site: SITE, crmId: 'c1', at: 3, verdict: 'too_high', reason: 'paid', probability: 0.7, tier: 4, modelId: 'm' }],
    overrides: [{ site: SITE, crmId: 'c1', tier: 2, reason: 'VIP', at: 3, expiresAt: 9 }],
    meta: [{ key: 'activeModelIds', value: ['m'] }],
    settings: [],
    models: [],
  },
  settings: { retentionDays: 120, retentionDays$: { v: 1 }, tierThresholds: [0.1, 0.2, 0.4, 0.6] },
};

describe('hostile data export (rows and settings), imported into a real database', () => {
  let db: ChurnRadarDb;
  let local: Record<string, unknown>;
  let handlers: ReturnType<typeof handlersOf<typeof privacyCommands>>;
  const ctx = { site: null, tabId: null };
  const snapshot = async () => JSON.stringify([await Promise.all(DATA_TABLES.map((t) => db.table(t).toArray())), local]);

  beforeAll(async () => {
    db = openDatabase({ name: 'hostile-export' });
    local = { retentionDays: 30 };
    handlers = handlersOf(privacyCommands, {
      db,
      customers: { settled: async () => undefined, erase: async (_scope, run) => run(), reload: () => undefined },
      models: { invalidate: () => undefined },
      overrides: { reset: () => undefined },
      retentionDays: async () => 30,
      focus: { get: async () => null },
      emit: () => undefined,
      privacy: {
        local: {
          getAll: async () => ({ ...local }),
          set: async (values) => void Object.assign(local, values),
          remove: async (keys) => keys.forEach((key) => delete local[key]),
        },
        clearSession: async () => undefined,
        policy: {
          current: async () => ({ available: false, policy: {}, problems: [], locked: [], lockReason: null, applied: {} }),
          reapply: async () => undefined,
        },
        setRetentionDays: async () => undefined,
        prune: async () => undefined,
        modelProblem: (artifact) => (outcome(() => parseModelArtifact(artifact), ModelArtifactError).ok ? null : 'Invalid model file'),
      },
    });
    await db.customers.put({ site: OTHER, crmId: 'kept', name: 'Kept', fields: {}, firstSeen: 1, lastSeen: 1, lastObservedAt: 1, observationCount: 1 });
  });
  afterAll(async () => db.delete());

  async function run(text: string): Promise<Outcome> {
    try {
      return { ok: true, value: await handlers.importData({ text }, ctx) };
    } catch (error) {
      if (error instanceof HandlerError && error.code === 'bad-request') return { ok: false, message: error.message };
      throw error;
    }
  }

  it('the valid file imports every table (the base every hostile case starts from)', async () => {
    const before = await snapshot();
    const result = await run(JSON.stringify(EXPORT));
    expect(result.ok).toBe(true);
    expect(await db.customers.count()).toBe(2);
    expect(await snapshot()).not.toBe(before);
    // Back to the stored state of before, for the hostile runs.
    await db.transaction(
      'rw',
      DATA_TABLES.map((t) => db.table(t)),
      async () => {
        for (const t of DATA_TABLES) await db.table(t).clear();
        await db.customers.put({ site: OTHER, crmId: 'kept', name: 'Kept', fields: {}, firstSeen: 1, lastSeen: 1, lastObservedAt: 1, observationCount: 1 });
      },
    );
    local = { retentionDays: 30 };
  });

  it(`is refused over ${FILE_LIMITS.dataExport / 1e6} MB`, async () => {
    expect(await run(hostileText(EXPORT, 'over the size limit', 0, null, FILE_LIMITS.dataExport))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too large/),
    });
  });

  it('links and keys that point elsewhere are refused: javascript: and other-site detailUrl, a page sighting filed under another site', async () => {
    const before = await snapshot();
    const customer = EXPORT.tables.customers[0]!;
    for (const detailUrl of ['javascript:alert(document.domain)', `${OTHER}/customers/c1`, 'data:text/html,<script>1</script>', '//evil.example.com/x']) {
      const result = await run(JSON.stringify({ ...EXPORT, tables: { customers: [{ ...customer, detailUrl }] } }));
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/customers row 1: detailUrl: not an http\(s\) address on the row's own site/) });
    }
    const batch = { ...EXPORT.tables.observationBatches[0]!, keys: [`${OTHER}\u0000kept`] };
    expect(await run(JSON.stringify({ ...EXPORT, tables: { observationBatches: [batch] } }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/observationBatches row 1: keys/),
    });
    expect(await snapshot()).toBe(before);
  });

  it('every hostile kind anywhere in the file is refused with a message and changes nothing, or imports a valid file', async () => {
    await fc.assert(
      fc.asyncProperty(hostileCase, async ({ kind, pick, junk }) => {
        const before = await snapshot();
        const result = await run(hostileText(EXPORT, kind, pick, junk, FILE_LIMITS.dataExport));
        if (ALWAYS_REFUSED.has(kind)) expect(result.ok, kind).toBe(false);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(10);
          expect(await snapshot(), 'a refused file changed what is stored').toBe(before);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('settings: a value of the wrong shape, of a newer version or of an unknown setting is refused; what is applied passes its schema', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(IMPORTABLE_SETTINGS)),
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom(undefined, { v: 1 }, { v: 99 }, { v: 'x' }, null),
        (key, value, meta) => {
          const plan = planSettings({ [key]: value, [`${key}$`]: meta }, {});
          if (plan.applied.length) expect(IMPORTABLE_SETTINGS[key]!.schema.safeParse(plan.apply[key]).success).toBe(true);
          else expect(plan.rejected).toEqual([expect.stringMatching(new RegExp(`^setting ${key}: .{5,}`))]);
          if (meta && typeof meta === 'object' && meta.v === 99) expect(plan.rejected[0]).toMatch(/newer Churn Radar/);
        },
      ),
      { numRuns: 400 },
    );
    expect(planSettings({ bogus: 1 }, {}).rejected).toEqual(['setting bogus: not a setting this version knows']);
  });
});

// ---------------------------------------------------------------- team policy (managed storage)

describe('hostile team policy', () => {
  it('any value of any key yields the valid part and named problems, never a crash', () => {
    const keys = fc.constantFrom(...Object.keys(managedPolicySchema.shape), 'zz_unknown', '__proto__');
    fc.assert(
      fc.property(fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), (raw) => {
        const reading = readPolicy(JSON.parse(JSON.stringify(raw)));
        expect(managedPolicySchema.safeParse(reading.policy).success).toBe(true);
        for (const problem of reading.problems) expect(problem.length).toBeGreaterThan(5);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- training CSV

// Kinds of damage a training CSV is tried with: arbitrary text and bytes, a column named __proto__,
// duplicate or empty column names, broken quoting, ragged rows, formula cells.
describe('hostile training CSV', () => {
  const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '""', '"a,b"', '=cmd|calc', '\r', '\n', ',', ';', '\t', '__proto__', 'constructor'));
  const csvText = fc
    .tuple(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\n', '\r\n', '\r'),
    )
    .map(([rows, delimiter, newline]) => rows.map((row) => row.join(delimiter)).join(newline));

  it('any text: refused with a CsvError, or a table whose every row has exactly its columns', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        let table: ReturnType<typeof parseCsv>;
        try {
          table = parseCsv(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
          expect((error as Error).message.length).toBeGreaterThan(10);
          return;
        }
        expect(new Set(table.columns).size).toBe(table.columns.length);
        expect(table.columns).not.toContain('__proto__');
        // (Key order aside: JS lists integer-like keys such as "0" first.)
        for (const row of table.rows) expect(Object.keys(row).sort()).toEqual([...table.columns].sort());
      }),
      { numRuns: 1000 },
    );
  });

  it('names the column problems', () => {
    expect(() => parseCsv('id,__proto__\n1,2')).toThrow(/column named "__proto__" \(column 2\)/);
    expect(() => parseCsv('id,id\n1,2')).toThrow(/Duplicate column names/);
    expect(() => parseCsv(',id\n1,2')).toThrow(/empty column name/);
    expect(parseCsv('id,name\n1,"broken\n2,ok').errors.length + parseCsv('id,name\n1,2,3\n4,5').errors.length).toBeGreaterThanOrEqual(2);
    expect(parseCsv('id,name\n1,=HYPERLINK("x")').rows[0]!.name).toBe('=HYPERLINK("x")');
  });
});
