/**
 * Model inputs of a model trained elsewhere, computed from one source (a CRM
 * label, product field or indicator) by the transforms of its feature spec
 * (feature-spec.ts). A stored model keeps them as a preprocessor column of
 * kind `mapped`; preprocess.ts calls `mappedWriter` for it.
 *
 * Levels match ignoring case and runs of spaces ("Two year" = "two  year"),
 * as CRMs and exports disagree on both. An `index` value outside its levels
 * is treated as missing.
 */
import { isMissing } from '@/lib/parse/missing';
import type { RawRow } from '../types';
import type { InputTransform } from './transform-schema';

interface MappedInput {
  name: string;
  transform: InputTransform;
  /** The input for a blank or unreadable cell; null: missing (NaN, the trees' default branch). */
  fill: number | null;
}

export interface MappedColumn {
  name: string;
  kind: 'mapped';
  inputs: MappedInput[];
}

const normalizeLevel = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

type Readers = { number: (v: RawRow[string]) => number | null; yesNo: (v: RawRow[string]) => 0 | 1 | null; category: (v: RawRow[string]) => string };

/** The writer of one mapped column: its inputs at out[at…at + inputs.length). */
export function mappedWriter(c: MappedColumn, read: Readers): (row: RawRow, out: Float32Array, at: number) => void {
  const compute = c.inputs.map((input) => inputOf(input, read));
  return (row, out, at) => {
    const value = row[c.name];
    for (let j = 0; j < compute.length; j++) out[at + j] = compute[j]!(value);
  };
}

function inputOf({ transform, fill }: MappedInput, read: Readers): (value: RawRow[string]) => number {
  const missing = fill ?? Number.NaN;
  switch (transform.kind) {
    case 'number': {
      const center = transform.center ?? 0;
      const scale = transform.scale ?? 1;
      return (value) => {
        const v = read.number(value);
        return v === null ? missing : (v - center) / scale;
      };
    }
    case 'yesno':
      return (value) => read.yesNo(value) ?? missing;
    case 'onehot': {
      const level = normalizeLevel(transform.level);
      // A blank cell is no level at all (all zeros), as get_dummies and OneHotEncoder encode it.
      const blank = fill ?? 0;
      return (value) => (isMissing(value) ? blank : normalizeLevel(read.category(value)) === level ? 1 : 0);
    }
    case 'index': {
      const index = new Map(transform.levels.map((level, i) => [normalizeLevel(level), i] as const));
      return (value) => (isMissing(value) ? missing : (index.get(normalizeLevel(read.category(value))) ?? missing));
    }
  }
}
