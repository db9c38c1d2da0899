import { storage } from 'wxt/utils/storage';
import type { EnabledSite } from './enabled-sites';

/**
 * The sites the user enabled, in the order they were added. The demo CRM
 * (manifest) and policy sites (chrome.storage.managed) are not stored here;
 * removing a site keeps its customer history (erasing is Options → Data).
 */
export const enabledSitesItem = storage.defineItem<EnabledSite[]>('local:enabledSites', {
  fallback: [],
  version: 1,
});
