/**
 * Translation for dynamic keys (field.<key>, indicator.<id>, reason.*):
 * the same lookup @wxt-dev/i18n's `i18n.t` does, minus its console warning for
 * keys that do not exist — the callers fall back to a humanised id on ''.
 * Static keys should go through the typed `i18n.t` from '#i18n'.
 */
import { browser } from 'wxt/browser';
import type { Translate } from '../lib/explain/reason-text';
import { pickFormatLocale } from './format';

const MESSAGE_NAME = /^[A-Za-z0-9_.@]+$/;

// WXT types getMessage with the generated key union; dynamic keys need the plain signature.
type GetMessage = (name: string, substitutions?: string[]) => string;

export const t: Translate = (key, substitutions) => {
  if (!MESSAGE_NAME.test(key)) return '';
  const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as GetMessage;
  const name = key.replaceAll('.', '_');
  return (substitutions?.length ? getMessage(name, substitutions) : getMessage(name)) ?? '';
};

/** The locale for Intl formatting ("en-US", "zh-CN"), matching the language of the messages shown. */
export function uiLocale(): string {
  let ui: string | undefined;
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    ui = navigator.language;
  }
  return pickFormatLocale(ui, t('common.intlLocale'));
}
