import { describe, expect, it } from 'vitest';
import { controlHold, matchesTarget, newEnrolments, outcomeOf, type EnrolmentRow } from '@/lib/experiments/outcomes';
import { experimentResult, tallyArms } from '@/lib/experiments/results';
import { experimentDraftSchema, experimentId, isLive, type Experiment } from '@/lib/experiments/experiment';
import { rulesByUplift, upliftVerdict, withMeasuredUplift } from '@/lib/experiments/consolidate';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { parsePlaybook } from '@/lib/playbooks/playbook-file';

const DAY = 86_400_000;
const experiment = (over: Partial<Experiment> = {}): Experiment => ({
  id: 'offer-2026-12-01',
  name: 'Retention offer',
  target: { kind: 'at-risk' },
  controlShare: 0.2,
  startsAt: 0,
  endsAt: 30 * DAY,
  plannedSize: 3,
  plan: { controlRate: 0.3, treatedRate: 0.2 },
  status: 'running',
  createdAt: 0,
  ...over,
});

describe('eligibility and enrolment', () => {
  it('matches a rule, a tier or everyone at risk', () => {
    expect(matchesTarget({ kind: 'rule', ruleId: 'r1' }, { tier: 2, ruleId: 'r1' })).toBe(true);
    expect(matchesTarget({ kind: 'rule', ruleId: 'r1' }, { tier: 5, ruleId: 'r2' })).toBe(false);
    expect(matchesTarget({ kind: 'tier', tier: 4 }, { tier: 4, ruleId: null })).toBe(true);
    expect(matchesTarget({ kind: 'tier', tier: 4 }, { tier: 5, ruleId: null })).toBe(false);
    expect(matchesTarget({ kind: 'at-risk' }, { tier: 3, ruleId: null })).toBe(true);
    expect(matchesTarget({ kind: 'at-risk' }, { tier: 2, ruleId: null })).toBe(false);
  });
  it('enrols eligible customers once, up to the planned size, only while live', () => {
    const candidates = ['a', 'b', 'a', 'c', 'd', 'e'].map((crmId, i) => ({ site: 's', crmId, tier: i === 3 ? 2 : 4, ruleId: null }));
    const enrolled = new Map([['offer-2026-12-01', { count: 1, has: (_s: string, id: string) => id === 'b' }]]);
    const rows = newEnrolments([experiment()], candidates, enrolled, () => 'control', DAY);
    expect(rows.map((r) => r.crmId)).toEqual(['a', 'd']);
    expect(rows.every((r) => r.enrolledAt === DAY && r.arm === 'control')).toBe(true);
    expect(newEnrolments([experiment()], candidates, enrolled, () => 'control', 31 * DAY)).toEqual([]);
    expect(newEnrolments([experiment({ status: 'stopped' })], candidates, enrolled, () => 'control', DAY)).toEqual([]);
    expect(newEnrolments([experiment({ startsAt: 2 * DAY })], candidates, enrolled, () => 'control', DAY)).toEqual([]);
  });
  it('holds control customers until the end of a running experiment only', () => {
    const rows: EnrolmentRow[] = [
      { experimentId: 'offer-2026-12-01', site: 's', crmId: 'a', arm: 'control', enrolledAt: 0 },
      { experimentId: 'late', site: 's', crmId: 'a', arm: 'control', enrolledAt: 0 },
    ];
    const late = experiment({ id: 'late', name: 'Late', endsAt: 40 * DAY });
    expect(controlHold(rows, [experiment(), late], DAY)).toEqual({ experimentId: 'late', name: 'Late', until: 40 * DAY });
    expect(controlHold(rows, [experiment()], 30 * DAY)).toBeNull();
    expect(controlHold(rows, [experiment({ status: 'finished' })], DAY)).toBeNull();
    expect(controlHold([{ ...rows[0]!, arm: 'treatment' }], [experiment()], DAY)).toBeNull();
  });
  it('reads an outcome the same way in both arms: churn is final, a recorded retention is not', () => {
    expect(outcomeOf(10, [{ kind: 'retained', at: 20 }], true)).toBe('churned');
    expect(outcomeOf(10, [{ kind: 'churned', at: 20 }], false)).toBe('churned');
    expect(outcomeOf(10, [{ kind: 'churned', at: 5 }], false)).toBe('open');
    expect(
      outcomeOf(
        10,
        [
          { kind: 'retained', at: 20 },
          { kind: 'no_answer', at: 30 },
        ],
        false,
      ),
    ).toBe('retained');
    expect(outcomeOf(10, [], null)).toBe('open');
  });
});

