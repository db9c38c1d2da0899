/**
 * Every feature's typed commands (lib/messaging/commands.ts), the one list the
 * Protocol's types (protocol.ts, type-only), the router's request checks and
 * audiences (schemas.ts) are read from. A new feature adds one line here and
 * one in lib/background/handlers.ts (its handlers, given its dependencies).
 */
import { agentCommands } from '@/lib/agent/agent-commands';
import { alertCommands } from '@/lib/alerts/alert-commands';
import { focusCommands } from '@/lib/focus/focus-commands';
import { kpiCommands } from '@/lib/kpi/kpi-commands';
import { mappingCommands } from '@/lib/mapping/mapping-commands';
import { monitoringCommands } from '@/lib/monitoring/monitoring-commands';
import { playbookCommands } from '@/lib/playbooks/playbook-commands';
import { policyCommands } from '@/lib/policy/policy-commands';
import { privacyCommands } from '@/lib/privacy/privacy-commands';
import { recipeCommands } from '@/lib/recipes/recipe-commands';
import { riskCommands } from '@/lib/risk/risk-commands';
import { sitesCommands } from '@/lib/sites/sites-commands';

export const allCommands = {
  ...agentCommands,
  ...alertCommands,
  ...focusCommands,
  ...kpiCommands,
  ...mappingCommands,
  ...monitoringCommands,
  ...playbookCommands,
  ...policyCommands,
  ...privacyCommands,
  ...recipeCommands,
  ...riskCommands,
  ...sitesCommands,
};
