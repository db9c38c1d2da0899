// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { genericAdapter } from '@/lib/adapters/generic';
import type { Translate } from '@/lib/explain/reason-text';
import { candidateAt, pickerCandidates } from '@/lib/content/picker/candidates';
import { fieldChoices, PRODUCT_FIELDS } from '@/lib/content/picker/field-choices';
import { startPicker, type PickerDeps } from '@/lib/content/picker/picker';
import { MAPPING_CHANGED, pageCommandOf } from '@/lib/content/picker/picker-message';
import { readByTopFrame } from '@/lib/content/page-commands';
import { POPOVER_HOST_ATTR } from '@/lib/content/popover';
import { privateRootOf } from '@/lib/content/private-root';
import { loadCrmPage } from '@/tests/fixtures/crm/load';

const t: Translate = (key, subs = []) =>
  key.startsWith('mapping.field.') ? key.slice('mapping.field.'.length).replace('_', ' ') : `${key}${subs.length ? `(${subs.join('|')})` : ''}`;

/** The composed path of an event at `el`, as a browser builds it (through shadow roots to the window). */
function pathOf(el: Element): EventTarget[] {
  const path: EventTarget[] = [];
  for (let node: Node | null = el; node; ) {
    path.push(node);
    node = node.parentNode ?? ((node as ShadowRoot).host as Node | undefined) ?? null;
  }
  return path;
}

async function framed(): Promise<Document> {
  const doc = loadCrmPage('vtiger-organizations-iframe');
  const frame = doc.querySelector('iframe')!;
  if (!frame.contentDocument?.querySelector('table')) await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return doc;
}

/** Every candidate as the picker gives it (value read). */
const ZOHO = new URL('https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000245001');
const every = (found: ReturnType<typeof pickerCandidates>) => [...found.candidates.keys()].map((el) => candidateAt([el], found.candidates)!);

afterEach(() => document.querySelectorAll(`[${POPOVER_HOST_ATTR}]`).forEach((el) => el.remove()));

describe('picker candidates', () => {
  it('gives a list cell the header label the adapter stores it under', () => {
    const doc = loadCrmPage('suitecrm-accounts-list');
    const found = pickerCandidates(doc);
    const { candidates } = found;
    const page = genericAdapter.extract(doc, new URL('https://crm.example.com/index.php?module=Accounts&action=index'))!;
    const [label, value] = Object.entries(page.customers[0]!.snapshot.fields).find(([, v]) => v !== '')!;
    const cell = every(found).find((c) => c.label === label && c.value === value)!;
    expect(cell).toBeDefined();
    // A click on text inside the cell finds the cell.
    const inner = cell.element.firstElementChild ?? cell.element;
    expect(candidateAt(pathOf(inner), candidates)).toEqual(cell);
  });
  it('gives a detail value its label', () => {
    const found = pickerCandidates(loadCrmPage('zoho-account-detail'), ZOHO);
    const fee = every(found).find((c) => c.label === 'Monthly Fee')!;
    expect(fee.value).toBe('$ 1,480.00');
    expect(candidateAt(pathOf(fee.element), found.candidates)).toEqual(fee);
  });
  it('reaches values inside open shadow roots and same-origin frames', async () => {
    const lightning = pickerCandidates(loadCrmPage('lightning-accounts-shadow'));
    const fee = every(lightning).find((c) => c.label === 'Monthly Fee')!;
    expect(fee.element.getRootNode()).not.toBe(document);
    const frame = pickerCandidates(await framed());
    const framedFee = every(frame).find((c) => c.label === 'Monthly Fee' && c.value === '$430.00')!;
    expect(framedFee.element.ownerDocument).not.toBe(document);
    expect(frame.roots.filter((root) => root.nodeType === 9)).toHaveLength(2);
  });
  it('looks for detail values on a list page only when its URL names a record', () => {
    const doc = loadCrmPage('suitecrm-accounts-list');
    const listOnly = pickerCandidates(doc, new URL('https://crm.example.com/index.php?module=Accounts&action=index'));
    const asRecord = pickerCandidates(doc, new URL('https://crm.example.com/index.php?module=Accounts&action=DetailView&record=42'));
    expect(asRecord.candidates.size).toBeGreaterThanOrEqual(listOnly.candidates.size);
    expect(every(listOnly).every((c) => c.element.closest('table.list') !== null || c.element.closest('table') !== null)).toBe(true);
  });

  it('finds nothing for a click outside every value', () => {
    const { candidates } = pickerCandidates(loadCrmPage('zoho-account-detail'), ZOHO);
    expect(candidateAt(pathOf(document.body), candidates)).toBeNull();
  });
});

describe('field choices', () => {
  it('puts the suggested field first, marked, then every field by name, then ignore', () => {
    const choices = fieldChoices('monthly_value', t);
    expect(choices[0]).toEqual({ value: 'monthly_value', text: 'mapping.suggestedOption(monthly value)', suggested: true });
    expect(choices).toHaveLength(PRODUCT_FIELDS.length + 1);
    expect(choices.at(-1)!.value).toBe('ignore');
    const rest = choices.slice(1, -1).map((c) => c.text);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
    expect(fieldChoices(null, t).some((c) => c.suggested)).toBe(false);
  });
});

