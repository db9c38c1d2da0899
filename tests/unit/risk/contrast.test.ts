import { describe, expect, it } from 'vitest';
import { contrastRatio } from '@/lib/risk/contrast';
import { BADGE_RING, TIER_STYLE } from '@/lib/risk/tiers';

describe('contrast ratio (WCAG 2.x)', () => {
  it('matches published values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey that passes AA on white (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeLessThan(4.5);
  });
  it('refuses what is not #rrggbb', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(/#rrggbb/);
  });
});

/** Typical CRM grounds: white and grey list rows, a light selection, dark themes (MUI, Ant Design, Salesforce). */
const LIGHT_GROUNDS = ['#ffffff', '#f5f5f5', '#e6f4ff'];
const DARK_GROUNDS = ['#121212', '#141414', '#1f2937', '#16325c'];

describe('tier colours on CRM pages', () => {
  it.each(Object.entries(TIER_STYLE))('tier %s: the meter and its label colour read at 4.5:1 on the badge', (_tier, style) => {
    expect(contrastRatio(style.fg, style.bg)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(Object.entries(TIER_STYLE))('tier %s: the badge stands out at 3:1 from light CRM grounds', (_tier, style) => {
    for (const ground of LIGHT_GROUNDS) expect(contrastRatio(style.bg, ground), ground).toBeGreaterThanOrEqual(3);
  });
  it('the badge ring stands out at 3:1 from dark CRM grounds, where the tier colours alone would not', () => {
    for (const ground of DARK_GROUNDS) expect(contrastRatio(BADGE_RING, ground), ground).toBeGreaterThanOrEqual(3);
    expect(Math.min(...Object.values(TIER_STYLE).map((style) => contrastRatio(style.bg, '#121212')))).toBeLessThan(3);
  });
});