describe('experiment result', () => {
  it('counts per arm and compares churn rates with Wilson and Newcombe intervals', () => {
    // Newcombe 1998b example (a): 56/70 vs 48/80, here as control churn vs treated churn.
    const customers = [
      ...Array.from({ length: 70 }, (_, i) => ({ arm: 'control' as const, outcome: i < 56 ? ('churned' as const) : ('open' as const) })),
      ...Array.from({ length: 80 }, (_, i) => ({
        arm: 'treatment' as const,
        outcome: i < 48 ? ('churned' as const) : i < 60 ? ('retained' as const) : ('open' as const),
      })),
    ];
    const tallies = tallyArms(customers);
    expect(tallies.treatment).toEqual({ customers: 80, churned: 48, retained: 12 });
    const result = experimentResult(tallies, 300);
    expect(result.control.churnRate).toBeCloseTo(0.8, 12);
    expect(result.uplift.estimate).toBeCloseTo(0.2, 12);
    expect(result.uplift.low).toBeCloseTo(0.0524, 4);
    expect(result.uplift.high).toBeCloseTo(0.3339, 4);
    expect(result.progress).toBe(0.5);
    expect(result.sequential.high - result.sequential.low).toBeGreaterThan(result.uplift.high - result.uplift.low);
  });
});

describe('experiment definitions', () => {
  it('refuses an end before the start and a control share outside 2–50 %', () => {
    const draft = {
      name: 'x',
      target: { kind: 'at-risk' },
      controlShare: 0.1,
      startsAt: 10,
      endsAt: 5,
      plannedSize: 100,
      plan: { controlRate: 0.3, treatedRate: 0.2 },
    };
    expect(experimentDraftSchema.safeParse(draft).success).toBe(false);
    expect(experimentDraftSchema.safeParse({ ...draft, endsAt: 20, controlShare: 0.9 }).success).toBe(false);
    expect(experimentDraftSchema.safeParse({ ...draft, endsAt: 20 }).success).toBe(true);
  });
  it('makes readable unique ids and knows when it is live', () => {
    const start = Date.UTC(2026, 11, 7);
    expect(experimentId('Retention offer!', start, new Set())).toBe('retention-offer-2026-12-07');
    expect(experimentId('Retention offer!', start, new Set(['retention-offer-2026-12-07']))).toBe('retention-offer-2026-12-07-2');
    expect(isLive(experiment(), 0)).toBe(true);
    expect(isLive(experiment(), 30 * DAY)).toBe(false);
  });
});

describe('consolidation onto the playbook', () => {
  const measured = (uplift: number, low: number, high: number) => ({ experimentId: 'e', uplift, low, high, n: 100, at: 1 });
  it('writes the result on the rule, and the playbook still validates with it', () => {
    const ruleId = DEFAULT_PLAYBOOK.rules[1]!.id;
    const next = withMeasuredUplift(DEFAULT_PLAYBOOK, ruleId, measured(0.1, 0.02, 0.18))!;
    expect(next.rules[1]!.measured?.uplift).toBe(0.1);
    expect(parsePlaybook(JSON.parse(JSON.stringify(next))).rules[1]!.measured).toEqual(measured(0.1, 0.02, 0.18));
    expect(withMeasuredUplift(DEFAULT_PLAYBOOK, 'no-such-rule', measured(0, 0, 0))).toBeNull();
  });
  it('flags intervals below zero and sorts by uplift, unmeasured last', () => {
    expect(upliftVerdict(measured(-0.1, -0.2, -0.01))).toBe('harms');
    expect(upliftVerdict(measured(0.1, 0.01, 0.2))).toBe('helps');
    expect(upliftVerdict(measured(0.05, -0.01, 0.1))).toBe('unclear');
    const [a, b, c, d] = DEFAULT_PLAYBOOK.rules;
    const rules = [{ ...a!, measured: measured(-0.1, -0.2, -0.01) }, b!, { ...c!, measured: measured(0.2, 0.1, 0.3) }, d!];
    expect(rulesByUplift(rules).map((r) => r.id)).toEqual([c!.id, a!.id, b!.id, d!.id]);
  });
});
