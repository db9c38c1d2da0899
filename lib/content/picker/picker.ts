import type { Translate } from '@/lib/explain/reason-text';
import type { MappingTarget } from '@/lib/fields/field-resolver';
import type { ProductField } from '@/lib/fields/product-fields';
import { POPOVER_HOST_ATTR } from '../popover';
import { attachPrivateRoot } from '../private-root';
import { createStyleApplier } from '../stylesheet';
import { boxInTop, candidateAt, pickerCandidates, type Candidate } from './candidates';
import { fieldChoices, fieldName } from './field-choices';
import { PICKER_CSS } from './picker-styles';

export interface PickerDeps {
  doc: Document;
  t: Translate;
  locale: string;
  /** The field a label means now (the site's mapping, else the synonyms), suggested first. */
  suggest: (label: string) => ProductField | null;
  save: (label: string, target: MappingTarget) => Promise<void>;
  /** The page adapter's stored name for a value's field, when it differs from the visible label (CrmAdapter.storedLabelOf). */
  storedLabel?: (element: Element) => string | null;
  /** The content script's lifetime: the picker ends with it. */
  signal: AbortSignal;
  frame: (callback: () => void) => void;
  later: (callback: () => void, ms: number) => void;
  /** The page's URL: detail values are looked for on record pages (and pages without lists). */
  url?: URL;
}

/** How long the "saved" message stays before the overlay goes. */
const SAVED_MESSAGE_MS = 2500;

/**
 * The element picker: hovering highlights the values the generic adapter
 * reads (list cells, detail values; in open shadow roots and same-origin
 * frames), a click opens a small chooser of product fields for that value's
 * label, saving maps the label for this site. Esc or Cancel ends it. Every
 * listener is bound to one AbortController, aborted on stop and with the
 * content script, so nothing is left behind. Hover work is one Map look-up
 * per animation frame; the page's values are found once, at start.
 */
