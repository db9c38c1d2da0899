import { storage } from 'wxt/utils/storage';
import type { EnabledSite } from './enabled-sites';

/**
 * The sites the user enabled, in the order they were added. The demo CRM
 * (on by default) and policy sites (chrome.storage.managed) are not stored here;
 * removing a site keeps its customer history (erasing is Options → Data).
 */
export const enabledSitesItem = storage.defineItem<EnabledSite[]>('local:enabledSites', {
  fallback: [],
  version: 1,
});

/**
 * Bundled default sites (the demo CRM) the user turned off. The demo CRM is
 * read out of the box, but it is a local port any process could serve: the
 * user can turn it off like any site, and it stays off across updates.
 */
export const disabledDefaultSitesItem = storage.defineItem<string[]>('local:disabledDefaultSites', {
  fallback: [],
  version: 1,
});
