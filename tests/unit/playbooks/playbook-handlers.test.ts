import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore } from '@/lib/background/customer-store';
import type { ModelProvider } from '@/lib/background/model-provider';
import { scoreOne, type ScoreOneDeps } from '@/lib/background/score-one';
import { handlersOf } from '@/lib/messaging/commands';
import { playbookCommands } from '@/lib/playbooks/playbook-commands';
import { createFieldResolver } from '@/lib/fields/field-resolver';
import type { HandlerContext } from '@/lib/background/router';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import type { ModelArtifact, Scorer } from '@/lib/model/types';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { memoryPlaybookStore } from '@/lib/playbooks/playbook-item';

const SITE = 'http://crm.test';
const context = {} as HandlerContext;
const scorer: Scorer = {
  artifact: { id: 'm', name: 'M', kind: 'logistic', preprocessor: { featureSource: ['Contract'] } } as unknown as ModelArtifact,
  predict: (rows) => Float32Array.from(rows.map(() => 0.9)),
  explain: () => [{ field: 'Contract', value: 'Month-to-month', contribution: 1.5 }],
  scoreAndExplain(rows) {
    return rows.map((row) => ({ probability: 0.9, reasons: this.explain(row) }));
  },
  dispose: () => undefined,
};
let db: ChurnRadarDb;
let n = 0;
beforeEach(() => void (db = openDatabase({ name: `playbook-${n++}` })));
afterEach(async () => void (await db.delete()));

function handlers(extra: Partial<ScoreOneDeps> = {}) {
  const store = memoryPlaybookStore();
  const customers = createCustomerStore(db, { onWriteFailure: vi.fn() });
  const scoreDeps: ScoreOneDeps = {
    db,
    customers,
    models: {
      actives: async () => [scorer],
      scoringFor: async () => ({ scorers: [scorer], thresholds: null, ranking: false }),
      scorerFor: (s: Scorer[]) => s[0],
    } as unknown as ModelProvider,
    thresholds: async () => [0.1, 0.25, 0.45, 0.65],
    indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
    storedPlaybook: store,
    t: (key, subs = []) => `${key}(${subs.join('|')})`,
    locale: () => 'en',
    now: () => Date.parse('2026-12-01T00:00:00Z'),
    ...extra,
  };
  const h = handlersOf(playbookCommands, {
    ...scoreDeps,
    customers,
    storedPlaybook: store,
    assertUnlocked: async () => undefined,
    scoreCustomer: (customer) => scoreOne(scoreDeps, customer),
  });
  return { h, store };
}

describe('playbook handlers', () => {
  it('reads the default, saves a valid edit, refuses a bad one, and resets', async () => {
    const { h, store } = handlers();
    expect(await h.getPlaybook({}, context)).toMatchObject({ isDefault: true, playbook: DEFAULT_PLAYBOOK });
    const edited = structuredClone(DEFAULT_PLAYBOOK);
    edited.rules[0]!.enabled = false;
    const saved = await h.savePlaybook({ playbook: edited as unknown as Record<string, unknown> }, context);
    expect(saved.isDefault).toBe(false);
    expect(saved.playbook.rules[0]!.enabled).toBe(false);
    const bad = structuredClone(edited);
    bad.scripts[0]!.call.en = 'Hello [[{name}';
    await expect(h.savePlaybook({ playbook: bad as unknown as Record<string, unknown> }, context)).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('is never closed'),
    });
    expect((await store.get())!.scripts[0]!.call.en).toBe(DEFAULT_PLAYBOOK.scripts[0]!.call.en);
    expect(await h.savePlaybook({ playbook: null }, context)).toMatchObject({ isDefault: true });
  });

  it('lists stored customers and gives a customer’s variables in both languages with what the rules look at', async () => {
    const { h } = handlers();
    await db.customers.put({
      site: SITE,
      crmId: 'c1',
      name: 'Ana Li',
      fields: { Contract: 'Month-to-month', MonthlyCharges: '70.35', tenure: '2' },
      firstSeen: 1,
      lastSeen: 2,
      lastObservedAt: 2,
      observationCount: 1,
    });
    expect(await h.listPreviewCustomers({ query: 'ana' }, context)).toEqual({ customers: [{ site: SITE, crmId: 'c1', name: 'Ana Li', tier: null }] });
    expect(await h.listPreviewCustomers({ query: 'zzz' }, context)).toEqual({ customers: [] });
    const preview = await h.getPreviewVariables({ site: SITE, crmId: 'c1' }, context);
    expect(preview).toMatchObject({
      name: 'Ana Li',
      context: { tier: 5 },
      variables: { en: { name: 'Ana Li', plan: 'Month-to-month', monthlyValue: '70.35', tenure: '2' } },
    });
    expect(preview!.variables.en.topReason).toBeTruthy();
    expect(await h.getPreviewVariables({ site: SITE, crmId: 'nobody' }, context)).toBeNull();
  });

  it("previews a mapped site the way the side panel scores it: fields through the mapping, an agent's pinned tier", async () => {
    const resolver = createFieldResolver({ Abo: 'monthly_value', Vertrag: 'plan' });
    const pinned = new Map([['c2', { site: SITE, crmId: 'c2', tier: 2 as const, reason: 'just renewed', at: 1, expiresAt: Number.MAX_SAFE_INTEGER }]]);
    const { h } = handlers({ fieldResolver: async () => resolver, overrides: { forSite: async () => pinned } });
    await db.customers.put({
      site: SITE,
      crmId: 'c2',
      name: 'Bo Wu',
      fields: { Contract: 'Month-to-month', Abo: '42.50', Vertrag: 'Fiber' },
      firstSeen: 1,
      lastSeen: 2,
      lastObservedAt: 2,
      observationCount: 1,
    });
    const preview = await h.getPreviewVariables({ site: SITE, crmId: 'c2' }, context);
    expect(preview).toMatchObject({ context: { tier: 2 }, variables: { en: { monthlyValue: '42.50', plan: 'Fiber' } } });
  });
});