export function startPicker(deps: PickerDeps): { stop: () => void } {
  const { doc, t } = deps;
  const listeners = new AbortController();
  const { candidates, roots } = pickerCandidates(doc, deps.url ?? null);
  const hitAt = (path: readonly EventTarget[]): Candidate | null => {
    const hit = candidateAt(path, candidates);
    const stored = hit && deps.storedLabel?.(hit.element);
    return hit && stored ? { ...hit, label: stored } : hit;
  };
  const docs = roots.filter((root): root is Document => root.nodeType === 9);

  const host = doc.createElement('div');
  host.setAttribute(POPOVER_HOST_ATTR, 'picker');
  // Closed like the badges' roots: the page must not read which fields a manager maps.
  const shadow = attachPrivateRoot(host);
  createStyleApplier(PICKER_CSS)(shadow);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const box = el('div', 'box');
  const tag = el('span', 'tag');
  box.append(tag);
  const bar = el('div', 'bar');
  bar.setAttribute('role', 'status');
  const hint = el('span', '', t('mapping.picker.hint'));
  const cancel = el('button', '', t('mapping.picker.cancel'));
  cancel.type = 'button';
  bar.append(el('strong', '', t('mapping.picker.title')), hint, cancel);

  const chooser = el('div', 'chooser');
  chooser.setAttribute('role', 'dialog');
  chooser.setAttribute('aria-label', t('mapping.picker.title'));
  const heading = el('h2', '', t('mapping.picker.title'));
  const facts = el('dl', 'row');
  const labelText = el('dd');
  const valueText = el('dd');
  facts.append(el('dt', '', t('mapping.picker.label')), labelText, el('dt', '', t('mapping.picker.value')), valueText);
  const selectId = 'churn-radar-picker-field';
  const selectLabel = el('label', '', t('mapping.picker.field'));
  selectLabel.htmlFor = selectId;
  const select = el('select');
  select.id = selectId;
  const error = el('div', 'error');
  error.setAttribute('role', 'alert');
  const saveButton = el('button', 'primary', t('mapping.picker.save'));
  saveButton.type = 'button';
  const back = el('button', '', t('mapping.picker.cancel'));
  back.type = 'button';
  const actions = el('div', 'actions');
  actions.append(back, saveButton);
  chooser.append(heading, facts, selectLabel, select, error, actions);
  shadow.append(box, bar, chooser);
  (doc.body ?? doc.documentElement).append(host);

  let chosen: Candidate | null = null;
  let lastPath: EventTarget[] = [];
  let framePending = false;
  let stopped = false;

  function highlight(candidate: Candidate | null) {
    if (!candidate) return box.classList.remove('on');
    const r = boxInTop(candidate.element);
    Object.assign(box.style, { left: `${r.left - 2}px`, top: `${r.top - 2}px`, width: `${r.width + 4}px`, height: `${r.height + 4}px` });
    tag.textContent = candidate.label;
    box.classList.add('on');
  }

  function openChooser(candidate: Candidate) {
    chosen = candidate;
    highlight(candidate);
    labelText.textContent = candidate.label;
    labelText.title = candidate.label;
    valueText.textContent = candidate.value;
    valueText.title = candidate.value;
    error.textContent = '';
    select.replaceChildren(
      ...fieldChoices(deps.suggest(candidate.label), t, deps.locale).map((choice) => {
        const option = el('option', '', choice.text);
        option.value = choice.value;
        return option;
      }),
    );
    const r = boxInTop(candidate.element);
    const view = doc.defaultView;
    const left = Math.max(8, Math.min(r.left, (view?.innerWidth ?? 1024) - 310));
    const below = r.top + r.height + 8;
    const top = below + 220 > (view?.innerHeight ?? 768) ? Math.max(8, r.top - 228) : below;
    Object.assign(chooser.style, { left: `${left}px`, top: `${top}px` });
    chooser.classList.add('on');
    select.focus();
  }

  function closeChooser() {
    chosen = null;
    chooser.classList.remove('on');
  }

  function stop() {
    if (stopped) return;
    stopped = true;
    listeners.abort();
    host.remove();
  }

  async function save() {
    if (!chosen) return;
    const { label } = chosen;
    const target = select.value as MappingTarget;
    saveButton.disabled = true;
    try {
      await deps.save(label, target);
    } catch (failure) {
      saveButton.disabled = false;
      error.textContent = t('mapping.picker.failed', [failure instanceof Error ? failure.message : String(failure)]);
      return;
    }
    listeners.abort(); // picking is over; the message stays a moment
    closeChooser();
    highlight(null);
    cancel.remove();
    hint.textContent = target === 'ignore' ? t('mapping.picker.ignoredSaved', [label]) : t('mapping.picker.saved', [label, fieldName(target, t)]);
    deps.later(stop, SAVED_MESSAGE_MS);
  }

  const ours = (event: Event) => event.composedPath().includes(host);
  const options = { capture: true, signal: listeners.signal };
  for (const target of docs) {
    target.addEventListener(
      'pointermove',
      (event) => {
        if (chosen || ours(event)) return;
        lastPath = event.composedPath();
        if (framePending) return;
        framePending = true;
        deps.frame(() => {
          framePending = false;
          if (!stopped && !chosen) highlight(hitAt(lastPath));
        });
      },
      { ...options, passive: true },
    );
    target.addEventListener(
      'click',
      (event) => {
        if (ours(event)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        const candidate = hitAt(event.composedPath());
        if (candidate) openChooser(candidate);
        else {
          closeChooser();
          hint.textContent = t('mapping.picker.noLabel');
        }
      },
      options,
    );
    target.addEventListener(
      'keydown',
      (event) => {
        if ((event as KeyboardEvent).key !== 'Escape') return;
        event.preventDefault();
        event.stopImmediatePropagation();
        stop();
      },
      options,
    );
  }
  cancel.addEventListener('click', stop, { signal: listeners.signal });
  back.addEventListener('click', closeChooser, { signal: listeners.signal });
  saveButton.addEventListener('click', () => void save(), { signal: listeners.signal });
  deps.signal.addEventListener('abort', stop, { once: true, signal: listeners.signal });
  return { stop };
}
