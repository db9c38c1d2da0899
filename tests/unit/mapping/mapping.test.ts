import { describe, expect, it } from 'vitest';
import { exportMappingFile, parseMappingFile } from '@/lib/mapping/mapping-file';
import type { SiteRecipe } from '@/lib/recipes/recipe-schema';
import { mergeMappings, replaceSiteMapping, setLabelTarget } from '@/lib/mapping/mapping-ops';
import { parsedValue, valueKindOf } from '@/lib/mapping/parsed-value';
import { collectSiteLabels } from '@/lib/mapping/site-labels';
import { changedSites, createSiteResolvers } from '@/lib/mapping/cached-site-resolvers';

const A = 'https://crm.example.com';
const B = 'https://zh.crm.example.cn';

describe('mapping operations', () => {
  it('sets and forgets one label of a site', () => {
    const one = setLabelTarget({}, A, 'Cuota', 'monthly_value', 5);
    expect(one).toEqual({ [A]: { fields: { Cuota: 'monthly_value' }, updatedAt: 5 } });
    const two = setLabelTarget(one, A, 'Saldo', 'ignore', 6);
    expect(two[A]!.fields).toEqual({ Cuota: 'monthly_value', Saldo: 'ignore' });
    expect(setLabelTarget(two, A, 'Cuota', null, 7)[A]!.fields).toEqual({ Saldo: 'ignore' });
    expect(one[A]!.fields).toEqual({ Cuota: 'monthly_value' }); // never mutated
  });
  it('replaces a site’s mapping, and an empty one removes the site', () => {
    const start = { [A]: { fields: { X: 'plan' as const }, updatedAt: 1 }, [B]: { fields: { 月费: 'monthly_value' as const }, updatedAt: 1 } };
    expect(replaceSiteMapping(start, A, { Y: 'status' }, 9)[A]).toEqual({ fields: { Y: 'status' }, updatedAt: 9 });
    expect(Object.keys(replaceSiteMapping(start, A, {}, 9))).toEqual([B]);
  });
  it('merges an import per site: imported labels win, the others stay', () => {
    const current = { [A]: { fields: { X: 'plan' as const, Y: 'status' as const }, updatedAt: 1 } };
    const merged = mergeMappings(current, { [A]: { fields: { Y: 'ignore' }, updatedAt: 2 }, [B]: { fields: { 套餐: 'plan' }, updatedAt: 2 } }, 3);
    expect(merged).toEqual({ [A]: { fields: { X: 'plan', Y: 'ignore' }, updatedAt: 3 }, [B]: { fields: { 套餐: 'plan' }, updatedAt: 3 } });
  });
});

