// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BADGE_HOST_ATTR } from '@/lib/content/badge';
import { hasForeignChange } from '@/lib/content/mutations';

function record(added: Node[], removed: Node[] = [], target: Node = document.body): MutationRecord {
  return { type: 'childList', target, addedNodes: added as unknown as NodeList, removedNodes: removed as unknown as NodeList } as MutationRecord;
}

describe('hasForeignChange', () => {
  const badge = () => {
    const host = document.createElement('span');
    host.setAttribute(BADGE_HOST_ATTR, 'a');
    return host;
  };
  it('ignores our own badge insertions and removals', () => {
    expect(hasForeignChange([record([badge()]), record([], [badge()])])).toBe(false);
  });
  it('notices CRM rows among our badges', () => {
    expect(hasForeignChange([record([badge()]), record([document.createElement('tr')])])).toBe(true);
  });
  it('notices text edits by the CRM', () => {
    const text = document.createTextNode('x');
    document.body.append(text);
    expect(hasForeignChange([{ type: 'characterData', target: text } as unknown as MutationRecord])).toBe(true);
  });
});
