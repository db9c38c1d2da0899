import { z } from 'zod';
import type { PolicyProtocol } from './policy-protocol';

export const policyRequestSchemas = {
  getPolicy: z.strictObject({}),
} satisfies Record<keyof PolicyProtocol, z.ZodType>;

export const policyAudience: Record<keyof PolicyProtocol, 'extension'> = { getPolicy: 'extension' };
