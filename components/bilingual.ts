import type { Bilingual } from '../lib/indicators/types';

/** The side of a bilingual text for an Intl locale ("zh-CN" → zh, anything else → en). */
export function pick(text: Bilingual, locale: string): string {
  return locale.toLowerCase().startsWith('zh') ? text.zh : text.en;
}
