import { BADGE_HOST_ATTR } from './badge';
import { POPOVER_HOST_ATTR } from './popover';

// A node type check, not instanceof Element: nodes of a same-origin iframe belong to another window.
const isOurs = (node: Node) => node.nodeType === 1 && ((node as Element).hasAttribute(BADGE_HOST_ATTR) || (node as Element).hasAttribute(POPOVER_HOST_ATTR));

/** True when a batch of mutations contains a change by the CRM, not only our own badges. */
export function hasForeignChange(records: readonly MutationRecord[]): boolean {
  return records.some((record) => {
    if (record.type !== 'childList') return !isOurs(record.target.parentNode ?? record.target);
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length === 0 || !nodes.every(isOurs);
  });
}
