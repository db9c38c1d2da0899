import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '@/lib/background/router';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { armOf } from '@/lib/experiments/assignment';
import { createEnrolmentService } from '@/lib/experiments/enrolment-service';
import type { Experiment, ExperimentDraft } from '@/lib/experiments/experiment';
import { createExperimentHandlers } from '@/lib/background/experiment-handlers';
import { parseResultsFile } from '@/lib/experiments/results-file';
import { DEFAULT_CHURN_DEFINITION } from '@/lib/indicators/types';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { memoryPlaybookStore } from '@/lib/playbooks/playbook-item';

const SITE = 'http://crm.test';
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T12:00:00Z');
const context = {} as HandlerContext;
let db: ChurnRadarDb;
let n = 0;
beforeEach(() => void (db = openDatabase({ name: `experiments-${n++}` })));
afterEach(async () => void (await db.delete()));

function setup() {
  let experiments: Experiment[] = [];
  const store = { get: async () => experiments, set: async (value: Experiment[]) => void (experiments = value) };
  const playbook = memoryPlaybookStore();
  const changes: string[] = [];
  const h = createExperimentHandlers({
    db,
    experiments: store,
    storedPlaybook: playbook,
    activitiesOf: async () => [],
    churnDefinition: async () => ({ ...DEFAULT_CHURN_DEFINITION, statusValues: ['Churned'] }),
    now: () => NOW,
    onChange: (what) => changes.push(what),
  });
  const enrolment = createEnrolmentService({ db, experiments: store.get, now: () => NOW });
  return { h, enrolment, playbook, changes, experiments: () => experiments };
}

const ruleId = DEFAULT_PLAYBOOK.rules.find((r) => r.id === 'high-offer')!.id;
const draft = (over: Partial<ExperimentDraft> = {}): ExperimentDraft => ({
  name: 'Offer test',
  target: { kind: 'rule', ruleId },
  controlShare: 0.5,
  startsAt: NOW - DAY,
  endsAt: NOW + 30 * DAY,
  plannedSize: 100,
  plan: { controlRate: 0.3, treatedRate: 0.2 },
  ...over,
});

async function customers(ids: string[], status: (id: string) => string = () => 'Active') {
  await db.customers.bulkAdd(
    ids.map((crmId) => ({
      site: SITE,
      crmId,
      name: crmId,
      fields: { Status: status(crmId) },
      firstSeen: 0,
      lastSeen: NOW,
      lastObservedAt: NOW,
      observationCount: 1,
    })),
  );
}

describe('experiment handlers and enrolment', () => {
  it('enrols eligible customers in their hashed arm, holds control ones, and finishes onto the playbook rule', async () => {
    const { h, enrolment, playbook, changes } = setup();
    const state = await h.startExperiment({ draft: draft() }, context);
    const id = state.experiments[0]!.experiment.id;
    expect(id).toBe('offer-test-2026-12-06');
    const ids = Array.from({ length: 12 }, (_, i) => `C-${i}`);
    await customers(ids, (crmId) => (crmId === 'C-0' || crmId === 'C-1' ? 'Churned' : 'Active'));
    // Only the rule's customers enrol; a second scan adds nobody twice.
    await enrolment.enrol(ids.map((crmId, i) => ({ site: SITE, crmId, tier: 4, ruleId: i < 10 ? ruleId : 'other' })));
    await enrolment.enrol(ids.map((crmId) => ({ site: SITE, crmId, tier: 4, ruleId })).slice(0, 10));
    const rows = await db.enrolments.toArray();
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(row.arm).toBe(armOf(id, `${SITE}\u0000${row.crmId}`, 0.5));
    const controlIds = rows.filter((r) => r.arm === 'control').map((r) => r.crmId);
    expect(controlIds.length).toBeGreaterThan(0);
    expect(await enrolment.holdOf(SITE, controlIds[0]!)).toEqual({ experimentId: id, name: 'Offer test', until: NOW + 30 * DAY });
    expect([...(await enrolment.heldKeys())].sort()).toEqual(controlIds.map((c) => `${SITE}\u0000${c}`).sort());

    const listed = (await h.listExperiments({}, context)).experiments[0]!.result;
    expect(listed.customers).toBe(10);
    expect(listed.control.churned + listed.treatment.churned).toBe(2);

    const finished = await h.finishExperiment({ id }, context);
    expect(finished.consolidation).toBe('written');
    const rule = (await playbook.get())!.rules.find((r) => r.id === ruleId)!;
    expect(rule.measured).toMatchObject({ experimentId: id, n: 10, uplift: listed.uplift.estimate, low: listed.uplift.low, high: listed.uplift.high });
    expect(changes).toContain('playbook');
    // A finished experiment releases its control customers.
    expect(await enrolment.holdOf(SITE, controlIds[0]!)).toBeNull();
    await expect(h.finishExperiment({ id }, context)).rejects.toThrow('already finished');
  });

  it('respects the planned size and enrols nobody before the start or after a stop', async () => {
    const { h, enrolment } = setup();
    const { experiments } = await h.startExperiment({ draft: draft({ target: { kind: 'at-risk' }, plannedSize: 10 }) }, context);
    const candidates = Array.from({ length: 15 }, (_, i) => ({ site: SITE, crmId: `C-${i}`, tier: 3, ruleId: null }));
    await enrolment.enrol(candidates);
    expect(await db.enrolments.count()).toBe(10);
    await h.stopExperiment({ id: experiments[0]!.experiment.id }, context);
    await h.startExperiment({ draft: draft({ name: 'Later', target: { kind: 'at-risk' }, startsAt: NOW + DAY }) }, context);
    await enrolment.enrol(candidates);
    expect(await db.enrolments.count()).toBe(10);
  });

  it('refuses a rule the playbook does not have, and exports a results file that parses back', async () => {
    const { h, enrolment } = setup();
    await expect(h.startExperiment({ draft: draft({ target: { kind: 'rule', ruleId: 'nope' } }) }, context)).rejects.toThrow('no rule "nope"');
    const { experiments } = await h.startExperiment({ draft: draft() }, context);
    await customers(['A', 'B']);
    await enrolment.enrol([
      { site: SITE, crmId: 'A', tier: 4, ruleId },
      { site: SITE, crmId: 'B', tier: 4, ruleId },
    ]);
    await db.actions.add({ site: SITE, crmId: 'A', at: NOW, kind: 'no_contact', outcome: { kind: 'churned', at: NOW } });
    const file = await h.exportExperimentResults({ id: experiments[0]!.experiment.id, agent: 'Ann Lee' }, context);
    expect(file.fileName).toBe('offer-test-2026-12-06-ann-lee-results.json');
    const parsed = parseResultsFile(file.text, file.fileName);
    expect(parsed.customers.find((c) => c.crmId === 'A')!.outcome).toBe('churned');
    expect(parsed.customers.find((c) => c.crmId === 'B')!.outcome).toBe('open');
  });
});