describe('mapping file', () => {
  const mappings = {
    [A]: { fields: { Cuota: 'monthly_value' as const }, updatedAt: 1 },
    [B]: { fields: { 签约日期: 'customer_since' as const }, updatedAt: 1 },
  };
  it('round-trips every site, or one', () => {
    const text = exportMappingFile(mappings, Date.UTC(2026, 0, 2));
    const parsed = parseMappingFile(text, 10);
    expect(parsed).toEqual({
      ok: true,
      sites: 2,
      labels: 2,
      recipeCount: 0,
      recipes: {},
      dateOrders: {},
      mappings: { [A]: { fields: { Cuota: 'monthly_value' }, updatedAt: 10 }, [B]: { fields: { 签约日期: 'customer_since' }, updatedAt: 10 } },
    });
    const single = parseMappingFile(exportMappingFile(mappings, 0, B), 10);
    expect(single.ok && Object.keys(single.mappings)).toEqual([B]);
  });
  it('carries each site’s date order (version 3); without any it stays a version 2 file', () => {
    expect(JSON.parse(exportMappingFile(mappings, 0))).toMatchObject({ version: 2 });
    expect(JSON.parse(exportMappingFile(mappings, 0)).dateOrders).toBeUndefined();
    const text = exportMappingFile(mappings, 0, undefined, {}, { [A]: 'dmy', [B]: 'mdy' });
    expect(JSON.parse(text)).toMatchObject({ version: 3, dateOrders: { [A]: 'dmy', [B]: 'mdy' } });
    expect(parseMappingFile(text, 1)).toMatchObject({ ok: true, sites: 2, dateOrders: { [A]: 'dmy', [B]: 'mdy' } });
    expect(parseMappingFile(exportMappingFile(mappings, 0, B, {}, { [A]: 'dmy', [B]: 'mdy' }), 1)).toMatchObject({ ok: true, dateOrders: { [B]: 'mdy' } });
    const onlyDates = JSON.stringify({ format: 'churn-radar.field-mapping', version: 3, sites: {}, dateOrders: { [A]: 'dmy' } });
    expect(parseMappingFile(onlyDates, 1)).toMatchObject({ ok: true, sites: 1, labels: 0 });
  });
  it('refuses a date order that is not one, or not of a site', () => {
    const file = (dateOrders: unknown) => JSON.stringify({ format: 'churn-radar.field-mapping', version: 3, sites: {}, dateOrders });
    expect(parseMappingFile(file({ [A]: 'ymd' }), 0)).toEqual({ ok: false, error: `"ymd" is not a date order ("mdy" or "dmy") at dateOrders › ${A}` });
    expect(parseMappingFile(file({ 'crm.example.com': 'dmy' }), 0)).toMatchObject({ ok: false, error: expect.stringContaining('(at dateOrders)') });
  });
  it('names what is wrong in a bad file', () => {
    expect(parseMappingFile('{', 0)).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
    expect(parseMappingFile('{"format":"other","version":1,"sites":{}}', 0)).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a Churn Radar field-mapping file'),
    });
    expect(parseMappingFile('{"format":"churn-radar.field-mapping","version":4,"sites":{}}', 0)).toMatchObject({
      ok: false,
      error: expect.stringContaining('version'),
    });
    const badField = JSON.stringify({ format: 'churn-radar.field-mapping', version: 1, sites: { [A]: { Cuota: 'monthly_fee' } } });
    expect(parseMappingFile(badField, 0)).toEqual({ ok: false, error: `"monthly_fee" is not a product field or "ignore" at sites › ${A} › Cuota` });
    const badSite = JSON.stringify({ format: 'churn-radar.field-mapping', version: 1, sites: { 'crm.example.com': { Cuota: 'plan' } } });
    expect(parseMappingFile(badSite, 0)).toMatchObject({ ok: false, error: expect.stringContaining('origin') });
    expect(parseMappingFile('x'.repeat(2_000_001), 0)).toMatchObject({ ok: false, error: expect.stringContaining('too large') });
  });
  it('names a non-text field value without crashing on it (found by the hostile-files property test)', () => {
    const objectField = JSON.stringify({ format: 'churn-radar.field-mapping', version: 1, sites: { [A]: { Cuota: { toString: null } } } });
    expect(parseMappingFile(objectField, 0)).toEqual({ ok: false, error: `"{"toString":null}" is not a product field or "ignore" at sites › ${A} › Cuota` });
  });
});

describe('site labels', () => {
  it('collects labels most common first, with distinct samples of the most recent customers and a suggestion', () => {
    const labels = collectSiteLabels([
      { lastSeen: 1, fields: { 月费: '¥99', Colour: 'red' } },
      { lastSeen: 3, fields: { 月费: '¥199', Stage: ' ' } },
      { lastSeen: 2, fields: { 月费: '¥199' } },
    ]);
    expect(labels.map((l) => l.label)).toEqual(['月费', 'Colour', 'Stage']);
    expect(labels[0]).toEqual({ label: '月费', count: 3, samples: ['¥199', '¥99'], suggested: 'monthly_value' });
    expect(labels[1]!.suggested).toBeNull();
    expect(labels[2]!.samples).toEqual([]);
  });
});

describe('parsed value', () => {
  const now = Date.UTC(2026, 11, 1);
  it('reads a text the way the field is read', () => {
    expect(parsedValue('monthly_value', '$1,234.50', now)).toEqual({ kind: 'number', value: 1234.5, percent: false });
    expect(parsedValue('discount', '15%', now)).toMatchObject({ kind: 'number', value: 0.15, percent: true });
    expect(parsedValue('customer_since', '2024-03-05', now)).toEqual({ kind: 'date', value: Date.UTC(2024, 2, 5) });
    expect(parsedValue('tenure_months', '2 years', now)).toEqual({ kind: 'months', value: 24 });
    expect(parsedValue('auto_renew', '是', now)).toEqual({ kind: 'yesno', value: true });
    expect(parsedValue('plan', ' Gold ', now)).toEqual({ kind: 'text', value: 'Gold' });
    expect(parsedValue('monthly_value', 'soon', now).kind).toBe('unreadable');
    expect(valueKindOf('last_activity')).toBe('date');
  });
});

