import { isOurHost, textOf } from '../adapters/generic/text';
import { POPOVER_HOST_ATTR } from '../content/popover';
import { fieldChoices, fieldName } from '../content/picker/field-choices';
import { createStyleApplier } from '../content/stylesheet';
import type { Translate } from '../explain/reason-text';
import type { MappingTarget } from '../fields/field-resolver';
import type { ProductField } from '../fields/product-fields';
import { applyDetailRecipe, applyListRecipe } from '../recipes/apply';
import { queryAllSafe } from '../recipes/css-path';
import { findRepeatingRows } from '../recipes/find-rows';
import type { SiteRecipe } from '../recipes/recipe-schema';
import { detailRecipe, listRecipe, withField } from '../recipes/teach';
import { TEACH_CSS } from './overlay-styles';

export interface TeachDeps {
  doc: Document;
  url: URL;
  t: Translate;
  locale: string;
  /** The product field a label means now (the site's mapping, else the synonyms). */
  suggest: (label: string) => ProductField | null;
  /** Stores the recipe for this site; answers it as stored (its version). */
  saveRecipe: (recipe: SiteRecipe) => Promise<SiteRecipe>;
  /** The site's field mapping: this label means this product field. */
  saveLabel: (label: string, target: MappingTarget) => Promise<void>;
  signal: AbortSignal;
  frame: (callback: () => void) => void;
  now: () => number;
}

/** Longest text a click may pick as a name: a whole card's text is not a name. */
const MAX_NAME_CHARS = 120;
/** Marks drawn at most (a 1,000-row list is confirmed by its count, not by 1,000 boxes). */
const MAX_MARKS = 300;

type Step =
  | { kind: 'name' }
  | { kind: 'confirm'; recipe: SiteRecipe }
  | { kind: 'values'; recipe: SiteRecipe }
  | { kind: 'chooser'; recipe: SiteRecipe; candidate: SiteRecipe; label: string; value: Element };

/**
 * Teaching a page by clicking: the user clicks one customer's name; the
 * overlay finds every row of its list (lib/recipes/find-rows.ts), marks each
 * name and says how many it found; Save stores the recipe. Then each value
 * clicked in a row is named as a product field (the site's field mapping).
 * On a page where nothing repeats around the name, the recipe is a detail
 * page's. The overlay lives in a closed shadow root (no page script can
 * reach into it); clicks on the CRM are the overlay's while it is open, so
 * a name link does not navigate. Esc or Cancel ends it.
 */
