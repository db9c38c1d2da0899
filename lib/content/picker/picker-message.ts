/** Background → content script (tabs.sendMessage, every frame of the tab): show the field picker. */
export const PICKER_START = { channel: 'churn-radar-page', type: 'start-picker' } as const;
/** Background → content script: the site's field mapping changed; scores must be asked for again. */
export const MAPPING_CHANGED = { channel: 'churn-radar-page', type: 'mapping-changed' } as const;

export type PageCommand = (typeof PICKER_START)['type'] | (typeof MAPPING_CHANGED)['type'];

/** The command of a background → page message, or null for anything else. */
export function pageCommandOf(message: unknown): PageCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const { channel, type } = message as { channel?: unknown; type?: unknown };
  if (channel !== PICKER_START.channel) return null;
  return type === PICKER_START.type || type === MAPPING_CHANGED.type ? type : null;
}
