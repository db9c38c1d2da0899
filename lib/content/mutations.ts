import { BADGE_HOST_ATTR } from './badge';
import { POPOVER_HOST_ATTR } from './popover';

const isOurs = (node: Node) =>
  node instanceof Element && (node.hasAttribute(BADGE_HOST_ATTR) || node.hasAttribute(POPOVER_HOST_ATTR));

/** True when a batch of mutations contains a change by the CRM, not only our own badges. */
export function hasForeignChange(records: readonly MutationRecord[]): boolean {
  return records.some((record) => {
    if (record.type !== 'childList') return !isOurs(record.target.parentNode ?? record.target);
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length === 0 || !nodes.every(isOurs);
  });
}
