import { describe, expect, it } from 'vitest';
import { OWNER_COUNT, parseCustomersCsv, segmentOf, TELCO_COLUMNS } from '@/demo/core/customers';
import { customers } from './fixtures';

describe('parseCustomersCsv', () => {
  it('reads the bundled data set: 7,043 rows, raw strings, 11 blank TotalCharges', () => {
    const all = customers();
    expect(all).toHaveLength(7043);
    const first = all[0]!;
    expect(first.id).toBe('7590-VHVEG');
    expect(first.row.SeniorCitizen).toBe('0');
    expect(first.row.MonthlyCharges).toBe('29.85');
    expect(first.monthlyCharges).toBe(29.85);
    expect(first.tenure).toBe(1);
    const blanks = all.filter((c) => c.totalCharges === null);
    expect(blanks).toHaveLength(11);
    for (const c of blanks) {
      expect(c.tenure).toBe(0);
      expect(c.row.TotalCharges).toBe(' ');
    }
    expect(all.filter((c) => c.row.Churn === 'Yes')).toHaveLength(1869);
  });

  it('shows Status Churned only for known-history churners', () => {
    for (const c of customers()) {
      expect(c.status).toBe(c.knownHistory && c.row.Churn === 'Yes' ? 'Churned' : 'Active');
      expect(c.owner).toBeGreaterThanOrEqual(0);
      expect(c.owner).toBeLessThan(OWNER_COUNT);
    }
  });

  it('accepts LF line endings and rejects a file without the Telco columns', () => {
    const header = TELCO_COLUMNS.join(',');
    const line = '0001-TEST,Male,1,No,No,0,Yes,No,DSL,No,No,No,No,No,No,Month-to-month,No,Mailed check,20, ,No';
    expect(parseCustomersCsv(`${header}\n${line}\n`)[0]?.totalCharges).toBeNull();
    expect(() => parseCustomersCsv('a,b\n1,2\n')).toThrow(/missing columns/);
  });
});

describe('segmentOf', () => {
  it('Senior before Family before Couple before Individual', () => {
    expect(segmentOf({ SeniorCitizen: '1', Dependents: 'Yes', Partner: 'Yes' })).toBe('Senior');
    expect(segmentOf({ SeniorCitizen: '0', Dependents: 'Yes', Partner: 'Yes' })).toBe('Family');
    expect(segmentOf({ SeniorCitizen: '0', Dependents: 'No', Partner: 'Yes' })).toBe('Couple');
    expect(segmentOf({ SeniorCitizen: '0', Dependents: 'No', Partner: 'No' })).toBe('Individual');
  });
});
