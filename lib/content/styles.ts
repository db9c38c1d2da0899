import { BADGE_RING, TIER_STYLE } from '../risk/tiers';
import type { Tier } from '../domain';

/**
 * Styles for everything Churn Radar draws on a CRM page. Sizes in px (the
 * host page's rem is not ours); `all: initial` on :host keeps the CRM's CSS
 * out, and the shadow root keeps ours in.
 */
const tierRules = (Object.entries(TIER_STYLE) as [string, (typeof TIER_STYLE)[Tier]][])
  .map(([tier, style]) => `.t${tier}{background-color:${style.bg};color:${style.fg}}`)
  .join('');

/**
 * The host is an inline box of fixed size (it takes its room beside the name,
 * badge-spot.ts), placed in the same task as the CRM's own render so it is
 * laid out with the CRM's rows. Everything that happens
 * to it afterwards must be paint-only: measured on a 1,000-row table, any
 * layout change inside 1,000 badges (even with `contain: strict`) re-lays-out
 * the CRM's table (110–270 ms), while a class change that only swaps colours
 * and visibility costs no layout at all. So the badge has no text that
 * changes: the tier is drawn as a meter of five bars of rising height, the
 * first N lit for tier N (background layers, not extra nodes), in the tier's
 * colour; the number is in the label and title.
 */
const BAR_HEIGHTS = [4, 6, 8, 10, 12];
const BAR_LEFT = 8;
const BAR_STEP = 4;
const BAR_BOTTOM = 15;
/** Unlit bars: the badge's own text colour, faint, so they show on every tier colour. */
const UNLIT = 'color-mix(in srgb,currentColor 35%,transparent)';
const bars = (lit: number) => BAR_HEIGHTS.map((_, i) => `linear-gradient(${i < lit ? 'currentColor,currentColor' : `${UNLIT},${UNLIT}`})`).join(',');
const barPositions = BAR_HEIGHTS.map((h, i) => `${BAR_LEFT + BAR_STEP * i}px ${BAR_BOTTOM - h}px`).join(',');
const barSizes = BAR_HEIGHTS.map((h) => `2px ${h}px`).join(',');
const tierBars = ([1, 2, 3, 4, 5] as const).map((tier) => `.t${tier}{background-image:${bars(tier)}}`).join('');

export const BADGE_CSS = `
:host{all:initial;display:inline-block;vertical-align:middle;flex:none;align-self:center;width:40px;height:18px;white-space:nowrap}
.badge{all:unset;box-sizing:border-box;display:block;cursor:pointer;margin-left:6px;width:34px;height:18px;border-radius:9px;box-shadow:0 0 0 1px ${BADGE_RING},0 0 0 2px rgba(0,0,0,.12);background-repeat:no-repeat;background-position:${barPositions};background-size:${barSizes}}
.badge[data-side=start]{margin:0 6px 0 0}
.badge:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
.badge:hover{filter:brightness(1.08)}
.badge.pending{visibility:hidden}
/* Pinned by an agent: a dark ring (paint-only, like every badge state). */
.badge.pinned{box-shadow:0 0 0 2px #fff,0 0 0 3.5px #111827}
.badge.failed{background-color:#f3f4f6;color:#6b7280;outline:1px dashed #9ca3af;outline-offset:-1px;background-image:${bars(0)}}
${tierRules}${tierBars}
`;

export const POPOVER_CSS = `
:host{all:initial}
.panel{position:fixed;z-index:2147483647;box-sizing:border-box;width:340px;max-height:70vh;overflow:auto;background:#fff;color:#111827;border:1px solid #e5e7eb;border-radius:10px;box-shadow:0 12px 32px rgba(15,23,42,.18);padding:14px 16px;font:13px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
.head{display:flex;align-items:center;gap:8px;margin:0 0 8px}
.pill{display:inline-flex;align-items:center;height:20px;padding:0 8px;border-radius:10px;font-weight:600;font-size:12px}
.title{font-weight:600;font-size:14px;flex:1}
.prob{color:#4b5563;font-size:12px;margin:0 0 10px}
.hold{background:#f1f5f9;border:1px solid #64748b;color:#0f172a;border-radius:6px;padding:6px 8px;font-size:12px;font-weight:600;margin:0 0 10px}
[hidden]{display:none!important}
h3{margin:10px 0 4px;font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#6b7280;font-weight:600}
ul{margin:0;padding:0 0 0 16px}
li{margin:2px 0}
li.up{color:#991b1b}
li.down{color:#166534}
.script{white-space:pre-wrap;background:#f9fafb;border:1px solid #e5e7eb;border-radius:6px;padding:8px;margin:0;user-select:text}
.row{display:flex;gap:8px;margin-top:10px;align-items:center;flex-wrap:wrap}
button{all:unset;box-sizing:border-box;cursor:pointer;border-radius:6px;padding:5px 10px;font:600 12px/1.2 inherit;border:1px solid #d1d5db;background:#fff;color:#111827}
button:disabled{opacity:.5;cursor:default}
button.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
button:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
button.close{border:none;padding:2px 6px;font-size:16px;color:#6b7280}
.status{font-size:12px;color:#4b5563}
.meta{margin-top:10px;font-size:11px;color:#9ca3af}
${tierRules}
`;
