import { describe, expect, it } from 'vitest';
import { exportMappingFile } from '@/lib/mapping/mapping-file';
import { withMappingPreset } from '@/lib/mapping/mapping-preset';
import type { SiteRecipe } from '@/lib/recipes/recipe-schema';

const A = 'https://crm.a.example';
const B = 'https://crm.b.example';
const recipe: SiteRecipe = {
  id: 'list:/people',
  format: 1,
  version: 2,
  kind: 'list',
  pageKey: '/people',
  row: '#people > div',
  name: ':scope > b',
  fields: [],
  expected: 12,
  taughtAt: 1,
};

describe('a team policy’s mapping file', () => {
  const file = exportMappingFile({ [A]: { fields: { Seen: 'last_activity' }, updatedAt: 0 } }, 0, undefined, { [A]: [recipe] });
  const mine = {
    mappings: { [A]: { fields: { Plan: 'plan' as const }, updatedAt: 5 }, [B]: { fields: { X: 'ignore' as const }, updatedAt: 5 } },
    recipes: {},
    dateOrders: {},
  };

  it('sets its labels and recipes and keeps the user’s others', () => {
    const applied = withMappingPreset(file, mine, 100);
    expect(applied.mappings).toEqual({ [A]: { fields: { Plan: 'plan', Seen: 'last_activity' }, updatedAt: 100 }, [B]: mine.mappings[B] });
    expect(applied.recipes).toEqual({ [A]: [recipe] });
  });
  it('settles: applying it again changes nothing (a locked preset is re-applied after every change)', () => {
    const once = withMappingPreset(file, mine, 100);
    expect(withMappingPreset(file, once, 200)).toEqual(once);
  });
  it('sets its sites’ date orders (as importing it in Options does) and keeps the user’s others', () => {
    const dated = exportMappingFile({ [A]: { fields: { Seen: 'last_activity' }, updatedAt: 0 } }, 0, undefined, {}, { [A]: 'dmy' });
    const applied = withMappingPreset(dated, { ...mine, dateOrders: { [A]: 'mdy', [B]: 'mdy' } }, 100);
    expect(applied.dateOrders).toEqual({ [A]: 'dmy', [B]: 'mdy' });
    expect(withMappingPreset(dated, applied, 200)).toEqual(applied);
    expect(withMappingPreset(file, mine, 100).dateOrders).toBe(mine.dateOrders); // a file without date orders leaves them alone
  });
  it('a broken file is refused with the reason', () => {
    expect(() => withMappingPreset('{"format":"x"}', mine, 1)).toThrow('not a Churn Radar field-mapping file');
  });
});
