import { describe, expect, it } from 'vitest';
import { shouldOpenWelcome } from '@/lib/background/welcome';

describe('first-run page', () => {
  it('opens on a fresh install only', () => {
    expect(shouldOpenWelcome('install', 'production')).toBe(true);
    expect(shouldOpenWelcome('update', 'production')).toBe(false);
    expect(shouldOpenWelcome('chrome_update', 'production')).toBe(false);
  });
  it('stays shut in the e2e flavour, whose every test is a fresh install', () => {
    expect(shouldOpenWelcome('install', 'e2e')).toBe(false);
  });
});
