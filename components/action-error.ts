import { i18n } from '#i18n';
import { MessageError } from '../lib/messaging/client';

/** An agent action's failure in words: the background's refusal of the wrong customer in the UI's language, else its message. */
export function actionErrorText(error: unknown): string {
  if (error instanceof MessageError && error.code === 'wrong-customer') return i18n.t('pageFocus.wrongCustomer');
  return error instanceof Error ? error.message : String(error);
}