describe('page commands', () => {
  it('tells the picker start and mapping-changed commands from anything else', () => {
    expect(pageCommandOf({ channel: 'churn-radar-page', type: 'start-picker' })).toBeNull();
    expect(pageCommandOf(MAPPING_CHANGED)).toBe('mapping-changed');
    expect(pageCommandOf({ channel: 'churn-radar-page', type: 'other' })).toBeNull();
    expect(pageCommandOf({ channel: 'churn-radar', type: 'start-picker' })).toBeNull();
    expect(pageCommandOf(null)).toBeNull();
  });
  it('leaves a same-origin child frame to the top frame, not the top or a cross-origin child', () => {
    expect(readByTopFrame(window)).toBe(false);
    expect(readByTopFrame({ top: { document: {} } } as unknown as Window)).toBe(true);
    const crossOrigin = {
      get top(): Window {
        return {
          get document(): Document {
            throw new Error('blocked');
          },
        } as unknown as Window;
      },
    };
    expect(readByTopFrame(crossOrigin as unknown as Window)).toBe(false);
  });
});

describe('the picker on a page', () => {
  function launch(doc: Document, overrides: Partial<PickerDeps> = {}) {
    const frames: (() => void)[] = [];
    const later: (() => void)[] = [];
    const save = vi.fn(async () => undefined);
    const lifetime = new AbortController();
    const picker = startPicker({
      doc,
      t,
      locale: 'en',
      suggest: (label) => (label === 'Monthly Fee' ? 'monthly_value' : null),
      save,
      signal: lifetime.signal,
      frame: (cb) => frames.push(cb),
      later: (cb) => later.push(cb),
      url: ZOHO,
      ...overrides,
    });
    const host = doc.querySelector(`[${POPOVER_HOST_ATTR}="picker"]`)!;
    return { picker, host, shadow: privateRootOf(host)!, frames, later, save, lifetime };
  }
  const feeOf = (doc: Document) => every(pickerCandidates(doc, ZOHO)).find((c) => c.label === 'Monthly Fee')!.element;

  it('highlights the hovered value once per frame, and a click opens the chooser with the suggestion first', async () => {
    const doc = loadCrmPage('zoho-account-detail');
    const { shadow, frames, save, later, host } = launch(doc);
    const fee = feeOf(doc);
    fee.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    fee.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(shadow.querySelector('.box')!.classList.contains('on')).toBe(true);
    expect(shadow.querySelector('.tag')!.textContent).toBe('Monthly Fee');

    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    fee.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true); // the CRM does not see the click
    const select = shadow.querySelector('select')!;
    expect(shadow.querySelector('.chooser')!.classList.contains('on')).toBe(true);
    expect(select.value).toBe('monthly_value');
    select.value = 'total_spend';
    (shadow.querySelector('.actions .primary') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(save).toHaveBeenCalledWith('Monthly Fee', 'total_spend'));
    await vi.waitFor(() => expect(shadow.querySelector('[role="status"]')!.textContent).toContain('mapping.picker.saved(Monthly Fee|total spend)'));
    // Picking is over: the page's clicks are its own again, and the overlay goes after the message.
    const after = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    fee.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
    later.forEach((run) => run());
    expect(host.isConnected).toBe(false);
  });

  it("saves the adapter's stored field name when it differs from the visible label", async () => {
    const doc = loadCrmPage('zoho-account-detail');
    const fee = feeOf(doc);
    const { shadow, save } = launch(doc, { storedLabel: (element) => (element === fee ? 'MonthlyFeeKey' : null) });
    fee.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    (shadow.querySelector('.actions .primary') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(save).toHaveBeenCalledWith('MonthlyFeeKey', expect.any(String)));
  });

  it('Esc cancels: the overlay and every listener go', () => {
    const doc = loadCrmPage('zoho-account-detail');
    const { host, save } = launch(doc);
    doc.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host.isConnected).toBe(false);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    feeOf(doc).dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    expect(save).not.toHaveBeenCalled();
  });

  it('ends with the content script, and says so when a click hits no value', () => {
    const doc = loadCrmPage('zoho-account-detail');
    const { host, shadow, lifetime } = launch(doc);
    doc.body.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(shadow.querySelector('[role="status"]')!.textContent).toContain('mapping.picker.noLabel');
    lifetime.abort();
    expect(host.isConnected).toBe(false);
  });

  it('listens in same-origin frames too, and shows the save error without closing', async () => {
    const doc = await framed();
    const save = vi.fn(async () => {
      throw new Error('offline');
    });
    const { shadow } = launch(doc, { save });
    const fee = every(pickerCandidates(doc)).find((c) => c.label === 'Monthly Fee' && c.value === '$430.00')!.element;
    const click = new (fee.ownerDocument.defaultView as unknown as typeof window).MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    fee.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    (shadow.querySelector('.actions .primary') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(shadow.querySelector('[role="alert"]')!.textContent).toBe('mapping.picker.failed(offline)'));
    expect(shadow.querySelector('.chooser')!.classList.contains('on')).toBe(true);
  });
});
