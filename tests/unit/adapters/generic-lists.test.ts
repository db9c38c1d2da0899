// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createGenericAdapter, genericAdapter } from '@/lib/adapters/generic';
import { BADGE_HOST_ATTR } from '@/lib/content/badge';
import { loadCrmPage } from '@/tests/fixtures/crm/load';

const URL_LIST = new URL('https://crm.example.com/accounts');

function page(body: string) {
  document.documentElement.innerHTML = `<head></head><body>${body}</body>`;
  return genericAdapter.extract(document, URL_LIST);
}

const snapshots = (result: ReturnType<typeof page>) => result?.customers.map((c) => c.snapshot);

describe('which tables are customer lists', () => {
  it('not a layout table, a header-only table, or a list of other things', () => {
    expect(page('<table><tr><td><a href="/accounts/1">Acme</a></td><td>Plan</td></tr></table>')).toBeNull();
    expect(page('<table><thead><tr><th>Account Name</th><th>Phone</th></tr></thead><tbody></tbody></table>')).toBeNull();
    expect(
      page(
        '<table><thead><tr><th>Deal name</th><th>Stage</th><th>Amount</th></tr></thead><tbody><tr><td><a href="/deals/9">Renewal</a></td><td>Won</td><td>$5</td></tr></tbody></table>',
      ),
    ).toBeNull();
    // One known label is not enough.
    expect(
      page('<table><thead><tr><th>Name</th><th>Colour</th></tr></thead><tbody><tr><td><a href="/accounts/1">Acme</a></td><td>red</td></tr></tbody></table>'),
    ).toBeNull();
  });

  it('a customer list whose rows all lack an id gives null, not invented ids', () => {
    expect(
      page(
        '<table><thead><tr><th>Customer</th><th>Status</th></tr></thead><tbody><tr><td>Acme</td><td>Active</td></tr><tr><td>Globex</td><td>Churned</td></tr></tbody></table>',
      ),
    ).toBeNull();
  });

  it('ids from the id column, then the e-mail column, when the name has no link; the link wins over both', () => {
    const result = page(`<table><thead><tr><th>Customer</th><th>Customer ID</th><th>Email</th><th>Status</th></tr></thead><tbody>
      <tr><td>Acme</td><td>C-1001</td><td>ops@acme.com</td><td>Active</td></tr>
      <tr><td>Globex</td><td></td><td>Billing &lt;AP@Globex.com&gt;</td><td>Churned</td></tr>
      <tr><td><a href="/accounts/77">Initech</a></td><td>C-1003</td><td>it@initech.com</td><td>Active</td></tr>
      <tr><td>Hooli</td><td></td><td></td><td>Active</td></tr>
    </tbody></table>`);
    expect(snapshots(result)).toEqual([
      { crmId: 'C-1001', name: 'Acme', fields: { 'Customer ID': 'C-1001', Email: 'ops@acme.com', Status: 'Active' } },
      { crmId: 'ap@globex.com', name: 'Globex', fields: { 'Customer ID': '', Email: 'Billing <AP@Globex.com>', Status: 'Churned' } },
      { crmId: '77', name: 'Initech', fields: { 'Customer ID': 'C-1003', Email: 'it@initech.com', Status: 'Active' } },
    ]);
  });

  it('without a name header, the first column linking to a record names the customer', () => {
    const result = page(`<table><thead><tr><th></th><th>Customer ID</th><th>Who</th><th>Plan</th></tr></thead><tbody>
      <tr><td><input type="checkbox"></td><td>C-9</td><td><a href="mailto:x@y.com">x@y.com</a> <a href="/accounts/9">Nine Ltd</a></td><td>Pro</td></tr>
    </tbody></table>`);
    expect(snapshots(result)).toEqual([{ crmId: '9', name: 'Nine Ltd', fields: { 'Customer ID': 'C-9', Plan: 'Pro' } }]);
  });

  it('repeated headers get a number, control columns are left out, the same id twice is one customer', () => {
    const result = page(`<table><thead><tr><th>Account</th><th>Phone</th><th>Phone</th><th>Actions</th></tr></thead><tbody>
      <tr><td><a href="/accounts/1">Acme</a></td><td>555-1</td><td>555-2</td><td><a href="/accounts/1/edit">Edit</a></td></tr>
      <tr><td><a href="/accounts/1">Acme</a></td><td>555-1</td><td>555-2</td><td><a href="/accounts/1/edit">Edit</a></td></tr>
    </tbody></table>`);
    expect(snapshots(result)).toEqual([{ crmId: '1', name: 'Acme', fields: { Phone: '555-1', 'Phone (2)': '555-2' } }]);
  });

  it('reads a link on the row itself (data-href) and a row attribute id when the name has no link', () => {
    const result = page(`<table><thead><tr><th>Customer</th><th>MRR</th></tr></thead><tbody>
      <tr data-href="/accounts/31"><td>Thirty One</td><td>$31</td></tr>
      <tr data-record-id="rec-32"><td>Thirty Two</td><td>$32</td></tr>
    </tbody></table>`);
    expect(snapshots(result)?.map((s) => s.crmId)).toEqual(['31', 'rec-32']);
  });

  it('skips group and empty-state rows spanning the table, and repeated header rows', () => {
    const result = page(`<table><thead><tr><th>Customer</th><th>Plan</th><th>MRR</th></tr></thead><tbody>
      <tr><td colspan="3">Region: West</td></tr>
      <tr><th>Customer</th><th>Plan</th><th>MRR</th></tr>
      <tr><td><a href="/accounts/5">Five</a></td><td colspan="1">Basic</td><td>$5</td></tr>
    </tbody></table>`);
    expect(snapshots(result)).toEqual([{ crmId: '5', name: 'Five', fields: { Plan: 'Basic', MRR: '$5' } }]);
  });
});

