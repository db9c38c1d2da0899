import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '@/lib/db/schema';
import { createFieldResolver, synonymResolver } from '@/lib/fields/field-resolver';
import { labelRows, staleRows } from '@/lib/labels/label-rows';
import { churnedAtSighting, labelVersion, relabelled, validLabel, workOutLabel } from '@/lib/labels/stored-label';
import { DEFAULT_CHURN_DEFINITION } from '@/lib/indicators/types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);
const definition = { ...DEFAULT_CHURN_DEFINITION, statusValues: ['Churned'] };
const row = (crmId: string, status: string, over: Partial<CustomerRow> = {}): CustomerRow => ({
  site: 's',
  crmId,
  name: crmId,
  fields: { Status: status },
  firstSeen: NOW - 10 * DAY,
  lastSeen: NOW - DAY,
  lastObservedAt: NOW - DAY,
  observationCount: 2,
  ...over,
});
const version = labelVersion(definition, undefined);

describe('labelVersion', () => {
  it('changes with the definition and the site mapping, not with equal copies of them', () => {
    expect(labelVersion({ ...definition }, synonymResolver)).toBe(version);
    expect(labelVersion({ ...definition, statusValues: ['Lost'] }, undefined)).not.toBe(version);
    const mapped = labelVersion(definition, createFieldResolver({ 'Account state': 'status' }));
    expect(mapped).not.toBe(version);
    expect(labelVersion(definition, createFieldResolver({ 'Account state': 'status' }))).toBe(mapped);
  });
});

describe('stored labels', () => {
  it('is valid for the row it was worked out on, under its version, until it may change', () => {
    const active = row('a', 'Active', { fields: { Status: 'Active', 'Last activity': '2026-11-01' } });
    const label = workOutLabel(active, [], definition, undefined, version, NOW);
    expect(label).toMatchObject({ churned: false, until: Date.UTC(2026, 10, 1) + 180 * DAY });
    const stored = { ...active, label };
    expect(validLabel(stored, version, NOW + 30 * DAY)).toBe(label);
    expect(validLabel(stored, version, label.until!)).toBeUndefined(); // inactive from then on
    expect(validLabel(stored, 'other', NOW)).toBeUndefined();
    expect(validLabel({ ...stored, lastSeen: NOW }, version, NOW)).toBeUndefined(); // seen again since
    expect(validLabel({ ...stored, activityCount: 2 }, version, NOW)).toBeUndefined(); // activities listed since
    // A CRM that declares its own today is judged as of that day, whatever the clock says.
    expect(validLabel({ ...stored, today: NOW }, version, NOW + 900 * DAY)).toBe(label);
  });

  it('knows at the first sighting whether the customer arrived churned, and keeps it under the same version', () => {
    const arrived = row('a', 'Churned', { observationCount: 1, firstSeen: NOW, lastSeen: NOW, lastObservedAt: NOW });
    const first = workOutLabel(arrived, [], definition, undefined, version, NOW);
    expect(first).toMatchObject({ churned: true, firstChurned: true });
    expect(first.until).toBeUndefined(); // a status label holds while the row is unchanged
    const later = { ...arrived, observationCount: 2, lastSeen: NOW + DAY, label: first };
    expect(workOutLabel(later, [], definition, undefined, version, NOW + DAY).firstChurned).toBe(true);
    expect(workOutLabel(later, [], definition, undefined, 'new', NOW + DAY).firstChurned).toBeUndefined();
  });

  it('reads a sighting as of its own day (the CRM today shifted back by the time since)', () => {
    const inactive = { ...definition, statusValues: [], partialSpendDrop: null, inactivityDays: 30 };
    const customer = row('a', 'Active', { today: NOW, lastObservedAt: NOW });
    const fields = { 'Last activity': '2026-10-01' };
    expect(churnedAtSighting(customer, { observedAt: NOW, fields }, inactive, undefined)).toBe(true);
    expect(churnedAtSighting(customer, { observedAt: NOW - 50 * DAY, fields }, inactive, undefined)).toBe(false);
  });

  it('relabels a scanned row only when its stored label is stale or says something new', () => {
    const active = row('a', 'Active');
    const labelled = relabelled(active, [], definition, undefined, version, NOW)!;
    expect(labelled.label).toMatchObject({ version, churned: false });
    expect(relabelled(labelled, [], definition, undefined, version, NOW)).toBeNull();
    const churned = { ...labelled, fields: { Status: 'Churned' }, lastSeen: NOW };
    expect(relabelled(churned, [], definition, undefined, version, NOW)!.label).toMatchObject({ churned: true });
  });
});

describe('labelRows', () => {
  it('reads valid stored labels, works the others out and lists them to store', () => {
    const context = { definition, resolvers: new Map(), now: NOW };
    const fresh = [row('a', 'Churned'), row('b', 'Active'), undefined];
    const first = labelRows(fresh, context);
    expect(first.labels.map((l) => l?.churned)).toEqual([true, false, undefined]);
    expect(first.worked).toEqual([0, 1]);
    const stored = fresh.map((r, i) => r && { ...r, label: first.labels[i]! });
    expect(staleRows(stored, context)).toEqual([]);
    const again = labelRows(stored, context);
    expect(again.worked).toEqual([]);
    expect(again.labels).toEqual(first.labels);
    // A new definition: every label is worked out again.
    expect(labelRows(stored, { ...context, definition: { ...definition, statusValues: ['Active'] } }).labels.map((l) => l?.churned)).toEqual([
      false,
      true,
      undefined,
    ]);
    expect(labelRows(stored, context, undefined, (r) => r.crmId === 'b').labels.map((l) => l?.churned)).toEqual([undefined, false, undefined]);
  });
});
