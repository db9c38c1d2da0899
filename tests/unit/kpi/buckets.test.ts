import { describe, expect, it } from 'vitest';
import { monthStart, timeBuckets, weekStart } from '@/lib/kpi/buckets';

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('KPI buckets', () => {
  it('weeks start on Monday 00:00 UTC', () => {
    expect(weekStart(at('2026-11-04') + 5 * 3_600_000)).toBe(at('2026-11-02'));
    expect(weekStart(at('2026-11-02'))).toBe(at('2026-11-02'));
    expect(weekStart(at('2026-11-08') + 86_399_000)).toBe(at('2026-11-02'));
    expect(weekStart(at('1970-01-01'))).toBe(at('1969-12-29'));
  });

  it('cover the range with whole weeks or months', () => {
    expect(timeBuckets(at('2026-11-04'), at('2026-11-17'), 'week').map((b) => b.label)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    const months = timeBuckets(at('2026-01-31'), at('2026-03-01'), 'month');
    expect(months.map((b) => b.label)).toEqual(['2026-01', '2026-02']);
    expect(months[1]).toEqual({ start: at('2026-02-01'), end: at('2026-03-01'), label: '2026-02' });
    expect(monthStart(at('2026-12-31'))).toBe(at('2026-12-01'));
    expect(timeBuckets(5, 5, 'week')).toEqual([]);
  });
});
