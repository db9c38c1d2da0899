// @vitest-environment happy-dom
import { build } from 'esbuild';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_HOST_ATTR, BADGE_STATE_ATTR, createBadgeRenderer } from '@/lib/content/badge';
import { createPopover } from '@/lib/content/popover';
import { E2E_CLOSED_ROOTS_ATTR, e2eShadowMode, privateRootOf } from '@/lib/content/private-root';
import type { BadgeDetails, BadgeScore } from '@/lib/domain';

const score: BadgeScore = { crmId: '7', probability: 0.8312, tier: 5, model: { id: 'm', name: 'Model', kind: 'logistic' }, scoredAt: 0 };
const t = (key: string, subs?: string[]) => `${key}:${(subs ?? []).join(',')}`;

beforeEach(() => {
  document.body.innerHTML = '<table><tr><td><a id="name">Secret Customer Ltd</a></td></tr></table>';
  document.documentElement.removeAttribute(E2E_CLOSED_ROOTS_ATTR);
});

describe('what the CRM page can read of a badge', () => {
  it('the host has no shadowRoot for the page and carries only the customer id and the state', () => {
    const renderer = createBadgeRenderer({ doc: document, t, onActivate: vi.fn() });
    renderer.render(document.getElementById('name')!, '7', score)!();
    const host = document.querySelector(`[${BADGE_HOST_ATTR}]`)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames().sort()).toEqual([BADGE_HOST_ATTR, BADGE_STATE_ATTR].sort());
    expect(host.textContent).toBe('');
    // The accessible name and the figures are inside, for assistive technology and for this copy only.
    const button = privateRootOf(host)!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toContain('83 %');
    expect(button.dataset.tier).toBe('5');
    expect(privateRootOf(document.createElement('span'))).toBeUndefined();
  });

  it('the popover (reasons, script) is in a closed root too; focus goes back to the badge inside its closed root', async () => {
    const renderer = createBadgeRenderer({ doc: document, t, onActivate: vi.fn() });
    renderer.render(document.getElementById('name')!, '7', score)!();
    const host = document.querySelector<HTMLElement>(`[${BADGE_HOST_ATTR}]`)!;
    const controller = new AbortController();
    const popover = createPopover({
      doc: document,
      t,
      signal: controller.signal,
      focusBadge: (badge) => renderer.focus(badge),
      actions: { openSidePanel: vi.fn(), copy: vi.fn() },
    });
    const details = { reasons: [], script: { id: 's', text: 'Offer the secret 30 % discount' } } as unknown as BadgeDetails;
    popover.open(host, '7', 'Secret Customer Ltd', score, Promise.resolve(details));
    await Promise.resolve();
    const popHost = document.querySelector('[data-churn-radar-popover]')!;
    expect(popHost.shadowRoot).toBeNull();
    expect(document.documentElement.textContent).not.toContain('secret 30 %');
    expect(privateRootOf(popHost)!.textContent).toContain('secret 30 %');
    popover.close();
    expect(privateRootOf(host)!.activeElement).toBe(privateRootOf(host)!.querySelector('button'));
    controller.abort();
  });

  it('removeAll takes only the hosts this renderer drew (a newer copy’s badges stay)', () => {
    const anchor = document.getElementById('name')!;
    const old = createBadgeRenderer({ doc: document, t, onActivate: vi.fn() });
    old.render(anchor, '7', score)!();
    const newer = createBadgeRenderer({ doc: document, t, onActivate: vi.fn() });
    // The newer copy cannot open the old closed root: it replaces the host instead of reusing it.
    expect(newer.existing(anchor, '7')).toBeNull();
    newer.render(anchor, '7', score)!();
    expect(document.querySelectorAll(`[${BADGE_HOST_ATTR}]`)).toHaveLength(1);
    expect(old.removeAll()).toBe(0);
    expect(newer.removeAll()).toBe(1);
  });
});

describe('the e2e flavour', () => {
  it('opens roots for Playwright unless the page asks for production’s closed ones', () => {
    expect(e2eShadowMode(document)).toBe('open');
    document.documentElement.setAttribute(E2E_CLOSED_ROOTS_ATTR, '');
    expect(e2eShadowMode(document)).toBe('closed');
  });

  it('a production bundle of the module attaches closed roots only and keeps no trace of the e2e hook', async () => {
    const bundle = async (mode: string) => {
      // What the content script takes from the module, as the production bundler sees it.
      const out = await build({
        stdin: {
          contents: "import { attachPrivateRoot } from './lib/content/private-root'; globalThis.attach = attachPrivateRoot;",
          resolveDir: process.cwd(),
          loader: 'ts',
        },
        bundle: true,
        write: false,
        minify: true,
        format: 'esm',
        define: { 'import.meta.env.MODE': JSON.stringify(mode) },
      });
      return out.outputFiles[0]!.text;
    };
    const production = await bundle('production');
    expect(production).toMatch(/attachShadow\(\{mode:"closed"\}\)/);
    expect(production).not.toContain('"open"');
    expect(production).not.toContain(E2E_CLOSED_ROOTS_ATTR);
    // The same check sees the hook when it is there: it can fail.
    expect(await bundle('e2e')).toContain('"open"');
  });
});
