/** How a feature spec turns a source value into a model input (feature-spec.ts explains each kind). */
import { z } from 'zod';

const level = z.string().max(1000);

export const inputTransformSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('number'), center: z.number().optional(), scale: z.number().positive().optional() }),
  z.strictObject({ kind: z.literal('yesno') }),
  z.strictObject({ kind: z.literal('onehot'), level }),
  z.strictObject({ kind: z.literal('index'), levels: z.array(level).min(1).max(1000) }),
]);
export type InputTransform = z.infer<typeof inputTransformSchema>;
