// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { titleChips } from '@/lib/adapters/generic/title-chips';

function page(html: string) {
  document.body.innerHTML = html;
  return document.querySelector('h5')!;
}
const none = new Set<Element>();
const inside = () => false;

describe('titleChips', () => {
  it('names one unlabelled chip beside the title "Status"', () => {
    const title = page('<div><div><h5>Olga Satterfield</h5><span data-slot="badge">Churn risk</span></div></div>');
    expect(titleChips(title, none, [], inside)).toMatchObject({ label: 'Status', value: 'Churn risk' });
  });

  it('reads several chips as a list of tags, the outermost chip once (el-tag > el-tag__content)', () => {
    const title = page(
      '<div><h5>Acme</h5><span class="el-tag"><span class="el-tag__content">VIP</span></span><span class="el-tag"><span class="el-tag__content">Reseller</span></span></div>',
    );
    expect(titleChips(title, none, [], inside)).toMatchObject({ label: 'Tags', value: 'VIP, Reseller' });
  });

  it('keeps a labelled status: the chip is not read twice', () => {
    const title = page('<div><h5>Acme</h5><span class="badge">Active</span></div>');
    expect(titleChips(title, none, ['Account status'], inside)).toBeNull();
  });

  it('does not guess at chips in the record body (a block holding labelled values)', () => {
    const title = page('<div><h5>Acme</h5><p><b>Stage:</b> <span class="pill">Won</span></p></div>');
    const labelled = new Set([document.querySelector('b')!]);
    expect(titleChips(title, labelled, ['Stage'], inside)).toBeNull();
  });

  it('skips badge counts, chips without letters and chips outside the record', () => {
    const title = page('<div><h5>Acme</h5><span class="badge">3</span><nav><span class="chip">Inbox</span></nav></div>');
    expect(titleChips(title, none, [], (el) => el.closest('nav') !== null)).toBeNull();
  });
});
