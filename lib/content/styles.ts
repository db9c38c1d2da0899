import { TIER_STYLE } from '../risk/tiers';
import type { Tier } from '../domain';

/**
 * Styles for everything Churn Radar draws on a CRM page. Sizes in px (the
 * host page's rem is not ours); `all: initial` on :host keeps the CRM's CSS
 * out, and the shadow root keeps ours in.
 */
const tierRules = (Object.entries(TIER_STYLE) as [string, (typeof TIER_STYLE)[Tier]][])
  .map(([tier, style]) => `.t${tier}{background:${style.bg};color:${style.fg}}`)
  .join('');

export const BADGE_CSS = `
:host{all:initial;display:inline-block;vertical-align:middle;width:0;height:0;overflow:visible;white-space:nowrap}
.badge{all:unset;box-sizing:border-box;position:relative;top:-9px;cursor:pointer;display:flex;align-items:center;justify-content:center;gap:3px;margin-left:6px;width:34px;height:18px;border-radius:9px;font:600 11px/18px system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 0 0 1px rgba(0,0,0,.08)}
.badge:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
.badge:hover{filter:brightness(1.08)}
.badge.failed{background:#f3f4f6;color:#6b7280;border:1px dashed #9ca3af}
/* Signal-strength glyph: bars of rising height, the first N lit for tier N. */
.badge[data-tier]::before{content:"";width:11px;height:9px;background:linear-gradient(currentColor,currentColor) 0 100%/2px 3px no-repeat,linear-gradient(currentColor,currentColor) 3px 100%/2px 5px no-repeat,linear-gradient(currentColor,currentColor) 6px 100%/2px 7px no-repeat,linear-gradient(currentColor,currentColor) 9px 100%/2px 9px no-repeat;opacity:.9}
${tierRules}
`;

export const POPOVER_CSS = `
:host{all:initial}
.panel{position:fixed;z-index:2147483647;box-sizing:border-box;width:340px;max-height:70vh;overflow:auto;background:#fff;color:#111827;border:1px solid #e5e7eb;border-radius:10px;box-shadow:0 12px 32px rgba(15,23,42,.18);padding:14px 16px;font:13px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
.head{display:flex;align-items:center;gap:8px;margin:0 0 8px}
.pill{display:inline-flex;align-items:center;height:20px;padding:0 8px;border-radius:10px;font-weight:600;font-size:12px}
.title{font-weight:600;font-size:14px;flex:1}
.prob{color:#4b5563;font-size:12px;margin:0 0 10px}
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
