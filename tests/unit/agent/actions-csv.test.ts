import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ACTION_CSV_COLUMNS, actionsCsv } from '@/lib/agent/actions-csv';

describe('actions CSV', () => {
  it('lists every action oldest first with its outcome, in ISO UTC times', () => {
    const csv = actionsCsv(
      [
        { site: 's', crmId: 'b', at: Date.UTC(2026, 0, 2), kind: 'emailed', scriptId: 'coupon' },
        {
          site: 's',
          crmId: 'a',
          at: Date.UTC(2026, 0, 1),
          kind: 'called',
          playbookId: 'moderate-care',
          note: 'Said "call back, later"',
          outcome: { kind: 'retained', at: Date.UTC(2026, 0, 5) },
        },
      ],
      new Map([['s\u0000a', 'Ann, Ltd.']]),
    );
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]).toEqual([...ACTION_CSV_COLUMNS]);
    expect(parsed[1]).toEqual([
      's',
      'a',
      'Ann, Ltd.',
      'called',
      '2026-01-01T00:00:00.000Z',
      '',
      'moderate-care',
      'Said "call back, later"',
      'retained',
      '2026-01-05T00:00:00.000Z',
    ]);
    expect(parsed[2]).toEqual(['s', 'b', '', 'emailed', '2026-01-02T00:00:00.000Z', 'coupon', '', '', '', '']);
  });

  it('never lets a cell become a spreadsheet formula', () => {
    const csv = actionsCsv([{ site: 's', crmId: 'a', at: 0, kind: 'called', note: '=HYPERLINK("http://x")' }], new Map());
    expect(Papa.parse<string[]>(csv.trim()).data[1]![7]).toBe('\'=HYPERLINK("http://x")');
  });
});
