import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS } from '@/lib/domain';
import { PRODUCT_FIELD_SYNONYMS } from '@/lib/fields/product-fields';
import { INDICATOR_BY_ID, INDICATOR_DEFINITIONS } from '@/lib/indicators/definitions';
import { INDICATOR_CATEGORIES } from '@/lib/indicators/types';

const HAN = /[\u4e00-\u9fff]/;

describe('indicator catalogue', () => {
  it('has unique snake_case ids', () => {
    const ids = INDICATOR_DEFINITIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(INDICATOR_BY_ID.size).toBe(ids.length);
  });

  it('covers the six categories, each in one block in the research order', () => {
    const order = INDICATOR_DEFINITIONS.map((d) => d.category).filter((c, i, all) => c !== all[i - 1]);
    expect(order).toEqual([...INDICATOR_CATEGORIES]);
  });

  it('labels and explanations in both languages', () => {
    for (const d of INDICATOR_DEFINITIONS) {
      expect(d.label.en.trim(), d.id).not.toBe('');
      expect(d.explanation.en.trim(), d.id).not.toBe('');
      expect(d.label.zh, d.id).toMatch(HAN);
      expect(d.explanation.zh, d.id).toMatch(HAN);
      expect(d.explanation.en, d.id).not.toMatch(HAN);
    }
  });

  it('needs only product fields or activity kinds that exist', () => {
    const fields = new Set(Object.keys(PRODUCT_FIELD_SYNONYMS));
    const kinds = new Set(ACTIVITY_KINDS.map((k) => `activity:${k}`));
    for (const d of INDICATOR_DEFINITIONS) {
      expect(d.needs.length, d.id).toBeGreaterThan(0);
      for (const need of d.needs) expect(fields.has(need) || kinds.has(need), `${d.id} needs ${need}`).toBe(true);
      const all: readonly string[] = 'needsAll' in d ? d.needsAll : [];
      for (const need of all) expect(fields.has(need), `${d.id} needs all of ${need}`).toBe(true);
    }
  });

  it('the order indicators a list page’s summary determines say which fields supply them', () => {
    const needs = (id: string) => {
      const d = INDICATOR_BY_ID.get(id)!;
      return { any: d.needs, all: d.needsAll ?? [] };
    };
    expect(needs('recency_days')).toEqual({ any: ['activity:order', 'last_purchase'], all: [] });
    expect(needs('order_count')).toEqual({ any: ['activity:order', 'order_count'], all: [] });
    expect(needs('avg_order_value')).toEqual({ any: ['activity:order', 'avg_order_value'], all: ['total_spend', 'order_count'] });
    for (const id of ['inter_purchase_days', 'overdue_ratio'])
      expect(needs(id)).toEqual({ any: ['activity:order'], all: ['first_purchase', 'last_purchase', 'order_count'] });
    expect(needs('tenure').any).toContain('first_purchase');
    // windowed indicators need the order list itself
    for (const id of ['orders_recent', 'frequency_trend', 'spend_recent', 'spend_trend', 'units_trend', 'category_shift', 'spend_capacity_change'])
      expect(needs(id), id).toEqual({ any: ['activity:order'], all: [] });
  });

  it('keeps the ids the side panel already labels', () => {
    for (const id of [
      'monthly_value',
      'total_spend',
      'plan',
      'tech_support',
      'online_security',
      'tenure',
      'contract',
      'competitor_mentions',
      'segment',
      'senior',
      'payment_method',
      'paperless_billing',
    ]) {
      expect(INDICATOR_BY_ID.has(id), id).toBe(true);
    }
  });
});
