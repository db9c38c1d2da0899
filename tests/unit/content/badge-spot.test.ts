// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { badgeSpot, occupant, placeAt, type StyleOf } from '@/lib/content/badge-spot';

/**
 * happy-dom has no layout: each element's computed display and overflow are
 * given by data attributes, defaulting to what a browser computes for the tag
 * (in a flex container, children are blockified: the fixtures say so).
 */
const DEFAULT_DISPLAY: Record<string, string> = { a: 'inline', span: 'inline', td: 'table-cell', input: 'inline-block' };
const styleOf: StyleOf = (el) => ({
  display: el.getAttribute('data-display') ?? DEFAULT_DISPLAY[el.localName] ?? 'block',
  overflowX: el.getAttribute('data-overflow') ?? 'visible',
});

function spotIn(html: string) {
  document.body.innerHTML = html;
  const anchor = document.querySelector('[data-anchor]')!;
  const spot = badgeSpot(anchor, styleOf);
  return { anchor, spot, where: `${spot.at} ${spot.el.localName}${spot.el.id ? `#${spot.el.id}` : ''}` };
}

describe('where a badge goes beside the name', () => {
  it('after a plain link in a table cell (Ant Design)', () => {
    expect(spotIn('<table><tr><td><a data-anchor href="/c/1">杭州天宇传媒有限公司</a></td></tr></table>').where).toBe('after a');
  });

  it('inside the inner name span of a link holding avatar + name, not after the link (MUI table)', () => {
    const { where } = spotIn(`<table><tr><td><a data-anchor href="/c/1"><span data-display="flex">
      <div class="MuiAvatar-root" data-display="flex">M</div><span id="name" data-display="block">Morris Satterfield</span></span></a></td></tr></table>`);
    expect(where).toBe('end span#name');
  });

  it('inside a value cell, never as a cell of its own (Element Plus descriptions)', () => {
    expect(
      spotIn('<table><tr><th>客户名称</th><td data-anchor>深圳市前海星辰跨境电子商务供应链管理有限公司</td><th>联系人</th><td>赵勇</td></tr></table>').where,
    ).toBe('end td');
  });

  it('at the start inside a truncating link stacked in a flex column (shadcn list)', () => {
    const { where } =
      spotIn(`<div data-display="flex"><div data-display="flex"><a data-anchor data-display="block" data-overflow="hidden" href="/c/1">Maximilian Alexander Fitzgerald-Worthington</a>
      <div>Northwind Traders</div></div></div>`);
    expect(where).toBe('start a');
  });

  it('before a link whose grid cell clips, so a long name is cut instead of the badge (AG Grid)', () => {
    const { where } = spotIn(`<div role="row"><div role="gridcell" data-overflow="hidden"><span class="ag-cell-value" data-display="inline-block">
      <a data-anchor href="/c/1">Maximilian Alexander Fitzgerald-Worthington</a></span></div></div>`);
    expect(where).toBe('before a');
  });

  it('at the start inside an inline-flex link in a clipping cell (Element Plus table)', () => {
    expect(
      spotIn(
        '<table><tr><td><div class="cell" data-overflow="hidden"><a data-anchor data-display="inline-flex" href="/c/1">北京中关村智慧城市物联网技术研究院有限责任公司</a></div></td></tr></table>',
      ).where,
    ).toBe('start a');
  });

  it('at the end inside a heading, also one that grows to fill an app bar (MUI detail)', () => {
    expect(spotIn('<header data-display="flex"><h6 data-anchor>Fiona Lindqvist</h6><a href="/customers">Customers</a></header>').where).toBe('end h6');
  });

  it('beside a form control, which cannot hold it', () => {
    expect(spotIn('<form><label>Name <input data-anchor value="Fiona"></label></form>').where).toBe('after input');
  });

  it('does not take assistive text or an avatar for the name', () => {
    const { where } = spotIn(`<div data-anchor data-display="flex"><span class="sr-only">Open the customer record of</span>
      <span class="avatar">FL</span><span id="name" data-display="block">Fiona</span></div>`);
    expect(where).toBe('end span#name');
  });

  it('puts the host where occupant() then finds it', () => {
    for (const at of ['before', 'after', 'start', 'end'] as const) {
      document.body.innerHTML = '<p><b>x</b><a>Ann</a><i>y</i></p>';
      const spot = { el: document.querySelector('a')!, at };
      const host = document.createElement('span');
      placeAt(spot, host);
      expect(occupant(spot)).toBe(host);
      expect(document.querySelector('a')!.textContent).toBe('Ann');
    }
  });
});
