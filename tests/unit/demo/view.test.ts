import { describe, expect, it } from 'vitest';
import { DETAIL_FIELDS, formatDate, formatMoney, formatTenure, seniorCitizen, yesNo } from '@/demo/core/i18n';
import { customerDetail, listRow } from '@/demo/core/view';
import { customers } from './fixtures';

describe('value formats', () => {
  it('money is "$29.85" with thousands separators, both locales', () => {
    expect(formatMoney(29.85)).toBe('$29.85');
    expect(formatMoney(84)).toBe('$84.00');
    expect(formatMoney(42.3)).toBe('$42.30');
    expect(formatMoney(1889.5)).toBe('$1,889.50');
    expect(formatMoney(8684.8)).toBe('$8,684.80');
  });

  it('tenure is "N month(s)" / "N 个月"', () => {
    expect(formatTenure(1, 'en')).toBe('1 month');
    expect(formatTenure(34, 'en')).toBe('34 months');
    expect(formatTenure(0, 'en')).toBe('0 months');
    expect(formatTenure(1, 'zh')).toBe('1 个月');
  });

  it('Yes/No is translated, other values stay as stored', () => {
    expect(yesNo('Yes', 'zh')).toBe('是');
    expect(yesNo('No', 'zh')).toBe('否');
    expect(yesNo('No internet service', 'zh')).toBe('No internet service');
    expect(yesNo('Yes', 'en')).toBe('Yes');
    expect(seniorCitizen('1', 'en')).toBe('Yes');
    expect(seniorCitizen('0', 'zh')).toBe('否');
  });

  it('dates read naturally', () => {
    expect(formatDate('2024-05-02', 'en')).toBe('May 2, 2024');
    expect(formatDate('2024-05-02', 'zh')).toBe('2024年5月2日');
  });
});

describe('listRow', () => {
  const all = customers();

  it('matches the DOM contract example for 7590-VHVEG (en)', () => {
    const row = listRow(all[0]!, 'en');
    expect(row.id).toBe('7590-VHVEG');
    expect(row.cells).toMatchObject({
      InternetService: 'DSL',
      Contract: 'Month-to-month',
      MonthlyCharges: '$29.85',
      tenure: '1 month',
      segment: 'Couple',
    });
    expect(['Active', 'Churned']).toContain(row.cells.Status);
  });

  it('shows the Plan "No" as Phone only / 仅电话, Status and segment translated in zh', () => {
    const phoneOnly = all.find((c) => c.row.InternetService === 'No')!;
    expect(listRow(phoneOnly, 'en').cells.InternetService).toBe('Phone only');
    expect(listRow(phoneOnly, 'zh').cells.InternetService).toBe('仅电话');
    const churned = all.find((c) => c.status === 'Churned')!;
    expect(listRow(churned, 'zh').cells.Status).toBe('已流失');
    const active = all.find((c) => c.status === 'Active' && c.segment === 'Senior')!;
    expect(listRow(active, 'zh').cells).toMatchObject({ Status: '活跃', segment: '老年' });
    expect(listRow(all[1]!, 'zh').cells.tenure).toBe('34 个月');
    expect(listRow(all[1]!, 'zh').cells.Contract).toBe('One year');
  });
});

describe('customerDetail', () => {
  const all = customers();

  it('has every data-set column but Churn, plus Status, segment and owner', () => {
    const detail = customerDetail(all[0]!, 'en');
    expect(detail.fields.map((f) => f.key)).toEqual([...DETAIL_FIELDS]);
    expect(detail.fields.map((f) => f.key)).not.toContain('Churn');
    expect(JSON.stringify(detail)).not.toContain('"Churn"');
    for (const key of ['customerID', 'gender', 'TotalCharges', 'Status', 'segment', 'owner']) {
      expect(detail.fields.some((f) => f.key === key)).toBe(true);
    }
  });

  it('shows blank TotalCharges as "—", InternetService raw, SeniorCitizen as Yes/No', () => {
    const blank = all.find((c) => c.totalCharges === null)!;
    const value = (c: (typeof all)[number], key: string, locale: 'en' | 'zh' = 'en') => customerDetail(c, locale).fields.find((f) => f.key === key)!.value;
    expect(value(blank, 'TotalCharges')).toBe('—');
    expect(value(blank, 'tenure')).toBe('0 months');
    const phoneOnly = all.find((c) => c.row.InternetService === 'No')!;
    expect(value(phoneOnly, 'InternetService')).toBe('No');
    expect(value(phoneOnly, 'InternetService', 'zh')).toBe('No');
    expect(value(phoneOnly, 'OnlineSecurity', 'zh')).toBe('No internet service');
    expect(value(all[0]!, 'SeniorCitizen')).toBe('No');
    expect(value(all[0]!, 'Partner', 'zh')).toBe('是');
    expect(value(all[0]!, 'gender', 'zh')).toBe('Female');
    expect(value(all[1]!, 'TotalCharges')).toBe('$1,889.50');
  });

  it('labels fields in the locale', () => {
    const zh = customerDetail(all[0]!, 'zh');
    expect(zh.fields.find((f) => f.key === 'MonthlyCharges')!.label).toBe('月费');
    expect(zh.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
  });
});
