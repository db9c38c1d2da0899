import { describe, expect, it } from 'vitest';
import { pick } from '@/components/bilingual';

describe('bilingual text', () => {
  it('shows Chinese for any zh locale and English otherwise', () => {
    const text = { en: 'Spend down', zh: '消费下降' };
    expect(pick(text, 'zh-CN')).toBe('消费下降');
    expect(pick(text, 'zh-TW')).toBe('消费下降');
    expect(pick(text, 'en-US')).toBe('Spend down');
    expect(pick(text, 'fr')).toBe('Spend down');
  });
});
