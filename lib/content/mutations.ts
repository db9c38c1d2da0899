import { BADGE_HOST_ATTR } from './badge';
import { POPOVER_HOST_ATTR } from './popover';

// A node type check, not instanceof Element: nodes of a same-origin iframe belong to another window.
const isOurs = (node: Node) => node.nodeType === 1 && ((node as Element).hasAttribute(BADGE_HOST_ATTR) || (node as Element).hasAttribute(POPOVER_HOST_ATTR));

function allOurs(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (!isOurs(nodes[i]!)) return false;
  return true;
}

/**
 * The nodes the CRM changed in a batch of mutations (each record's target),
 * leaving out our own badges and popover going in and out: empty when only
 * ours changed. The scanner maps them to the rows they belong to (changed-rows.ts).
 */
export function foreignTargets(records: readonly MutationRecord[]): Node[] {
  const targets: Node[] = [];
  for (const record of records) {
    const foreign =
      record.type === 'childList'
        ? record.addedNodes.length + record.removedNodes.length === 0 || !allOurs(record.addedNodes) || !allOurs(record.removedNodes)
        : !isOurs(record.target.parentNode ?? record.target);
    if (foreign) targets.push(record.target);
  }
  return targets;
}
