/**
 * The Churn Radar mark, drawn as SVG so every size and state comes from one
 * drawing: a radar screen (rings and a sweep) with one customer blip.
 * States follow the toolbar's meaning:
 * - on: the extension reads this site (colour, red blip: someone is at risk);
 * - off: not enabled on this site (grey, no blip);
 * - problem: enabled but reading broke (colour, amber "!" disc in the corner).
 * Small sizes drop the inner ring and thicken strokes so 16 px stays legible.
 */
export type IconState = 'on' | 'off' | 'problem';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const PALETTE = {
  on: { ground: '#0F172A', ring: '#2DD4BF', sweep: '#14B8A6', blip: '#EF4444' },
  problem: { ground: '#0F172A', ring: '#2DD4BF', sweep: '#14B8A6', blip: '#EF4444' },
  off: { ground: '#94A3B8', ring: '#F1F5F9', sweep: '#E2E8F0', blip: null },
} as const;

export function iconSvg(state: IconState, size: number): string {
  const colours = PALETTE[state];
  const small = size <= 16;
  const stroke = small ? 9 : size <= 32 ? 7 : 5;
  const rings = small ? [40] : [40, 24];
  const ringPaths = rings.map((r) => `<circle cx="64" cy="64" r="${r}" fill="none" stroke="${colours.ring}" stroke-width="${stroke}" opacity="0.9"/>`).join('');
  // The sweep: a wedge from the centre to the outer ring, fading towards its trailing edge.
  const sweep = `<path d="M64 64 L64 20 A44 44 0 0 1 104.6 47.2 Z" fill="url(#sweep)"/>`;
  const hand = `<line x1="64" y1="64" x2="104.6" y2="47.2" stroke="${colours.ring}" stroke-width="${stroke}" stroke-linecap="round"/>`;
  const blip = colours.blip ? `<circle cx="88" cy="40" r="${small ? 13 : 10}" fill="${colours.blip}" stroke="${colours.ground}" stroke-width="3"/>` : '';
  const alert =
    state === 'problem'
      ? `<circle cx="100" cy="100" r="${small ? 28 : 24}" fill="#F59E0B" stroke="${colours.ground}" stroke-width="5"/>` +
        (small ? '' : `<rect x="96" y="84" width="8" height="20" rx="3" fill="#0F172A"/><circle cx="100" cy="112" r="4.5" fill="#0F172A"/>`)
      : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">` +
    `<defs><linearGradient id="sweep" x1="64" y1="20" x2="104" y2="50" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="${colours.sweep}" stop-opacity="0.15"/><stop offset="1" stop-color="${colours.sweep}" stop-opacity="0.85"/></linearGradient></defs>` +
    `<rect x="4" y="4" width="120" height="120" rx="28" fill="${colours.ground}"/>` +
    ringPaths +
    sweep +
    hand +
    `<circle cx="64" cy="64" r="${small ? 8 : 6}" fill="${colours.ring}"/>` +
    blip +
    alert +
    `</svg>`
  );
}
