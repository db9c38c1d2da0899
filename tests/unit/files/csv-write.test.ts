import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { actionsCsv } from '@/lib/agent/actions-csv';
import { toCsv } from '@/lib/files/csv-write';
import { kpiCsv } from '@/lib/kpi/kpi-csv';
import { kpiReport } from '@/lib/kpi/report';
import { csvZipParts } from '@/lib/privacy/csv-zip';
import type { DataTable } from '@/lib/privacy/tables';

/** Every way a cell can start a formula in Excel, LibreOffice or Sheets (OWASP's list). */
const HOSTILE_CELLS = ['=HYPERLINK("http://evil.test","x")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '=1+1\nsecond line'];

const cells = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
/** A parsed cell a spreadsheet would run as a formula. */
const runs = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell);

describe('the one CSV writer', () => {
  it('prefixes every formula start with an apostrophe and keeps the rest of the text', () => {
    const parsed = cells(
      toCsv(
        ['a'],
        HOSTILE_CELLS.map((cell) => [cell]),
      ),
    );
    expect(parsed.slice(1).map((row) => row[0])).toEqual(HOSTILE_CELLS.map((cell) => `'${cell}`));
  });

  it('keeps plain numbers as numbers, negative ones included', () => {
    const rows = [['-3'], ['+1.5e3'], [-4], ['0.25'], [null], [undefined]].map(([n]) => [n, 'x']);
    expect(
      cells(toCsv(['n', 'm'], rows))
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['-3', '+1.5e3', '-4', '0.25', '', '']);
  });

  it('for any text: reads back as the text, or the text behind one apostrophe when it could run', () => {
    const start = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', 'a', ' ', '1');
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(start, fc.string({ unit: 'binary', maxLength: 30 })).map(([first, rest]) => first + rest),
          { minLength: 1, maxLength: 8 },
        ),
        (texts) => {
          const parsed = cells(
            toCsv(
              ['c'],
              texts.map((text) => [text]),
            ),
          ).slice(1);
          parsed.forEach((row, i) => {
            const text = texts[i]!;
            expect(row[0]).toBe(runs(text) ? `'${text}` : text);
            expect(runs(row[0]!)).toBe(false);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('every CSV the product writes is formula-safe', () => {
  it('the actions CSV (notes and customer names), tab and carriage return included', () => {
    const actions = HOSTILE_CELLS.map((note, i) => ({ site: 'https://crm.test', crmId: `c${i}`, at: i, kind: 'called' as const, note }));
    const parsed = cells(actionsCsv(actions, new Map([['https://crm.test\u0000c0', '@evil']])));
    expect(parsed.slice(1).map((row) => row[7])).toEqual(HOSTILE_CELLS.map((cell) => `'${cell}`));
    expect(parsed[1]![2]).toBe("'@evil");
    expect(parsed.flat().some(runs)).toBe(false);
  });

  it('the KPI CSV (rule ids and period labels come from the team)', () => {
    const day = Date.UTC(2026, 10, 2);
    const report = kpiReport({
      customers: [],
      scores: [],
      actions: [{ at: day + 1, kind: 'called', ruleId: '-1+1', outcome: 'retained' }],
      from: day,
      to: day + 7 * 86_400_000,
      granularity: 'week',
    });
    const parsed = cells(kpiCsv(report));
    expect(parsed.some((row) => row[3] === "'-1+1")).toBe(true);
    expect(parsed.flat().some(runs)).toBe(false);
  });

  it('the zip of CSVs (every table, nested values as JSON)', async () => {
    const customer = {
      site: 'https://crm.test',
      crmId: '=cmd',
      name: '\t=1+1',
      fields: { Plan: '=x' },
      firstSeen: 1,
      lastSeen: 1,
      lastObservedAt: 1,
      observationCount: 1,
      detailUrl: '@x',
    };
    const pages = async function* (table: DataTable) {
      if (table === 'customers') yield [customer];
    };
    const zip = unzipSync(new Uint8Array(await new Blob(await csvZipParts(pages, {})).arrayBuffer()));
    const parsed = cells(strFromU8(zip['customers.csv']!));
    expect(parsed[1]!.slice(0, 3)).toEqual(['https://crm.test', "'=cmd", "'\t=1+1"]);
    expect(parsed.flat().some(runs)).toBe(false);
  });
});
