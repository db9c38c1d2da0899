/**
 * The one translation function for keys built at run time (field.<key>,
 * indicator.<id>, reason.*, tier names): the lookup @wxt-dev/i18n's `i18n.t`
 * does ("a.b" → message "a_b"), minus its console warning for keys that do
 * not exist — the callers fall back to a humanised id on ''. Static keys go
 * through the typed `i18n.t` from '#i18n'. Works in every context: pages,
 * the service worker and content scripts.
 */
import { browser } from 'wxt/browser';
import type { Translate } from './explain/reason-text';

const MESSAGE_NAME = /^[A-Za-z0-9_.@]+$/;

// WXT types getMessage with the generated key union; dynamic keys need the plain signature.
type GetMessage = (name: string, substitutions?: string[]) => string;

export const t: Translate = (key, substitutions) => {
  if (!MESSAGE_NAME.test(key)) return '';
  const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as GetMessage;
  const name = key.replaceAll('.', '_');
  return (substitutions?.length ? getMessage(name, substitutions) : getMessage(name)) ?? '';
};
