/**
 * Kind `layers` of a model file: a Keras/TensorFlow layers model as
 * tensorflowjs_converter writes it, its weight shards joined into one
 * little-endian float32 buffer (quantized weights are expanded on import).
 * The topology is the converter's JSON; keras-import.ts checks it names only
 * the layer classes listed in LAYER_CLASSES before tfjs ever reads it.
 */
import { z } from 'zod';
import { FILE_LIMITS } from '@/lib/files/limits';

/** Most weight tensors accepted (a 40-layer network with batch normalisation stays well under). */
const MAX_LAYER_WEIGHTS = 512;

export const layersSchema = z.object({
  modelTopology: z.record(z.string(), z.unknown()),
  weightSpecs: z
    .array(z.object({ name: z.string().max(500), shape: z.array(z.number().int().nonnegative()).max(8), dtype: z.literal('float32') }))
    .max(MAX_LAYER_WEIGHTS),
  weightData: z
    .string()
    .max(FILE_LIMITS.model)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64 text'),
  /** The output: one sigmoid unit (positive = 0), or two softmax classes and the index of "churned". */
  output: z.object({ units: z.union([z.literal(1), z.literal(2)]), positive: z.union([z.literal(0), z.literal(1)]) }),
});
export type LayersSpec = z.infer<typeof layersSchema>;
