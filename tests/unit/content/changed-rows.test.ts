// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { changedRows } from '@/lib/content/changed-rows';

function table(rows: number) {
  document.body.innerHTML = `<table><tbody>${Array.from({ length: rows }, (_, i) => `<tr><td><a href="/c/${i}">C ${i}</a></td><td><span>${i} s ago</span></td></tr>`).join('')}</tbody></table>`;
  const trs = [...document.querySelectorAll('tr')];
  const rowOf = new Map<Element, number>(trs.map((tr, i) => [tr, i]));
  return { trs, rowOf: (el: Element) => rowOf.get(el) };
}

describe('changedRows', () => {
  it('maps cells, texts and the rows themselves to their row indexes, each once', () => {
    const { trs, rowOf } = table(4);
    const text = trs[2]!.querySelector('span')!.firstChild!;
    expect(changedRows([trs[0]!.cells[1]!, text, trs[2]!, trs[0]!.querySelector('a')!], rowOf)).toEqual(new Set([0, 2]));
  });
  it('says null when a change is outside every known row (rows added or removed, another part of the page)', () => {
    const { trs, rowOf } = table(2);
    expect(changedRows([trs[0]!.cells[0]!, document.querySelector('tbody')!], rowOf)).toBeNull();
    expect(changedRows([document.body], rowOf)).toBeNull();
  });
  it('finds the row of a change inside a cell component’s shadow root', () => {
    const { trs, rowOf } = table(1);
    const root = trs[0]!.cells[1]!.querySelector('span')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<b>live</b>';
    expect(changedRows([root.querySelector('b')!], rowOf)).toEqual(new Set([0]));
  });
  it('gives an empty set for no changes', () => {
    const { rowOf } = table(1);
    expect(changedRows([], rowOf)).toEqual(new Set());
  });
});
