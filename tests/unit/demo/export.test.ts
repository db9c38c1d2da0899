import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, historyExportCsv } from '@/demo/core/export';
import { customerName, ownerName } from '@/demo/core/names';
import { customers } from './fixtures';

const EXPECTED_HEADER =
  'customerID,Name,segment,owner,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,' +
  'InternetService,OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,' +
  'Contract,PaperlessBilling,PaymentMethod,MonthlyCharges,TotalCharges,Status';

function parse(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('historyExportCsv', () => {
  const all = customers();
  const csv = historyExportCsv(all);
  const rows = parse(csv);
  const known = all.filter((c) => c.knownHistory);

  it('has exactly the specified columns, CRLF lines, no BOM', () => {
    expect(csv.split('\r\n')[0]).toBe(EXPECTED_HEADER);
    expect(EXPORT_COLUMNS.join(',')).toBe(EXPECTED_HEADER);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('has exactly the known-history customers, in data-set order', () => {
    expect(rows).toHaveLength(known.length);
    expect(rows.length).toBeGreaterThan(5400);
    expect(rows.length).toBeLessThan(5900);
    expect(rows.map((r) => r.customerID)).toEqual(known.map((c) => c.id));
  });

  it('sets Status from Churn for every exported customer', () => {
    const byId = new Map(all.map((c) => [c.id, c]));
    for (const r of rows) {
      const c = byId.get(r.customerID!)!;
      expect(r.Status).toBe(c.row.Churn === 'Yes' ? 'Churned' : 'Active');
    }
    const churned = rows.filter((r) => r.Status === 'Churned').length;
    expect(churned / rows.length).toBeGreaterThan(0.24);
    expect(churned / rows.length).toBeLessThan(0.29);
  });

  it('keeps data-set values raw', () => {
    const byId = new Map(all.map((c) => [c.id, c]));
    const problems: string[] = [];
    for (const r of rows) {
      const c = byId.get(r.customerID!)!;
      for (const column of EXPORT_COLUMNS) {
        if (column === 'Name' || column === 'segment' || column === 'owner' || column === 'Status') continue;
        const want = column === 'TotalCharges' ? c.row.TotalCharges.trim() : c.row[column];
        if (r[column] !== want) problems.push(`${c.id}.${column}: ${r[column]} != ${want}`);
      }
      if (!/^[01]$/.test(r.SeniorCitizen!)) problems.push(`${c.id}: SeniorCitizen ${r.SeniorCitizen}`);
      if (!/^\d+$/.test(r.tenure!)) problems.push(`${c.id}: tenure ${r.tenure}`);
      if (!/^\d+(\.\d+)?$/.test(r.MonthlyCharges!)) problems.push(`${c.id}: MonthlyCharges ${r.MonthlyCharges}`);
      if (r.Name !== customerName(c.id, c.row.gender, 'en')) problems.push(`${c.id}: Name ${r.Name}`);
      if (r.owner !== ownerName(c.owner, 'en')) problems.push(`${c.id}: owner ${r.owner}`);
      if (!['Senior', 'Family', 'Couple', 'Individual'].includes(r.segment!)) problems.push(`${c.id}: segment ${r.segment}`);
    }
    expect(problems).toEqual([]);
    const first = rows[0]!;
    expect(first).toMatchObject({ customerID: '7590-VHVEG', MonthlyCharges: '29.85', TotalCharges: '29.85', tenure: '1' });
    const blanks = rows.filter((r) => r.TotalCharges === '');
    expect(blanks.length).toBe(known.filter((c) => c.totalCharges === null).length);
    for (const r of blanks) expect(r.tenure).toBe('0');
  });

  it('never exports a current customer (their label stays hidden)', () => {
    const exported = new Set(rows.map((r) => r.customerID));
    for (const c of all) if (!c.knownHistory) expect(exported.has(c.id)).toBe(false);
  });

  it('uses Chinese people names for zh and keeps every other value', () => {
    const zh = parse(historyExportCsv(all, 'zh'));
    expect(zh).toHaveLength(rows.length);
    expect(zh[0]!.Name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    expect(zh[0]!.owner).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    const strip = (r: Record<string, string>) => ({ ...r, Name: '', owner: '' });
    expect(zh.map(strip)).toEqual(rows.map(strip));
  });

  it('is deterministic', () => {
    expect(historyExportCsv(all)).toBe(csv);
  });
});
