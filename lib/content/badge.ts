import type { BadgeScore } from '../domain';
import type { Translate } from '../explain/reason-text';
import { badgeLabel, scoreFigure, type ScoreFigure } from '../explain/score-wording';
import { TIER_STYLE } from '../risk/tiers';
import { badgeSpot, occupant, placeAt, type StyleOf } from './badge-spot';
import { attachPrivateRoot } from './private-root';
import { createStyleApplier } from './stylesheet';
import { BADGE_CSS } from './styles';

export const BADGE_HOST_ATTR = 'data-churn-radar-badge';
/**
 * On the host (light DOM), so tests and the bench can observe it: pending → scored | failed.
 * Nothing else about the score is outside the closed root (private-root.ts).
 */
export const BADGE_STATE_ATTR = 'data-churn-radar-state';
type BadgeState = 'pending' | 'scored' | 'failed';

/** `instanceof HTMLElement` is false for another document's elements (iframes): check the node type instead. */
const isElement = (node: unknown): node is Element => typeof node === 'object' && node !== null && (node as Node).nodeType === 1;

/**
 * Puts a newly built badge host into the page. Hosts are built detached and
 * placed together, so the CRM's table is laid out once for 1,000 of them.
 */
export type Placement = () => void;

export interface BadgeRenderer {
  /**
   * An invisible host of fixed size beside `anchor`'s name (badge-spot.ts), to
   * be filled when the score arrives. Placed in the same task as the CRM's own
   * render, it is laid out with the CRM's rows; filling it later is paint-only.
   */
  reserve(anchor: Element, crmId: string): Placement | null;
  /** Show the score in `anchor`'s host (in place), or build a new host and return its placement. */
  render(anchor: Element, crmId: string, score: BadgeScore): Placement | null;
  /** A badge that says scoring failed, with the reason on hover: never silent. */
  renderFailure(anchor: Element, crmId: string, message: string): Placement | null;
  /** The badge host this renderer drew beside this anchor for this customer, if any. */
  existing(anchor: Element, crmId: string): HTMLElement | null;
  /** The anchor a host was drawn for (the popover titles the customer by its name). */
  anchorOf(host: Element): Element | undefined;
  scoreOf(host: Element): BadgeScore | undefined;
  /** Move keyboard focus to a host's badge (its button is in the closed root). */
  focus(host: Element): void;
  /**
   * Take every host this renderer drew out of the page: an invalidated copy
   * removes its own badges, never those of the copy that replaced it.
   */
  removeAll(): number;
  /**
   * Take out the hosts this renderer drew for anchors that are no longer a
   * customer's: after in-app navigation a detail page's title may stay in
   * the page showing another text (MUI's app bar), and its badge with it.
   */
  removeAllBut(anchors: ReadonlySet<Element>): number;
}

/**
 * Badges live in closed shadow roots on <span> hosts (custom elements are not
 * available to content scripts). The host carries the customer id so re-scans
 * find and update it instead of adding a duplicate; the tier, probability and
 * accessible name are on the button inside.
 */
