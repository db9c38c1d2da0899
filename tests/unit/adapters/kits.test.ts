// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '@/lib/adapters/generic';
import type { PageExtraction } from '@/lib/adapters/types';
import { checkKitPage, type ReadCustomer } from '@/tests/fixtures/kits/compare';
import { kitSnapshotNames, loadKitPage } from '@/tests/fixtures/kits/load';

/**
 * The generic adapter on pages rendered by the UI kits real CRMs are built
 * with (tests/fixtures/kits: MUI, Ant Design, Element Plus, AG Grid,
 * shadcn/ui + TanStack), against the ground truth from the kits' seeded data:
 * page kind, exact names and ids, the badge anchored on the name link, and
 * every labelled value as shown.
 *
 * KNOWN_GAPS lists the checks today's adapter still fails, with what it reads
 * instead. Each is asserted to STILL fail: when a fix makes one pass, this
 * test fails and asks for the line to be removed, so the table only shrinks.
 */
const KNOWN_GAPS: Record<string, string> = {};

function read(page: PageExtraction | null): { kind: string; customers: ReadCustomer[] } | null {
  if (!page) return null;
  return {
    kind: page.kind,
    customers: page.customers.map(({ snapshot, anchor }) => ({
      crmId: snapshot.crmId,
      name: snapshot.name,
      fields: snapshot.fields,
      anchorHref: (anchor.closest('a[href]') ?? anchor.querySelector('a[href]'))?.getAttribute('href') ?? null,
    })),
  };
}

describe('generic adapter on the UI-kit CRM pages', () => {
  for (const name of kitSnapshotNames()) {
    it(`${name}`, () => {
      const { doc, url, expected } = loadKitPage(name);
      const checks = checkKitPage(expected, read(genericAdapter.extract(doc, url)));
      for (const check of checks) {
        const key = `${name} ${check.name}`;
        if (key in KNOWN_GAPS) expect(check.ok, `${key} passes now: remove it from KNOWN_GAPS`).toBe(false);
        else expect(check.ok, `${key}: ${check.detail}`).toBe(true);
      }
    });
  }

  it('lists no gap for a page that has no snapshot', () => {
    const names = new Set(kitSnapshotNames());
    for (const key of Object.keys(KNOWN_GAPS)) expect(names.has(key.split(' ')[0]!), key).toBe(true);
  });
});