describe('ARIA grids and tables', () => {
  it('places cells by order when there is no aria-colindex, reads wrapped cells, ignores a nested grid’s rows', () => {
    const result = page(`<div role="table" aria-label="Customers">
      <div role="rowgroup"><div role="row"><span role="columnheader">Customer</span><span role="columnheader">Status</span><span role="columnheader">Owner</span></div></div>
      <div role="rowgroup">
        <div role="row"><span role="cell"><a href="/accounts/8">Eight</a></span><span role="cell">Active</span><span role="cell">Ana</span></div>
        <div role="row"><div class="wrap"><span role="cell"><a href="/accounts/9">Nine</a></span><span role="cell">Churned</span><span role="cell">Ben</span></div></div>
        <div role="row"><span role="cell"><a href="/accounts/10">Ten</a></span><span role="cell">Active</span><span role="cell">
          <div role="grid"><div role="row"><span role="columnheader">Seat</span><span role="columnheader">Since</span></div><div role="row"><span role="gridcell"><a href="/accounts/99">Nested</a></span><span role="gridcell">1</span></div></div>
        </span></div>
      </div>
    </div>`);
    expect(snapshots(result)?.map((s) => [s.crmId, s.name, s.fields.Status])).toEqual([
      ['8', 'Eight', 'Active'],
      ['9', 'Nine', 'Churned'],
      ['10', 'Ten', 'Active'],
    ]);
    expect(result!.customers[1]!.snapshot.fields).toEqual({ Status: 'Churned', Owner: 'Ben' });
  });

  it('a treegrid’s group rows (one spanning cell) are not customers', () => {
    const result = page(`<div role="treegrid">
      <div role="row"><div role="columnheader" aria-colindex="1">Account Name</div><div role="columnheader" aria-colindex="2">Industry</div></div>
      <div role="row" aria-level="1" aria-expanded="true" aria-rowindex="2"><div role="gridcell" aria-colindex="1" aria-colspan="2">Retail (2)</div></div>
      <div role="row" aria-level="2" aria-rowindex="3"><div role="gridcell" aria-colindex="1"><a href="/accounts/3">Three</a></div><div role="gridcell" aria-colindex="2">Retail</div></div>
    </div>`);
    expect(snapshots(result)).toEqual([{ crmId: '3', name: 'Three', fields: { Industry: 'Retail' } }]);
  });
});

