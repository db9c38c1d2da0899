import { pick } from '@/components/bilingual';
import { labelOr } from '@/components/format';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/components/ui-locale';
import { INDICATOR_BY_ID } from '@/lib/indicators/definitions';

/** A model input's name for people: the indicator's own bilingual label, the field's translated name, else the humanised key. */
export function inputLabel(source: string): string {
  if (source.startsWith('ind:')) {
    const id = source.slice(4);
    const definition = INDICATOR_BY_ID.get(id);
    return definition ? pick(definition.label, uiLocale()) : labelOr(t(`indicator.${id}`), id);
  }
  return labelOr(t(`field.${source}`), source);
}
