import { t } from '../../components/i18n';
import { labelOr } from '../../components/format';

/** A model input's name for people: the field's or indicator's translated name, else the humanised key. */
export function inputLabel(source: string): string {
  if (source.startsWith('ind:')) {
    const id = source.slice(4);
    return labelOr(t(`indicator.${id}`), id);
  }
  return labelOr(t(`field.${source}`), source);
}
