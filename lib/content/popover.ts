import type { BadgeDetails, BadgeScore } from '../domain';
import { reasonSentence, topRiskReasons, type Translate } from '../explain/reason-text';
import { TIER_STYLE } from '../risk/tiers';
import { figureText, scoreFigure, scoreProvenance } from '../explain/score-wording';
import { attachPrivateRoot } from './private-root';
import { createStyleApplier } from './stylesheet';
import { POPOVER_CSS } from './styles';

export const POPOVER_HOST_ATTR = 'data-churn-radar-popover';
const WIDTH = 340;
const GAP = 6;

export interface PopoverActions {
  openSidePanel: (crmId: string) => void;
  copy: (text: string) => Promise<void>;
}

/**
 * One popover for the whole page, opened from a badge: top reasons, the
 * retention script with Copy, and "Open side panel". Built with textContent
 * only: names and values come from the CRM page and are never HTML.
 */
export function createPopover(options: {
  doc: Document;
  t: Translate;
  actions: PopoverActions;
  signal: AbortSignal;
  /** Gives focus back to the badge that opened the popover (its button is in a closed root). */
  focusBadge: (host: HTMLElement) => void;
}) {
  const { doc, t } = options;
  const applyStyles = createStyleApplier(POPOVER_CSS);
  let host: HTMLElement | null = null;
  let returnFocusTo: HTMLElement | null = null;

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function close() {
    host?.remove();
    host = null;
    if (returnFocusTo) options.focusBadge(returnFocusTo);
    returnFocusTo = null;
  }

  function position(panel: HTMLElement, badge: HTMLElement) {
    const rect = badge.getBoundingClientRect();
    const viewportWidth = doc.documentElement.clientWidth;
    const left = Math.max(8, Math.min(rect.left, viewportWidth - WIDTH - 8));
    panel.style.left = `${left}px`;
    const below = rect.bottom + GAP;
    const spaceBelow = doc.documentElement.clientHeight - below;
    if (spaceBelow < 240 && rect.top > spaceBelow) panel.style.bottom = `${doc.documentElement.clientHeight - rect.top + GAP}px`;
    else panel.style.top = `${below}px`;
  }

  /** Opens at once with what the badge knows; reasons and script fill in when `details` arrives. */
  function open(badge: HTMLElement, crmId: string, name: string, score: BadgeScore, details: Promise<BadgeDetails | null>) {
    close();
    returnFocusTo = badge;
    host = el('div');
    host.setAttribute(POPOVER_HOST_ATTR, crmId);
    const root = attachPrivateRoot(host);
    applyStyles(root);

    const panel = el('div', 'panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', `${t('popover.title')} — ${name}`);
    panel.tabIndex = -1;

    const head = el('div', 'head');
    const tierName = t(`tier.${TIER_STYLE[score.tier].key}`);
    head.append(el('span', `pill t${score.tier}`, `${t('tier.name', [String(score.tier)])} · ${tierName}`), el('span', 'title', name));
    const closeButton = el('button', 'close', '×');
    closeButton.setAttribute('aria-label', t('popover.close'));
    closeButton.addEventListener('click', close);
    head.append(closeButton);

    const reasonsBox = el('div', 'reasons', t('popover.loading'));
    reasonsBox.setAttribute('aria-busy', 'true');
    const script = el('p', 'script', t('popover.loading'));
    const status = el('span', 'status');
    status.setAttribute('role', 'status');
    const copyButton = el('button', '', t('popover.copy'));
    copyButton.disabled = true;
    copyButton.addEventListener('click', () => {
      options.actions.copy(script.textContent ?? '').then(
        () => (status.textContent = t('popover.copied')),
        () => (status.textContent = t('popover.copyFailed')),
      );
    });
    const opened = host;
    details.then(
      (found) => {
        if (host !== opened) return; // closed or replaced meanwhile
        reasonsBox.removeAttribute('aria-busy');
        if (!found) {
          reasonsBox.textContent = t('popover.detailsFailed', ['—']);
          script.textContent = '';
          return;
        }
        const reasons = topRiskReasons(found.reasons, 3);
        const list = el('ul');
        for (const reason of reasons) list.append(el('li', reason.contribution >= 0 ? 'up' : 'down', reasonSentence(reason, t)));
        reasonsBox.replaceChildren(reasons.length ? list : el('p', '', t('popover.noReasons')));
        if (found.control) {
          // An experiment's control customer: no outreach, so no script to copy (lib/experiments).
          hold.textContent = t('experiments.controlHold', [
            new Date(found.control.until).toLocaleDateString(t('common.intlLocale') || undefined, { dateStyle: 'medium' }),
          ]);
          hold.hidden = false;
          scriptTitle.hidden = script.hidden = copyButton.hidden = true;
          return;
        }
        script.textContent = found.script.text;
        script.dataset.scriptId = found.script.id;
        copyButton.disabled = false;
      },
      (error: unknown) => {
        if (host !== opened) return;
        reasonsBox.removeAttribute('aria-busy');
        reasonsBox.textContent = t('popover.detailsFailed', [error instanceof Error ? error.message : String(error)]);
        script.textContent = '';
      },
    );
    const scriptTitle = el('h3', '', t('popover.script'));
    const hold = el('p', 'hold');
    hold.hidden = true;
    hold.dataset.churnRadarControl = '';
    const sidePanelButton = el('button', 'primary', t('popover.openSidePanel'));
    sidePanelButton.addEventListener('click', () => options.actions.openSidePanel(crmId));

    const actions = el('div', 'row');
    actions.append(copyButton, sidePanelButton, status);
    panel.append(
      head,
      el('p', 'prob', figureText(scoreFigure(score), t)),
      hold,
      el('h3', '', t('popover.reasons')),
      reasonsBox,
      scriptTitle,
      script,
      actions,
      el('div', 'meta', scoreProvenance(score, t)),
    );
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
    });
    root.append(panel);
    doc.documentElement.append(host);
    position(panel, badge);
    panel.focus();
  }

  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (host && !event.composedPath().includes(host) && !(event.composedPath()[0] as Element | undefined)?.closest?.('[data-churn-radar-badge]')) close();
    },
    { signal: options.signal, capture: true },
  );
  doc.addEventListener('keydown', (event) => event.key === 'Escape' && close(), { signal: options.signal });

  return { open, close, isOpen: () => host !== null };
}
