/**
 * The toolbar icon per tab: "on" where the extension reads the page, "problem"
 * where the site is enabled but reading broke, "off" everywhere else (the
 * manifest's default, so a tab that never reports shows the grey mark).
 * Files are rendered by scripts/icons/render-icons.ts.
 */
import { needsAttention, type HealthStatus } from './health-state';

export type ActionIconState = 'on' | 'off' | 'problem';

/** Toolbar sizes: Chrome uses 16 and 32 (2× screens), Firefox 16/32/48 in menus. */
const ACTION_SIZES = [16, 32, 48] as const;

export function actionIconPaths(state: ActionIconState): Record<number, string> {
  return Object.fromEntries(ACTION_SIZES.map((size) => [size, `/icon/${state}/${size}.png`]));
}

/** A tab of an enabled site: "problem" where reading needs the user (lib/sites/health-state.ts), else "on". */
export function actionIconStateFor(status: HealthStatus): ActionIconState {
  return needsAttention(status) ? 'problem' : 'on';
}

/** The store and manifest icons (the coloured mark). */
export const MANIFEST_ICONS: Record<number, string> = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
