import { i18n } from '#i18n';
import type { Translate } from './explain/reason-text';

type LooseT = (key: string, substitutions?: string[]) => string;

/**
 * @wxt-dev/i18n's typed `t`, loosened for lib/ code that builds keys at run time
 * (field labels, tier names). Unknown keys give '' so callers can fall back.
 */
export const t: Translate = (key, substitutions) => (i18n.t as unknown as LooseT)(key, substitutions ?? []);
