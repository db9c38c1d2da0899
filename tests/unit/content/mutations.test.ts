// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BADGE_HOST_ATTR } from '@/lib/content/badge';
import { foreignTargets } from '@/lib/content/mutations';

function record(added: Node[], removed: Node[] = [], target: Node = document.body): MutationRecord {
  return { type: 'childList', target, addedNodes: added as unknown as NodeList, removedNodes: removed as unknown as NodeList } as MutationRecord;
}

describe('foreignTargets', () => {
  const badge = () => {
    const host = document.createElement('span');
    host.setAttribute(BADGE_HOST_ATTR, 'a');
    return host;
  };
  it('ignores our own badge insertions and removals', () => {
    expect(foreignTargets([record([badge()]), record([], [badge()])])).toEqual([]);
  });
  it('gives the element the CRM changed, among our badges', () => {
    const tbody = document.createElement('tbody');
    expect(foreignTargets([record([badge()]), record([document.createElement('tr')], [], tbody)])).toEqual([tbody]);
  });
  it('counts a row that both lost a badge and gained CRM content as changed', () => {
    const cell = document.createElement('td');
    expect(foreignTargets([record([document.createTextNode('5 s ago')], [badge()], cell)])).toEqual([cell]);
  });
  it('gives the text node of a text edit by the CRM, not one inside our badge', () => {
    const text = document.createTextNode('x');
    document.body.append(text);
    const ours = document.createTextNode('y');
    badge().append(ours);
    const host = badge();
    host.append(ours);
    expect(
      foreignTargets([
        { type: 'characterData', target: text } as unknown as MutationRecord,
        { type: 'characterData', target: ours } as unknown as MutationRecord,
      ]),
    ).toEqual([text]);
  });
});
