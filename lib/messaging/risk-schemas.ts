import { z } from 'zod';
import { churnDefinitionSchema as churnDefinition } from '@/lib/risk/churn-definition-schema';
import type { RiskProtocol } from './risk-protocol';


export const riskRequestSchemas = {
  getRiskCustomers: z.strictObject({}),
  previewChurnDefinition: z.strictObject({ definition: churnDefinition }),
  saveChurnDefinition: z.strictObject({ definition: churnDefinition }),
  // Order and range are checked by validateThresholds in the handler, which says what is wrong.
  saveTierThresholds: z.strictObject({ thresholds: z.array(z.number()).length(4) }),
} satisfies Record<keyof RiskProtocol, z.ZodType>;

export const riskAudience: Record<keyof RiskProtocol, 'extension'> = {
  getRiskCustomers: 'extension',
  previewChurnDefinition: 'extension',
  saveChurnDefinition: 'extension',
  saveTierThresholds: 'extension',
};
