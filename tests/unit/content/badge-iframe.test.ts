// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { genericAdapter } from '@/lib/adapters/generic';
import { BADGE_HOST_ATTR, createBadgeRenderer } from '@/lib/content/badge';
import { privateRootOf } from '@/lib/content/private-root';
import { createStyleApplier } from '@/lib/content/stylesheet';
import type { BadgeScore } from '@/lib/domain';
import { loadCrmPage } from '@/tests/fixtures/crm/load';

const score = (crmId: string): BadgeScore => ({ crmId, probability: 0.72, tier: 5, model: { id: 'm', name: 'M', kind: 'logistic' }, scoredAt: 0 });

async function framedList() {
  const doc = loadCrmPage('vtiger-organizations-iframe');
  const frame = doc.querySelector('iframe')!;
  if (!frame.contentDocument?.querySelector('table')) await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const page = genericAdapter.extract(doc, new URL('https://intranet.harborline.example/intranet/crm'))!;
  return { doc, frameDoc: frame.contentDocument!, customers: page.customers };
}

describe('badges inside a same-origin iframe', () => {
  it('builds the host in the frame’s document, finds it again (no duplicate) and hears its clicks', async () => {
    const { doc, frameDoc, customers } = await framedList();
    const onActivate = vi.fn();
    const renderer = createBadgeRenderer({ doc, t: (key) => key, onActivate });
    const { anchor, snapshot } = customers[0]!;
    expect(anchor.ownerDocument).toBe(frameDoc);
    renderer.render(anchor, snapshot.crmId, score(snapshot.crmId))!();
    const host = anchor.nextElementSibling as HTMLElement;
    expect(host.getAttribute(BADGE_HOST_ATTR)).toBe('112');
    expect(host.ownerDocument).toBe(frameDoc);
    expect(renderer.existing(anchor, '112')).toBe(host);
    expect(renderer.render(anchor, '112', { ...score('112'), tier: 2 })).toBeNull(); // updated in place
    expect(frameDoc.querySelectorAll(`[${BADGE_HOST_ATTR}="112"]`)).toHaveLength(1);
    host.dispatchEvent(new (frameDoc.defaultView as unknown as typeof window).MouseEvent('click', { bubbles: true, composed: true }));
    expect(onActivate).toHaveBeenCalledWith(host, '112');
    const root = privateRootOf(host)!;
    expect(root.adoptedStyleSheets.length + root.querySelectorAll('style').length).toBe(1);
  });

  it('styles shadow roots of two documents, each with a sheet of its own document', async () => {
    const { doc, frameDoc } = await framedList();
    const apply = createStyleApplier('.badge { color: red }');
    const top = doc.createElement('span').attachShadow({ mode: 'open' });
    const inner = frameDoc.createElement('span').attachShadow({ mode: 'open' });
    const other = doc.createElement('span').attachShadow({ mode: 'open' });
    apply(top);
    apply(inner);
    apply(other);
    expect(top.adoptedStyleSheets[0]).toBe(other.adoptedStyleSheets[0]);
    const innerSheet = inner.adoptedStyleSheets[0] ?? inner.querySelector('style');
    expect(innerSheet).toBeTruthy();
    expect(innerSheet).not.toBe(top.adoptedStyleSheets[0]);
  });

  it('falls back to a <style> element when a root refuses adopted sheets', () => {
    const apply = createStyleApplier('.x{}');
    const root = document.createElement('span').attachShadow({ mode: 'open' });
    Object.defineProperty(root, 'adoptedStyleSheets', {
      set: () => {
        throw new Error('refused');
      },
      get: () => [],
    });
    apply(root);
    expect(root.querySelector('style')?.textContent).toBe('.x{}');
  });
});