export function createBadgeRenderer(options: {
  doc: Document;
  t: Translate;
  onActivate: (host: HTMLElement, crmId: string) => void;
  /** The pointer entered a scored badge (its customer id) or left it (null). */
  onHover?: (crmId: string | null) => void;
  /** Removes the page listener when the content script is invalidated. */
  signal?: AbortSignal;
  /** Computed style (unit tests pass their own: happy-dom has no layout). */
  styleOf?: StyleOf;
}): BadgeRenderer {
  const styleOf: StyleOf = options.styleOf ?? ((el) => el.ownerDocument.defaultView!.getComputedStyle(el));
  const applyStyles = createStyleApplier(BADGE_CSS);
  const scores = new WeakMap<Element, BadgeScore>();
  /** Each host's button: the only way in (the roots are closed), and filling 1,000 badges queries no root. */
  const buttons = new WeakMap<Element, HTMLButtonElement>();
  // At most 5 tiers × 2 × 101 figures: translating once each keeps 1,000 badges cheap.
  const labels = new Map<string, string>();
  function labelFor(tier: BadgeScore['tier'], figure: ScoreFigure): string {
    const key = `${tier}|${figure.kind}|${'percent' in figure ? figure.percent : ''}`;
    let label = labels.get(key);
    if (label === undefined) {
      label = badgeLabel(tier, options.t(`tier.${TIER_STYLE[tier].key}`), figure, options.t);
      labels.set(key, label);
    }
    return label;
  }

  /**
   * One delegated listener per document holding badges (clicks from inside a
   * shadow root are retargeted to its host; a same-origin iframe is its own
   * document, so it gets its own listener the first time a badge goes in it).
   */
  const listening = new WeakSet<Document>();
  function listenTo(doc: Document) {
    if (listening.has(doc)) return;
    listening.add(doc);
    doc.addEventListener(
      'click',
      (event) => {
        const target = event.target as Element | null;
        const host = isElement(target) && target.hasAttribute(BADGE_HOST_ATTR) ? (target as HTMLElement) : null;
        if (!host || host.getAttribute(BADGE_STATE_ATTR) === 'pending') return;
        event.preventDefault();
        event.stopPropagation();
        options.onActivate(host, host.getAttribute(BADGE_HOST_ATTR)!);
      },
      { capture: true, signal: options.signal },
    );
    const onHover = options.onHover;
    if (!onHover) return;
    const hovered = (event: Event) => {
      const target = event.target as Element | null;
      return isElement(target) && target.hasAttribute(BADGE_HOST_ATTR) && target.getAttribute(BADGE_STATE_ATTR) !== 'pending'
        ? target.getAttribute(BADGE_HOST_ATTR)
        : null;
    };
    doc.addEventListener(
      'pointerover',
      (event) => {
        const crmId = hovered(event);
        if (crmId !== null) onHover(crmId);
      },
      { capture: true, passive: true, signal: options.signal },
    );
    doc.addEventListener('pointerout', (event) => hovered(event) !== null && onHover(null), { capture: true, passive: true, signal: options.signal });
  }
  listenTo(options.doc);

  const hostOfAnchor = new WeakMap<Element, HTMLElement>();
  const anchorOfHost = new WeakMap<Element, Element>();
  /** Hosts built and not yet placed (the scanner puts a page's hosts in together), by anchor. */
  const unplaced = new WeakMap<Element, HTMLElement>();
  /** Still where it was put: in the anchor, or beside it (the CRM may have re-rendered the name without it); or built, waiting to be placed. */
  function existing(anchor: Element, crmId: string): HTMLElement | null {
    const waiting = unplaced.get(anchor);
    if (waiting?.getAttribute(BADGE_HOST_ATTR) === crmId) return waiting;
    const host = hostOfAnchor.get(anchor);
    const parent = host?.parentElement;
    if (!host || !parent || host.getAttribute(BADGE_HOST_ATTR) !== crmId) return null;
    return anchor.contains(parent) || parent === anchor.parentElement ? host : null;
  }

  function hostFor(anchor: Element, crmId: string): { host: HTMLElement; button: HTMLButtonElement; placement: Placement | null } {
    const found = existing(anchor, crmId);
    if (found) return { host: found, button: buttons.get(found)!, placement: null };
    // Built in the anchor's own document: a same-origin iframe's elements, sheets and listeners are its own.
    const doc = anchor.ownerDocument;
    if (doc !== options.doc) listenTo(doc);
    const host = doc.createElement('span');
    host.setAttribute(BADGE_HOST_ATTR, crmId);
    const root = attachPrivateRoot(host);
    applyStyles(root);
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    root.append(button);
    buttons.set(host, button);
    // Chosen now, before any placement runs: the style reads of a whole scan share one style recalc.
    const spot = badgeSpot(anchor, styleOf);
    if (spot.at === 'before' || spot.at === 'start') button.dataset.side = 'start';
    unplaced.set(anchor, host);
    const placement = () => {
      if (unplaced.get(anchor) === host) unplaced.delete(anchor);
      if (!anchor.isConnected || !spot.el.isConnected) return;
      // A badge for another customer on this anchor means the CRM recycled the node.
      const previous = hostOfAnchor.get(anchor);
      if (previous && previous !== host) previous.remove();
      // One at this spot that this renderer did not draw was left by an invalidated copy (closed roots: replaced, not reused).
      const left = occupant(spot);
      if (left?.hasAttribute(BADGE_HOST_ATTR) && !buttons.has(left)) left.remove();
      placeAt(spot, host);
      hostOfAnchor.set(anchor, host);
      anchorOfHost.set(host, anchor);
    };
    return { host, button, placement };
  }

  /** Hosts still showing the placeholder: the only ones whose accessibility attributes need restoring. */
  const pendingHosts = new WeakSet<Element>();
  function revealed(host: HTMLElement, button: HTMLButtonElement) {
    if (!pendingHosts.delete(host)) return;
    button.removeAttribute('tabindex');
    button.removeAttribute('aria-hidden');
  }

  function setState(host: HTMLElement, state: BadgeState) {
    if (host.getAttribute(BADGE_STATE_ATTR) !== state) host.setAttribute(BADGE_STATE_ATTR, state);
  }

  return {
    existing,
    anchorOf: (host) => anchorOfHost.get(host),
    scoreOf: (host) => scores.get(host),
    focus: (host) => buttons.get(host)?.focus(),

    removeAll: () => removeBadgeHosts(options.doc, (host) => buttons.has(host)),
    removeAllBut: (anchors) => removeBadgeHosts(options.doc, (host) => buttons.has(host) && !anchors.has(anchorOfHost.get(host)!)),

    reserve(anchor, crmId) {
      const { host, button, placement } = hostFor(anchor, crmId);
      if (!placement) return null; // already there: keep showing what it shows until the new score lands
      button.className = 'badge pending';
      button.tabIndex = -1;
      button.setAttribute('aria-hidden', 'true');
      setState(host, 'pending');
      pendingHosts.add(host);
      return placement;
    },

    render(anchor, crmId, score) {
      const { host, button, placement } = hostFor(anchor, crmId);
      const base = labelFor(score.tier, scoreFigure(score));
      const label = score.pinned ? options.t('badge.pinned', [base, score.pinned.reason]) || base : base;
      button.className = score.pinned ? `badge t${score.tier} pinned` : `badge t${score.tier}`;
      revealed(host, button);
      button.title = label;
      button.setAttribute('aria-label', label);
      button.dataset.tier = String(score.tier);
      button.dataset.probability = score.probability.toFixed(4);
      scores.set(host, score);
      setState(host, 'scored');
      return placement;
    },

    renderFailure(anchor, crmId, message) {
      const { host, button, placement } = hostFor(anchor, crmId);
      const label = options.t('badge.failed', [message]);
      button.className = 'badge failed';
      revealed(host, button);
      button.title = label;
      button.setAttribute('aria-label', label);
      delete button.dataset.tier;
      scores.delete(host);
      setState(host, 'failed');
      return placement;
    },
  };
}

/**
 * Takes badge hosts (`mine`: those a given renderer drew) out of the page and
 * its same-origin frames (the frames this copy reads): a site the user
 * disabled must look untouched at once, not after a reload. Returns how many
 * were removed.
 */
export function removeBadgeHosts(doc: Document, mine: (host: Element) => boolean = () => true): number {
  let removed = 0;
  const docs = [doc];
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) docs.push(inner);
    } catch {
      // cross-origin frame: its own copy (if enabled) cleans up after itself
    }
  }
  for (const each of docs) {
    for (const host of each.querySelectorAll(`[${BADGE_HOST_ATTR}]`)) {
      if (!mine(host)) continue;
      host.remove();
      removed += 1;
    }
  }
  return removed;
}