export function startTeaching(deps: TeachDeps): { stop: () => void } {
  const { doc, t } = deps;
  const listeners = new AbortController();
  const host = doc.createElement('div');
  host.setAttribute(POPOVER_HOST_ATTR, 'teach');
  const shadow = host.attachShadow({ mode: 'closed' });
  createStyleApplier(TEACH_CSS)(shadow);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const button = (text: string, className = '') => {
    const node = el('button', className, text);
    node.type = 'button';
    return node;
  };

  const layer = el('div', 'layer');
  const hover = el('div', 'hover');
  const bar = el('div', 'bar');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('teach.title'));
  const count = el('span', 'count');
  const message = el('span', 'message');
  message.setAttribute('role', 'status');
  const save = button(t('teach.save'), 'primary');
  const again = button(t('teach.again'));
  const done = button(t('teach.done'), 'primary');
  const cancel = button(t('teach.cancel'));
  bar.append(el('strong', '', t('teach.title')), count, message, save, again, done, cancel);

  const chooser = el('div', 'chooser');
  chooser.setAttribute('role', 'dialog');
  chooser.setAttribute('aria-label', t('teach.nameValue'));
  const labelText = el('dd');
  const valueText = el('dd');
  const facts = el('dl');
  facts.append(el('dt', '', t('teach.label')), labelText, el('dt', '', t('teach.value')), valueText);
  const selectLabel = el('label', '', t('teach.field'));
  selectLabel.htmlFor = 'churn-radar-teach-field';
  const select = el('select');
  select.id = 'churn-radar-teach-field';
  const error = el('div', 'error');
  error.setAttribute('role', 'alert');
  const fieldSave = button(t('teach.saveField'), 'primary');
  const back = button(t('teach.back'));
  const actions = el('div', 'actions');
  actions.append(back, fieldSave);
  chooser.append(el('h2', '', t('teach.nameValue')), facts, selectLabel, select, error, actions);
  shadow.append(layer, hover, bar, chooser);
  (doc.body ?? doc.documentElement).append(host);

  let step: Step = { kind: 'name' };
  let marked: { el: Element; box: HTMLElement }[] = [];
  let stopped = false;
  let framePending = false;
  let lastTarget: Element | null = null;

  const show = (node: HTMLElement, on: boolean) => void (node.hidden = !on);
  const place = (box: HTMLElement, target: Element) => {
    const r = target.getBoundingClientRect();
    Object.assign(box.style, { left: `${r.left - 2}px`, top: `${r.top - 2}px`, width: `${r.width + 4}px`, height: `${r.height + 4}px` });
  };

  function mark(elements: readonly Element[], className: string) {
    for (const target of elements.slice(0, MAX_MARKS)) {
      const box = el('div', `mark ${className}`);
      place(box, target);
      layer.append(box);
      marked.push({ el: target, box });
    }
  }

  function clearMarks() {
    layer.replaceChildren();
    marked = [];
  }

  /** Rows and names a recipe reads on this page, as they are now. */
  function reading(recipe: SiteRecipe): { rows: Element[]; names: Element[]; fields: Element[] } {
    if (recipe.kind === 'detail') {
      const customers = applyDetailRecipe(recipe, doc, deps.url);
      const fields = recipe.fields.map((field) => queryAllSafe(doc, field.selector)[0]).filter((found): found is Element => !!found);
      return { rows: [], names: customers.map((customer) => customer.anchor), fields };
    }
    const rows = queryAllSafe(doc, recipe.row);
    const names = applyListRecipe(recipe, doc, deps.url).map((customer) => customer.anchor);
    const fields = rows
      .slice(0, MAX_MARKS)
      .flatMap((row) => recipe.fields.map((field) => row.querySelector(field.selector)).filter((found): found is Element => !!found));
    return { rows, names, fields };
  }

  function render() {
    clearMarks();
    hover.classList.remove('on');
    chooser.classList.toggle('on', step.kind === 'chooser');
    show(save, step.kind === 'confirm');
    show(again, step.kind === 'confirm' || step.kind === 'values');
    show(done, step.kind === 'values' || step.kind === 'chooser');
    show(cancel, step.kind !== 'values' && step.kind !== 'chooser');
    if (step.kind === 'name') {
      count.textContent = '';
      message.textContent = t('teach.hintName');
      return;
    }
    const seen = reading(step.recipe);
    mark(seen.rows, 'row');
    mark(seen.names, '');
    mark(seen.fields, 'field');
    count.textContent = step.recipe.kind === 'list' ? t('teach.found', [String(seen.names.length)]) : t('teach.foundOne');
    if (step.kind === 'confirm') {
      message.textContent = step.recipe.kind === 'list' ? t('teach.confirmList') : t('teach.confirmDetail', [textOf(seen.names[0]!)]);
      save.focus();
    } else if (step.kind === 'values') {
      message.textContent = step.recipe.kind === 'list' ? t('teach.hintValuesList') : t('teach.hintValuesDetail');
    }
  }

  function say(text: string) {
    message.textContent = text;
  }

  function pickName(target: Element) {
    const text = textOf(target);
    if (text === '' || text.length > MAX_NAME_CHARS) return say(t('teach.notAName'));
    const rows = findRepeatingRows(target, deps.url);
    const recipe = rows ? listRecipe(rows, deps.url, deps.now()) : detailRecipe(target, deps.url, deps.now());
    step = { kind: 'confirm', recipe };
    render();
  }

  function pickValue(recipe: SiteRecipe, target: Element) {
    const value = textOf(target);
    if (value === '' || value.length > 500) return say(t('teach.notAValue'));
    const row = recipe.kind === 'list' ? (queryAllSafe(doc, recipe.row).find((candidate) => candidate.contains(target)) ?? null) : null;
    if (recipe.kind === 'list' && !row) return say(t('teach.outsideRows'));
    const { recipe: candidate, label } = withField(recipe, target, row);
    step = { kind: 'chooser', recipe, candidate, label, value: target };
    labelText.textContent = label;
    labelText.title = label;
    valueText.textContent = value;
    valueText.title = value;
    error.textContent = '';
    select.replaceChildren(
      ...fieldChoices(deps.suggest(label), t, deps.locale).map((choice) => {
        const option = el('option', '', choice.text);
        option.value = choice.value;
        return option;
      }),
    );
    render();
    const r = target.getBoundingClientRect();
    const view = doc.defaultView;
    const left = Math.max(8, Math.min(r.left, (view?.innerWidth ?? 1024) - 320));
    const below = r.bottom + 8;
    const top = below + 230 > (view?.innerHeight ?? 768) ? Math.max(8, r.top - 238) : below;
    Object.assign(chooser.style, { left: `${left}px`, top: `${top}px` });
    select.focus();
  }

  async function saveRecipe() {
    if (step.kind !== 'confirm') return;
    save.disabled = true;
    try {
      const stored = await deps.saveRecipe(step.recipe);
      step = { kind: 'values', recipe: stored };
      render();
      say(`${t('teach.saved')} ${message.textContent}`);
      done.focus();
    } catch (failure) {
      say(t('teach.failed', [failure instanceof Error ? failure.message : String(failure)]));
    } finally {
      save.disabled = false;
    }
  }

  async function saveField() {
    if (step.kind !== 'chooser') return;
    const { candidate, label } = step;
    const target = select.value as MappingTarget;
    fieldSave.disabled = true;
    try {
      const stored = await deps.saveRecipe(candidate);
      await deps.saveLabel(label, target);
      step = { kind: 'values', recipe: stored };
      render();
      say(target === 'ignore' ? t('teach.fieldIgnored', [label]) : t('teach.fieldSaved', [label, fieldName(target, t)]));
    } catch (failure) {
      error.textContent = t('teach.failed', [failure instanceof Error ? failure.message : String(failure)]);
    } finally {
      fieldSave.disabled = false;
    }
  }

  function stop() {
    if (stopped) return;
    stopped = true;
    listeners.abort();
    host.remove();
  }

  const ours = (event: Event) => event.composedPath().includes(host);
  /** The page element an event is about: the innermost element, skipping our badges. */
  const pageTarget = (event: Event): Element | null => {
    for (const node of event.composedPath()) {
      if (node instanceof Element || (node as Node).nodeType === 1) {
        const target = node as Element;
        if (isOurHost(target) || target.closest('[data-churn-radar-badge]')) return null;
        return target;
      }
    }
    return null;
  };
  const options = { capture: true, signal: listeners.signal };

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (ours(event) || step.kind === 'confirm' || step.kind === 'chooser') return;
      lastTarget = pageTarget(event);
      if (framePending) return;
      framePending = true;
      deps.frame(() => {
        framePending = false;
        if (stopped || !lastTarget) return hover.classList.remove('on');
        place(hover, lastTarget);
        hover.classList.add('on');
      });
    },
    { ...options, passive: true },
  );
  doc.addEventListener(
    'click',
    (event) => {
      if (ours(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const target = pageTarget(event);
      if (!target) return;
      if (step.kind === 'name') pickName(target);
      else if (step.kind === 'values') pickValue(step.recipe, target);
    },
    options,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if ((event as KeyboardEvent).key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (step.kind === 'chooser') {
        step = { kind: 'values', recipe: step.recipe };
        render();
      } else stop();
    },
    options,
  );
  let layoutPending = false;
  const reposition = () => {
    if (layoutPending) return;
    layoutPending = true;
    deps.frame(() => {
      layoutPending = false;
      for (const { el: target, box } of marked) place(box, target);
    });
  };
  doc.defaultView?.addEventListener('scroll', reposition, { capture: true, passive: true, signal: listeners.signal });
  // The page moves under the marks (badges arrive beside the names, the CRM re-renders): they follow it.
  const moved = new MutationObserver(reposition);
  moved.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  listeners.signal.addEventListener('abort', () => moved.disconnect(), { once: true });
  doc.defaultView?.addEventListener('resize', reposition, { passive: true, signal: listeners.signal });

  save.addEventListener('click', () => void saveRecipe(), { signal: listeners.signal });
  again.addEventListener(
    'click',
    () => {
      step = { kind: 'name' };
      render();
    },
    { signal: listeners.signal },
  );
  done.addEventListener('click', stop, { signal: listeners.signal });
  cancel.addEventListener('click', stop, { signal: listeners.signal });
  back.addEventListener(
    'click',
    () => {
      if (step.kind === 'chooser') step = { kind: 'values', recipe: step.recipe };
      render();
    },
    { signal: listeners.signal },
  );
  fieldSave.addEventListener('click', () => void saveField(), { signal: listeners.signal });
  deps.signal.addEventListener('abort', stop, { once: true, signal: listeners.signal });
  render();
  return { stop };
}