describe('re-renders and our own badges', () => {
  it('gives the same customers after a badge was placed beside each anchor (div grid and table)', () => {
    for (const [fixture, href] of [
      ['hubspot-companies-divgrid', 'https://app.hubspot.com/contacts/2456789/objects/0-2/views/all/list'],
      ['suitecrm-accounts-list', 'https://crm.northwind-demo.com/index.php?module=Accounts&action=index'],
      ['dynamics-accounts-grid', 'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=account'],
    ] as const) {
      const doc = loadCrmPage(fixture);
      const before = genericAdapter.extract(doc, new URL(href))!;
      for (const { anchor, snapshot } of before.customers) {
        const host = doc.createElement('span');
        host.setAttribute(BADGE_HOST_ATTR, snapshot.crmId);
        host.attachShadow({ mode: 'open' }).innerHTML = '<button>Tier 4</button>';
        anchor.after(host);
      }
      const after = genericAdapter.extract(doc, new URL(href))!;
      expect(
        after.customers.map((c) => c.snapshot),
        fixture,
      ).toEqual(before.customers.map((c) => c.snapshot));
      expect(
        after.customers.map((c) => c.anchor),
        fixture,
      ).toEqual(before.customers.map((c) => c.anchor));
    }
  });

  it('follows a framework re-creating the rows: new anchors, same customers', () => {
    const doc = loadCrmPage('suitecrm-accounts-list');
    const url = new URL('https://crm.northwind-demo.com/index.php?module=Accounts&action=index');
    const before = genericAdapter.extract(doc, url)!;
    const tbody = doc.querySelector('table.list > tbody')!;
    tbody.replaceWith(tbody.cloneNode(true));
    const after = genericAdapter.extract(doc, url)!;
    expect(after.customers.map((c) => c.snapshot)).toEqual(before.customers.map((c) => c.snapshot));
    after.customers.forEach((c, i) => {
      expect(c.anchor).not.toBe(before.customers[i]!.anchor);
      expect(c.anchor.isConnected).toBe(true);
    });
  });

  it('joins by e-mail when asked: customers with an e-mail get its key, the others keep their link id', () => {
    const adapter = createGenericAdapter({ joinBy: 'email' });
    const result = adapter.extract(loadCrmPage('suitecrm-accounts-list'), new URL('https://crm.northwind-demo.com/index.php?module=Accounts&action=index'))!;
    expect(result.customers[0]!.snapshot.crmId).toBe('email:orders@cascadetimber.com');
    expect(result.customers[9]!.snapshot.crmId).toBe('6c2a9e5d-8b4f-4d13-a7c6-1e9b5f3d8a70');
    const detail = createGenericAdapter({ joinBy: 'domain' }).extract(
      loadCrmPage('odoo-partner-form'),
      new URL('https://erp.geminifurniture.example/web#id=14&model=res.partner'),
    )!;
    expect(detail.customers[0]!.snapshot.crmId).toBe('domain:geminifurniture.com');
  });

  it('the adapter claims every page and is registered after the demo adapter', async () => {
    const { ADAPTERS } = await import('@/lib/adapters/registry');
    // Taught recipes first (lib/recipes), then the demo CRM's own, the generic adapter last.
    expect(ADAPTERS.map((a) => a.id)).toEqual(['recipe', 'demo-crm', 'generic']);
    expect(genericAdapter.matches(new URL('https://anything.example/'), document)).toBe(true);
  });
});
