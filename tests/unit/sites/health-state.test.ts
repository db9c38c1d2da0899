import { describe, expect, it } from 'vitest';
import { HEALTH_STATUSES, healthStatus, needsAttention, type HealthStateInput, type HealthStatus } from '@/lib/sites/health-state';
import { healthSummary, recordObservation, type SiteHealth } from '@/lib/sites/health';

const stopped = { kind: 'no-customers', pageKey: '/accounts', previously: 20 } as const;
const fieldGone = { kind: 'field-missing', pageKey: '/accounts/:id', label: 'Monthly fee' } as const;

/** Every state, and the inputs on its borders (each row is one case). */
const CASES: [string, HealthStateInput, HealthStatus][] = [
  ['no page seen yet', { pagesSeen: 0, lastSuccessAt: null, latestPerKind: [], warnings: [] }, 'no-data'],
  ['pages seen, none yielded a customer', { pagesSeen: 3, lastSuccessAt: null, latestPerKind: [0, 0, 0], warnings: [] }, 'never-read'],
  ['one page seen, it yielded nothing', { pagesSeen: 1, lastSuccessAt: null, latestPerKind: [0], warnings: [] }, 'never-read'],
  ['a kind that yielded customers yields none', { pagesSeen: 5, lastSuccessAt: 10, latestPerKind: [0, 1], warnings: [stopped] }, 'stopped'],
  ['stopped wins over a missing field', { pagesSeen: 5, lastSuccessAt: 10, latestPerKind: [0, 1], warnings: [fieldGone, stopped] }, 'stopped'],
  ['customers read, a mapped field gone', { pagesSeen: 5, lastSuccessAt: 10, latestPerKind: [20, 1], warnings: [fieldGone] }, 'field-missing'],
  [
    'read once, the kinds seen lately never yield (that kind forgotten)',
    { pagesSeen: 60, lastSuccessAt: 10, latestPerKind: [0, 0], warnings: [] },
    'none-recent',
  ],
  ['read once, nothing remembered per kind', { pagesSeen: 60, lastSuccessAt: 10, latestPerKind: [], warnings: [] }, 'none-recent'],
  ['a kind whose latest visit yielded customers', { pagesSeen: 2, lastSuccessAt: 10, latestPerKind: [0, 20], warnings: [] }, 'ok'],
  ['a detail page with one customer', { pagesSeen: 1, lastSuccessAt: 10, latestPerKind: [1], warnings: [] }, 'ok'],
];

describe('healthStatus', () => {
  it.each(CASES)('%s → %s', (_name, input, expected) => {
    expect(healthStatus(input)).toBe(expected);
  });
  it('the table covers every state', () => {
    expect(new Set(CASES.map(([, , status]) => status))).toEqual(new Set(HEALTH_STATUSES));
  });
  it('asks for the user only where reading failed', () => {
    expect(HEALTH_STATUSES.filter(needsAttention)).toEqual(['never-read', 'stopped', 'field-missing']);
  });
});

describe('healthSummary states from recorded pages', () => {
  const obs = (at: number, customers: number, fields: string[] = []) => ({ at, kind: customers > 1 ? ('list' as const) : null, customers, fields });
  const record = (pages: [string, ReturnType<typeof obs>][]) =>
    pages.reduce<SiteHealth | undefined>((health, [key, o]) => recordObservation(health, key, o), undefined);

  it('a site whose pages never yielded a customer is never "ok" (issue 14: "Reading works" beside 0 · 0 · 0)', () => {
    const summary = healthSummary(
      record([
        ['/contacts', obs(1, 0)],
        ['/contacts/:id', obs(2, 0)],
        ['/contacts', obs(3, 0)],
      ]),
      [],
    );
    expect(summary).toMatchObject({ status: 'never-read', lastSuccessAt: null, recentCustomers: [0, 0, 0] });
  });
  it('a list that yielded rows and now yields none says so', () => {
    expect(
      healthSummary(
        record([
          ['/contacts', obs(1, 25)],
          ['/contacts', obs(2, 0)],
        ]),
        [],
      ).status,
    ).toBe('stopped');
  });
  it('a settings page after a read list stays ok: the list kind still reads', () => {
    expect(
      healthSummary(
        record([
          ['/contacts', obs(1, 25)],
          ['/settings', obs(2, 0)],
        ]),
        [],
      ).status,
    ).toBe('ok');
  });
});
