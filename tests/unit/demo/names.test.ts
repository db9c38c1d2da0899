import { describe, expect, it } from 'vitest';
import { OWNER_COUNT } from '@/demo/core/customers';
import { customerName, EN_FEMALE_FIRST, EN_LAST, EN_MALE_FIRST, OWNERS, ownerName, ZH_FEMALE_GIVEN, ZH_MALE_GIVEN, ZH_SURNAMES } from '@/demo/core/names';
import { customers } from './fixtures';

const CJK = /^[\u4e00-\u9fff]+$/;

describe('customerName', () => {
  it('is deterministic per customerID and locale', () => {
    for (const c of customers().slice(0, 300)) {
      expect(customerName(c.id, c.row.gender, 'en')).toBe(customerName(c.id, c.row.gender, 'en'));
      expect(customerName(c.id, c.row.gender, 'zh')).toBe(customerName(c.id, c.row.gender, 'zh'));
    }
  });

  it('gives English names in en: a first name matching the gender, then a last name', () => {
    for (const c of customers().slice(0, 500)) {
      const [first, last, ...rest] = customerName(c.id, c.row.gender, 'en').split(' ');
      expect(rest).toEqual([]);
      const firsts: readonly string[] = c.row.gender === 'Female' ? EN_FEMALE_FIRST : EN_MALE_FIRST;
      expect(firsts).toContain(first);
      expect(EN_LAST as readonly string[]).toContain(last);
    }
  });

  it('gives Chinese names in zh: a common surname and a given name matching the gender', () => {
    for (const c of customers().slice(0, 500)) {
      const name = customerName(c.id, c.row.gender, 'zh');
      expect(name).toMatch(CJK);
      expect(name.length).toBeGreaterThanOrEqual(2);
      expect(name.length).toBeLessThanOrEqual(3);
      const surname = name.slice(0, 1);
      expect(ZH_SURNAMES as readonly string[]).toContain(surname);
      const given: readonly string[] = c.row.gender === 'Female' ? ZH_FEMALE_GIVEN : ZH_MALE_GIVEN;
      expect(given).toContain(name.slice(1));
    }
  });

  it('varies: many distinct names across the customer book', () => {
    const all = customers();
    expect(new Set(all.map((c) => customerName(c.id, c.row.gender, 'en'))).size).toBeGreaterThan(3000);
    expect(new Set(all.map((c) => customerName(c.id, c.row.gender, 'zh'))).size).toBeGreaterThan(3000);
  });

  it('uses lists of about 60 names each', () => {
    for (const list of [EN_FEMALE_FIRST, EN_MALE_FIRST, EN_LAST, ZH_FEMALE_GIVEN, ZH_MALE_GIVEN]) {
      expect(list.length).toBeGreaterThanOrEqual(50);
      expect(new Set(list).size).toBe(list.length);
    }
  });
});

describe('owners', () => {
  it('has OWNER_COUNT reps in each locale, names fitting the locale', () => {
    expect(OWNERS.en).toHaveLength(OWNER_COUNT);
    expect(OWNERS.zh).toHaveLength(OWNER_COUNT);
    for (let i = 0; i < OWNER_COUNT; i += 1) {
      expect(ownerName(i, 'en')).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(ownerName(i, 'zh')).toMatch(CJK);
    }
  });

  it('spreads customers over all reps', () => {
    const counts = new Map<number, number>();
    for (const c of customers()) counts.set(c.owner, (counts.get(c.owner) ?? 0) + 1);
    expect(counts.size).toBe(OWNER_COUNT);
    for (const n of counts.values()) expect(n).toBeGreaterThan(7043 / OWNER_COUNT / 2);
  });
});
