import { i18n } from '#i18n';
import type { Tier } from '../lib/domain';
import { TIER_STYLE } from '../lib/risk/tiers';

export interface TierBadgeProps {
  tier: Tier;
  /** "sm" for tables and lists, "lg" for the side panel's headline. */
  size?: 'sm' | 'md' | 'lg';
  /** Add the tier's word ("high") after "Tier 4". Default true. */
  showLabel?: boolean;
}

const SIZES = {
  sm: 'px-2 py-0.5 text-xs',
  md: 'px-2.5 py-1 text-sm',
  lg: 'px-3 py-1.5 text-base',
} as const;

export function tierLabel(tier: Tier): string {
  return i18n.t(`tier.${TIER_STYLE[tier].key}` as const);
}

/** "Tier 4 · high" in the tier's colour. */
export function TierBadge({ tier, size = 'md', showLabel = true }: TierBadgeProps) {
  const style = TIER_STYLE[tier];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full font-semibold whitespace-nowrap ${SIZES[size]}`}
      style={{ backgroundColor: style.bg, color: style.fg }}
    >
      <span>{i18n.t('tier.name', [String(tier)])}</span>
      {showLabel && (
        <>
          <span aria-hidden="true" className="opacity-70">
            ·
          </span>
          <span>{tierLabel(tier)}</span>
        </>
      )}
    </span>
  );
}
