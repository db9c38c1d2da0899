/** Background → content script (tabs.sendMessage, every frame of the tab): the site's field mapping changed; scores must be asked for again. */
export const MAPPING_CHANGED = { channel: 'churn-radar-page', type: 'mapping-changed' } as const;

export type PageCommand = (typeof MAPPING_CHANGED)['type'];

/** The command of a background → page message, or null for anything else. */
export function pageCommandOf(message: unknown): PageCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const { channel, type } = message as { channel?: unknown; type?: unknown };
  if (channel !== MAPPING_CHANGED.channel) return null;
  return type === MAPPING_CHANGED.type ? type : null;
}
