/**
 * A training set's feature columns read once into typed arrays, so every
 * fold, learning-curve subset and the final fit fits and transforms from
 * numbers instead of re-reading text cells (a 200,000-row export was read
 * 13 times: ~7 s of parsing, and the rows' objects held while the folds'
 * copies were made). Same values as preprocess.ts reads from a row:
 * numeric cells as `numericValue` (NaN = missing or unreadable), binary as
 * `binaryValue` (−1 = missing), categorical as the level text
 * `categoryValue` gives, coded by first appearance.
 *
 * `fitEncoded` / `transformEncoded` give exactly what `fitPreprocessor` /
 * `transform` give on the same rows (the unit test holds them equal).
 */
import {
  DEFAULT_BINARY_FILL,
  categoryValue,
  clipOf,
  featureLayout,
  fitBinaryColumn,
  fitCategoricalColumn,
  fitNumericColumn,
  numberReader,
  preprocessSettings,
  writeNumeric,
  yesNoReader,
  type PreprocessOptions,
} from './preprocess';
import type { ColumnSpec, FittedColumn, Preprocessor, RawRow } from './types';

export type EncodedColumn =
  | { kind: 'numeric'; values: Float64Array }
  | { kind: 'binary'; values: Int8Array }
  | { kind: 'categorical'; codes: Int32Array; levels: string[] };

export interface EncodedTable {
  rows: number;
  /** The feature columns by name (specs of kind ignore are not read). */
  columns: Map<string, EncodedColumn>;
}

/** Reads the feature columns of `rows` once. */
export function encodeColumns(rows: readonly RawRow[], specs: readonly ColumnSpec[]): EncodedTable {
  const encoder = columnEncoder(specs);
  for (const row of rows) encoder.add(row);
  return encoder.table();
}

interface ColumnReader {
  name: string;
  add: (cell: RawRow[string], i: number) => void;
  grow: (size: number) => void;
  done: () => EncodedColumn;
}

/** Column by column, row by row (a streamed file is encoded as its chunks arrive; arrays grow by doubling). */
export function columnEncoder(specs: readonly ColumnSpec[]) {
  let n = 0;
  let capacity = 1024;
  const readers = specs.flatMap((spec): ColumnReader[] => {
    if (spec.kind === 'numeric') {
      let values = new Float64Array(capacity);
      const read = numberReader();
      return [
        {
          name: spec.name,
          add: (cell: RawRow[string], i: number) => {
            values[i] = read(cell) ?? Number.NaN;
          },
          grow: (size: number) => {
            values = grown(values, size);
          },
          done: (): EncodedColumn => ({ kind: 'numeric', values: values.slice(0, n) }),
        },
      ];
    }
    if (spec.kind === 'binary') {
      let values = new Int8Array(capacity);
      const read = yesNoReader();
      return [
        {
          name: spec.name,
          add: (cell: RawRow[string], i: number) => {
            values[i] = read(cell) ?? -1;
          },
          grow: (size: number) => {
            values = grown(values, size);
          },
          done: (): EncodedColumn => ({ kind: 'binary', values: values.slice(0, n) }),
        },
      ];
    }
    if (spec.kind === 'categorical') {
      let codes = new Int32Array(capacity);
      const index = new Map<string, number>();
      const levels: string[] = [];
      return [
        {
          name: spec.name,
          add: (cell: RawRow[string], i: number) => {
            const level = categoryValue(cell);
            let code = index.get(level);
            if (code === undefined) {
              code = levels.push(level) - 1;
              index.set(level, code);
            }
            codes[i] = code;
          },
          grow: (size: number) => {
            codes = grown(codes, size);
          },
          done: (): EncodedColumn => ({ kind: 'categorical', codes: codes.slice(0, n), levels }),
        },
      ];
    }
    return [];
  });
  return {
    add(row: RawRow): void {
      if (n === capacity) {
        capacity *= 2;
        for (const r of readers) r.grow(capacity);
      }
      for (const r of readers) r.add(row[r.name], n);
      n++;
    },
    table(): EncodedTable {
      return { rows: n, columns: new Map(readers.map((r) => [r.name, r.done()])) };
    },
  };
}

function grown<T extends Float64Array | Int8Array | Int32Array>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size);
  out.set(array);
  return out;
}

/** fitPreprocessor on the rows `rows` (indices) of the table. */
export function fitEncoded(table: EncodedTable, rows: ArrayLike<number>, specs: readonly ColumnSpec[], options: PreprocessOptions = {}): Preprocessor {
  const settings = preprocessSettings(rows.length, options);
  const columns: FittedColumn[] = [];
  for (const spec of specs) {
    const column = table.columns.get(spec.name);
    if (!column) continue;
    if (column.kind === 'numeric') {
      const values = new Float64Array(rows.length);
      let m = 0;
      for (let r = 0; r < rows.length; r++) {
        const v = column.values[rows[r]!]!;
        if (!Number.isNaN(v)) values[m++] = v;
      }
      columns.push(fitNumericColumn(spec.name, values.subarray(0, m), rows.length, settings));
    } else if (column.kind === 'binary') {
      let yes = 0;
      let seen = 0;
      for (let r = 0; r < rows.length; r++) {
        const v = column.values[rows[r]!]!;
        if (v < 0) continue;
        seen++;
        yes += v;
      }
      columns.push(fitBinaryColumn(spec.name, yes, seen));
    } else {
      const perCode = new Int32Array(column.levels.length);
      for (let r = 0; r < rows.length; r++) perCode[column.codes[rows[r]!]!]!++;
      const counts = new Map<string, number>();
      column.levels.forEach((level, code) => {
        if (perCode[code]! > 0) counts.set(level, perCode[code]!);
      });
      columns.push(fitCategoricalColumn(spec.name, counts, settings));
    }
  }
  return { columns, ...featureLayout(columns) };
}

/** transform of the rows `rows` (indices) of the table: row-major, rows.length × featureNames.length. */
export function transformEncoded(prep: Preprocessor, table: EncodedTable, rows: ArrayLike<number>): Float32Array {
  const width = prep.featureNames.length;
  const out = new Float32Array(rows.length * width);
  let at = 0;
  for (const c of prep.columns) {
    const column = table.columns.get(c.name);
    if (!column) throw new Error(`column "${c.name}" was not encoded`);
    if (c.kind === 'numeric' && column.kind === 'numeric') {
      const knots = c.knots ?? [];
      const limit = clipOf(c);
      for (let r = 0; r < rows.length; r++) {
        const v = column.values[rows[r]!]!;
        writeNumeric(c, limit, knots, Number.isNaN(v) ? null : v, out, r * width + at);
      }
      at += (c.missingIndicator ? 2 : 1) + knots.length;
    } else if (c.kind === 'binary' && column.kind === 'binary') {
      const fill = c.fill ?? DEFAULT_BINARY_FILL;
      for (let r = 0; r < rows.length; r++) {
        const v = column.values[rows[r]!]!;
        out[r * width + at] = v < 0 ? fill : v;
      }
      at += 1;
    } else if (c.kind === 'categorical' && column.kind === 'categorical') {
      const position = new Map(c.levels.map((level, j) => [level, j]));
      const input = Int32Array.from(column.levels, (level) => position.get(level) ?? -1);
      for (let r = 0; r < rows.length; r++) {
        const j = input[column.codes[rows[r]!]!]!;
        if (j >= 0) out[r * width + at + j] = 1;
      }
      at += c.levels.length;
    } else throw new Error(`column "${c.name}" is ${c.kind} in the preprocessor but ${column.kind} in the table`);
  }
  return out;
}
