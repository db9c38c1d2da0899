/** The stored shape of a model's training profile (lib/model/profile.ts builds it; the artifact schema reads it). */
import { z } from 'zod';

const share = z.number().min(0).max(1);

const inputProfileSchema = z.discriminatedUnion('kind', [
  /** shares: one per bin (edges.length + 1 value bins) and the missing share last. */
  z.object({ source: z.string().max(500), kind: z.literal('numeric'), edges: z.array(z.number()).max(20), shares: z.array(share).max(22) }),
  /** shares: [no, yes, missing]. */
  z.object({ source: z.string().max(500), kind: z.literal('binary'), shares: z.array(share).length(3) }),
  /** shares: one per level, then other, then missing. */
  z.object({ source: z.string().max(500), kind: z.literal('categorical'), levels: z.array(z.string().max(1000)).max(1000), shares: z.array(share).max(1002) }),
]);
export type InputProfile = z.output<typeof inputProfileSchema>;

export const trainingProfileSchema = z.object({
  rows: z.number().int().nonnegative(),
  /** Equal-frequency bins of the out-of-fold probabilities: edges (upper bounds, ascending) and shares. */
  score: z.object({ edges: z.array(z.number()).max(20), shares: z.array(share).max(21) }),
  inputs: z.array(inputProfileSchema).max(5000),
});
export type TrainingProfile = z.output<typeof trainingProfileSchema>;
