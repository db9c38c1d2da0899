import { describe, expect, it } from 'vitest';
import { withSiteValue } from '@/lib/mapping/per-site';

describe('withSiteValue', () => {
  const A = 'https://a.example';
  const B = 'https://b.example';
  it('sets one site’s value and leaves the others', () => {
    const before = { [B]: 'mdy' };
    expect(withSiteValue(before, A, 'dmy')).toEqual({ [A]: 'dmy', [B]: 'mdy' });
    expect(before).toEqual({ [B]: 'mdy' });
  });
  it('removes the site’s value for automatic, and starts from nothing stored', () => {
    expect(withSiteValue({ [A]: 'dmy', [B]: 'mdy' }, A, undefined)).toEqual({ [B]: 'mdy' });
    expect(withSiteValue(null, A, 'email')).toEqual({ [A]: 'email' });
  });
});
