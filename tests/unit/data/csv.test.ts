import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '@/lib/data/csv';

describe('parseCsv', () => {
  it('reads a plain comma file', () => {
    const t = parseCsv('id,name,amount\n1,Ann,29.85\n2,Bob,56.95\n');
    expect(t.columns).toEqual(['id', 'name', 'amount']);
    expect(t.rows).toEqual([
      { id: '1', name: 'Ann', amount: '29.85' },
      { id: '2', name: 'Bob', amount: '56.95' },
    ]);
    expect(t.errors).toEqual([]);
    expect(t.delimiter).toBe(',');
  });

  it('strips a UTF-8 BOM from the first header name', () => {
    const t = parseCsv('\ufeffcustomerID,Churn\r\nA-1,Yes\r\n');
    expect(t.columns).toEqual(['customerID', 'Churn']);
    expect(t.rows[0]).toEqual({ customerID: 'A-1', Churn: 'Yes' });
  });

  it('detects ";" and keeps decimal commas inside fields', () => {
    const t = parseCsv('Kunde;Umsatz;Kündigung\nA;1.234,50;Ja\nB;"2,5";Nein\n');
    expect(t.delimiter).toBe(';');
    expect(t.columns).toEqual(['Kunde', 'Umsatz', 'Kündigung']);
    expect(t.rows).toEqual([
      { Kunde: 'A', Umsatz: '1.234,50', Kündigung: 'Ja' },
      { Kunde: 'B', Umsatz: '2,5', Kündigung: 'Nein' },
    ]);
  });

  it('detects tabs', () => {
    const t = parseCsv('客户\t月费\t流失\n张三\t¥99\t是\n李四\t¥1,299\t否\n');
    expect(t.delimiter).toBe('\t');
    expect(t.rows[1]).toEqual({ 客户: '李四', 月费: '¥1,299', 流失: '否' });
  });

  it('handles quoted fields with delimiters, escaped quotes and line breaks', () => {
    const t = parseCsv('name,note,amount\r\n"Smith, Jane","said ""hi""\r\nthen left",12\r\nBob,,3\r\n');
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([
      { name: 'Smith, Jane', note: 'said "hi"\r\nthen left', amount: '12' },
      { name: 'Bob', note: '', amount: '3' },
    ]);
  });

  it('handles CRLF and skips blank trailing lines', () => {
    const t = parseCsv('a,b\r\n1,2\r\n3,4\r\n\r\n\r\n  \r\n');
    expect(t.rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    expect(t.errors).toEqual([]);
  });

  it('trims header names but keeps cells as written', () => {
    const t = parseCsv(' Monthly fee , Churn \n $29.85 ,Yes\n');
    expect(t.columns).toEqual(['Monthly fee', 'Churn']);
    expect(t.rows[0]).toEqual({ 'Monthly fee': ' $29.85 ', Churn: 'Yes' });
  });

  it('reports ragged rows with row and line numbers and does not shift them', () => {
    const t = parseCsv('a,b,c\n1,2,3\n4,5\n"x\ny",8,9\n6,7,8,9\n10,11,12\n');
    expect(t.rows).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: 'x\ny', b: '8', c: '9' },
      { a: '10', b: '11', c: '12' },
    ]);
    expect(t.errors).toEqual([
      { row: 2, line: 3, message: 'Row 2 (line 3): expected 3 fields, found 2.' },
      { row: 4, line: 6, message: 'Row 4 (line 6): expected 3 fields, found 4.' },
    ]);
  });

  it('tolerates blank extra fields from a trailing delimiter', () => {
    const t = parseCsv('a,b,\n1,2,\n3,4,\n');
    expect(t.columns).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    expect(t.errors).toEqual([]);
  });

  it('reports an unterminated quote', () => {
    const t = parseCsv('a,b\n1,2\n3,"oops\n');
    expect(t.rows).toEqual([{ a: '1', b: '2' }]);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]).toMatchObject({ row: 2, line: 3 });
    expect(t.errors[0]!.message).toMatch(/quot/i);
  });

  it('rejects duplicate header names with a clear error', () => {
    expect(() => parseCsv('id,amount,amount\n1,2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('id,amount, amount \n1,2,3\n')).toThrow(/Duplicate column names.*"amount" \(columns 2, 3\)/);
  });

  it('rejects empty header names with a clear error', () => {
    expect(() => parseCsv(',a,b\n0,1,2\n')).toThrow(/empty column name at position 1/);
    expect(() => parseCsv('a,,b\n1,2,3\n')).toThrow(CsvError);
  });

  it('rejects an empty file', () => {
    expect(() => parseCsv('')).toThrow(/empty/);
    expect(() => parseCsv('\ufeff\r\n\r\n')).toThrow(/empty/);
  });

  it('a header alone gives no rows', () => {
    expect(parseCsv('a,b\n')).toMatchObject({ columns: ['a', 'b'], rows: [], errors: [] });
  });

  it('reads the Telco export: 7,043 rows × 21 columns, CRLF, blank TotalCharges kept as text', () => {
    const text = readFileSync(new URL('../../fixtures/WA_Fn-UseC_-Telco-Customer-Churn.csv', import.meta.url), 'utf8');
    const t = parseCsv(text);
    expect(t.errors).toEqual([]);
    expect(t.columns).toHaveLength(21);
    expect(t.rows).toHaveLength(7043);
    expect(t.rows.filter((r) => r.TotalCharges!.trim() === '')).toHaveLength(11);
    expect(t.rows.filter((r) => r.Churn === 'Yes')).toHaveLength(1869);
  });
});
