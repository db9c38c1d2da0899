import { describe, expect, it } from 'vitest';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { modelSiteChoices, servedSites } from '@/lib/sites/model-site-choices';

const SHOP = 'https://shop.example.com';
const ADMIN = 'http://localhost:8080';

describe('modelSiteChoices', () => {
  it('offers every enabled site, demo CRM first, then by host', () => {
    expect(modelSiteChoices([SHOP, DEMO_CRM_ORIGIN, ADMIN], [], 'demo CRM')).toEqual([
      { origin: DEMO_CRM_ORIGIN, label: 'demo CRM', enabled: true },
      { origin: ADMIN, label: 'localhost:8080', enabled: true },
      { origin: SHOP, label: 'shop.example.com', enabled: true },
    ]);
  });
  it('keeps a site the model serves after it was disabled, marked as not read, once', () => {
    expect(modelSiteChoices([DEMO_CRM_ORIGIN], [SHOP, DEMO_CRM_ORIGIN], 'demo')).toEqual([
      { origin: DEMO_CRM_ORIGIN, label: 'demo', enabled: true },
      { origin: SHOP, label: 'shop.example.com', enabled: false },
    ]);
  });
});

describe('servedSites', () => {
  const choices = modelSiteChoices([SHOP, DEMO_CRM_ORIGIN], [], 'demo CRM');
  it('names the sites a model serves in the choices’ order, or nothing', () => {
    expect(servedSites(choices, [SHOP, DEMO_CRM_ORIGIN])).toBe('demo CRM, shop.example.com');
    expect(servedSites(choices, [])).toBe('');
  });
});
