import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { pickFormatLocale } from './format';

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
