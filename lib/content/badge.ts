import type { CustomerScore } from '../domain';
import type { Translate } from '../explain/reason-text';
import { TIER_STYLE } from '../risk/tiers';
import { createStyleApplier } from './stylesheet';
import { BADGE_CSS } from './styles';

export const BADGE_HOST_ATTR = 'data-churn-radar-badge';

export function formatPercent(probability: number): string {
  return `${Math.round(probability * 100)} %`;
}

export interface BadgeRenderer {
  /** Draw or update the badge right after `anchor`. */
  render(anchor: Element, crmId: string, score: CustomerScore): HTMLElement;
  /** A badge that says scoring failed, with the reason on hover: never silent. */
  renderFailure(anchor: Element, crmId: string, message: string): HTMLElement;
  /** The badge already next to this anchor for this customer, if any. */
  existing(anchor: Element, crmId: string): HTMLElement | null;
  scoreOf(host: Element): CustomerScore | undefined;
}

/**
 * Badges live in open shadow roots on <span> hosts (custom elements are not
 * available to content scripts). The host carries the customer id so re-scans
 * find and update it instead of adding a duplicate.
 */
export function createBadgeRenderer(options: {
  doc: Document;
  t: Translate;
  onActivate: (host: HTMLElement, crmId: string) => void;
}): BadgeRenderer {
  const applyStyles = createStyleApplier(BADGE_CSS);
  const scores = new WeakMap<Element, CustomerScore>();

  function existing(anchor: Element, crmId: string): HTMLElement | null {
    const next = anchor.nextElementSibling;
    return next instanceof HTMLElement && next.getAttribute(BADGE_HOST_ATTR) === crmId ? next : null;
  }

  function hostFor(anchor: Element, crmId: string): { host: HTMLElement; button: HTMLButtonElement } {
    const found = existing(anchor, crmId);
    if (found?.shadowRoot) return { host: found, button: found.shadowRoot.querySelector('button')! };
    // A badge for another customer after this anchor means the CRM recycled the node.
    const stale = anchor.nextElementSibling;
    if (stale?.hasAttribute(BADGE_HOST_ATTR)) stale.remove();
    const host = options.doc.createElement('span');
    host.setAttribute(BADGE_HOST_ATTR, crmId);
    const root = host.attachShadow({ mode: 'open' });
    applyStyles(root);
    const button = options.doc.createElement('button');
    button.type = 'button';
    button.className = 'badge';
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      options.onActivate(host, crmId);
    });
    root.append(button);
    anchor.after(host);
    return { host, button };
  }

  return {
    existing,
    scoreOf: (host) => scores.get(host),

    render(anchor, crmId, score) {
      const { host, button } = hostFor(anchor, crmId);
      const tierName = options.t(`tier.${TIER_STYLE[score.tier].key}`);
      const label = options.t('badge.label', [String(score.tier), tierName, formatPercent(score.probability)]);
      button.className = `badge t${score.tier}`;
      button.title = label;
      button.setAttribute('aria-label', label);
      button.setAttribute('aria-haspopup', 'dialog');
      button.dataset.tier = String(score.tier);
      button.dataset.probability = score.probability.toFixed(4);
      const bars = options.doc.createElement('span');
      bars.className = 'bars';
      bars.setAttribute('aria-hidden', 'true');
      for (let level = 1; level <= 5; level++) {
        const bar = options.doc.createElement('i');
        bar.style.height = `${level * 2 - 1}px`;
        if (level <= score.tier) bar.className = 'on';
        bars.append(bar);
      }
      const digit = options.doc.createElement('span');
      digit.textContent = String(score.tier);
      button.replaceChildren(bars, digit);
      scores.set(host, score);
      return host;
    },

    renderFailure(anchor, crmId, message) {
      const { host, button } = hostFor(anchor, crmId);
      const label = options.t('badge.failed', [message]);
      button.className = 'badge failed';
      button.textContent = '?';
      button.title = label;
      button.setAttribute('aria-label', label);
      delete button.dataset.tier;
      scores.delete(host);
      return host;
    },
  };
}