describe('site resolvers', () => {
  it('rebuilds a site’s resolver only when its mapping changes', async () => {
    let value = { [A]: { fields: { Cuota: 'monthly_value' as const }, updatedAt: 1 } };
    const resolverOf = createSiteResolvers(async () => value);
    const first = await resolverOf(A);
    expect(first('Cuota')).toBe('monthly_value');
    expect(await resolverOf(A)).toBe(first);
    value = { [A]: { fields: { Cuota: 'ignore' } as never, updatedAt: 2 } };
    const second = await resolverOf(A);
    expect(second).not.toBe(first);
    expect(second('Cuota')).toBeUndefined();
    expect((await resolverOf(B))('MRR')).toBe('monthly_value');
  });
  it('tells which sites a change touched', () => {
    const before = { [A]: { fields: { X: 'plan' as const }, updatedAt: 1 }, [B]: { fields: {}, updatedAt: 1 } };
    expect(changedSites(before, { ...before, [A]: { fields: { X: 'plan' }, updatedAt: 5 } })).toEqual([]);
    expect(changedSites(before, { [B]: before[B] })).toEqual([A]);
    expect(changedSites(null, before)).toEqual([A]);
  });
});

describe('mapping draft', () => {
  it('shows the choice, else the suggestion, else nothing', async () => {
    const { labelState } = await import('@/lib/mapping/draft');
    expect(labelState('Fee', 'monthly_value', { Fee: 'ignore' })).toEqual({ target: 'ignore', source: 'mapped' });
    expect(labelState('Fee', 'monthly_value', {})).toEqual({ target: 'monthly_value', source: 'suggested' });
    expect(labelState('Colour', null, {})).toEqual({ target: null, source: 'none' });
  });
  it('keeps only real decisions: choosing the suggestion or "not mapped" leaves no entry', async () => {
    const { chooseTarget, sameDraft } = await import('@/lib/mapping/draft');
    expect(chooseTarget({}, 'Fee', 'total_spend', 'monthly_value')).toEqual({ Fee: 'total_spend' });
    expect(chooseTarget({ Fee: 'total_spend' }, 'Fee', 'monthly_value', 'monthly_value')).toEqual({});
    expect(chooseTarget({ Colour: 'plan' }, 'Colour', '', null)).toEqual({});
    expect(chooseTarget({}, 'Fee', 'ignore', 'monthly_value')).toEqual({ Fee: 'ignore' });
    expect(sameDraft({ a: 'plan' }, { a: 'plan' })).toBe(true);
    expect(sameDraft({ a: 'plan' }, { a: 'status' })).toBe(false);
    expect(sameDraft({ a: 'plan' }, {})).toBe(false);
  });
});

describe('mapping file with taught recipes (version 2)', () => {
  const recipe = {
    id: 'list:/people',
    format: 1,
    version: 3,
    kind: 'list',
    pageKey: '/people',
    row: '#people > div.card',
    name: ':scope > div > div.who',
    fields: [{ label: 'Seen', selector: ':scope > div > div.sub > span.seen', prefix: 'Seen' }],
    expected: 12,
    taughtAt: 5,
  } satisfies SiteRecipe;
  const mappings = { [A]: { fields: { Seen: 'last_activity' as const }, updatedAt: 1 } };
  it('carries each site’s recipes with its labels, and only the exported site’s', () => {
    const text = exportMappingFile(mappings, 0, undefined, { [A]: [recipe], [B]: [{ ...recipe, id: 'detail:/x', kind: 'detail', row: undefined } as never] });
    const parsed = parseMappingFile(text, 10);
    expect(parsed.ok && parsed.recipes[A]).toEqual([recipe]);
    expect(parsed.ok && [parsed.sites, parsed.recipeCount]).toEqual([2, 2]);
    const single = parseMappingFile(exportMappingFile(mappings, 0, A, { [A]: [recipe], [B]: [recipe] }), 10);
    expect(single.ok && Object.keys(single.recipes)).toEqual([A]);
  });
  it('still reads version 1 files, and names a broken recipe', () => {
    const v1 = parseMappingFile(JSON.stringify({ format: 'churn-radar.field-mapping', version: 1, sites: { [A]: { Cuota: 'plan' } } }), 0);
    expect(v1).toMatchObject({ ok: true, recipeCount: 0, labels: 1 });
    const broken = JSON.stringify({ format: 'churn-radar.field-mapping', version: 2, sites: {}, recipes: { [A]: [{ ...recipe, row: '' }] } });
    expect(parseMappingFile(broken, 0)).toMatchObject({ ok: false, error: expect.stringContaining(`recipes › ${A} › 0 › row`) });
    const badSite = JSON.stringify({ format: 'churn-radar.field-mapping', version: 2, sites: {}, recipes: { 'crm.example.com': [recipe] } });
    expect(parseMappingFile(badSite, 0)).toMatchObject({ ok: false, error: expect.stringContaining('(at recipes)') });
  });
});
